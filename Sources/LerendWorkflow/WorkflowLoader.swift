public import LerendData
public import LerendDiagnostics
public import LerendExpressions

/// Reads a workflow from a YAML file of a plugin bundle.
///
/// ```yaml
/// naam: Een lerend netwerk in 5 stappen
/// bron: 002_3c64f2f97e344e22.txt
/// fasen:
///   - id: waarom
///     naam: "Stap 1: Bedenk waarom je een lerend netwerk wil vormen"
///     uitleg: Welke vragen heb je? Wat wil je leren?
///     taken:
///       - naam: Schrijf het doel op
///         klaar_als: netwerk.doel
///         hint: vul 'doel' in onder 'netwerk:'
///     documenten: [plan]
/// ```
public enum WorkflowLoader: Sendable {
    /// The workflow in `file`, or every problem in it.
    public static func load(_ file: DataFile, library: FunctionLibrary = .standard) throws(DiagnosticList) -> Workflow {
        var reader = MappingReader(file.root, in: file, context: "het werkproces")
        let name = reader.text("naam", required: true) ?? ""
        let source = reader.text("bron")
        // Examples of the tasks are read by the plugin bundle, which knows its folder.
        _ = reader.value("voorbeelden")
        var stages: [Workflow.Stage] = []
        var seen: [String: DataNode] = [:]
        for stageNode in reader.sequence("fasen", required: true) {
            var stageReader = MappingReader(stageNode, in: file, context: "een fase")
            let id = stageReader.text("id", required: true) ?? ""
            if let idNode = stageNode["id"], let earlier = seen[id] {
                stageReader.report(
                    file.diagnostic(
                        id: "W101", "fase '\(id)' komt twee keer voor", at: idNode,
                        hint: "de eerste staat op regel \(earlier.location.line ?? 0); geef elke fase een eigen id"))
            } else if let idNode = stageNode["id"] {
                seen[id] = idNode
            }
            let stageName = stageReader.text("naam", required: true) ?? id
            let explanation = stageReader.text("uitleg")
            var tasks: [Workflow.Task] = []
            for taskNode in stageReader.sequence("taken") {
                var taskReader = MappingReader(taskNode, in: file, context: "een taak van fase '\(id)'")
                let taskName = taskReader.text("naam", required: true) ?? ""
                let hint = taskReader.text("hint")
                _ = taskReader.value("voorbeelden")
                if let conditionNode = taskReader.value("klaar_als", required: true) {
                    do throws(Diagnostic) {
                        let condition = try file.expression(at: conditionNode, library: library)
                        tasks.append(Workflow.Task(name: taskName, condition: condition, hint: hint))
                    } catch {
                        taskReader.report(error)
                    }
                }
                taskReader.finish()
                stageReader.merge(taskReader)
            }
            var completion: Expression?
            if let completionNode = stageReader.value("klaar_als") {
                do throws(Diagnostic) {
                    completion = try file.expression(at: completionNode, library: library)
                } catch {
                    stageReader.report(error)
                }
            }
            let documents = stageReader.sequence("documenten").compactMap { node -> String? in
                if case .scalar(let scalar) = node { return scalar.text }
                return nil
            }
            if tasks.isEmpty, completion == nil, stageNode["taken"] == nil {
                stageReader.report(
                    file.diagnostic(
                        id: "W102", "fase '\(id)' heeft geen taken en geen 'klaar_als'", at: stageNode.location,
                        hint: "zonder voorwaarde is de fase meteen klaar; voeg 'taken:' of 'klaar_als:' toe"))
            }
            stageReader.finish()
            reader.merge(stageReader)
            stages.append(
                Workflow.Stage(
                    id: id, name: stageName, explanation: explanation, tasks: tasks, completion: completion, documents: documents)
            )
        }
        reader.finish()
        if !reader.problems.isEmpty { throw DiagnosticList(reader.problems) }
        return Workflow(name: name, source: source, stages: stages)
    }
}

extension MappingReader {
    /// Takes over the problems of a reader of a nested mapping.
    mutating func merge(_ other: MappingReader) {
        for problem in other.problems { report(problem) }
    }
}
