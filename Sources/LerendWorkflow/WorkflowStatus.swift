public import LerendDiagnostics

/// Where a network stands in a workflow, derived from its data.
public struct WorkflowStatus: Sendable {
    public enum State: String, Sendable, Codable {
        case done = "klaar"
        case current = "bezig"
        case todo = "te doen"
    }

    public struct TaskStatus: Sendable {
        public let task: Workflow.Task
        public let isDone: Bool
    }

    public struct StageStatus: Sendable {
        public let stage: Workflow.Stage
        public let state: State
        public let tasks: [TaskStatus]

        /// The tasks still to do, in order.
        public var openTasks: [Workflow.Task] { tasks.filter { !$0.isDone }.map(\.task) }
    }

    public let workflow: Workflow
    public let stages: [StageStatus]
    /// Conditions that could not be evaluated (a wrong type in the data, for example);
    /// their tasks count as not done.
    public let problems: [Diagnostic]

    /// The stage the network is in: the first stage that is not complete.
    public var current: StageStatus? { stages.first { $0.state == .current } }

    /// Whether every stage is complete.
    public var isFinished: Bool { stages.allSatisfy { $0.state == .done } }
}
