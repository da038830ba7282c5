public import LerendDiagnostics

/// A problem with an expression: a syntax error when parsing, or a value that is
/// missing or of the wrong kind when evaluating.
///
/// The span points into the expression's own text; callers that embed expressions
/// (templates, rule files) turn it into a ``Diagnostic`` at their own location with
/// ``diagnostic(in:at:)``.
public struct ExpressionError: Error, Sendable, Hashable {
    /// A stable id: `E1xx` for syntax, `E2xx` for evaluation.
    public var id: String
    public var message: String
    public var span: SourceSpan
    public var hint: String?
    /// Set when a function turned down an argument only because it was missing or empty
    /// while missing values print empty: the call then has no value instead of an error.
    var rejectsMissingInput = false

    public init(id: String, _ message: String, span: SourceSpan, hint: String? = nil) {
        self.id = id
        self.message = message
        self.span = span
        self.hint = hint
    }

    /// The error as a diagnostic for an expression whose text is `source` and whose
    /// first character is at `location` (its column counts from the line's start).
    public func diagnostic(in sourceLine: String, at location: SourceLocation, columnOffset: Int = 0) -> Diagnostic {
        var place = location
        place.column = columnOffset + span.start + 1
        return Diagnostic(.error, id: id, message, at: place, sourceLine: sourceLine, length: span.length, hint: hint)
    }
}

extension ExpressionError: CustomStringConvertible {
    public var description: String { "fout[\(id)]: \(message)" + (hint.map { " (hint: \($0))" } ?? "") }
}

/// The stable ids of expression errors.
enum ExpressionErrorID {
    static let unexpectedCharacter = "E101"
    static let unterminatedString = "E102"
    static let unexpectedToken = "E103"
    static let unknownFunction = "E104"
    static let argumentCount = "E105"
    static let unknownTest = "E106"
    static let misplacedLambda = "E107"
    static let unknownVariable = "E108"
    static let unknownField = "E109"
    static let nestedTooDeep = "E110"

    static let missingValue = "E201"
    static let wrongKind = "E202"
    static let divisionByZero = "E203"
    static let invalidArgument = "E204"
    static let limitExceeded = "E205"
    static let overflow = "E206"
    static let iterationBudget = "E207"
    static let outputBudget = "E208"
    static let textTooLong = "E209"
}
