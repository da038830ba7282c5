public import LerendData
public import LerendDiagnostics
public import LerendExpressions

/// One example of a bundle: a network, the date it is checked on, and what a rule or a
/// workflow task must make of it (`voorbeelden:` in a rule file or a workflow).
///
/// ```yaml
/// voorbeelden:
///   - verwacht: gaat af
///     uitleg: vijf organisaties
///     wijzig: {organisaties.6: null}
/// ```
public struct PluginExample: Sendable {
    /// What the example is about.
    public enum Subject: Sendable, Hashable, CustomStringConvertible {
        /// A rule, by its id.
        case rule(String)
        /// A task of a workflow stage, by the stage id and the task name.
        case task(stage: String, name: String)

        /// The subject for people: `KZ-01`, `taak 'Schrijf het doel op' (fase start)`.
        public var description: String {
            switch self {
            case .rule(let id): id
            case .task(let stage, let name): "taak '\(name)' (fase \(stage))"
            }
        }
    }

    /// What the rule or task must make of the example.
    public enum Expectation: String, Sendable, CaseIterable {
        case fires = "gaat af"
        case quiet = "gaat niet af"
        case done = "klaar"
        case notDone = "niet klaar"

        /// The two expectations a rule can have.
        public static let rule: [Expectation] = [.fires, .quiet]
        /// The two expectations a task can have.
        public static let task: [Expectation] = [.done, .notDone]
    }

    /// One change to the network: a value at a path such as `bijeenkomsten.3.duur_minuten`
    /// (list positions count from 1; one past the end adds an element; `null` removes).
    public struct Change: Sendable {
        /// The steps of the path: keys, or positions from 1.
        public let path: [String]
        public let value: Value
        /// The key of the change in the bundle file, for messages.
        public let key: DataNode.Scalar
    }

    public let subject: Subject
    public let expectation: Expectation
    /// What the example shows, from `uitleg:`.
    public let label: String?
    /// The date the network is checked on (`peildatum`).
    public let date: LocalDate
    /// The network file the example starts from (`netwerk:`, or the shared one of the
    /// file); `nil` for a network with only a name.
    public let network: String?
    public let changes: [Change]
    /// The file the example is written in.
    public let file: DataFile
    /// The example itself, for messages.
    public let node: DataNode

    /// Where the example is written.
    public var location: SourceLocation { node.location }
}
