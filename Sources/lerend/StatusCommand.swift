import ArgumentParser
import Foundation
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

    @Option(name: .long, help: ArgumentHelp("tekst (standaard) of json.", valueName: "vorm"))
    var format: CheckCommand.Format = .tekst

    func run() throws {
        let networkFile = try options.loadNetwork()
        let (checker, selected) = try options.loadPlugins(for: networkFile)
        let plugin = selected.first { $0.id == networkFile.network.plugin }
        guard let plugin, let workflow = plugin.workflow else {
            Console.error("fout: plugin '\(networkFile.network.plugin)' heeft geen werkproces")
            throw ExitCode.failure
        }
        let date = options.date
        let status = WorkflowEvaluator(workflow: workflow).status(of: networkFile.value(on: date))
        let blocking = checker.check(networkFile, plugins: selected, on: date).filter { $0.severity == .error }
        Console.report(status.problems)
        switch format {
        case .tekst: printText(status, network: networkFile.network, blocking: blocking, date: date)
        case .json: try printJSON(status, network: networkFile.network, blocking: blocking, date: date)
        }
    }

    private func printText(_ status: WorkflowStatus, network: Network, blocking: [Finding], date: LocalDate) {
        let color = Console.isStandardOutputTerminal
        func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        Console.print("\(network.name): \(status.workflow.name), stand op \(DutchFormatting.date(date, style: "middel"))\n")
        for stage in status.stages {
            switch stage.state {
            case .done: Console.print("  \(paint("✓", "32")) \(stage.stage.name)  \(paint("klaar", "32"))")
            case .current: Console.print("  \(paint("▶", "1;33")) \(paint(stage.stage.name, "1"))  \(paint("bezig", "1;33"))")
            case .todo: Console.print("  · \(stage.stage.name)  \(paint("te doen", "2"))")
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
            let mark = task.isDone ? paint("✓", "32") : "☐"
            Console.print("  \(mark) \(task.task.name)")
            if !task.isDone, let hint = task.task.hint { Console.print("      \(paint(hint, "2"))") }
        }
        if !current.stage.documents.isEmpty {
            Console.print("\nDocumenten voor deze stap: " + DutchFormatting.enumeration(current.stage.documents, conjunction: "en")
                + "  (lerend export)")
        }
        if !blocking.isEmpty {
            Console.print("\nFouten die eerst opgelost moeten worden (lerend check):")
            for finding in blocking { Console.print("  \(paint(finding.ruleID, "1;31")): \(finding.message)") }
        }
    }

    private func printJSON(_ status: WorkflowStatus, network: Network, blocking: [Finding], date: LocalDate) throws {
        struct Task: Encodable { let naam: String; let klaar: Bool; let hint: String? }
        struct Stage: Encodable { let id, naam, stand: String; let taken: [Task]; let documenten: [String] }
        struct Report: Encodable {
            let netwerk, werkproces, datum: String
            let huidige_fase: String?
            let fasen: [Stage]
            let blokkerende_fouten: [String]
        }
        let report = Report(
            netwerk: network.name, werkproces: status.workflow.name, datum: date.iso, huidige_fase: status.current?.stage.id,
            fasen: status.stages.map { stage in
                Stage(id: stage.stage.id, naam: stage.stage.name, stand: stage.state.rawValue,
                      taken: stage.tasks.map { Task(naam: $0.task.name, klaar: $0.isDone, hint: $0.task.hint) },
                      documenten: stage.stage.documents)
            },
            blokkerende_fouten: blocking.map { "\($0.ruleID): \($0.message)" })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        Console.print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }
}
