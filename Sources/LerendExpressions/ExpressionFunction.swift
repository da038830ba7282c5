/// A function of the expression language, callable as `f(a, b)` or as a filter `a | f(b)`.
///
/// A filter passes the value before the `|` as the first argument, so `x | datum('kort')`
/// is `datum(x, 'kort')`. Functions cannot reach files, the network or the clock: what
/// they return depends on their arguments only.
public struct ExpressionFunction: Sendable {
    public let name: String
    /// How many arguments it takes, the filtered value included.
    public let arity: ClosedRange<Int>
    /// How it is written, shown in hints: `datum(d, stijl)`.
    public let usage: String
    /// One Dutch sentence about what it does, for the documentation.
    public let summary: String
    /// The argument positions that may be a one-parameter function `x => ...`.
    let lambdaPositions: Set<Int>
    /// Whether missing values reach the body instead of raising an error (`default`).
    let acceptsMissing: Bool
    let body: @Sendable (Invocation) throws(ExpressionError) -> Value

    public init(
        _ name: String, arity: ClosedRange<Int>, usage: String, summary: String,
        lambdaPositions: Set<Int> = [], acceptsMissing: Bool = false,
        body: @escaping @Sendable (Invocation) throws(ExpressionError) -> Value
    ) {
        self.name = name
        self.arity = arity
        self.usage = usage
        self.summary = summary
        self.lambdaPositions = lambdaPositions
        self.acceptsMissing = acceptsMissing
        self.body = body
    }

    /// The same function under another name.
    public func alias(_ name: String) -> ExpressionFunction {
        ExpressionFunction(
            name, arity: arity, usage: usage.replacingFirst(self.name, with: name), summary: summary,
            lambdaPositions: lambdaPositions, acceptsMissing: acceptsMissing, body: body)
    }
}

/// The functions an expression may call; pass a library value to the parser instead
/// of registering functions globally.
public struct FunctionLibrary: Sendable {
    private var functions: [String: ExpressionFunction] = [:]

    public init(_ functions: [ExpressionFunction] = []) {
        for function in functions { register(function) }
    }

    public subscript(name: String) -> ExpressionFunction? { functions[name] }

    /// All names, sorted.
    public var names: [String] { functions.keys.sorted() }

    /// All functions, sorted by name.
    public var all: [ExpressionFunction] { names.map { functions[$0]! } }

    /// Names registered more than once; the later function replaced the earlier one.
    /// The standard library has none (a test holds it to that).
    public private(set) var duplicateNames: [String] = []

    /// Adds `function`; a name that is already there is replaced and recorded in
    /// ``duplicateNames``, so that one function can never silently hide another.
    public mutating func register(_ function: ExpressionFunction) {
        if functions[function.name] != nil { duplicateNames.append(function.name) }
        functions[function.name] = function
    }

    /// The functions every template and rule can use.
    public static let standard = FunctionLibrary(
        TextFunctions.all + DutchFormatting.all + ListFunctions.all + DateFunctions.all)
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var result = self
        result.replaceSubrange(range, with: replacement)
        return result
    }
}
