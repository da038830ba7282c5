import LerendData
import LerendDiagnostics
import LerendExpressions

extension BundlePlugin {
    /// The examples under `voorbeelden:` in the rule files and the workflow of a bundle,
    /// and the problems of those that are not written right.
    static func examples(in files: [DataFile], directory: String) -> ([PluginExample], [Diagnostic]) {
        var examples: [PluginExample] = []
        var problems: [Diagnostic] = []
        for file in files {
            var reader = ExampleReader(file: file, directory: directory)
            let defaults = reader.defaults()
            if case .sequence(let rules, _)? = file.root["regels"] {
                for rule in rules {
                    guard let id = rule["id"]?.value.stringValue else { continue }
                    examples += reader.examples(
                        rule["voorbeelden"], of: .rule(id), expecting: PluginExample.Expectation.rule, defaults: defaults)
                }
            }
            if case .sequence(let stages, _)? = file.root["fasen"] {
                for stage in stages {
                    guard let stageID = stage["id"]?.value.stringValue, case .sequence(let tasks, _)? = stage["taken"] else {
                        continue
                    }
                    for task in tasks {
                        guard let name = task["naam"]?.value.stringValue else { continue }
                        examples += reader.examples(
                            task["voorbeelden"], of: .task(stage: stageID, name: name),
                            expecting: PluginExample.Expectation.task, defaults: defaults)
                    }
                }
            }
            problems += reader.problems
        }
        return (examples, problems)
    }
}
