internal import CLibXML2
import LerendDiagnostics
import LerendExpressions

extension PartCompiler {
    /// Finds every paragraph (text boxes included), reads its tags, and joins each tag
    /// that a word processor split over several runs into the run of its first character.
    func collectParagraphs() {
        guard let root = document.root else { return }
        walk(root)
    }

    private func walk(_ node: xmlNodePtr) {
        var child = node.firstChild
        while let current = child {
            if current.isElement {
                if dialect.paragraphs.contains(current.qualifiedName) { process(paragraph: current) }
                walk(current)
            }
            child = current.next
        }
    }

    private func process(paragraph node: xmlNodePtr) {
        var pieces: [Piece] = []
        collectPieces(of: node, into: &pieces)
        var scalars: [Unicode.Scalar] = []
        var starts: [Int] = []
        for piece in pieces {
            starts.append(scalars.count)
            scalars += piece.scalars
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        let record = ParagraphRecord(node: node, number: paragraphs.count + 1, pieces: pieces, text: String(view))
        paragraphs.append(record)
        paragraphIndex[node] = paragraphs.count - 1

        guard TagScanner.mayContainTag(scalars) else { return }
        let items = TagScanner.scan(scalars)
        guard !items.isEmpty else { return }

        let location = location(of: record)
        let columns = CharacterColumns(scalars)
        var ranges: [(range: Range<Int>, tag: Int)] = []
        for item in items {
            switch item {
            case .unclosed(let kind, let at):
                let (open, close) = kind == .value ? ("{{", "}}") : kind == .statement ? ("{%", "%}") : ("{#", "#}")
                let origin = TagOrigin(
                    location: location, paragraphText: record.text, column: columns[at], contentColumn: columns[at],
                    length: 2)
                diagnostics.append(
                    origin.diagnostic(
                        id: TemplateErrorID.unclosedTag, "'\(open)' wordt in deze alinea niet afgesloten met '\(close)'",
                        hint: "een tag staat helemaal binnen één alinea; zet '\(close)' achter de inhoud van de tag"))
            case .unopened(let kind, let at):
                let (open, close) = kind == .value ? ("{{", "}}") : ("{%", "%}")
                let origin = TagOrigin(
                    location: location, paragraphText: record.text, column: columns[at], contentColumn: columns[at],
                    length: 2)
                diagnostics.append(
                    origin.diagnostic(
                        id: TemplateErrorID.unopenedTag, "'\(close)' zonder '\(open)' ervoor",
                        hint: "begin de tag met '\(open)', of haal '\(close)' weg"))
            case .tag(var tag):
                let trim = Self.whitespaceControl(&tag)
                let origin = TagOrigin(
                    location: location, paragraphText: record.text, column: columns[tag.range.lowerBound],
                    contentColumn: columns[tag.contentStart],
                    length: columns[tag.range.upperBound] - columns[tag.range.lowerBound])
                let pieceIndex = (starts.lastIndex { $0 <= tag.range.lowerBound }) ?? 0
                let id = tags.count
                tags.append(
                    TagRecord(
                        content: parse(tag, origin: origin),
                        scopeOverride: tag.kind == .comment ? Self.commentScope(tag.content) : tag.scopeOverride,
                        paragraph: paragraphs.count - 1, textNode: pieces[pieceIndex].node, origin: origin))
                record.tags.append(id)
                // `{%-` and `-%}` take the white space next to the tag out, up to the text or
                // the tag before or after it.
                if trim.before {
                    var start = tag.range.lowerBound
                    let floor = ranges.last?.range.upperBound ?? 0
                    while start > floor, scalars[start - 1].properties.isWhitespace { start -= 1 }
                    if start < tag.range.lowerBound { ranges.append((start..<tag.range.lowerBound, -1)) }
                }
                ranges.append((tag.range, id))
                if trim.after {
                    var end = tag.range.upperBound
                    while end < scalars.count, scalars[end].properties.isWhitespace { end += 1 }
                    if end > tag.range.upperBound { ranges.append((tag.range.upperBound..<end, -1)) }
                }
            }
        }
        guard !ranges.isEmpty else { return }
        let outside = joinTags(pieces: pieces, starts: starts, scalars: scalars, ranges: ranges)
        record.isTagOnly =
            outside.allSatisfy(\.properties.isWhitespace)
            && record.tags.allSatisfy { id in
                switch tags[id].content {
                case .value: false
                case .statement, .comment, .invalid: true
                }
            }
            && !hasSignificantContent(node, ignoring: breaks(of: record))
    }

    /// The breaks of a paragraph of control tags that it may keep while its tags go: sets
    /// ``ParagraphRecord/breakSide`` and returns the break elements, or none when the
    /// paragraph has no such break or has them on both sides of its tags.
    private func breaks(of record: ParagraphRecord) -> Set<xmlNodePtr> {
        let found = breakElements(of: record.node)
        guard let side = breakSide(found, in: record) else { return [] }
        record.breakSide = side
        return Set(found.nodes)
    }

    /// Reads Jinja's whitespace control, `{%- ... -%}` and `{{- ... -}}`, off a tag's
    /// content, and a scope written after it (`{%- tr for ... %}`).
    static func whitespaceControl(_ tag: inout TagScanner.Tag) -> (before: Bool, after: Bool) {
        guard tag.kind != .comment else { return (false, false) }
        var content = tag.content
        let before = tag.scopeOverride == nil && content.hasPrefix("-")
        if before { content.removeFirst() }
        let after = content.hasSuffix("-")
        if after { content.removeLast() }
        if before, tag.kind == .statement {
            let trimmed = content.drop { $0 == " " }
            for candidate in [TagScanner.ScopeOverride.row, .column, .paragraph, .inline] {
                let word = candidate.rawValue
                if trimmed.hasPrefix(word + " ") {
                    tag.scopeOverride = candidate
                    content = String(trimmed.dropFirst(word.count))
                    break
                }
            }
        }
        tag.content = content
        return (before, after)
    }

    /// The scope of a comment that removes its paragraph (`{#p ... #}`) or table row
    /// (`{#tr ... #}`).
    static func commentScope(_ content: String) -> TagScanner.ScopeOverride? {
        for candidate in [TagScanner.ScopeOverride.row, .paragraph] {
            let word = candidate.rawValue
            if content.hasPrefix(word), content.dropFirst(word.count).first?.isWhitespace ?? false { return candidate }
        }
        return nil
    }

    private func parse(_ tag: TagScanner.Tag, origin: TagOrigin) -> TagRecord.Content {
        do throws(ExpressionError) {
            switch tag.kind {
            case .comment:
                return .comment
            case .value:
                if tag.content.allSatisfy(\.isWhitespace) {
                    diagnostics.append(
                        origin.diagnostic(
                            id: "E103", "lege tag {{ }}",
                            hint: "zet er een waarde in, zoals {{ deelnemer.naam }}, of haal hem weg"))
                    return .invalid
                }
                return .value(try Expression(tag.content, library: library))
            case .statement:
                return .statement(try Statement.parse(tag.content, library: library))
            }
        } catch {
            diagnostics.append(origin.diagnostic(for: error))
            return .invalid
        }
    }

    /// The text pieces of a paragraph in order, not counting nested paragraphs (text boxes).
    private func collectPieces(of element: xmlNodePtr, into pieces: inout [Piece]) {
        let holdsText = dialect.textHolders.contains(element.qualifiedName)
        var child = element.firstChild
        while let node = child {
            if node.isText {
                if holdsText {
                    pieces.append(Piece(node: node, scalars: Array(node.textContent.unicodeScalars), isCharacterElement: false))
                }
            } else if node.isElement {
                let name = node.qualifiedName
                if let character = dialect.characters[name] {
                    let count = dialect.characterCount(
                        of: name, attributeCount: node.attribute("c", namespace: Dialect.textNamespace))
                    pieces.append(
                        Piece(
                            node: node, scalars: Array(repeating: character.unicodeScalars.first!, count: count),
                            isCharacterElement: true))
                } else if dialect.paragraphs.contains(name) {
                    // A paragraph in a text box or note: it is processed on its own.
                } else if dialect.transparent.contains(name) || dialect.textHolders.contains(name) {
                    collectPieces(of: node, into: &pieces)
                }
            }
            child = node.next
        }
    }

    /// Moves the whole text of each tag into the piece that holds its first character, so
    /// that the value takes that character's formatting; returns the text outside tags.
    private func joinTags(
        pieces: [Piece], starts: [Int], scalars: [Unicode.Scalar], ranges: [(range: Range<Int>, tag: Int)]
    ) -> [Unicode.Scalar] {
        var outside: [Unicode.Scalar] = []
        var next = 0
        for (index, piece) in pieces.enumerated() {
            let start = starts[index]
            let end = start + piece.scalars.count
            while next < ranges.count, ranges[next].range.upperBound <= start { next += 1 }
            if piece.isCharacterElement {
                if next < ranges.count, ranges[next].range.contains(start) {
                    skipped.insert(piece.node)
                } else {
                    outside += piece.scalars
                }
                continue
            }
            var segments: [Segment] = []
            var literal = String.UnicodeScalarView()
            var changed = false
            var cursor = next
            for offset in start..<end {
                while cursor < ranges.count, ranges[cursor].range.upperBound <= offset { cursor += 1 }
                if cursor < ranges.count, ranges[cursor].range.contains(offset) {
                    changed = true
                    if offset == ranges[cursor].range.lowerBound, ranges[cursor].tag >= 0 {
                        if !literal.isEmpty {
                            segments.append(.text(String(literal)))
                            literal = String.UnicodeScalarView()
                        }
                        segments.append(.tag(ranges[cursor].tag))
                    }
                } else {
                    literal.append(scalars[offset])
                    outside.append(scalars[offset])
                }
            }
            if !literal.isEmpty { segments.append(.text(String(literal))) }
            if changed {
                replacedText[piece.node] = segments
                if dialect.format == .docx, !dialect.isProperties, let holder = piece.node.parent { preserveSpace.insert(holder) }
            }
        }
        return outside
    }

    /// Whether a paragraph holds something besides text that dropping it would lose: an
    /// image, a field, a tab or break, a section break, a nested paragraph.
    func hasSignificantContent(_ element: xmlNodePtr, ignoring kept: Set<xmlNodePtr> = []) -> Bool {
        for child in element.elementChildren where !kept.contains(child) {
            let name = child.qualifiedName
            if dialect.paragraphs.contains(name) { return true }
            if dialect.ignorable.contains(name) {
                if !dialect.significantInsideIgnorable.isEmpty,
                    elementsExist(in: child, named: dialect.significantInsideIgnorable, ignoring: kept)
                {
                    return true
                }
                continue
            }
            if dialect.transparent.contains(name) || dialect.textHolders.contains(name) {
                if hasSignificantContent(child, ignoring: kept) { return true }
                continue
            }
            return true
        }
        return false
    }

    private func elementsExist(in element: xmlNodePtr, named names: Set<QualifiedName>, ignoring kept: Set<xmlNodePtr>) -> Bool {
        for child in element.elementChildren where !kept.contains(child) {
            if names.contains(child.qualifiedName) || elementsExist(in: child, named: names, ignoring: kept) { return true }
        }
        return false
    }
}

/// Converts scalar offsets in a paragraph to character columns, for messages.
struct CharacterColumns {
    private let columns: [Int]

    init(_ scalars: [Unicode.Scalar]) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        var columns = [Int](repeating: 0, count: scalars.count + 1)
        var offset = 0
        var column = 0
        for character in String(view) {
            for _ in character.unicodeScalars {
                columns[offset] = column
                offset += 1
            }
            column += 1
        }
        columns[scalars.count] = column
        self.columns = columns
    }

    subscript(offset: Int) -> Int { columns[min(offset, columns.count - 1)] }
}
