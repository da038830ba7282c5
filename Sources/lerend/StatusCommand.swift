import ArgumentParser
import LerendApplication
import LerendDiagnostics
import LerendExpressions
import LerendNetwork
import LerendWorkflow

/// `lerend status`: where the network stands in its plugin's workflow, and what is next.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Laat zien waar het netwerk staat in het stappenplan van zijn plugin, en wat de volgende stap is.",
        discussion: """
            De stand wordt elke keer afgeleid uit het netwerkbestand; er wordt niets naast het \
            bestand bewaard.
            """)

    @OptionGroup var options: NetworkOptions

    @Option(
        name: [.customLong("formaat"), .customLong("format")], help: ArgumentHelp("tekst (standaard) of json.", valueName: "vorm")
    )
    var format: CheckCommand.Format = .tekst

    func run() throws {
        let session = try options.openSession()
        let report: StatusReport
        do throws(DiagnosticList) { report = try session.statusReport() } catch { throw error.exit() }
        Console.report(report.status.problems)
        switch format {
        case .tekst: printText(report)
        case .json: Console.print(report.json())
        }
    }

    private func printText(_ report: StatusReport) {
        let style = Console.output
        let status = report.status
        Console.print(
            "\(report.network): \(status.workflow.name), stand op \(DutchFormatting.date(report.date, style: "middel"))\n")
        for stage in status.stages {
            switch stage.state {
            case .done: Console.print("  \(style.paint("✓", .green)) \(stage.stage.name)  \(style.paint("klaar", .green))")
            case .current:
                Console.print(
                    "  \(style.paint("▶", .boldYellow)) \(style.paint(stage.stage.name, .bold))  \(style.paint("bezig", .boldYellow))"
                )
            case .todo: Console.print("  · \(stage.stage.name)  \(style.paint("te doen", .dim))")
            }
        }
        guard let current = status.current else {
            Console.print("\nAlle stappen zijn klaar.")
            return
        }
        Console.print("\nNu: \(current.stage.name)")
        if let explanation = current.stage.explanation { Console.print("  \(explanation)") }
        Console.print("\nWat nog moet:")
        for task in current.tasks {
            Console.print("  \(task.isDone ? style.paint("✓", .green) : "☐") \(task.task.name)")
            if !task.isDone, let hint = task.task.hint { Console.print("      \(style.paint(hint, .dim))") }
        }
        if !report.documents.isEmpty {
            let names = report.documents.map { $0 == .plan ? $0.label : $0.pluralLabel }
            Console.print(
                "\nDocumenten voor deze stap: " + DutchFormatting.enumeration(names, conjunction: "en") + "  (lerend export)")
        }
        if !report.blocking.isEmpty {
            Console.print("\nFouten die eerst opgelost moeten worden (lerend check):")
            for finding in report.blocking { Console.print("  \(style.paint(finding.ruleID, .boldRed)): \(finding.message)") }
        }
    }
}
