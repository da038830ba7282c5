import OrderedCollections

/// A parsed expression: the tree the evaluator walks.
indirect enum Node: Sendable {
    case literal(Value, SourceSpan)
    case variable(String, SourceSpan)
    case member(Node, String, SourceSpan)
    case index(Node, Node, SourceSpan)
    case list([Node], SourceSpan)
    case negate(Node, SourceSpan)
    case not(Node, SourceSpan)
    case arithmetic(ArithmeticOperator, Node, Node, SourceSpan)
    case comparison(ComparisonOperator, Node, Node, SourceSpan)
    case and(Node, Node, SourceSpan)
    case or(Node, Node, SourceSpan)
    /// `value if condition else alternative`.
    case conditional(value: Node, condition: Node, alternative: Node?, SourceSpan)
    /// A function call, written `f(a, b)` or as a filter `a | f(b)`.
    case call(ExpressionFunction, [Argument], SourceSpan)
    /// `value is test` or `value is not test`.
    case test(Node, ExpressionTest, negated: Bool, SourceSpan)

    /// An argument of a call: a value, or a one-parameter function `x => x.naam`.
    enum Argument: Sendable {
        case value(Node)
        case lambda(parameter: String, body: Node, SourceSpan)

        var span: SourceSpan {
            switch self {
            case .value(let node): node.span
            case .lambda(_, _, let span): span
            }
        }
    }

    var span: SourceSpan {
        switch self {
        case .literal(_, let span), .variable(_, let span), .member(_, _, let span), .index(_, _, let span),
            .list(_, let span), .negate(_, let span), .not(_, let span), .arithmetic(_, _, _, let span),
            .comparison(_, _, _, let span), .and(_, _, let span), .or(_, _, let span),
            .conditional(_, _, _, let span), .call(_, _, let span), .test(_, _, _, let span):
            span
        }
    }

    /// The dotted path this node reads, such as `deelnemer.naam`, if it is a plain path.
    var path: String? {
        switch self {
        case .variable(let name, _): name
        case .member(let base, let name, _): base.path.map { "\($0).\(name)" }
        case .index(let base, .literal(.int(let index), _), _): base.path.map { "\($0)[\(index)]" }
        case .index(let base, .literal(.string(let key), _), _): base.path.map { "\($0)['\(key)']" }
        default: nil
        }
    }
}

enum ArithmeticOperator: String, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case floorDivide = "//"
    case remainder = "%"
    case concatenate = "~"
}

enum ComparisonOperator: String, Sendable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case contains = "in"
    case notContains = "not in"
}

/// The tests of `value is test`.
enum ExpressionTest: String, Sendable, CaseIterable {
    case defined, undefined, none, empty, number, string, list, date

    func apply(_ value: Value?) -> Bool {
        switch self {
        case .defined: return value != nil
        case .undefined: return value == nil
        case .none: return value == nil || value == .null
        case .empty:
            guard let value else { return true }
            switch value {
            case .null: return true
            case .string(let text): return text.isEmpty
            case .list(let items): return items.isEmpty
            case .object(let members): return members.isEmpty
            default: return false
            }
        case .number: return value?.number != nil
        case .string: if case .string = value { return true } else { return false }
        case .list: if case .list = value { return true } else { return false }
        case .date: return value?.dateValue != nil
        }
    }
}
