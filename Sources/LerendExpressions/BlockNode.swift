/// A compiled template as a tree: pieces of output (leaves) and the `for` and `if` blocks
/// around them. Plain-text templates (``TextTemplate``) and the parts of a document both
/// compile to it, each with its own leaves and its own way of saying where a tag stands
/// (`Origin`), and both run it with one interpreter (``BlockRunner``): a fix or a new
/// kind of block is made once.
public indirect enum BlockNode<Leaf: Sendable, Origin: Sendable>: Sendable {
    /// Output that is not a block: text, a value, bytes of XML.
    case leaf(Leaf)
    /// A `for` block: `body` once per element, or `empty` (its `else`) when there are none.
    case loop(BlockLoop<Origin>, body: [BlockNode], empty: [BlockNode])
    /// An `if` block: the first branch whose condition holds, else `otherwise`.
    case condition(branches: [BlockBranch<Leaf, Origin>], otherwise: [BlockNode])
}

/// The head of a `for` block.
public struct BlockLoop<Origin: Sendable>: Sendable {
    public let variable: String
    public let iterable: Expression
    /// Where the `for` tag stands.
    public let origin: Origin

    public init(variable: String, iterable: Expression, origin: Origin) {
        (self.variable, self.iterable, self.origin) = (variable, iterable, origin)
    }
}

/// One branch of an `if` block: its `if` or `elif` condition and what it shows.
public struct BlockBranch<Leaf: Sendable, Origin: Sendable>: Sendable {
    public let condition: Expression
    /// Where the `if` or `elif` tag stands.
    public let origin: Origin
    public let body: [BlockNode<Leaf, Origin>]

    public init(condition: Expression, origin: Origin, body: [BlockNode<Leaf, Origin>]) {
        (self.condition, self.origin, self.body) = (condition, origin, body)
    }
}

extension BlockNode {
    /// The block made by the tags of one block (`statements`: its `for` or `if`, any
    /// `elif` and `else`, and its end; `origins` in the same order) around `bodies`, the
    /// content from each tag to the next. `nil` when the first tag opens no block; the
    /// tags were paired by ``BlockMatcher``.
    package static func block(_ statements: [Statement], origins: [Origin], bodies: [[BlockNode]]) -> BlockNode? {
        guard let first = statements.first, !bodies.isEmpty else { return nil }
        switch first {
        case .forLoop(let variable, let iterable):
            return .loop(
                BlockLoop(variable: variable, iterable: iterable, origin: origins[0]), body: bodies[0],
                empty: bodies.count > 1 ? bodies[1] : [])
        case .ifBlock(let condition):
            var branches = [BlockBranch(condition: condition, origin: origins[0], body: bodies[0])]
            var otherwise: [BlockNode] = []
            for (offset, statement) in statements.dropFirst().enumerated() where offset + 1 < bodies.count {
                switch statement {
                case .elseIf(let next):
                    branches.append(BlockBranch(condition: next, origin: origins[offset + 1], body: bodies[offset + 1]))
                case .elseBranch:
                    otherwise = bodies[offset + 1]
                default:
                    break
                }
            }
            return .condition(branches: branches, otherwise: otherwise)
        default:
            return nil
        }
    }
}
