public import LerendDiagnostics
public import LerendExpressions

/// One rule of a rule set: when its condition holds, the network falls short and the
/// organiser gets its message.
public struct Rule: Sendable {
    /// A stable id, such as `KZ-05`.
    public var id: String
    /// `fout`, `waarschuwing` or `advies`.
    public var severity: Severity
    /// For a rule about each element of a list (`voor_elk: b in bijeenkomsten`): the
    /// variable and the list.
    public var forEach: (variable: String, list: Expression)?
    /// When the finding fires (`wanneer`).
    public var condition: Expression
    /// The Dutch message, which may quote the data.
    public var message: TextTemplate
    /// Where the rule comes from.
    public var source: RuleSource

    public init(
        id: String, severity: Severity, forEach: (variable: String, list: Expression)? = nil, condition: Expression,
        message: TextTemplate, source: RuleSource
    ) {
        self.id = id
        self.severity = severity
        self.forEach = forEach
        self.condition = condition
        self.message = message
        self.source = source
    }
}

/// The document and the sentence a rule encodes.
public struct RuleSource: Sendable, Hashable, Codable {
    public var document: String
    public var sentence: String

    public init(document: String, sentence: String) {
        self.document = document
        self.sentence = sentence
    }
}

/// A named, versioned set of rules with the period it applies to.
public struct RuleSet: Sendable {
    public var name: String
    public var version: String
    public var validFrom: LocalDate?
    /// The last day the rules apply.
    public var validUntil: LocalDate?
    /// What applies after ``validUntil``, told to networks checked after that date.
    public var successor: String?
    public var rules: [Rule]

    public init(
        name: String, version: String, validFrom: LocalDate? = nil, validUntil: LocalDate? = nil, successor: String? = nil,
        rules: [Rule]
    ) {
        self.name = name
        self.version = version
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.successor = successor
        self.rules = rules
    }

    /// Whether the rules apply on `date`.
    public func applies(on date: LocalDate) -> Bool {
        (validFrom.map { $0 <= date } ?? true) && (validUntil.map { date <= $0 } ?? true)
    }
}
