import ArgumentParser
import LerendApplication
import LerendDiagnostics
import LerendExpressions
import LerendNetwork

/// `lerend plan`: proposes the meetings of a year.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Stelt de bijeenkomsten van een jaar voor, volgens het programma van de plugin.",
        discussion: """
            Data worden gelijkmatig over het jaar verdeeld, op de gewenste weekdag en nooit op een \
            feestdag; gastheren rouleren, elk tweetal voorbereiders komt uit twee organisaties. \
            Bijeenkomsten die al in het bestand staan blijven zoals ze zijn. Het netwerkbestand \
            wordt niet gewijzigd: met -o komt het voorstel in een kopie.
            """)

    @OptionGroup var options: NetworkOptions

    @Option(
        name: .long, help: ArgumentHelp("Eerste dag van het jaar (JJJJ-MM-DD); standaard voorkeuren.start.", valueName: "datum"))
    var vanaf: String?

    @Option(
        name: [.customShort("o"), .customLong("uitvoer"), .customLong("output")],
        help: ArgumentHelp(
            "Schrijf een kopie van het netwerkbestand met de voorgestelde bijeenkomsten erbij.", valueName: "bestand"))
    var output: String?

    @Flag(name: .long, help: "Sta toe dat -o een bestaand bestand vervangt (ook het netwerkbestand zelf).")
    var overschrijven = false

    func validate() throws {
        if let vanaf, LocalDate(iso: vanaf) == nil { throw ValidationError("--vanaf \(vanaf) is geen datum (JJJJ-MM-DD)") }
    }

    func run() throws {
        let session = try options.openSession()
        let proposal: PlanProposal
        do throws(DiagnosticList) {
            proposal = try session.planProposal(from: vanaf.flatMap { LocalDate(iso: $0) })
        } catch { throw error.exit() }
        printPlan(proposal.plan, network: session.network)
        guard let output else { return }
        do throws(DiagnosticList) {
            let count = try proposal.writeCopy(to: output, overwrite: overschrijven)
            Console.print("\ngeschreven: \(output) (\(count.counted("bijeenkomst", "bijeenkomsten")) toegevoegd)")
        } catch { throw error.exit() }
    }

    private func printPlan(_ plan: YearPlan, network: Network) {
        Console.print(
            "\(network.name): jaarplanning van \(DutchFormatting.date(plan.first, style: "middel")) "
                + "tot en met \(DutchFormatting.date(plan.last, style: "middel"))\n")
        for meeting in plan.meetings {
            let mark = meeting.isExisting ? "  (staat al in het bestand)" : ""
            let end = meeting.start.adding(minutes: meeting.durationMinutes)
            Console.print(
                "\(meeting.number). \(DutchFormatting.date(meeting.date, style: "lang")), "
                    + "\(DutchFormatting.time(meeting.start, style: "kort"))–\(DutchFormatting.time(end, style: "lang"))\(mark)")
            var details: [String] = []
            if let host = meeting.host { details.append("gastheer: \(host)") }
            if let theme = meeting.theme { details.append("thema: \(theme)") }
            if !meeting.preparers.isEmpty {
                details.append("voorbereiding: " + DutchFormatting.enumeration(meeting.preparers, conjunction: "en"))
            }
            if let facilitator = meeting.facilitator { details.append("gespreksleider: \(facilitator)") }
            if meeting.evaluation { details.append("met evaluatie") }
            if meeting.form != "fysiek" { details.append(meeting.form) }
            Console.print("   " + details.joined(separator: " · "))
            if !meeting.moved.isEmpty {
                Console.print("   verschoven vanwege " + DutchFormatting.enumeration(meeting.moved, conjunction: "en"))
            }
        }
        for remark in plan.remarks { Console.print("\nlet op: \(remark)") }
        if plan.proposed.isEmpty { Console.print("\nAlle bijeenkomsten van dit jaar staan al in het bestand.") }
    }
}
