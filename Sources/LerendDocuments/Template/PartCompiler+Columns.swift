internal import CLibXML2
import LerendDiagnostics
import LerendExpressions

/// Column loops: `{%tc for x in xs %}` in one cell and `{%tc endfor %}` in the same or a
/// later cell of one row repeat the grid columns from the first to the last of those
/// cells, in every row of the table, once per element of `xs`.
///
/// Each row's cells of those columns, and the grid (DOCX `w:gridCol`, ODT
/// `table:table-column`), get a copy of the loop: a loop like any other, over the same
/// list. Widths are divided among the copies, so that the table keeps its width; with no
/// elements the other columns are widened.
extension PartCompiler {
    /// An element of a row or of the grid and the grid columns it takes.
    struct GridCell {
        let node: xmlNodePtr
        let start: Int
        /// Columns the element stands for (ODT `table:number-columns-repeated`, DOCX `w:gridSpan`).
        let width: Int
        /// Columns its content covers (ODT `table:number-columns-spanned` too).
        let extent: Int
        var end: Int { start + width }
    }

    /// The scope of a `{%tc ...%}` block, or `.failed` after reporting why it has none.
    func columnLevel(_ index: Int, ids: [Int]) -> Level {
        let origin = tags[ids[0]].origin
        guard case .forLoop? = statement(ids[0]) else {
            diagnostics.append(
                origin.diagnostic(
                    id: TemplateErrorID.columnForm, "{%tc ...%} herhaalt tabelkolommen en gaat alleen samen met for",
                    hint: "schrijf {%tc for x in lijst %} ... {%tc endfor %}; een lege lijst laat de kolommen weg"))
            return .failed
        }
        if let branch = blocks[index].branches.first {
            diagnostics.append(
                tags[statementTags[branch]].origin.diagnostic(
                    id: TemplateErrorID.columnForm, "een kolomlus {%tc for %} heeft geen {% else %}",
                    hint: "zet een {% if %} ... {% else %} ... {% endif %} binnen een cel van de kolom"))
            return .failed
        }
        let cellsOfTags = ids.map { cell(of: paragraphs[tags[$0].paragraph].node) }
        guard let openCell = cellsOfTags.first!, let closeCell = cellsOfTags.last!, let tagRow = row(of: openCell),
            row(of: closeCell) == tagRow, let table = tagRow.ancestor(where: { $0.qualifiedName == dialect.table })
        else {
            diagnostics.append(
                origin.diagnostic(
                    id: TemplateErrorID.columnPlace,
                    dialect.isProperties || cellsOfTags[0] == nil || cellsOfTags.last! == nil
                        ? "{%tc ...%} staat niet in een tabelcel"
                        : "{%tc for %} en {%tc endfor %} staan niet in dezelfde tabelrij",
                    hint:
                        "zet {%tc for %} in de eerste en {%tc endfor %} in de laatste cel van de kolommen die herhaald worden, in één rij (of allebei in één cel)"
                ))
            return .failed
        }
        let grid = gridCells(of: tagRow)
        guard let first = grid.first(where: { $0.node == openCell }), let last = grid.first(where: { $0.node == closeCell }),
            first.start <= last.start
        else {
            diagnostics.append(
                origin.diagnostic(
                    id: TemplateErrorID.columnPlace, "{%tc endfor %} staat in een cel vóór die van {%tc for %}",
                    hint: "de kolomlus begint in de eerste herhaalde cel en eindigt in de laatste"))
            return .failed
        }
        return .columns(table: table, columns: first.start..<(last.start + max(last.width, last.extent)))
    }

    /// The cells of a row with their grid columns (DOCX `w:gridBefore` skips columns).
    func gridCells(of row: xmlNodePtr) -> [GridCell] {
        var start = 0
        if dialect.format == .docx {
            let namespace = row.namespaceURI
            if let properties = row.elementChildren.first(where: { $0.localName == "trPr" }),
                let before = properties.elementChildren.first(where: { $0.localName == "gridBefore" }),
                let count = before.attribute("val", namespace: namespace).flatMap(Int.init), count > 0
            {
                start = count
            }
            return cells(of: row).map { cell in
                let properties = cell.elementChildren.first { $0.localName == "tcPr" }
                let span =
                    properties?.elementChildren.first { $0.localName == "gridSpan" }?
                    .attribute("val", namespace: namespace).flatMap(Int.init) ?? 1
                defer { start += max(1, span) }
                return GridCell(node: cell, start: start, width: max(1, span), extent: max(1, span))
            }
        }
        return cells(of: row).map { cell in
            let repeated = repeatCount(cell)
            let spanned = cell.attribute("number-columns-spanned", namespace: Dialect.tableNamespace).flatMap(Int.init) ?? 1
            defer { start += repeated }
            return GridCell(node: cell, start: start, width: repeated, extent: max(repeated, spanned))
        }
    }

    /// `table:number-columns-repeated`, at least 1.
    func repeatCount(_ node: xmlNodePtr) -> Int {
        max(1, min(node.attribute("number-columns-repeated", namespace: Dialect.tableNamespace).flatMap(Int.init) ?? 1, 10_000))
    }

    /// Places the markers of every column loop: a copy around the repeated grid columns
    /// and around the repeated cells of each row that stays, and the widths that follow
    /// the number of elements.
    func placeColumns(levels: [Level]) {
        var claimed: [xmlNodePtr: [Range<Int>]] = [:]
        for index in blocks.indices {
            guard case .columns(let table, let range) = levels[index] else { continue }
            let origin = tags[tagIDs(of: index)[0]].origin
            if claimed[table, default: []].contains(where: { $0.overlaps(range) }) {
                diagnostics.append(
                    origin.diagnostic(
                        id: TemplateErrorID.columnForm, "twee kolomlussen herhalen dezelfde kolommen van deze tabel",
                        hint: "een kolom hoort bij één {%tc for %}; zet de tweede lus in een cel (met {% for %})"))
                continue
            }
            claimed[table, default: []].append(range)
            guard case .forLoop(_, let iterable)? = statement(tagIDs(of: index)[0]) else { continue }
            var copies = 0
            func copy(_ first: xmlNodePtr, _ last: xmlNodePtr) -> Bool {
                guard let (open, close) = markerNodes(first, last) else { return false }
                copies += 1
                markersBefore[open, default: []].append(Marker(block: index, role: .open, copy: copies))
                markersAfter[close, default: []].insert(Marker(block: index, role: .close, copy: copies), at: 0)
                return true
            }
            let scale: Double
            switch dialect.format {
            case .docx: scale = placeWordGrid(of: table, range, iterable: iterable, origin: origin, copy: copy)
            case .odt: scale = placeOpenDocumentColumns(of: table, range, iterable: iterable, origin: origin, copy: copy)
            }
            let rows = elements(named: dialect.row, under: table, stoppingAt: dialect.table)
            for (number, row) in rows.enumerated() {
                if dialect.wrapperChain(of: row).contains(where: { droppedParagraphs[$0] != nil }) { continue }
                if dialect.format == .odt { splitRepeated(gridCells(of: row), at: range) }
                let grid = gridCells(of: row)
                let inside = grid.filter { range.contains($0.start) }
                func problem(_ message: String, _ hint: String) {
                    diagnostics.append(
                        origin.diagnostic(
                            id: TemplateErrorID.columnSpan, "rij \(number + 1) van de tabel met {%tc for %}: \(message)",
                            hint: hint))
                }
                if let crossing = grid.first(where: { cell in
                    let covered = cell.start..<(cell.start + cell.extent)
                    return covered.overlaps(range)
                        && !(covered.lowerBound >= range.lowerBound && covered.upperBound <= range.upperBound)
                }) {
                    problem(
                        "een cel over \(crossing.extent) kolommen ligt deels binnen en deels buiten de herhaalde kolommen",
                        "laat samengevoegde cellen helemaal binnen of helemaal buiten de kolommen van {%tc for %} ... {%tc endfor %} vallen"
                    )
                    continue
                }
                guard let first = inside.first, let last = inside.last, last.end - first.start == range.count,
                    first.start == range.lowerBound
                else {
                    problem(
                        "de rij heeft niet in elke herhaalde kolom een cel",
                        "geef elke rij van de tabel cellen in de kolommen van {%tc for %} ... {%tc endfor %}")
                    continue
                }
                guard copy(first.node, last.node) else {
                    problem("de herhaalde cellen staan niet naast elkaar", "haal het inhoudsbesturingselement rond de cellen weg")
                    continue
                }
                if dialect.format == .docx {
                    for cell in grid {
                        guard let (attribute, length) = wordCellWidth(cell.node) else { continue }
                        dynamicAttributes[attribute] = .width(
                            WidthSlot(
                                iterable: iterable, share: range.contains(cell.start) ? .repeated : .other(scale: scale),
                                length: length))
                    }
                }
            }
        }
    }

    // MARK: - DOCX

    /// Puts a copy of the loop around the repeated `w:gridCol`s and makes every grid width
    /// follow the copies; returns how much the other columns widen when there are none.
    private func placeWordGrid(
        of table: xmlNodePtr, _ range: Range<Int>, iterable: Expression, origin: TagOrigin, copy: (xmlNodePtr, xmlNodePtr) -> Bool
    ) -> Double {
        let namespace = table.namespaceURI
        guard let grid = table.elementChildren.first(where: { $0.localName == "tblGrid" }) else { return 1 }
        let columns = grid.elementChildren.filter { $0.localName == "gridCol" }
        guard columns.count >= range.upperBound else {
            diagnostics.append(
                origin.diagnostic(
                    id: TemplateErrorID.columnSpan,
                    "het raster van de tabel (w:tblGrid) heeft \(columns.count) kolommen, de kolomlus loopt tot kolom \(range.upperBound)",
                    hint: "sla het sjabloon opnieuw op in Word of LibreOffice; dat herstelt het raster"))
            return 1
        }
        let widths = columns.map { column in
            attributeNode(column, "w", namespace: namespace).flatMap { ColumnLength(parsing: attributeValue($0), integral: true) }
        }
        let total = widths.reduce(0) { $0 + ($1?.value ?? 0) }
        let repeated = widths[range].reduce(0) { $0 + ($1?.value ?? 0) }
        let scale = total > repeated && repeated > 0 ? total / (total - repeated) : 1
        _ = copy(columns[range.lowerBound], columns[range.upperBound - 1])
        for (position, column) in columns.enumerated() {
            guard let attribute = attributeNode(column, "w", namespace: namespace), let length = widths[position] else {
                continue
            }
            dynamicAttributes[attribute] = .width(
                WidthSlot(iterable: iterable, share: range.contains(position) ? .repeated : .other(scale: scale), length: length))
        }
        return scale
    }

    /// The `w:tcW/@w:w` of a cell when it is a width in twips or a percentage.
    private func wordCellWidth(_ cell: xmlNodePtr) -> (xmlAttrPtr, ColumnLength)? {
        let namespace = cell.namespaceURI
        guard let properties = cell.elementChildren.first(where: { $0.localName == "tcPr" }),
            let width = properties.elementChildren.first(where: { $0.localName == "tcW" }),
            let attribute = attributeNode(width, "w", namespace: namespace)
        else { return nil }
        let type = width.attribute("type", namespace: namespace) ?? "dxa"
        guard type == "dxa" || type == "pct" else { return nil }
        return ColumnLength(parsing: attributeValue(attribute), integral: true).map { (attribute, $0) }
    }

    // MARK: - ODT

    /// Puts a copy of the loop around the repeated `table:table-column`s (split where a
    /// repeated one crosses the loop's columns) and lets their styles follow the copies;
    /// returns how much the other columns widen when there are none.
    private func placeOpenDocumentColumns(
        of table: xmlNodePtr, _ range: Range<Int>, iterable: Expression, origin: TagOrigin, copy: (xmlNodePtr, xmlNodePtr) -> Bool
    ) -> Double {
        let name = QualifiedName(namespace: Dialect.tableNamespace, local: "table-column")
        splitRepeated(columnElements(elements(named: name, under: table, stoppingAt: dialect.table)), at: range)
        let columns = columnElements(elements(named: name, under: table, stoppingAt: dialect.table))
        guard let last = columns.last, last.end >= range.upperBound else {
            diagnostics.append(
                origin.diagnostic(
                    id: TemplateErrorID.columnSpan,
                    "de tabel beschrijft \(columns.last?.end ?? 0) kolommen (table:table-column), de kolomlus loopt tot kolom \(range.upperBound)",
                    hint: "sla het sjabloon opnieuw op in LibreOffice; dat herstelt de kolommen"))
            return 1
        }
        let inside = columns.filter { range.contains($0.start) }
        guard let first = inside.first, copy(first.node, inside.last!.node) else {
            diagnostics.append(
                origin.diagnostic(
                    id: TemplateErrorID.columnSpan, "de herhaalde kolommen horen bij verschillende kolomgroepen van de tabel",
                    hint: "laat de kolommen van {%tc for %} ... {%tc endfor %} niet over een kopkolom heen lopen"))
            return 1
        }
        let styles = columnStyles()
        let templates = columns.map { column in
            column.node.attribute("style-name", namespace: Dialect.tableNamespace).flatMap { styles[$0] }
        }
        // The widths add up as relative widths when every column has one, else as lengths.
        func sum(_ cells: [(GridCell, ColumnStyleTemplate?)], relative: Bool) -> Double? {
            var total = 0.0
            for (cell, template) in cells {
                guard
                    let length = template?.properties.compactMap(\.length).first(where: {
                        relative ? $0.unit == "*" : $0.points != nil
                    })
                else { return nil }
                total += (relative ? length.value : length.points!) * Double(cell.width)
            }
            return total
        }
        let all = Array(zip(columns, templates))
        let repeated = all.filter { range.contains($0.0.start) }
        var scale = 1.0
        for relative in [true, false] {
            if let total = sum(all, relative: relative), let part = sum(repeated, relative: relative) {
                if total > part, part > 0 { scale = total / (total - part) }
                break
            }
        }
        for (column, template) in all {
            guard let template, let attribute = attributeNode(column.node, "style-name", namespace: Dialect.tableNamespace)
            else { continue }
            dynamicAttributes[attribute] = .columnStyle(
                ColumnStyleSlot(
                    iterable: iterable, share: range.contains(column.start) ? .repeated : .other(scale: scale), style: template))
            columnStylesHost = automaticStyles()
        }
        return scale
    }

    private func columnElements(_ nodes: [xmlNodePtr]) -> [GridCell] {
        var start = 0
        return nodes.map { node in
            let count = repeatCount(node)
            defer { start += count }
            return GridCell(node: node, start: start, width: count, extent: count)
        }
    }

    /// Splits elements that stand for several columns where the loop's columns begin or
    /// end. A cell with tags is not split (its tags were read once): it is reported as a
    /// cell across the boundary.
    private func splitRepeated(_ cells: [GridCell], at range: Range<Int>) {
        for cell in cells {
            let cuts = [range.lowerBound, range.upperBound].filter { $0 > cell.start && $0 < cell.end }
            guard !cuts.isEmpty,
                !paragraphs.contains(where: { !$0.tags.isEmpty && $0.node.ancestor(where: { $0 == cell.node }) != nil })
            else { continue }
            var current = cell.node
            var start = cell.start
            for cut in cuts {
                guard let copy = copyElement(current) else { return }
                setRepeatCount(current, cut - start)
                current = copy
                start = cut
            }
            setRepeatCount(current, cell.end - start)
        }
    }

    /// A deep copy of `node` put right after it, using the namespaces declared around it.
    private func copyElement(_ node: xmlNodePtr) -> xmlNodePtr? {
        guard let copy = xmlCopyNode(node, 1) else { return nil }
        // libxml2 declares the namespaces again on a copy without a parent: point the copy
        // at the original's declarations and drop its own.
        func align(_ original: xmlNodePtr, _ copied: xmlNodePtr) {
            copied.pointee.ns = original.pointee.ns
            var from = original.pointee.properties
            var to = copied.pointee.properties
            while let source = from, let target = to {
                target.pointee.ns = source.pointee.ns
                from = source.pointee.next
                to = target.pointee.next
            }
            var left = original.pointee.children
            var right = copied.pointee.children
            while let source = left, let target = right {
                if source.isElement { align(source, target) }
                left = source.pointee.next
                right = target.pointee.next
            }
        }
        align(node, copy)
        if let declarations = copy.pointee.nsDef, node.pointee.nsDef == nil {
            copy.pointee.nsDef = nil
            xmlFreeNsList(declarations)
        }
        xmlAddNextSibling(node, copy)
        return copy
    }

    private func setRepeatCount(_ node: xmlNodePtr, _ count: Int) {
        guard let attribute = attributeNode(node, "number-columns-repeated", namespace: Dialect.tableNamespace) else { return }
        if count <= 1 {
            xmlRemoveProp(attribute)
        } else {
            xmlSetNsProp(node, attribute.pointee.ns, attribute.pointee.name, String(count))
        }
    }

    /// The part's `office:automatic-styles`, where its column styles are and the made ones go.
    private func automaticStyles() -> xmlNodePtr? {
        if let host = columnStylesHost { return host }
        let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
        return document.root?.elementChildren.first { $0.localName == "automatic-styles" && $0.namespaceURI == office }
    }

    /// The automatic column styles of the part, by name.
    private func columnStyles() -> [String: ColumnStyleTemplate] {
        let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
        guard let host = automaticStyles() else { return [:] }
        let all = host.elementChildren.filter { $0.localName == "style" && $0.namespaceURI == style }
        let names = Set(all.compactMap { $0.attribute("name", namespace: style) })
        var namePrefix = "LerendKolom"
        while names.contains(where: { $0.hasPrefix(namePrefix) }) { namePrefix += "_" }
        var result: [String: ColumnStyleTemplate] = [:]
        for element in all where element.attribute("family", namespace: style) == "table-column" {
            guard let name = element.attribute("name", namespace: style),
                let properties = element.elementChildren.first(where: { $0.localName == "table-column-properties" })
            else { continue }
            var attributes: [(name: String, value: String, length: ColumnLength?)] = []
            var attribute = properties.pointee.properties
            while let current = attribute {
                let local = current.pointee.name.map { String(cString: $0) } ?? ""
                let prefix = current.pointee.ns?.pointee.prefix.map { String(cString: $0) + ":" } ?? ""
                let value = attributeValue(current)
                let length: ColumnLength? =
                    current.pointee.ns.map({ String(cString: $0.pointee.href) }) == style
                    ? (local == "column-width"
                        ? ColumnLength(parsing: value, integral: false)
                        : local == "rel-column-width" ? ColumnLength(parsing: value, integral: true) : nil)
                    : nil
                attributes.append((prefix + local, XMLEscaping.attribute(value), length))
                attribute = current.pointee.next
            }
            result[name] = ColumnStyleTemplate(
                index: result.count, name: XMLEscaping.attribute(name),
                stylePrefix: element.pointee.ns?.pointee.prefix.map { String(cString: $0) } ?? "style", namePrefix: namePrefix,
                properties: attributes)
        }
        return result
    }

    /// The attribute node `local` in `namespace` of an element.
    func attributeNode(_ node: xmlNodePtr, _ local: String, namespace: String) -> xmlAttrPtr? {
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = current.pointee.name.map { String(cString: $0) } ?? ""
            let uri = current.pointee.ns?.pointee.href.map { String(cString: $0) } ?? ""
            if name == local, uri == namespace { return current }
            attribute = current.pointee.next
        }
        return nil
    }
}
