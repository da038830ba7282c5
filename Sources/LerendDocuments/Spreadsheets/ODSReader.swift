internal import CLibXML2
import LerendDiagnostics
import LerendExpressions

/// Reads the first `table:table` of an ODS package's `content.xml`.
///
/// LibreOffice writes the empty rest of a sheet as one row or cell repeated up to a
/// million times (`table:number-rows-repeated`, `table:number-columns-repeated`).
/// Empty repetitions are only counted, never expanded; a repeated row or cell with
/// content is expanded within the limits, so a hostile file is a located error.
struct ODSReader {
    let package: OfficePackage

    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

    func rows() throws(Diagnostic) -> [Spreadsheet.Row] {
        var walker = RowWalker(builder: SheetBuilder(problems: package.problems, limits: package.limits))
        try package.withRoot(of: "content.xml") { root throws(Diagnostic) in
            guard let sheet = root?.child("body", Self.office)?.child("spreadsheet", Self.office)?.child("table", Self.table)
            else { return }
            try walker.rows(in: sheet)
        }
        return walker.builder.rows
    }
}

private struct RowWalker {
    var builder: SheetBuilder
    /// The number of the next row.
    var next = 1

    mutating func rows(in container: xmlNodePtr) throws(Diagnostic) {
        var node = container.firstChild
        while let current = node {
            defer { node = current.next }
            guard current.isElement, current.namespaceURI == ODSReader.table else { continue }
            switch current.localName {
            case "table-row":
                let repeated = Self.count(current.attribute("number-rows-repeated", namespace: ODSReader.table))
                let cells = try self.cells(of: current, row: next)
                if cells.allSatisfy(\.isEmpty) {
                    next += repeated
                    continue
                }
                for _ in 0..<repeated {
                    try builder.checkRow(next)
                    try builder.append(next, cells)
                    next += 1
                }
            case "table-header-rows", "table-rows", "table-row-group":
                try rows(in: current)
            default:
                break
            }
        }
    }

    /// The cells of one row; repeated empty cells at the end are not expanded.
    func cells(of row: xmlNodePtr, row number: Int) throws(Diagnostic) -> [String] {
        var cells: [String] = []
        var column = 0
        for cell in row.elementChildren where cell.namespaceURI == ODSReader.table {
            guard cell.localName == "table-cell" || cell.localName == "covered-table-cell" else { continue }
            let repeated = Self.count(cell.attribute("number-columns-repeated", namespace: ODSReader.table))
            let text = Self.value(of: cell)
            if !text.isEmpty {
                try builder.checkColumn(column + repeated - 1, row: number)
                try builder.checkCell(text, row: number, column: column)
                if cells.count < column { cells += Array(repeating: "", count: column - cells.count) }
                cells += Array(repeating: text, count: repeated)
            }
            column += repeated
        }
        return cells
    }

    /// A repetition count: at least 1; a count that is not a number is 1.
    static func count(_ text: String?) -> Int { max(1, text.flatMap { Int($0) } ?? 1) }

    static func value(of cell: xmlNodePtr) -> String {
        let office = ODSReader.office
        switch cell.attribute("value-type", namespace: office) {
        case "float":
            if let value = cell.attribute("value", namespace: office).flatMap({ Double($0) }) {
                return SpreadsheetNumber.number(value)
            }
        case "date":
            if let value = cell.attribute("date-value", namespace: office), LocalDate(iso: value.prefix(10)) != nil {
                return String(value.prefix(10))
            }
        case "time":
            if let value = cell.attribute("time-value", namespace: office), let time = Self.time(value) { return time }
        case "boolean":
            if let value = cell.attribute("boolean-value", namespace: office) { return value == "true" ? "ja" : "nee" }
        default:
            break
        }
        return paragraphs(of: cell)
    }

    /// The text of the cell's paragraphs, one line each.
    static func paragraphs(of cell: xmlNodePtr) -> String {
        cell.elementChildren.filter { $0.namespaceURI == ODSReader.text && ($0.localName == "p" || $0.localName == "h") }
            .map(inlineText).joined(separator: "\n")
    }

    /// Text with `text:s` as spaces, `text:tab` as a tab, `text:line-break` as a line break;
    /// spans and links read through; notes left out.
    static func inlineText(_ element: xmlNodePtr) -> String {
        var text = ""
        var node = element.firstChild
        while let current = node {
            defer { node = current.next }
            // Past Excel's limit of a cell the text is too long anyway (I123): stop there.
            if text.utf8.count > 65_536 { return text }
            if current.isText || current.pointee.type == XML_CDATA_SECTION_NODE {
                text += current.textContent
                continue
            }
            guard current.isElement else { continue }
            if current.namespaceURI == ODSReader.text {
                switch current.localName {
                case "s":
                    let count = min(count(current.attribute("c", namespace: ODSReader.text)), 1_000)
                    text += String(repeating: " ", count: count)
                case "tab": text += "\t"
                case "line-break": text += "\n"
                case "note", "bookmark", "bookmark-start", "bookmark-end", "soft-page-break": break
                default: text += inlineText(current)
                }
            } else if current.namespaceURI != ODSReader.office {
                text += inlineText(current)
            }
        }
        return text
    }

    /// `PT13H30M00S` as `13:30`.
    static func time(_ duration: String) -> String? {
        guard duration.hasPrefix("PT") else { return nil }
        var hours = 0
        var minutes = 0
        var digits = ""
        for character in duration.dropFirst(2) {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else {
                let value = Int(digits) ?? 0
                if character == "H" { hours = value }
                if character == "M" { minutes = value }
                digits = ""
                if character == "S" || character == "." { break }
            }
        }
        guard hours < 24, minutes < 60 else { return nil }
        return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }
}
