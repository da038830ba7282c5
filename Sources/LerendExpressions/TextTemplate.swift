/// A template for a plain text, such as a rule's message or a file-name pattern:
/// `Het netwerk telt {{ count(organisaties) }} zorgorganisaties`.
///
/// It understands the same tags as document templates: values with filters, `for`
/// and `if` blocks, and comments.
public struct TextTemplate: Sendable {
    indirect enum Segment: Sendable {
        case text(String)
        case value(Expression, offset: Int)
        case loop(variable: String, iterable: Expression, offset: Int, body: [Segment], empty: [Segment])
        case condition(branches: [(Expression, offset: Int, body: [Segment])], otherwise: [Segment])
    }

    public let source: String
    let segments: [Segment]

    /// Whether the text has any tag at all (a text without one renders as itself).
    public var isConstant: Bool {
        if segments.isEmpty { return true }
        if segments.count == 1, case .text = segments[0] { return true }
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

        // Build the tree with a stack of open blocks.
        var root: [Segment] = []
        var stack: [BlockFrame] = []
        func append(_ segment: Segment) {
            if stack.isEmpty { root.append(segment) } else { stack[stack.count - 1].current.append(segment) }
        }
        for piece in pieces {
            switch piece {
            case .text(let value): append(.text(value))
            case .value(let expression, let offset): append(.value(expression, offset: offset))
            case .statement(let statement, let offset, _):
                switch statement {
                case .forLoop(let variable, let iterable):
                    stack.append(BlockFrame(loop: (variable, iterable, offset)))
                case .ifBlock(let condition):
                    stack.append(BlockFrame(condition: (condition, offset)))
                case .elseIf(let condition):
                    stack[stack.count - 1].startBranch(condition: (condition, offset))
                case .elseBranch:
                    stack[stack.count - 1].startElse()
                case .endFor, .endIf:
                    append(stack.removeLast().segment())
                }
            }
        }
        self.segments = root
    }

    /// The text for the data in `context`; errors point into ``source``.
    public func render(in context: EvaluationContext) throws(ExpressionError) -> String {
        var output = ""
        try Self.render(segments, into: &output, context: context)
        return output
    }

    /// The text for `data`, with missing values as errors.
    public func render(_ data: Value) throws(ExpressionError) -> String {
        try render(in: EvaluationContext(root: data))
    }

    private static func render(
        _ segments: [Segment], into output: inout String, context: EvaluationContext
    ) throws(ExpressionError) {
        for segment in segments {
            switch segment {
            case .text(let text):
                output += text
            case .value(let expression, let offset):
                do throws(ExpressionError) { output += try expression.printed(in: context) } catch {
                    throw error.shifted(by: offset)
                }
            case .loop(let variable, let iterable, let offset, let body, let empty):
                let items: [Value]
                do throws(ExpressionError) {
                    switch try iterable.evaluate(in: context) {
                    case .list(let list): items = list
                    case .null: items = []
                    case let other:
                        throw ExpressionError(
                            id: ExpressionErrorID.wrongKind, "een lus gaat over een lijst, maar dit is een \(other.kindName)",
                            span: iterable.node.span)
                    }
                } catch { throw error.shifted(by: offset) }
                if items.isEmpty { try render(empty, into: &output, context: context) }
                for (index, item) in items.enumerated() {
                    do throws(ExpressionError) {
                        try context.spendIteration(at: iterable.node.span)
                        try context.checkOutput(output.utf8.count, at: iterable.node.span)
                    } catch { throw error.shifted(by: offset) }
                    context.push("loop", LoopVariable.value(index: index, count: items.count))
                    context.push(variable, item)
                    defer {
                        context.pop()
                        context.pop()
                    }
                    try render(body, into: &output, context: context)
                }
            case .condition(let branches, let otherwise):
                var taken = false
                for (condition, offset, body) in branches {
                    let holds: Bool
                    do throws(ExpressionError) { holds = try condition.isTrue(in: context) } catch {
                        throw error.shifted(by: offset)
                    }
                    if holds {
                        try render(body, into: &output, context: context)
                        taken = true
                        break
                    }
                }
                if !taken { try render(otherwise, into: &output, context: context) }
            }
        }
    }
}

/// A block being built while parsing a text template.
private struct BlockFrame {
    var loop: (variable: String, iterable: Expression, offset: Int)?
    var condition: (Expression, offset: Int)?
    var branches: [(Expression, offset: Int, body: [TextTemplate.Segment])] = []
    var loopBody: [TextTemplate.Segment] = []
    var current: [TextTemplate.Segment] = []
    var inElse = false

    init(loop: (String, Expression, Int)) { self.loop = loop }
    init(condition: (Expression, Int)) { self.condition = condition }

    /// `elif`: the current branch is complete; a new one starts.
    mutating func startBranch(condition next: (Expression, Int)) {
        if let condition { branches.append((condition.0, condition.offset, current)) }
        condition = next
        current = []
    }

    /// `else`: the branches (or the loop body) are complete.
    mutating func startElse() {
        if loop != nil {
            loopBody = current
        } else if let condition {
            branches.append((condition.0, condition.offset, current))
            self.condition = nil
        }
        current = []
        inElse = true
    }

    func segment() -> TextTemplate.Segment {
        if let loop {
            return .loop(
                variable: loop.variable, iterable: loop.iterable, offset: loop.offset,
                body: inElse ? loopBody : current, empty: inElse ? current : [])
        }
        var all = branches
        if let condition { all.append((condition.0, condition.offset, current)) }
        return .condition(branches: all, otherwise: inElse ? current : [])
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
package enum LoopVariable {
    package static func value(index: Int, count: Int) -> Value {
        [
            "index": .int(index + 1), "index0": .int(index), "first": .bool(index == 0), "last": .bool(index == count - 1),
            "length": .int(count), "revindex": .int(count - index),
        ]
    }
}
