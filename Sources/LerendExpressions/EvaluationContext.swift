import OrderedCollections

/// What to do when a template prints a value that the data does not have.
public enum MissingValuePolicy: Sendable {
    /// Report an error that names the path: never a silent blank.
    case error
    /// Print nothing; loops over a missing list run zero times.
    case empty
}

/// The data an expression is evaluated against: the root object and the variables of
/// the loops around it.
///
/// A context is cheap to make and is not shared between threads: each render makes its
/// own. Loop variables shadow fields of the root with the same name.
public final class EvaluationContext {
    public let root: Value
    public let missingValues: MissingValuePolicy
    /// The bounds of this render: loop iterations and output size.
    public let limits: RenderLimits
    /// Loop iterations so far, counted by ``spendIteration(at:)``.
    public internal(set) var iterationsUsed = 0
    private var names: [String] = []
    private var values: [Value] = []

    public init(root: Value, missingValues: MissingValuePolicy = .error, limits: RenderLimits = .standard) {
        self.root = root
        self.missingValues = missingValues
        self.limits = limits
    }

    /// Binds `name` to `value` until the matching ``pop()``.
    public func push(_ name: String, _ value: Value) {
        names.append(name)
        values.append(value)
    }

    /// Replaces the value of the innermost variable (cheaper than pop and push in a loop).
    public func replaceInnermost(_ value: Value) {
        values[values.count - 1] = value
    }

    public func pop() {
        names.removeLast()
        values.removeLast()
    }

    func lookup(_ name: String) -> Value? {
        var index = names.count - 1
        while index >= 0 {
            if names[index] == name { return values[index] }
            index -= 1
        }
        if case .object(let members) = root { return members[name] }
        return nil
    }

    /// The names visible at this point, for "did you mean" hints.
    var visibleNames: [String] {
        var result = names
        if case .object(let members) = root { result += members.keys }
        return result
    }
}

/// A context holds the variables of one evaluation as it goes: one per thread.
@available(*, unavailable)
extension EvaluationContext: Sendable {}
