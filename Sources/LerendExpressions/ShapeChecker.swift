import LerendDiagnostics

/// Walks an expression tree and computes the shape of every node, collecting reads of
/// fields that the shape does not have.
struct ShapeChecker {
    let root: Shape
    var locals: [String: Shape]
    var errors: [ExpressionError] = []

    init(root: Shape, locals: [String: Shape]) {
        self.root = root
        self.locals = locals
    }

    mutating func shape(of node: Node) -> Shape {
        switch node {
        case .literal(let value, _):
            if case .list = value { return .list(.scalar) }
            return .scalar
        case .variable(let name, let span):
            if let local = locals[name] { return local }
            return field(name, of: root, path: name, span: span)
        case .member(let base, let name, let span):
            let baseShape = shape(of: base)
            return field(name, of: baseShape, path: (base.path.map { "\($0)." } ?? "") + name, span: span)
        case .index(let base, let index, _):
            let baseShape = shape(of: base)
            _ = shape(of: index)
            if case .literal(.string(let key), let span) = index {
                return field(key, of: baseShape, path: key, span: span)
            }
            return baseShape.element
        case .list(let items, _):
            for item in items { _ = shape(of: item) }
            return .list(.any)
        case .negate(let operand, _), .not(let operand, _):
            _ = shape(of: operand)
            return .scalar
        case .arithmetic(_, let left, let right, _), .comparison(_, let left, let right, _):
            _ = shape(of: left)
            _ = shape(of: right)
            return .scalar
        case .and(let left, let right, _), .or(let left, let right, _):
            let first = shape(of: left)
            let second = shape(of: right)
            return first == second ? first : .any
        case .conditional(let value, let condition, let alternative, _):
            let result = shape(of: value)
            _ = shape(of: condition)
            if let alternative { _ = shape(of: alternative) }
            return result
        case .test(let operand, _, _, _):
            _ = shape(of: operand)
            return .scalar
        case .call(let function, let arguments, _):
            return call(function.name, arguments)
        }
    }

    /// A call: lambdas see the elements of the first argument; some functions keep the
    /// shape of their list or of its elements.
    private mutating func call(_ name: String, _ arguments: [Node.Argument]) -> Shape {
        var first: Shape = .any
        var lambdaResult: Shape = .any
        for (position, argument) in arguments.enumerated() {
            switch argument {
            case .value(let node):
                let argumentShape = shape(of: node)
                if position == 0 { first = argumentShape }
            case .lambda(let parameter, let body, _):
                let saved = locals[parameter]
                locals[parameter] = first.element
                lambdaResult = shape(of: body)
                locals[parameter] = saved
            }
        }
        switch name {
        case "filter", "sort", "reverse": return first
        case "distinct", "unique": return arguments.count > 1 ? .list(lambdaResult) : first
        case "first", "last": return first.element
        // With a key function, min and max give the key, as in `min(b, x => x.duur_minuten)`.
        case "min", "max": return arguments.count > 1 ? lambdaResult : first.element
        case "map": return .list(lambdaResult)
        case "default", "standaard": return first
        default: return .scalar
        }
    }

    /// The shape of field `name` of `shape`; an unknown field of a known object is an
    /// error with a did-you-mean.
    private mutating func field(_ name: String, of shape: Shape, path: String, span: SourceSpan) -> Shape {
        guard case .object(let fields) = shape else { return .any }
        if let field = fields[name] { return field }
        let hint =
            Suggestions.hint(for: name, in: fields.keys)
            ?? "bekende velden: " + fields.keys.sorted().joined(separator: ", ")
        errors.append(
            ExpressionError(
                id: ExpressionErrorID.unknownField, "onbekend veld '\(name)'" + (path == name ? "" : " in '\(path)'"),
                span: span, hint: hint))
        return .any
    }
}
