import OrderedCollections

/// Stops a run of a ``BlockNode`` tree: a problem the runner does not go on after, or a
/// limit of the ``EvaluationContext`` (loop iterations, output size) that was passed.
public struct BlockStop: Error {
    @inlinable public init() {}
}

/// Runs a ``BlockNode`` tree against the data of its ``context``: the one interpreter of
/// the block language, for plain-text templates and documents alike.
///
/// A runner writes the leaves and decides what a problem does: a text template stops at
/// the first (it throws ``BlockStop`` from ``report(_:at:)``), a document collects every
/// one and goes on, so that the user sees them all. Passing a limit always stops the run,
/// after it is reported.
public protocol BlockRunner {
    associatedtype Leaf: Sendable
    associatedtype Origin: Sendable

    /// The data, the loop variables, and the limits of the run.
    var context: EvaluationContext { get }
    /// How many bytes were written so far, for the output limit.
    var outputSize: Int { get }

    /// Writes one leaf.
    mutating func write(_ leaf: Leaf) throws(BlockStop)
    /// A problem with the tag at `origin` (its span is inside the tag's content): report
    /// it and return to go on after the block, or throw to stop.
    mutating func report(_ problem: ExpressionError, at origin: Origin) throws(BlockStop)
    /// Called before each repetition of a loop's body with its index, and before the
    /// loop's `else` body with `nil`; ``leaveRepetition()`` after it.
    mutating func enterRepetition(_ index: Int?)
    mutating func leaveRepetition()
}

extension BlockRunner {
    @inlinable public mutating func enterRepetition(_ index: Int?) {}
    @inlinable public mutating func leaveRepetition() {}

    /// Runs `nodes` in order. Inlinable, so that each runner gets its own specialised
    /// copy (a generic call across modules would copy every leaf through witnesses).
    @inlinable
    public mutating func run(_ nodes: [BlockNode<Leaf, Origin>]) throws(BlockStop) {
        for node in nodes {
            switch node {
            case .leaf(let leaf):
                try write(leaf)
            case .loop(let loop, let body, let empty):
                try run(loop, body: body, empty: empty)
            case .condition(let branches, let otherwise):
                try run(branches, otherwise: otherwise)
            }
        }
    }

    @inlinable
    public mutating func run(
        _ loop: BlockLoop<Origin>, body: [BlockNode<Leaf, Origin>], empty: [BlockNode<Leaf, Origin>]
    ) throws(BlockStop) {
        let items: [Value]
        do throws(ExpressionError) {
            items = try BlockItems.of(loop.iterable, in: context)
        } catch {
            try report(error, at: loop.origin)
            return
        }
        if items.isEmpty {
            enterRepetition(nil)
            try run(empty)
            leaveRepetition()
            return
        }
        for (index, item) in items.enumerated() {
            do throws(ExpressionError) {
                try context.spendIteration(at: loop.iterable.span)
                try context.checkOutput(outputSize, at: loop.iterable.span)
            } catch {
                try report(error, at: loop.origin)
                throw BlockStop()
            }
            context.push("loop", LoopVariable.value(index: index, count: items.count))
            context.push(loop.variable, item)
            enterRepetition(index)
            defer {
                leaveRepetition()
                context.pop()
                context.pop()
            }
            try run(body)
        }
    }

    @inlinable
    public mutating func run(
        _ branches: [BlockBranch<Leaf, Origin>], otherwise: [BlockNode<Leaf, Origin>]
    ) throws(BlockStop) {
        for branch in branches {
            let holds: Bool
            do throws(ExpressionError) {
                holds = try branch.condition.isTrue(in: context)
            } catch {
                try report(error, at: branch.origin)
                return
            }
            if holds {
                try run(branch.body)
                return
            }
        }
        try run(otherwise)
    }
}

/// The elements a `for` block goes over: a list, or none for a missing value.
@usableFromInline
enum BlockItems: Sendable {
    @usableFromInline
    static func of(_ iterable: Expression, in context: EvaluationContext) throws(ExpressionError) -> [Value] {
        switch try iterable.evaluate(in: context) {
        case .list(let list): return list
        case .null: return []
        case let other:
            throw ExpressionError(
                id: ExpressionErrorID.wrongKind,
                "{% for %} gaat over een lijst, maar '\(iterable.source)' is een \(other.kindName)",
                span: iterable.node.span,
                hint: other.objectValue.map { "kies een lijst in het object: \(Array($0.keys).joined(separator: ", "))" })
        }
    }
}
