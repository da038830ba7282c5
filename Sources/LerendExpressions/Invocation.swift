/// The arguments of one function call, as the function's body sees them.
public struct Invocation {
    /// The evaluated arguments; `nil` for a missing value or a lambda.
    let values: [Value?]
    let nodes: [Node.Argument]
    let context: EvaluationContext
    let span: SourceSpan
    public let functionName: String

    public var count: Int { values.count }

    /// Argument `index` as a value; a missing value is an error.
    public func value(_ index: Int) throws(ExpressionError) -> Value {
        guard let value = values[index] else {
            if case .lambda(_, _, let span) = nodes[index] {
                throw ExpressionError(
                    id: ExpressionErrorID.misplacedLambda, "hier hoort een waarde, geen functie 'x => ...'", span: span)
            }
            throw context.missingError(for: nodes[index])
        }
        return value
    }

    /// Argument `index`, or `nil` when it was not given.
    public func optional(_ index: Int) throws(ExpressionError) -> Value? {
        index < values.count ? try value(index) : nil
    }

    /// Argument `index`, possibly missing (for functions that accept missing values).
    public func possiblyMissing(_ index: Int) -> Value? { index < values.count ? values[index] : nil }

    /// Argument `index` as a text, or `defaultValue` when it was not given.
    public func string(_ index: Int, default defaultValue: String) throws(ExpressionError) -> String {
        index < values.count ? try string(index) : defaultValue
    }

    /// Argument `index` as a whole number, or `defaultValue` when it was not given.
    public func integer(_ index: Int, default defaultValue: Int) throws(ExpressionError) -> Int {
        index < values.count ? try integer(index) : defaultValue
    }

    /// Argument `index` as a whole number, or `nil` when it was not given.
    public func integerIfGiven(_ index: Int) throws(ExpressionError) -> Int? {
        index < values.count ? try integer(index) : nil
    }

    public func list(_ index: Int) throws(ExpressionError) -> [Value] {
        switch try value(index) {
        case .list(let items): return items
        case .null: return []
        case let other: throw wrongKind(index, expected: "een lijst", found: other)
        }
    }

    public func string(_ index: Int) throws(ExpressionError) -> String {
        switch try value(index) {
        case .string(let text): return text
        case let other: throw wrongKind(index, expected: "een tekst", found: other)
        }
    }

    public func integer(_ index: Int) throws(ExpressionError) -> Int {
        switch try value(index) {
        case .int(let number): return number
        case .double(let number) where number == number.rounded() && abs(number) < 1e15: return Int(number)
        case let other: throw wrongKind(index, expected: "een geheel getal", found: other)
        }
    }

    public func number(_ index: Int) throws(ExpressionError) -> Double {
        let value = try value(index)
        guard let number = value.number else { throw wrongKind(index, expected: "een getal", found: value) }
        return number
    }

    public func date(_ index: Int) throws(ExpressionError) -> LocalDate {
        let value = try value(index)
        guard let date = value.dateValue else {
            throw wrongKind(index, expected: "een datum (JJJJ-MM-DD)", found: value)
        }
        return date
    }

    public func time(_ index: Int) throws(ExpressionError) -> LocalTime {
        let value = try value(index)
        guard let time = value.timeValue else { throw wrongKind(index, expected: "een tijd (UU:MM)", found: value) }
        return time
    }

    /// Applies argument `index` to an element: a lambda `x => ...` is evaluated with `x`
    /// bound to the element; a text is read as a field path of the element.
    public func apply(_ index: Int, to element: Value) throws(ExpressionError) -> Value? {
        switch nodes[index] {
        case .lambda(let parameter, let body, _):
            context.push(parameter, element)
            defer { context.pop() }
            return try context.evaluate(body)
        case .value:
            let key = try string(index)
            return element.value(atPath: key)
        }
    }

    /// Like ``apply(_:to:)``, but a missing result is an error.
    public func applyRequired(_ index: Int, to element: Value) throws(ExpressionError) -> Value {
        if case .lambda(let parameter, let body, _) = nodes[index] {
            // The error is made while the parameter is still bound, so that it can say what
            // the element has instead of calling the parameter itself missing.
            context.push(parameter, element)
            defer { context.pop() }
            guard let result = try context.evaluate(body) else { throw context.missingError(for: body) }
            return result
        }
        guard let result = try apply(index, to: element) else {
            throw error("het element heeft geen veld '\((try? string(index)) ?? "")'", argument: index)
        }
        return result
    }

    /// An error about argument `index` (or the whole call when `nil`).
    /// The error for a date result before year 1 or after 9999.
    func outsideCalendar() -> ExpressionError { Arithmetic.outsideCalendar(span: span) }

    public func error(_ message: String, argument index: Int? = nil, hint: String? = nil) -> ExpressionError {
        ExpressionError(
            id: ExpressionErrorID.invalidArgument, message, span: index.map { nodes[$0].span } ?? span, hint: hint)
    }

    /// The error for argument `index` being `found` instead of `expected`.
    ///
    /// When missing values print empty and the argument is missing or empty, the error is
    /// marked: the evaluator makes the whole call missing, so that `{{ d | datum }}` stays
    /// empty, as `{{ d }}` would.
    func wrongKind(_ index: Int, expected: String, found: Value) -> ExpressionError {
        var error = ExpressionError(
            id: ExpressionErrorID.wrongKind, "'\(functionName)' verwacht \(expected), maar kreeg \(found.kindName)",
            span: nodes[index].span)
        error.rejectsMissingInput = found == .null && context.missingValues == .empty
        return error
    }
}

/// An invocation lives inside one evaluation and its context.
@available(*, unavailable)
extension Invocation: Sendable {}
