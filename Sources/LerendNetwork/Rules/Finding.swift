public import LerendDiagnostics

/// What a rule found about a network.
public struct Finding: Sendable {
    public var ruleID: String
    public var severity: Severity
    public var message: String
    public var source: RuleSource?
    /// The rule set and the plugin it comes from.
    public var ruleSet: String
    public var plugin: String
    /// The place in the network file the finding is about, for rules about one element.
    public var location: SourceLocation?
    /// The line of the network file at ``location``.
    public var sourceLine: String?
    public var notes: [String] = []
    /// Whether the rule could not be checked (its condition failed on this network), so
    /// that the finding is about the rule rather than the network.
    public var couldNotCheck = false

    public init(
        ruleID: String, severity: Severity, message: String, source: RuleSource?, ruleSet: String, plugin: String,
        location: SourceLocation? = nil, sourceLine: String? = nil
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.source = source
        self.ruleSet = ruleSet
        self.plugin = plugin
        self.location = location
        self.sourceLine = sourceLine
    }

    /// The finding as a diagnostic, for the terminal.
    public var diagnostic: Diagnostic {
        Diagnostic(
            severity, id: ruleID, message, at: location, sourceLine: sourceLine, notes: notes,
            source: source.map { "\($0.document): “\($0.sentence)”" })
    }
}
