/// One message about the user's input, in Dutch, pointing at the place it is about.
///
/// A diagnostic reads like a compiler's: the location, the severity and a stable id,
/// the message, the source line with a caret under the spot, and a hint that says what
/// to do. ``DiagnosticRenderer`` turns it into text.
public struct Diagnostic: Error, Sendable, Hashable {
    public var severity: Severity
    /// A stable identifier, such as `T101`, that documentation and tools can refer to.
    public var id: String?
    public var message: String
    public var location: SourceLocation?
    /// The text of the line (or paragraph) the location points into.
    public var sourceLine: String?
    /// How many characters the caret underlines, at least one.
    public var length: Int
    /// What the user can do about it.
    public var hint: String?
    /// Further remarks, each printed on a line of its own.
    public var notes: [String]
    /// Where a rule comes from: a document and the sentence it encodes.
    public var source: String?

    public init(
        _ severity: Severity = .error, id: String? = nil, _ message: String,
        at location: SourceLocation? = nil, sourceLine: String? = nil, length: Int = 1,
        hint: String? = nil, notes: [String] = [], source: String? = nil
    ) {
        self.severity = severity
        self.id = id
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
        self.length = max(1, length)
        self.hint = hint
        self.notes = notes
        self.source = source
    }
}

extension Diagnostic: CustomStringConvertible {
    public var description: String { DiagnosticRenderer().render(self) }
}

/// Several diagnostics reported together, such as every error of one template.
public struct DiagnosticList: Error, Sendable, Hashable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// Whether any of them is an error (and not only warnings).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension DiagnosticList: CustomStringConvertible {
    public var description: String { DiagnosticRenderer().render(diagnostics) }
}
