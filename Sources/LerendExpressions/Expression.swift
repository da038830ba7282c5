import OrderedCollections

/// A parsed expression of the template and rule language, such as
/// `deelnemer.naam`, `count(organisaties) >= 3` or `bijeenkomst.datum | datum('kort')`.
///
/// Parse once, evaluate many times: parsing checks the syntax and that every function
/// exists; evaluating needs only the data. See `Docs/expressietaal.md` for the language.
public struct Expression: Sendable, CustomStringConvertible {
    /// The text the expression was parsed from.
    public let source: String
    let node: Node

    /// Parses `source`; throws the first syntax error with its place in `source`.
    public init(_ source: String, library: FunctionLibrary = .standard) throws(ExpressionError) {
        var parser = Parser(tokens: try Lexer.tokenize(source), library: library)
        self.source = source
        self.node = try parser.parseComplete()
    }

    init(source: String, node: Node) {
        self.source = source
        self.node = node
    }

    public var description: String { source }

    /// The dotted path the expression reads, if it is nothing more than a path.
    public var path: String? { node.path }

    /// Where the whole expression stands in its own text.
    public var span: SourceSpan { node.span }

    /// The value; a missing value is an error, or `null` when missing values print empty.
    public func evaluate(in context: EvaluationContext) throws(ExpressionError) -> Value {
        try context.required(node)
    }

    /// The value against `data`, with missing values as errors.
    public func evaluate(_ data: Value) throws(ExpressionError) -> Value {
        try evaluate(in: EvaluationContext(root: data))
    }

    /// The value, or `nil` when it is missing from the data.
    public func evaluateIfPresent(in context: EvaluationContext) throws(ExpressionError) -> Value? {
        try context.evaluate(node)
    }

    /// Whether the expression holds, as a condition: a missing value counts as false.
    public func isTrue(in context: EvaluationContext) throws(ExpressionError) -> Bool {
        try context.evaluate(node)?.isTruthy ?? false
    }

    /// The text a template prints for the expression.
    ///
    /// A missing or empty (`null`) value is an error that names the path, unless the
    /// context prints missing values as empty; an object cannot be printed.
    public func printed(in context: EvaluationContext) throws(ExpressionError) -> String {
        guard let value = try context.evaluate(node) else {
            if context.missingValues == .empty { return "" }
            throw context.missingError(for: node)
        }
        switch value {
        case .null:
            if context.missingValues == .empty { return "" }
            throw ExpressionError(
                id: ExpressionErrorID.missingValue, "'\(node.path ?? source)' is leeg in de gegevens", span: node.span,
                hint: "geef een standaardwaarde: {{ \(source) | standaard('...') }}")
        case .object(let members):
            throw ExpressionError(
                id: ExpressionErrorID.wrongKind, "'\(node.path ?? source)' is een object en geen tekst", span: node.span,
                hint: members.isEmpty ? nil : "kies een veld, zoals \(node.path ?? "waarde").\(members.keys.first!)")
        default:
            guard let text = value.printedText else {
                throw ExpressionError(
                    id: ExpressionErrorID.wrongKind, "'\(node.path ?? source)' is een lijst met objecten en geen tekst",
                    span: node.span, hint: "kies een veld van elk element: map(\(source), x => x.naam)")
            }
            return text
        }
    }
}
