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
            zodat opnieuw importeren de afspraak bijwerkt in plaats van verdubbelt.
            """)

    @OptionGroup var options: NetworkOptions

    @Option(
        name: [.customShort("o"), .customLong("uitvoer"), .customLong("output")],
        help: ArgumentHelp("Het agendabestand dat ontstaat.", valueName: "bestand.ics"))
    var output: String

    func run() throws {
        let calendar = try options.openSession().calendar()
        do throws(DiagnosticList) { try calendar.write(to: output) } catch { throw error.exit() }
        Console.print("geschreven: \(output) (\(calendar.events.count.counted("bijeenkomst", "bijeenkomsten")))")
    }
}
