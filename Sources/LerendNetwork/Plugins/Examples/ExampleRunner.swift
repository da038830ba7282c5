import LerendData
public import LerendDiagnostics
import LerendExpressions
import LerendWorkflow

/// Runs the examples of a bundle: does each rule go off (or not) and is each task done
/// (or not) where its examples say?
public struct ExampleRunner: Sendable {
    /// What one example came to.
    public struct Result: Sendable {
        public let example: PluginExample
        /// Why the example failed; `nil` when it passed.
        public let failure: Diagnostic?

        public var passed: Bool { failure == nil }
    }

    public let plugin: BundlePlugin

    public init(plugin: BundlePlugin) {
        self.plugin = plugin
    }

    /// Every example of the bundle, in the order of the files.
    public func run() -> [Result] {
        plugin.examples.map(run)
    }

    /// The rules and tasks without an example of each kind they can have, with the kinds
    /// that are missing.
    public func missingExamples() -> [(subject: PluginExample.Subject, missing: [PluginExample.Expectation])] {
        var subjects: [(PluginExample.Subject, [PluginExample.Expectation])] = []
        for ruleSet in plugin.ruleSets {
            subjects += ruleSet.rules.map { (.rule($0.id), PluginExample.Expectation.rule) }
        }
        for stage in plugin.workflow?.stages ?? [] {
            subjects += stage.tasks.map { (.task(stage: stage.id, name: $0.name), PluginExample.Expectation.task) }
        }
        return subjects.compactMap { subject, kinds in
            let present = Set(plugin.examples.filter { $0.subject == subject }.map(\.expectation))
            let missing = kinds.filter { !present.contains($0) }
            return missing.isEmpty ? nil : (subject, missing)
        }
    }

    /// Runs one example.
    public func run(_ example: PluginExample) -> Result {
        let network: NetworkFile
        switch ExampleNetwork.make(example, pluginID: plugin.id) {
        case .success(let file): network = file
        case .failure(let problems): return Result(example: example, failure: problems.diagnostics.first)
        }
        switch example.subject {
        case .rule(let id): return Result(example: example, failure: checkRule(id, example, network))
        case .task(let stage, let name): return Result(example: example, failure: checkTask(stage, name, example, network))
        }
    }

    private func checkRule(_ id: String, _ example: PluginExample, _ network: NetworkFile) -> Diagnostic? {
        guard let ruleSet = plugin.ruleSets.first(where: { $0.rules.contains { $0.id == id } }) else { return nil }
        var single = ruleSet
        single.rules = ruleSet.rules.filter { $0.id == id }
        let found = RuleChecker(plugins: []).check(
            network, plugins: [OneRuleSet(id: plugin.id, ruleSets: [single])], on: example.date
        ).filter { $0.ruleID == id }
        if let failed = found.first(where: \.couldNotCheck) {
            return failure(
                "P124", "regel \(id) kon in dit voorbeeld niet worden gecontroleerd: \(failed.message)", example,
                hint: "een ontbrekende waarde telt als 'nee'; controleer de soort van de velden in 'wanneer'")
        }
        switch example.expectation {
        case .fires where found.isEmpty:
            let period =
                ruleSet.applies(on: example.date)
                ? [] : ["de regelset '\(ruleSet.name)' geldt niet op de peildatum (zie geldig_van en geldig_tot)"]
            return failure(
                "P120", "\(id) gaat niet af in dit voorbeeld, maar zou af moeten gaan", example,
                hint: "controleer 'wanneer' van \(id), of maak het voorbeeld zo dat de regel er wel over gaat", notes: period)
        case .quiet where !found.isEmpty:
            return failure(
                "P121", "\(id) gaat af in dit voorbeeld, maar zou niet af moeten gaan", example,
                hint: "controleer 'wanneer' van \(id), of het voorbeeld", notes: found.prefix(3).map { "melding: \($0.message)" })
        default:
            return nil
        }
    }

    private func checkTask(_ stageID: String, _ name: String, _ example: PluginExample, _ network: NetworkFile) -> Diagnostic? {
        guard let task = plugin.workflow?.stages.first(where: { $0.id == stageID })?.tasks.first(where: { $0.name == name })
        else { return nil }
        let context = EvaluationContext(root: network.value(on: example.date), missingValues: .empty)
        let done: Bool
        do throws(ExpressionError) {
            done = try task.condition.isTrue(in: context)
        } catch {
            return failure(
                "P124", "taak '\(name)' kon in dit voorbeeld niet worden bepaald: \(error.message)", example,
                hint: "een ontbrekende waarde telt als 'nee'; controleer de soort van de velden in 'klaar_als'")
        }
        switch (example.expectation, done) {
        case (.done, false):
            return failure(
                "P122", "taak '\(name)' is in dit voorbeeld niet klaar, maar zou klaar moeten zijn", example,
                hint: "controleer 'klaar_als: \(task.condition.source)', of het voorbeeld")
        case (.notDone, true):
            return failure(
                "P123", "taak '\(name)' is in dit voorbeeld klaar, maar zou niet klaar moeten zijn", example,
                hint: "controleer 'klaar_als: \(task.condition.source)', of het voorbeeld")
        default:
            return nil
        }
    }

    private func failure(
        _ id: String, _ message: String, _ example: PluginExample, hint: String, notes: [String] = []
    ) -> Diagnostic {
        var diagnostic = example.file.diagnostic(id: id, message, at: example.node.location, hint: hint)
        diagnostic.notes = ["peildatum \(example.date.iso)" + (example.label.map { "; \($0)" } ?? "")] + notes
        return diagnostic
    }
}

/// A plugin of one rule set, to check one rule on its own.
private struct OneRuleSet: Plugin {
    let id: String
    var name: String { id }
    let ruleSets: [RuleSet]
}
