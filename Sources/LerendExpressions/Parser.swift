import LerendDiagnostics

/// Parses the tokens of an expression into a ``Node`` tree.
///
/// Precedence, from loose to tight: `a if c else b`; `or`; `and`; `not`; comparisons
/// (`==`, `!=`, `<`, `<=`, `>`, `>=`, `in`, `not in`, `is`); `+`, `-`, `~`; `*`, `/`,
/// `//`, `%`; filters `a | f(b)`; unary `-`; member access `a.b`, `a[0]` and calls `f(a)`.
struct Parser {
    private var tokens: [Token]
    private var position = 0
    let library: FunctionLibrary
    /// How deep the node being parsed will sit: one more for every nested expression and
    /// for every link of a chain such as `a and b and c`. Bounding it bounds the height of
    /// the tree, so evaluating, checking and freeing it can never exhaust the stack.
    private var nesting = 0

    /// The deepest nesting an expression may have. Real expressions stay far below it.
    static let nestingLimit = 128

    init(tokens: [Token], library: FunctionLibrary) {
        self.tokens = tokens
        self.library = library
    }

    static let keywords: Set<String> = [
        "and", "or", "not", "in", "is", "if", "else", "true", "false", "none", "null", "True", "False", "None",
    ]

    var current: Token { tokens[position] }
    var isAtEnd: Bool { current.isEnd }

    mutating func advance() -> Token {
        let token = tokens[position]
        if !token.isEnd { position += 1 }
        return token
    }

    mutating func parseExpression() throws(ExpressionError) -> Node {
        try deeper()
        defer { nesting -= 1 }
        return try parseConditional()
    }

    /// Counts one level of nesting, refusing the expression past ``nestingLimit``.
    private mutating func deeper() throws(ExpressionError) {
        nesting += 1
        guard nesting <= Self.nestingLimit else {
            nesting -= 1
            throw ExpressionError(
                id: ExpressionErrorID.nestedTooDeep,
                "de expressie is te diep genest (meer dan \(Self.nestingLimit) niveaus haakjes, 'not', '-' of schakels als 'and' en '+')",
                span: current.span, hint: "splits de expressie, bijvoorbeeld met {% set %} of in kleinere regels")
        }
    }

    /// Parses one expression that must use up all tokens.
    mutating func parseComplete() throws(ExpressionError) -> Node {
        let node = try parseExpression()
        guard isAtEnd else { throw unexpected(expected: "het einde van de expressie") }
        return node
    }

    mutating func expectWord(_ word: String) throws(ExpressionError) {
        guard current.isWord(word) else { throw unexpected(expected: "'\(word)'") }
        _ = advance()
    }

    mutating func expectSymbol(_ symbol: String) throws(ExpressionError) {
        guard current.isSymbol(symbol) else { throw unexpected(expected: "'\(symbol)'") }
        _ = advance()
    }

    /// A name that is not a keyword, such as a loop variable.
    mutating func expectIdentifier(_ role: String) throws(ExpressionError) -> (String, SourceSpan) {
        guard case .name(let name) = current.kind, !Self.keywords.contains(name) else {
            throw unexpected(expected: role)
        }
        let span = advance().span
        return (name, span)
    }

    func unexpected(expected: String) -> ExpressionError {
        ExpressionError(
            id: ExpressionErrorID.unexpectedToken, "verwacht \(expected), maar vond \(current.display)",
            span: current.span)
    }

    // MARK: - Levels of precedence

    private mutating func parseConditional() throws(ExpressionError) -> Node {
        let value = try parseOr()
        guard current.isWord("if") else { return value }
        _ = advance()
        let condition = try parseOr()
        var alternative: Node?
        if current.isWord("else") {
            _ = advance()
            alternative = try parseExpression()
        }
        let end = alternative?.span ?? condition.span
        return .conditional(value: value, condition: condition, alternative: alternative, value.span.through(end))
    }

    private mutating func parseOr() throws(ExpressionError) -> Node {
        var left = try parseAnd()
        let outer = nesting
        defer { nesting = outer }
        while current.isWord("or") {
            try deeper()
            _ = advance()
            let right = try parseAnd()
            left = .or(left, right, left.span.through(right.span))
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionError) -> Node {
        var left = try parseNot()
        let outer = nesting
        defer { nesting = outer }
        while current.isWord("and") {
            try deeper()
            _ = advance()
            let right = try parseNot()
            left = .and(left, right, left.span.through(right.span))
        }
        return left
    }

    private mutating func parseNot() throws(ExpressionError) -> Node {
        if current.isWord("not") {
            try deeper()
            defer { nesting -= 1 }
            let start = advance().span
            let operand = try parseNot()
            return .not(operand, start.through(operand.span))
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionError) -> Node {
        let left = try parseAdditive()
        if current.isWord("is") {
            _ = advance()
            var negated = false
            if current.isWord("not") {
                _ = advance()
                negated = true
            }
            guard case .name(let name) = current.kind else { throw unexpected(expected: "een test zoals 'defined'") }
            let testToken = advance()
            guard let test = ExpressionTest(rawValue: name == "None" ? "none" : name) else {
                throw ExpressionError(
                    id: ExpressionErrorID.unknownTest, "onbekende test '\(name)'", span: testToken.span,
                    hint: Suggestions.hint(for: name, in: ExpressionTest.allCases.map(\.rawValue))
                        ?? "bekende tests: " + ExpressionTest.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return .test(left, test, negated: negated, left.span.through(testToken.span))
        }
        let comparison: ComparisonOperator?
        switch current.kind {
        case .symbol(let symbol): comparison = ComparisonOperator(rawValue: symbol)
        case .name("in"): comparison = .contains
        case .name("not") where tokens[position + 1].isWord("in"):
            _ = advance()
            comparison = .notContains
        default: comparison = nil
        }
        guard let comparison else { return left }
        _ = advance()
        let right = try parseAdditive()
        if case .symbol(let symbol) = current.kind, ComparisonOperator(rawValue: symbol) != nil {
            throw ExpressionError(
                id: ExpressionErrorID.unexpectedToken, "vergelijkingen kunnen niet achter elkaar",
                span: current.span, hint: "schrijf 'a < b and b < c'")
        }
        return .comparison(comparison, left, right, left.span.through(right.span))
    }

    private mutating func parseAdditive() throws(ExpressionError) -> Node {
        var left = try parseMultiplicative()
        let outer = nesting
        defer { nesting = outer }
        while case .symbol(let symbol) = current.kind, ["+", "-", "~"].contains(symbol) {
            try deeper()
            _ = advance()
            let right = try parseMultiplicative()
            left = .arithmetic(ArithmeticOperator(rawValue: symbol)!, left, right, left.span.through(right.span))
        }
        return left
    }

    private mutating func parseMultiplicative() throws(ExpressionError) -> Node {
        var left = try parseFiltered()
        let outer = nesting
        defer { nesting = outer }
        while case .symbol(let symbol) = current.kind, ["*", "/", "//", "%"].contains(symbol) {
            try deeper()
            _ = advance()
            let right = try parseFiltered()
            left = .arithmetic(ArithmeticOperator(rawValue: symbol)!, left, right, left.span.through(right.span))
        }
        return left
    }

    private mutating func parseUnary() throws(ExpressionError) -> Node {
        if current.isSymbol("-") {
            try deeper()
            defer { nesting -= 1 }
            let start = advance().span
            let operand = try parseUnary()
            return .negate(operand, start.through(operand.span))
        }
        return try parsePostfix()
    }

    /// Filters apply to the negated value, as in Jinja: `-2.5 | getal(0)` is `getal(-2.5, 0)`.
    private mutating func parseFiltered() throws(ExpressionError) -> Node {
        var value = try parseUnary()
        let outer = nesting
        defer { nesting = outer }
        while current.isSymbol("|") {
            try deeper()
            _ = advance()
            guard case .name(let name) = current.kind else { throw unexpected(expected: "de naam van een filter") }
            let nameToken = advance()
            var arguments: [Node.Argument] = [.value(value)]
            var end = nameToken.span
            if current.isSymbol("(") {
                let (more, close) = try parseArguments()
                arguments += more
                end = close
            }
            let function = try resolve(name, span: nameToken.span, argumentCount: arguments.count, asFilter: true)
            try checkLambdas(arguments, of: function)
            value = .call(function, arguments, value.span.through(end))
        }
        return value
    }

    private mutating func parsePostfix() throws(ExpressionError) -> Node {
        var node = try parsePrimary()
        let outer = nesting
        defer { nesting = outer }
        while true {
            if current.isSymbol(".") || current.isSymbol("[") { try deeper() }
            if current.isSymbol(".") {
                _ = advance()
                switch current.kind {
                case .name(let name):
                    let token = advance()
                    node = .member(node, name, node.span.through(token.span))
                case .integer(let index):
                    let token = advance()
                    node = .index(node, .literal(.int(index), token.span), node.span.through(token.span))
                default:
                    throw unexpected(expected: "de naam van een veld na '.'")
                }
            } else if current.isSymbol("[") {
                _ = advance()
                let index = try parseExpression()
                let close = current.span
                try expectSymbol("]")
                node = .index(node, index, node.span.through(close))
            } else {
                return node
            }
        }
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Node {
        let token = current
        switch token.kind {
        case .integer(let value):
            _ = advance()
            return .literal(.int(value), token.span)
        case .decimal(let value):
            _ = advance()
            return .literal(.double(value), token.span)
        case .string(let value):
            _ = advance()
            return .literal(.string(value), token.span)
        case .symbol("("):
            _ = advance()
            let inner = try parseExpression()
            try expectSymbol(")")
            return inner
        case .symbol("["):
            _ = advance()
            var items: [Node] = []
            while !current.isSymbol("]") {
                items.append(try parseExpression())
                guard current.isSymbol(",") else { break }
                _ = advance()
            }
            let close = current.span
            try expectSymbol("]")
            return .list(items, token.span.through(close))
        case .name(let name):
            switch name {
            case "true", "True":
                _ = advance()
                return .literal(.bool(true), token.span)
            case "false", "False":
                _ = advance()
                return .literal(.bool(false), token.span)
            case "none", "None", "null":
                _ = advance()
                return .literal(.null, token.span)
            default:
                break
            }
            guard !Self.keywords.contains(name) else { throw unexpected(expected: "een waarde") }
            _ = advance()
            if current.isSymbol("(") {
                let (arguments, close) = try parseArguments()
                let function = try resolve(name, span: token.span, argumentCount: arguments.count, asFilter: false)
                try checkLambdas(arguments, of: function)
                return .call(function, arguments, token.span.through(close))
            }
            return .variable(name, token.span)
        default:
            throw unexpected(expected: "een waarde")
        }
    }

    /// `( a, x => b, ... )`; returns the arguments and the span of the closing parenthesis.
    private mutating func parseArguments() throws(ExpressionError) -> ([Node.Argument], SourceSpan) {
        try expectSymbol("(")
        var arguments: [Node.Argument] = []
        while !current.isSymbol(")") {
            if case .name(let parameter) = current.kind, !Self.keywords.contains(parameter),
                tokens[position + 1].isSymbol("=>")
            {
                let start = advance().span
                _ = advance()
                let body = try parseExpression()
                arguments.append(.lambda(parameter: parameter, body: body, start.through(body.span)))
            } else {
                arguments.append(.value(try parseExpression()))
            }
            guard current.isSymbol(",") else { break }
            _ = advance()
        }
        let close = current.span
        try expectSymbol(")")
        return (arguments, close)
    }

    private func resolve(
        _ name: String, span: SourceSpan, argumentCount: Int, asFilter: Bool
    ) throws(ExpressionError) -> ExpressionFunction {
        guard let function = library[name] else {
            let kind = asFilter ? "filter" : "functie"
            throw ExpressionError(
                id: ExpressionErrorID.unknownFunction, "onbekende \(kind) '\(name)'", span: span,
                hint: Suggestions.hint(for: name, in: library.names))
        }
        guard function.arity.contains(argumentCount) else {
            let shown = asFilter ? argumentCount - 1 : argumentCount
            let range =
                asFilter
                ? (function.arity.lowerBound - 1)...(function.arity.upperBound - 1) : function.arity
            let expected =
                range.lowerBound == range.upperBound
                ? "\(range.lowerBound)"
                : range.upperBound == Int.max
                    ? "minstens \(range.lowerBound)"
                    : "\(range.lowerBound) tot \(range.upperBound)"
            throw ExpressionError(
                id: ExpressionErrorID.argumentCount,
                "'\(name)' krijgt \(shown) argument\(shown == 1 ? "" : "en"), maar verwacht \(expected)",
                span: span, hint: "gebruik: \(function.usage)")
        }
        return function
    }

    private func checkLambdas(_ arguments: [Node.Argument], of function: ExpressionFunction) throws(ExpressionError) {
        for (index, argument) in arguments.enumerated() {
            if case .lambda(_, _, let span) = argument, !function.lambdaPositions.contains(index) {
                throw ExpressionError(
                    id: ExpressionErrorID.misplacedLambda, "'\(function.name)' neemt hier geen functie 'x => ...'",
                    span: span, hint: "gebruik: \(function.usage)")
            }
        }
    }
}
