public import LerendExpressions

/// A workflow that a plugin defines as data: ordered stages, each with its tasks, the
/// condition that says the stage is complete, and the documents it calls for.
///
/// Where a network stands is never stored: ``WorkflowEvaluator`` derives it from the
/// network's data each time, so it cannot drift from the data.
public struct Workflow: Sendable {
    /// The Dutch name, such as "Een lerend netwerk in 5 stappen".
    public var name: String
    /// The document the workflow comes from.
    public var source: String?
    public var stages: [Stage]

    public init(name: String, source: String? = nil, stages: [Stage]) {
        self.name = name
        self.source = source
        self.stages = stages
    }

    /// One stage (fase) of a workflow.
    public struct Stage: Sendable {
        public var id: String
        public var name: String
        /// What the stage is about, for the organiser.
        public var explanation: String?
        public var tasks: [Task]
        /// When the stage is complete; without it, when all its tasks are done.
        public var completion: Expression?
        /// The documents the stage calls for, by the names `lerend export` knows
        /// (such as "uitnodigingen", "agenda", "plan").
        public var documents: [String]

        public init(
            id: String, name: String, explanation: String? = nil, tasks: [Task], completion: Expression? = nil,
            documents: [String] = []
        ) {
            self.id = id
            self.name = name
            self.explanation = explanation
            self.tasks = tasks
            self.completion = completion
            self.documents = documents
        }
    }

    /// A task within a stage, done when its condition holds.
    public struct Task: Sendable {
        public var name: String
        public var condition: Expression
        /// What to do to get it done, such as "vul 'doel' in onder 'netwerk:'".
        public var hint: String?

        public init(name: String, condition: Expression, hint: String? = nil) {
            self.name = name
            self.condition = condition
            self.hint = hint
        }
    }
}
