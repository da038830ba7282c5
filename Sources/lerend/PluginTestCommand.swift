import ArgumentParser
import LerendApplication
import LerendDiagnostics
import LerendNetwork

/// `lerend plugin toets`: loads a bundle and runs every example of its rules and tasks.
struct PluginTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toets",
        abstract: "Laadt een bundel en draait elk voorbeeld van zijn regels en taken.",
        discussion: """
            Elke fout bij het laden noemt bestand, regel en kolom. Daarna krijgt elk voorbeeld een regel \
            (goed of FOUT) en volgt een samenvatting, met de regels en taken zonder voorbeeld van elke \
            soort. De opdracht eindigt met een foutcode als de bundel niet laadt of een voorbeeld faalt.
            """)

    @Argument(help: ArgumentHelp("De map van de bundel (met plugin.yaml).", valueName: "map"))
    var directory: String

    @Option(
        name: [.customLong("formaat"), .customLong("format")],
        help: ArgumentHelp("tekst (standaard) of json, voor andere programma's.", valueName: "vorm"))
    var format: CheckCommand.Format = .tekst

    @Flag(
        name: [.customLong("volledig"), .customLong("strict")],
        help: "Een regel zonder voorbeeld dat afgaat en een dat niet afgaat is ook een fout.")
    var requireEveryKind = false

    func run() throws {
        let report = PluginTestReport.run(directory: directory, requireEveryKind: requireEveryKind)
        switch format {
        case .json: Console.print(report.json())
        case .tekst: printText(report)
        }
        if !report.passed { throw ExitCode.failure }
    }

    private func printText(_ report: PluginTestReport) {
        Console.report(report.problems)
        if let plugin = report.plugin {
            Console.print(
                "\(plugin.name) (\(plugin.id)\(plugin.version.map { " \($0)" } ?? "")), "
                    + (plugin.lerendVersions.map { "voor Lerend \($0)" } ?? "zonder Lerend-versie"))
        }
        for result in report.results {
            Console.print(PluginTestReport.line(result, relativeTo: directory))
        }
        Console.report(report.failures.compactMap(\.failure))
        if !report.gaps.isEmpty {
            Console.print("\nzonder voorbeeld van elke soort:")
            for gap in report.gaps {
                let mark = report.failingGaps.contains { $0.subject == gap.subject } ? "FOUT" : "    "
                Console.print(
                    "\(mark)  \(gap.subject): geen voorbeeld dat " + gap.missing.map(Self.phrase).joined(separator: " of "))
            }
        }
        Console.print("\n" + report.summary)
    }

    /// "afgaat", "niet afgaat", "klaar is", "niet klaar is".
    private static func phrase(_ expectation: PluginExample.Expectation) -> String {
        switch expectation {
        case .fires: "afgaat"
        case .quiet: "niet afgaat"
        case .done: "klaar is"
        case .notDone: "niet klaar is"
        }
    }
}
