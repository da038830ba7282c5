/// Pairs the control statements of a template into blocks: each `for` with its `endfor`,
/// each `if` with its `elif`s, `else` and `endif`.
///
/// It knows nothing of where the statements stand; callers give statements in document
/// order and get blocks and problems that refer to them by index.
package enum BlockMatcher {
    package struct Block: Sendable, Hashable {
        package enum Kind: Sendable, Hashable { case loop, condition }

        package var kind: Kind
        /// Index of the opening statement.
        package var open: Int
        /// Indexes of `elif` and `else` statements, in order.
        package var branches: [Int]
        /// Index of the closing statement.
        package var close: Int
        /// Index (in the returned blocks) of the block around this one.
        package var parent: Int?
        /// 0 for a block at the top level.
        package var depth: Int

        /// The statements of the block in order: open, branches, close.
        package var statements: [Int] { [open] + branches + [close] }
    }

    package struct Problem: Sendable, Hashable {
        package var id: String
        package var message: String
        /// The statement the problem is about.
        package var statement: Int
        package var hint: String?

        package init(id: String, _ message: String, statement: Int, hint: String? = nil) {
            self.id = id
            self.message = message
            self.statement = statement
            self.hint = hint
        }
    }

    private struct Open {
        var kind: Block.Kind
        var open: Int
        var branches: [Int] = []
        var hasElse = false
    }

    /// The most blocks that may stand inside each other. Rendering recurses once per block,
    /// so this bounds the stack; real templates nest a few levels.
    package static let depthLimit = 100

    package static func match(_ statements: [Statement]) -> (blocks: [Block], problems: [Problem]) {
        var stack: [Open] = []
        var reportedDepth = false
        var closed: [(open: Open, close: Int, depth: Int)] = []
        var problems: [Problem] = []

        func closeTop(at index: Int) {
            let top = stack.removeLast()
            closed.append((top, index, stack.count))
        }

        func unclosed(_ block: Open) -> Problem {
            let (tag, end) = block.kind == .loop ? ("{% for %}", "{% endfor %}") : ("{% if %}", "{% endif %}")
            return Problem(
                id: TemplateErrorID.unclosedBlock, "\(tag) wordt niet afgesloten", statement: block.open,
                hint: "zet \(end) achter wat bij \(tag) hoort")
        }

        for (index, statement) in statements.enumerated() {
            if statement.opensBlock, stack.count == depthLimit {
                if !reportedDepth {
                    problems.append(
                        Problem(
                            id: TemplateErrorID.nestedTooDeep,
                            "hier staan meer dan \(depthLimit) blokken ({% for %}, {% if %}) in elkaar; Lerend leest er hoogstens \(depthLimit)",
                            statement: index, hint: "een echt sjabloon heeft er een paar in elkaar; sluit de blokken eerder af"))
                    reportedDepth = true
                }
            }
            switch statement {
            case .forLoop:
                stack.append(Open(kind: .loop, open: index))
            case .ifBlock:
                stack.append(Open(kind: .condition, open: index))
            case .elseIf, .elseBranch:
                let isElse: Bool = if case .elseBranch = statement { true } else { false }
                guard var top = stack.last else {
                    problems.append(
                        Problem(
                            id: TemplateErrorID.misplacedBranch, "\(statement.tagName) staat niet binnen een {% if %}",
                            statement: index, hint: "zet eerst {% if voorwaarde %}"))
                    continue
                }
                if top.kind == .loop && !isElse {
                    problems.append(
                        Problem(
                            id: TemplateErrorID.misplacedBranch,
                            "{% elif %} staat binnen een {% for %} in plaats van een {% if %}",
                            statement: index, hint: "sluit de lus eerst af met {% endfor %}"))
                    continue
                }
                if top.hasElse {
                    problems.append(
                        Problem(
                            id: TemplateErrorID.misplacedBranch, "\(statement.tagName) staat na {% else %}",
                            statement: index, hint: "{% else %} is de laatste tak; zet \(statement.tagName) ervoor"))
                    continue
                }
                top.branches.append(index)
                top.hasElse = isElse
                stack[stack.count - 1] = top
            case .endFor, .endIf:
                let kind: Block.Kind = if case .endFor = statement { .loop } else { .condition }
                guard let match = stack.lastIndex(where: { $0.kind == kind }) else {
                    let opener = kind == .loop ? "{% for %}" : "{% if %}"
                    problems.append(
                        Problem(
                            id: TemplateErrorID.unexpectedEnd, "\(statement.tagName) zonder bijbehorende \(opener)",
                            statement: index,
                            hint: stack.last.map { $0.kind == .loop ? "bedoel je {% endfor %}?" : "bedoel je {% endif %}?" }
                                ?? "haal \(statement.tagName) weg of zet er een \(opener) voor"))
                    continue
                }
                // Blocks opened after the match are not closed: report them, then close the match.
                while stack.count - 1 > match {
                    let inner = stack.removeLast()
                    var problem = unclosed(inner)
                    problem.id = TemplateErrorID.mismatchedEnd
                    problem.message += "; \(statement.tagName) sluit een eerder blok"
                    problems.append(problem)
                }
                closeTop(at: index)
            }
        }
        for block in stack.reversed() { problems.append(unclosed(block)) }

        // Order blocks by opening statement, and link parents.
        let ordered = closed.sorted { $0.open.open < $1.open.open }
        var blocks: [Block] = ordered.map {
            Block(
                kind: $0.open.kind, open: $0.open.open, branches: $0.open.branches, close: $0.close, parent: nil, depth: $0.depth)
        }
        for index in blocks.indices {
            var candidate = index - 1
            while candidate >= 0 {
                if blocks[candidate].open < blocks[index].open, blocks[candidate].close > blocks[index].close {
                    blocks[index].parent = candidate
                    break
                }
                candidate -= 1
            }
        }
        return (blocks, problems.sorted { $0.statement < $1.statement })
    }
}
