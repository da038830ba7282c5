import LerendDiagnostics
public import LerendExpressions

/// Derives a ``WorkflowStatus`` from data.
public struct WorkflowEvaluator: Sendable {
    public let workflow: Workflow

    public init(workflow: Workflow) {
        self.workflow = workflow
    }

    /// The status of `data` (usually the network file as a value, plus `vandaag`).
    ///
    /// Stages are walked in order: complete stages before the first incomplete one are
    /// done, that one is current, and every stage after it is still to do, even when
    /// some of its tasks happen to be done already.
    public func status(of data: Value) -> WorkflowStatus {
        let context = EvaluationContext(root: data, missingValues: .empty)
        var problems: [Diagnostic] = []
        var stages: [WorkflowStatus.StageStatus] = []
        var reachedCurrent = false
        for stage in workflow.stages {
            let tasks = stage.tasks.map { task in
                WorkflowStatus.TaskStatus(task: task, isDone: holds(task.condition, in: context, problems: &problems))
            }
            let complete =
                stage.completion.map { holds($0, in: context, problems: &problems) }
                ?? tasks.allSatisfy(\.isDone)
            let state: WorkflowStatus.State
            if reachedCurrent {
                state = .todo
            } else if complete {
                state = .done
            } else {
                state = .current
                reachedCurrent = true
            }
            stages.append(WorkflowStatus.StageStatus(stage: stage, state: state, tasks: tasks))
        }
        return WorkflowStatus(workflow: workflow, stages: stages, problems: problems)
    }

    private func holds(_ condition: Expression, in context: EvaluationContext, problems: inout [Diagnostic]) -> Bool {
        do throws(ExpressionError) {
            return try condition.isTrue(in: context)
        } catch {
            problems.append(
                Diagnostic(
                    .warning, id: error.id, "voorwaarde '\(condition.source)' kon niet worden bepaald: \(error.message)",
                    hint: error.hint))
            return false
        }
    }
}
