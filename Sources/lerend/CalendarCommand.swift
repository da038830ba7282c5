import ArgumentParser
import LerendApplication
import LerendDiagnostics

/// `lerend calendar`: the meetings of a network as an iCalendar file.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Schrijft de bijeenkomsten als agendabestand (.ics) voor Outlook, Google Agenda en Agenda.",
        discussion: """
            Elke bijeenkomst houdt bij een nieuwe export dezelfde UID (netwerk en volgnummer), \
            zodat opnieuw importeren de afspraak bijwerkt in plaats van verdubbelt. Het bestand is een \
            uitnodiging (METHOD:REQUEST) van de contactpersoon aan elke deelnemer met een e-mailadres. \
            Naast het bestand houdt <bestand.ics>.staat per bijeenkomst het volgnummer (SEQUENCE) bij: \
            dat gaat omhoog als een bijeenkomst verandert; een bijeenkomst die uit het netwerkbestand \
            verdwenen is, wordt afgezegd in <bestand>-afgelast.ics (METHOD:CANCEL).
            """)

    @OptionGroup var options: NetworkOptions

    @Option(
        name: [.customShort("o"), .customLong("uitvoer"), .customLong("output")],
        help: ArgumentHelp("Het agendabestand dat ontstaat.", valueName: "bestand.ics"))
    var output: String

    @Option(
        name: [.customLong("bijeenkomst"), .customLong("meeting")],
        help: ArgumentHelp("Alleen de uitnodiging voor deze bijeenkomst (volgnummer).", valueName: "N"))
    var meeting: Int?

    @Flag(
        name: [.customLong("met-voorstel"), .customLong("with-proposal")],
        help:
            "Ook de bijeenkomsten die lerend plan voorstelt en die nog niet in het netwerkbestand staan, als voorlopig (TENTATIVE)."
    )
    var withProposal = false

    func validate() throws {
        if withProposal, meeting != nil { throw ValidationError("--met-voorstel en --bijeenkomst gaan niet samen") }
    }

    func run() throws {
        let session = try options.openSession()
        do throws(DiagnosticList) {
            let calendar: CalendarExport
            if withProposal {
                calendar = try session.calendarWithProposal()
            } else if let meeting {
                calendar = try session.calendar(meeting: meeting)
            } else {
                calendar = session.calendar()
            }
            let written = try calendar.write(to: output)
            Console.print("geschreven: \(output) (\(calendar.events.count.counted("bijeenkomst", "bijeenkomsten")))")
            if let path = written.cancellationPath {
                Console.print("geschreven: \(path) (\(written.cancelled.count.counted("afzegging", "afzeggingen")))")
            }
        } catch { throw error.exit() }
    }
}
