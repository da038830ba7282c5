/// A template for a plain text, such as a rule's message or a file-name pattern:
/// `Het netwerk telt {{ count(organisaties) }} zorgorganisaties`.
///
/// It understands the same tags as document templates: values with filters, `for`
/// and `if` blocks, and comments.
public struct TextTemplate: Sendable {
    /// A piece of a text template's output.
    enum Leaf: Sendable {
        case text(String)
        /// A value; `offset` is where the expression starts in ``source``.
        case value(Expression, offset: Int)
    }

    /// A piece of the compiled template, or a block; a block's origin is the character
    /// offset in ``source`` where its tag's expression starts.
    typealias Segment = BlockNode<Leaf, Int>

    public let source: String
    let segments: [Segment]

    /// Whether the text has any tag at all (a text without one renders as itself).
    public var isConstant: Bool {
        if segments.isEmpty { return true }
        if segments.count == 1, case .leaf(.text) = segments[0] { return true }
        return false
    }

    /// Parses `source`; throws the first problem, with a span into `source`.
    public init(_ source: String, library: FunctionLibrary = .standard) throws(ExpressionError) {
        self.source = source
        let scalars = Array(source.unicodeScalars)
        // The character offset of every scalar offset, made once: counting them per tag
        // made a text with thousands of tags take seconds.
        var characterOffsets = [Int](repeating: 0, count: scalars.count + 1)
        var scalarOffset = 0
        for (characterIndex, character) in source.enumerated() {
            for _ in character.unicodeScalars {
                characterOffsets[scalarOffset] = characterIndex
                scalarOffset += 1
            }
        }
        characterOffsets[scalars.count] = source.count
        func characterOffset(_ scalarOffset: Int) -> Int { characterOffsets[scalarOffset] }
        func text(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }

        enum Piece {
            case text(String)
            case value(Expression, Int)
            case statement(Statement, Int, SourceSpan)
        }
        var pieces: [Piece] = []
        var cursor = 0
        for item in TagScanner.scan(scalars) {
            switch item {
            case .unclosed(let kind, let at):
                let closing = kind == .value ? "}}" : kind == .statement ? "%}" : "#}"
                throw ExpressionError(
                    id: TemplateErrorID.unclosedTag, "tag wordt niet afgesloten",
                    span: SourceSpan(start: characterOffset(at), length: 2),
                    hint: "sluit af met \(closing)")
            case .unopened(_, let at):
                throw ExpressionError(
                    id: TemplateErrorID.unopenedTag, "afsluiting zonder begin van de tag",
                    span: SourceSpan(start: characterOffset(at), length: 2), hint: "begin de tag met {{ of {%")
            case .tag(let tag):
                if tag.range.lowerBound > cursor { pieces.append(.text(text(cursor..<tag.range.lowerBound))) }
                cursor = tag.range.upperBound
                let offset = characterOffset(tag.contentStart)
                do throws(ExpressionError) {
                    switch tag.kind {
                    case .comment: break
                    case .value: pieces.append(.value(try Expression(tag.content, library: library), offset))
                    case .statement:
                        let span = SourceSpan(start: characterOffset(tag.range.lowerBound), length: tag.range.count)
                        pieces.append(.statement(try Statement.parse(tag.content, library: library), offset, span))
                    }
                } catch {
                    var shifted = error
                    shifted.span.start += offset
                    throw shifted
                }
            }
        }
        if cursor < scalars.count { pieces.append(.text(text(cursor..<scalars.count))) }

        let statements: [(Statement, Int, SourceSpan)] = pieces.compactMap {
            if case .statement(let statement, let offset, let span) = $0 { return (statement, offset, span) }
            return nil
        }
        let (_, problems) = BlockMatcher.match(statements.map(\.0))
        if let problem = problems.first {
            throw ExpressionError(id: problem.id, problem.message, span: statements[problem.statement].2, hint: problem.hint)
        }

        // Build the tree with a stack of open blocks: the tags of each block and the
        // content between them.
        struct OpenBlock {
            var statements: [Statement]
            var origins: [Int]
            var bodies: [[Segment]] = []
            var current: [Segment] = []
        }
        var root: [Segment] = []
        var stack: [OpenBlock] = []
        func append(_ segment: Segment) {
            if stack.isEmpty { root.append(segment) } else { stack[stack.count - 1].current.append(segment) }
        }
        for piece in pieces {
            switch piece {
            case .text(let value): append(.leaf(.text(value)))
            case .value(let expression, let offset): append(.leaf(.value(expression, offset: offset)))
            case .statement(let statement, let offset, _):
                switch statement {
                case .forLoop, .ifBlock:
                    stack.append(OpenBlock(statements: [statement], origins: [offset]))
                case .elseIf, .elseBranch, .endFor, .endIf:
                    var block = stack.removeLast()
                    block.bodies.append(block.current)
                    block.current = []
                    block.statements.append(statement)
                    block.origins.append(offset)
                    switch statement {
                    case .elseIf, .elseBranch:
                        stack.append(block)
                    default:
                        if let node = Segment.block(block.statements, origins: block.origins, bodies: block.bodies) {
                            append(node)
                        }
                    }
                }
            }
        }
        self.segments = root
    }

    /// The text for the data in `context`; errors point into ``source``.
    public func render(in context: EvaluationContext) throws(ExpressionError) -> String {
        var runner = TextRunner(context: context)
        do throws(BlockStop) {
            try runner.run(segments)
        } catch {
            if let problem = runner.problem { throw problem }
        }
        return runner.output
    }

    /// The text for `data`, with missing values as errors.
    public func render(_ data: Value) throws(ExpressionError) -> String {
        try render(in: EvaluationContext(root: data))
    }
}

/// Runs a text template: values printed as text, the first problem ends the run.
private struct TextRunner: BlockRunner {
    let context: EvaluationContext
    var output = ""
    /// The problem that ended the run, its span moved into the template's source.
    var problem: ExpressionError?

    init(context: EvaluationContext) { self.context = context }

    var outputSize: Int { output.utf8.count }

    mutating func write(_ leaf: TextTemplate.Leaf) throws(BlockStop) {
        switch leaf {
        case .text(let text):
            output += text
        case .value(let expression, let offset):
            do throws(ExpressionError) { output += try expression.printed(in: context) } catch {
                try report(error, at: offset)
            }
        }
    }

    mutating func report(_ problem: ExpressionError, at offset: Int) throws(BlockStop) {
        self.problem = problem.shifted(by: offset)
        throw BlockStop()
    }
}

extension ExpressionError {
    /// The error with its span moved `offset` characters to the right, for an expression
    /// that is part of a longer text.
    public func shifted(by offset: Int) -> ExpressionError {
        var copy = self
        copy.span.start += offset
        return copy
    }
}

/// The `loop` variable inside a `for` block: `loop.index` (from 1), `loop.index0`,
/// `loop.first`, `loop.last`, `loop.length`, `loop.revindex`.
@usableFromInline
package enum LoopVariable: Sendable {
    @usableFromInline
    package static func value(index: Int, count: Int) -> Value {
        [
            "index": .int(index + 1), "index0": .int(index), "first": .bool(index == 0), "last": .bool(index == count - 1),
            "length": .int(count), "revindex": .int(count - index),
        ]
    }
}
