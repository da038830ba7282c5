import ArgumentParser
import Foundation
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

    @Option(name: .long, help: ArgumentHelp("Eerste dag van het jaar (JJJJ-MM-DD); standaard voorkeuren.start.", valueName: "datum"))
    var vanaf: String?

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Schrijf een kopie van het netwerkbestand met de voorgestelde bijeenkomsten erbij.", valueName: "bestand"))
    var output: String?

    @Flag(name: .long, help: "Sta toe dat -o een bestaand bestand vervangt (ook het netwerkbestand zelf).")
    var overschrijven = false

    func validate() throws {
        if let vanaf, LocalDate(iso: vanaf) == nil { throw ValidationError("--vanaf \(vanaf) is geen datum (JJJJ-MM-DD)") }
    }

    func run() throws {
        let networkFile = try options.loadNetwork()
        let (_, selected) = try options.loadPlugins(for: networkFile)
        guard let plugin = selected.first(where: { $0.id == networkFile.network.plugin }), let programme = plugin.programme else {
            Console.error("fout: plugin '\(networkFile.network.plugin)' heeft geen jaarprogramma (programma: in plugin.yaml)")
            throw ExitCode.failure
        }
        let planner = YearPlanner(programme: programme, facilitatorProvider: plugin.name)
        let plan = planner.plan(networkFile.network, today: options.date, from: vanaf.flatMap { LocalDate(iso: $0) })
        printPlan(plan, network: networkFile.network)
        if let output { try write(plan, of: networkFile, to: output) }
    }

    private func printPlan(_ plan: YearPlan, network: Network) {
        Console.print("\(network.name): jaarplanning van \(DutchFormatting.date(plan.first, style: "middel")) "
            + "tot en met \(DutchFormatting.date(plan.last, style: "middel"))\n")
        for meeting in plan.meetings {
            let mark = meeting.isExisting ? "  (staat al in het bestand)" : ""
            let end = meeting.start.adding(minutes: meeting.durationMinutes)
            Console.print("\(meeting.number). \(DutchFormatting.date(meeting.date, style: "lang")), "
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

    private func write(_ plan: YearPlan, of networkFile: NetworkFile, to path: String) throws {
        let same = FilePaths.same(path, options.networkPath)
        if FileManager.default.fileExists(atPath: path), !overschrijven {
            Console.report([Diagnostic(
                .error, id: "O004", same ? "-o wijst naar het netwerkbestand zelf" : "'\(path)' bestaat al",
                at: SourceLocation(file: path),
                hint: "kies een nieuwe naam, of zet --overschrijven erbij als je het bestand echt wilt vervangen")])
            throw ExitCode.failure
        }
        let text: String
        do throws(DiagnosticList) {
            text = try networkFile.text(
                adding: plan.proposed, note: "voorgesteld door lerend plan op \(options.date.iso)")
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode.failure
        }
        do {
            try Data(text.utf8).write(to: URL(filePath: path), options: .atomic)
        } catch {
            Console.error("fout: kan '\(path)' niet schrijven: \(error.localizedDescription)")
            throw ExitCode.failure
        }
        let count = plan.proposed.count
        Console.print("\ngeschreven: \(path) (\(count) \(count == 1 ? "bijeenkomst" : "bijeenkomsten") toegevoegd)")
    }
}
