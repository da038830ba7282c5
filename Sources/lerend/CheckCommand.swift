import ArgumentParser
import LerendApplication
import LerendDiagnostics
import LerendExpressions
import LerendNetwork

/// `lerend check`: the findings of the rule sets about a network.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Toetst een netwerk aan de regels van zijn plugins (Kwaliteitskader, Waardigheid en trots, KenniZ).",
        discussion: """
            Elke bevinding staat bij haar ernst (fouten, waarschuwingen, adviezen), met de regel, \
            de melding en de zin uit het brondocument. De opdracht eindigt met een foutcode als \
            er fouten zijn.
            """)

    /// How a report is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case tekst, json

        init?(argument: String) {
            switch argument.lowercased() {
            case "tekst", "text": self = .tekst
            case "json": self = .json
            default: return nil
            }
        }
    }

    @OptionGroup var options: NetworkOptions

    @Option(
        name: [.customLong("formaat"), .customLong("format")],
        help: ArgumentHelp("tekst (standaard) of json, voor andere programma's.", valueName: "vorm"))
    var format: Format = .tekst

    func run() throws {
        let report = try options.openSession().checkReport()
        switch format {
        case .tekst: printText(report)
        case .json: Console.print(report.json())
        }
        if report.hasErrors { throw ExitCode.failure }
    }

    private func printText(_ report: CheckReport) {
        let renderer = DiagnosticRenderer(colored: Console.output.isEnabled)
        Console.print(
            "\(report.network): getoetst op \(DutchFormatting.date(report.date, style: "middel")) aan \(report.ruleSetNames)")
        for (severity, title) in [(Severity.error, "Fouten"), (.warning, "Waarschuwingen"), (.advice, "Adviezen")] {
            let group = report.findings(severity)
            guard !group.isEmpty else { continue }
            Console.print("\n\(title) (\(group.count))\n")
            Console.print(group.map { renderer.render($0.diagnostic) }.joined(separator: "\n\n"))
        }
        Console.print("\n" + report.summary)
    }
}
