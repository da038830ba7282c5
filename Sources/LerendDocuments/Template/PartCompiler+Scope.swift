internal import CLibXML2
import LerendDiagnostics
import LerendExpressions

extension PartCompiler {
    /// Where a block's tags cut the document.
    enum Level: Equatable {
        /// At the tags themselves, inside the text.
        case text
        /// Whole paragraphs: the paragraphs holding the tags are dropped. `forced` when the
        /// author wrote `{%p ...%}`.
        case paragraph(forced: Bool)
        /// The one paragraph that holds all the block's tags, repeated or left out as a
        /// whole: `{%p for ... %} ... {%p endfor %}` inside a single paragraph.
        case enclosingParagraph(xmlNodePtr)
        /// Table rows, from the first to the last (inclusive).
        case row(first: xmlNodePtr, last: xmlNodePtr)
        /// Table columns: the cells of grid columns `columns` in every row of `table`.
        case columns(table: xmlNodePtr, columns: Range<Int>)
        /// An error was reported; the block produces nothing.
        case failed
    }

    /// Pairs the control tags into blocks and decides each block's scope.
    func resolveBlocks() {
        let order = tagsInDocumentOrder()
        statementTags = order.filter { if case .statement = tags[$0].content { return true } else { return false } }
        let statements: [Statement] = statementTags.map {
            if case .statement(let statement) = tags[$0].content { return statement }
            fatalError("not a statement")
        }
        let (matched, problems) = BlockMatcher.match(statements)
        blocks = matched
        for problem in problems {
            diagnostics.append(
                tags[statementTags[problem.statement]].origin.diagnostic(
                    id: problem.id, problem.message, hint: problem.hint))
        }
        // Building and running the program recurses once per level of blocks: blocks nested
        // deeper than the matcher allows (T113) are not built.
        if problems.contains(where: { $0.id == TemplateErrorID.nestedTooDeep }) { return }
        for id in tags.indices {
            if case .value = tags[id].content { tags[id].role = .value }
        }

        var blockOfTag: [Int: Int] = [:]
        for (index, block) in blocks.enumerated() {
            for statement in block.statements { blockOfTag[statementTags[statement]] = index }
        }
        var levels = blocks.indices.map { level(of: $0) }

        // A paragraph is dropped only when everything in it goes: demote blocks whose
        // paragraphs must stay to text level, until nothing changes.
        func droppable(_ paragraph: ParagraphRecord) -> Bool {
            paragraph.isTagOnly
                && paragraph.tags.allSatisfy { id in
                    guard let block = blockOfTag[id] else { return true }
                    return levels[block] != .text
                }
        }
        var changed = true
        while changed {
            changed = false
            for index in blocks.indices where levels[index] == .paragraph(forced: false) {
                if tagIDs(of: index).contains(where: { !droppable(paragraphs[tags[$0].paragraph]) }) {
                    levels[index] = .text
                    changed = true
                }
            }
        }
        // A paragraph the author marked with {%p ...%} goes entirely; blocks at text level
        // cannot have tags there.
        for index in blocks.indices where levels[index] == .paragraph(forced: true) {
            for id in tagIDs(of: index) {
                for other in paragraphs[tags[id].paragraph].tags where blockOfTag[other].map({ levels[$0] == .text }) ?? false {
                    diagnostics.append(
                        tags[other].origin.diagnostic(
                            id: TemplateErrorID.conflictingScope,
                            "deze opdracht staat in een alinea die door {%p ...%} helemaal wegvalt",
                            hint: "zet de opdracht in een eigen alinea"))
                    levels[blockOfTag[other]!] = .failed
                }
            }
        }
        placeMarkers(levels: levels, blockOfTag: blockOfTag)
    }

    /// Whether a paragraph goes because of a `{#p ... #}` in it (an error when it holds other
    /// tags), or its table row because of a `{#tr ... #}` (the row is then dropped here).
    private func removedByComment(_ paragraph: ParagraphRecord) -> Bool {
        var removes = false
        for id in paragraph.tags {
            guard case .comment = tags[id].content, let scope = tags[id].scopeOverride else { continue }
            let others = paragraph.tags.contains { other in
                if case .comment = tags[other].content { return false } else { return true }
            }
            if scope == .paragraph {
                if others {
                    diagnostics.append(
                        tags[id].origin.diagnostic(
                            id: TemplateErrorID.conflictingScope,
                            "{#p ... #} haalt deze alinea helemaal weg, maar er staan ook andere tags in",
                            hint: "zet de opmerking in een eigen alinea, of schrijf {# ... #} zonder p"))
                } else {
                    removes = true
                }
                continue
            }
            guard let row = paragraph.node.ancestor(where: { $0.qualifiedName == dialect.row }) else {
                diagnostics.append(
                    tags[id].origin.diagnostic(
                        id: TemplateErrorID.crossesStructure, "{#tr ... #} staat niet in een tabelrij",
                        hint: "gebruik {#tr ... #} alleen in een tabel; voor een alinea schrijf je {#p ... #}"))
                continue
            }
            let rowHasTags = paragraphs.contains { other in
                other.node.ancestor(where: { $0 == row }) != nil
                    && other.tags.contains { if case .comment = tags[$0].content { return false } else { return true } }
            }
            if rowHasTags {
                diagnostics.append(
                    tags[id].origin.diagnostic(
                        id: TemplateErrorID.conflictingScope,
                        "{#tr ... #} haalt deze tabelrij helemaal weg, maar er staan ook andere tags in",
                        hint: "zet de opmerking in een eigen rij, of schrijf {# ... #} zonder tr"))
            } else {
                droppedParagraphs[dialect.wrapperChain(of: row).last!] = []
            }
        }
        return removes
    }

    /// The tag ids of a block: open, branches, close.
    func tagIDs(of block: Int) -> [Int] { blocks[block].statements.map { statementTags[$0] } }

    func statement(_ id: Int) -> Statement? {
        if case .statement(let statement) = tags[id].content { return statement }
        return nil
    }

    private func level(of index: Int) -> Level {
        let block = blocks[index]
        let ids = tagIDs(of: index)
        let openTag = tags[ids.first!]
        let openName = statement(ids.first!)!.tagName
        let closeName = statement(ids.last!)!.tagName
        let overrides = Set(ids.compactMap { tags[$0].scopeOverride })
        if overrides.count > 1 {
            diagnostics.append(
                openTag.origin.diagnostic(
                    id: TemplateErrorID.conflictingScope,
                    "de tags van dit blok geven verschillende bereiken aan ("
                        + overrides.map { "{%\($0.rawValue)" }.sorted()
                        .joined(separator: " en ") + ")",
                    hint: "geef het bereik alleen bij de openingstag aan, of overal hetzelfde"))
            return .failed
        }
        let paragraphNumbers = ids.map { tags[$0].paragraph }
        let allDistinct = Set(paragraphNumbers).count == paragraphNumbers.count
        switch overrides.first {
        case .inline?:
            return .text
        case .paragraph?:
            if allDistinct { return .paragraph(forced: true) }
            if Set(paragraphNumbers).count == 1, block.branches.isEmpty {
                return .enclosingParagraph(paragraphs[paragraphNumbers[0]].node)
            }
            return .text
        case .row?:
            return rowLevel(index, ids: ids, openName: openName, closeName: closeName)
        case .column?:
            return columnLevel(index, ids: ids)
        case nil:
            break
        }
        if Set(paragraphNumbers).count == 1 { return .text }
        if dialect.isProperties {
            diagnostics.append(
                openTag.origin.diagnostic(
                    id: TemplateErrorID.crossesStructure,
                    "\(openName) en \(closeName) staan in verschillende documenteigenschappen",
                    hint: "een blok in de eigenschappen van het document begint en eindigt in dezelfde eigenschap"))
            return .failed
        }

        let cells = paragraphNumbers.map { cell(of: paragraphs[$0].node) }
        if Set(cells.map { $0.map(UnsafeMutableRawPointer.init) }).count > 1 {
            let rows = cells.map { $0.flatMap(row(of:)) }
            if cells.allSatisfy({ $0 != nil }), Set(rows.map { $0.map(UnsafeMutableRawPointer.init) }).count == 1,
                let row = rows[0]
            {
                guard block.branches.isEmpty else {
                    let branch = tags[statementTags[block.branches[0]]]
                    diagnostics.append(
                        branch.origin.diagnostic(
                            id: TemplateErrorID.crossesCells,
                            "\(statement(statementTags[block.branches[0]])!.tagName) in een blok dat een hele tabelrij herhaalt of weglaat",
                            hint: "een rij heeft geen takken; zet {% if %} ... {% else %} ... {% endif %} binnen één cel"))
                    return .failed
                }
                return .row(first: row, last: row)
            }
            let tables = cells.map { $0?.ancestor(where: { $0.qualifiedName == dialect.table }) }
            // `{% for %}` alone in one row and `{% endfor %}` alone in a later one: the rows
            // between are the block, those two rows go.
            if block.branches.isEmpty, ids.count == 2, let first = rows[0], let last = rows[1], first != last,
                rowHoldsOnly(first, tag: ids[0]), rowHoldsOnly(last, tag: ids[1]), markerNodes(first, last) != nil
            {
                return .row(first: first, last: last)
            }
            if cells.allSatisfy({ $0 != nil }), Set(tables.map { $0.map(UnsafeMutableRawPointer.init) }).count == 1 {
                diagnostics.append(
                    openTag.origin.diagnostic(
                        id: TemplateErrorID.crossesRows, "\(openName) staat in een tabelcel en \(closeName) in een andere rij",
                        hint:
                            "zet \(openName) en \(closeName) in dezelfde rij om die rij te herhalen; voor meerdere rijen schrijf je {%tr ... %} in beide tags"
                    ))
            } else {
                diagnostics.append(
                    openTag.origin.diagnostic(
                        id: TemplateErrorID.crossesStructure,
                        cells[0] != nil
                            ? "\(openName) staat in een tabelcel, maar \(closeName) niet in dezelfde cel of rij"
                            : "\(openName) staat buiten de tabel, maar \(closeName) erin",
                        hint:
                            "een blok begint en eindigt op hetzelfde niveau: allebei in dezelfde cel, in dezelfde rij, of allebei buiten de tabel"
                    ))
            }
            return .failed
        }
        if allDistinct, paragraphNumbers.allSatisfy({ paragraphs[$0].isTagOnly }) { return .paragraph(forced: false) }
        return .text
    }

    private func rowLevel(_ index: Int, ids: [Int], openName: String, closeName: String) -> Level {
        let rows = ids.map { id in paragraphs[tags[id].paragraph].node.ancestor { $0.qualifiedName == dialect.row } }
        guard let first = rows.first!, let last = rows.last!, rows.allSatisfy({ $0 != nil }) else {
            diagnostics.append(
                tags[ids[0]].origin.diagnostic(
                    id: TemplateErrorID.crossesStructure, "{%tr ...%} staat niet in een tabelrij",
                    hint: "gebruik {%tr ...%} alleen in een tabel; voor alinea's schrijf je {%p ...%}"))
            return .failed
        }
        guard markerNodes(first, last) != nil else {
            diagnostics.append(
                tags[ids[0]].origin.diagnostic(
                    id: TemplateErrorID.crossesStructure, "\(openName) en \(closeName) staan in rijen van verschillende tabellen",
                    hint: "een blok van rijen begint en eindigt in dezelfde tabel"))
            return .failed
        }
        if !blocks[index].branches.isEmpty {
            diagnostics.append(
                tags[statementTags[blocks[index].branches[0]]].origin.diagnostic(
                    id: TemplateErrorID.crossesCells, "een blok van tabelrijen heeft geen {% elif %} of {% else %}",
                    hint: "gebruik twee blokken met {%tr if ... %}, of een {% if %} binnen een cel"))
            return .failed
        }
        return .row(first: first, last: last)
    }

    /// The table row of a cell, through content controls around the cell.
    func row(of cell: xmlNodePtr) -> xmlNodePtr? {
        cell.ancestor { $0.qualifiedName == dialect.row || dialect.cells.contains($0.qualifiedName) }
            .flatMap { $0.qualifiedName == dialect.row ? $0 : nil }
    }

    /// Where the open and close markers of a block from `first` to `last` go: the nodes
    /// themselves, or the content controls that wrap only them, whichever pair shares a
    /// parent with the fewest controls included. `nil` when none does.
    func markerNodes(_ first: xmlNodePtr, _ last: xmlNodePtr) -> (open: xmlNodePtr, close: xmlNodePtr)? {
        let opens = dialect.wrapperChain(of: first)
        let closes = dialect.wrapperChain(of: last)
        var best: (open: xmlNodePtr, close: xmlNodePtr, cost: Int)?
        for (i, open) in opens.enumerated() {
            for (j, close) in closes.enumerated() where open.parent == close.parent && (best == nil || i + j < best!.cost) {
                best = (open, close, i + j)
            }
        }
        return best.map { ($0.open, $0.close) }
    }

    /// Whether a table row holds nothing but the control tag `tag` (and comments): no other
    /// tag, no text, nothing that dropping the row would lose.
    func rowHoldsOnly(_ row: xmlNodePtr, tag: Int) -> Bool {
        var found = false
        for paragraph in paragraphs where paragraph.node.ancestor(where: { $0 == row }) != nil {
            for id in paragraph.tags {
                if id == tag {
                    found = true
                } else if case .comment = tags[id].content {
                    continue
                } else {
                    return false
                }
            }
            if paragraph.tags.isEmpty {
                if !paragraph.text.allSatisfy(\.isWhitespace) || hasSignificantContent(paragraph.node) { return false }
            } else if !paragraph.isTagOnly || paragraph.breakSide != nil {
                return false
            }
        }
        return found && !rowHoldsOtherContent(row)
    }

    /// Whether a row holds elements besides cells, paragraphs and their formatting that
    /// would be lost with it (a nested table is looked at through its paragraphs).
    private func rowHoldsOtherContent(_ row: xmlNodePtr) -> Bool {
        for cell in row.elementChildren {
            let name = cell.qualifiedName
            if dialect.cells.contains(name) { continue }
            if dialect.wrappers.contains(name) { if rowHoldsOtherContent(cell) { return true } else { continue } }
            if dialect.wrapperContents.contains(name) { if rowHoldsOtherContent(cell) { return true } else { continue } }
            // Row properties (DOCX `w:trPr`, `w:tblPrEx`) and bookmarks go with the row.
            if name.local.hasSuffix("Pr") || name.local == "tblPrEx" || name.local.hasPrefix("bookmark") { continue }
            return true
        }
        return false
    }

    /// The nearest table cell around a paragraph.
    func cell(of paragraph: xmlNodePtr) -> xmlNodePtr? {
        paragraph.ancestor { dialect.cells.contains($0.qualifiedName) }
    }

    /// Tag ids in the order the serializer meets them.
    private func tagsInDocumentOrder() -> [Int] {
        var order: [Int] = []
        func visit(_ node: xmlNodePtr) {
            var child = node.firstChild
            while let current = child {
                if current.isText, let segments = replacedText[current] {
                    for case .tag(let id) in segments { order.append(id) }
                } else if current.isElement {
                    visit(current)
                }
                child = current.next
            }
        }
        if let root = document.root { visit(root) }
        return order
    }

    /// Sets the role of every control tag and where its block's markers go.
    private func placeMarkers(levels: [Level], blockOfTag: [Int: Int]) {
        var paragraphMarkers: [Int: [(tag: Int, marker: Marker)]] = [:]
        for (index, block) in blocks.enumerated() {
            let ids = tagIDs(of: index)
            let roles: [Marker.Role] = [.open] + block.branches.indices.map { .branch($0) } + [.close]
            switch levels[index] {
            case .text:
                for (id, role) in zip(ids, roles) { tags[id].role = .marker(Marker(block: index, role: role)) }
            case .paragraph:
                for (id, role) in zip(ids, roles) {
                    paragraphMarkers[tags[id].paragraph, default: []].append((id, Marker(block: index, role: role)))
                }
            case .row(let first, let last):
                let (open, close) = markerNodes(first, last) ?? (first, last)
                // A row of nothing but the opening (or closing) tag goes, its marker in its place.
                if first != last, rowHoldsOnly(first, tag: ids[0]) {
                    droppedParagraphs[open] = [Marker(block: index, role: .open)]
                } else {
                    markersBefore[open, default: []].append(Marker(block: index, role: .open))
                }
                if first != last, rowHoldsOnly(last, tag: ids[ids.count - 1]) {
                    droppedParagraphs[close] = [Marker(block: index, role: .close)]
                } else {
                    markersAfter[close, default: []].append(Marker(block: index, role: .close))
                }
            case .enclosingParagraph(let paragraph):
                markersBefore[paragraph, default: []].append(Marker(block: index, role: .open))
                markersAfter[paragraph, default: []].append(Marker(block: index, role: .close))
            case .columns, .failed:
                break
            }
        }
        let depth = { (marker: Marker) in self.blocks[marker.block].depth }
        for (node, markers) in markersBefore { markersBefore[node] = markers.sorted { depth($0) < depth($1) } }
        for (node, markers) in markersAfter { markersAfter[node] = markers.sorted { depth($0) > depth($1) } }

        // Paragraphs that go: those of paragraph-level blocks, and paragraphs of nothing but
        // hidden tags (row blocks, comments).
        var dropped: [Int] = []
        for (number, paragraph) in paragraphs.enumerated() where !paragraph.tags.isEmpty {
            let forced = paragraph.tags.contains { id in
                blockOfTag[id].map { levels[$0] == .paragraph(forced: true) } ?? false
            }
            let allHidden = paragraph.tags.allSatisfy { id in
                if case .hidden = tags[id].role { return true }
                return false
            }
            let commented = removedByComment(paragraph)
            if forced || commented || (paragraph.isTagOnly && allHidden) { dropped.append(number) }
        }
        // A table cell keeps at least one block, and a DOCX cell ends with a paragraph: the
        // last paragraph of such a cell stays, empty, with its markers before it.
        var kept = Set<Int>()
        var byCell: [UnsafeMutableRawPointer: [Int]] = [:]
        // What goes in place of a paragraph: the paragraph, or the content control around only it.
        let outermost = { (number: Int) in self.dialect.wrapperChain(of: self.paragraphs[number].node).last! }
        for number in dropped {
            if let parent = outermost(number).parent, dialect.cells.contains(parent.qualifiedName) {
                byCell[UnsafeMutableRawPointer(parent), default: []].append(number)
            }
        }
        for (cellPointer, numbers) in byCell {
            let cell = cellPointer.assumingMemoryBound(to: xmlNode.self)
            let blocksInCell = cell.elementChildren.filter { dialect.cellBlocks.contains($0.qualifiedName) }
            var droppedNodes: [xmlNodePtr: Int] = [:]
            for number in numbers { droppedNodes[outermost(number)] = number }
            let remaining = blocksInCell.filter { droppedNodes[$0] == nil }
            if let last = blocksInCell.last, let number = droppedNodes[last], remaining.isEmpty || dialect.format == .docx {
                kept.insert(number)
            }
        }
        // A paragraph with a page, column or section break stays, without its tags, on the
        // side of their markers where the break was.
        var keptBefore = Set<Int>()
        for number in dropped {
            switch paragraphs[number].breakSide {
            case .afterTags?: kept.insert(number)
            case .beforeTags?: keptBefore.insert(number)
            case nil: break
            }
        }
        for number in dropped {
            let markers = (paragraphMarkers[number] ?? []).sorted { $0.tag < $1.tag }.map(\.marker)
            if kept.contains(number) || keptBefore.contains(number) {
                // What stays is the paragraph and its breaks, not its text (that of a
                // paragraph of {%p ...%} or {#p ... #}).
                for piece in paragraphs[number].pieces { skipped.insert(piece.node) }
            }
            if keptBefore.contains(number) {
                markersAfter[outermost(number), default: []].insert(contentsOf: markers, at: 0)
            } else if kept.contains(number) {
                markersBefore[outermost(number), default: []].append(contentsOf: markers)
            } else {
                // A content control around nothing but this paragraph goes with it.
                droppedParagraphs[outermost(number)] = markers
            }
        }
        // Column loops last: their copies go in every row that stays.
        placeColumns(levels: levels)
    }
}
