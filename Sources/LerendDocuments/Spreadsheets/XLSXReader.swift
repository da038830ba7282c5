internal import CLibXML2
import LerendDiagnostics
import LerendExpressions

/// Reads the first sheet of an XLSX package: `xl/workbook.xml` names it, its
/// relationship gives the part, `xl/sharedStrings.xml` the texts and `xl/styles.xml`
/// which numbers are dates. Elements are matched by local name, so that files in the
/// "strict" namespaces of ISO 29500 read the same.
struct XLSXReader {
    let package: OfficePackage

    private static let workbook = "xl/workbook.xml"

    func rows() throws(Diagnostic) -> [Spreadsheet.Row] {
        let (sheetPart, uses1904) = try firstSheet()
        let strings = try sharedStrings()
        let formats = try numberFormats()
        var parser = SheetParser(
            part: sheetPart, strings: strings, formats: formats, uses1904: uses1904,
            builder: SheetBuilder(problems: package.problems, limits: package.limits))
        return try package.withRoot(of: sheetPart) { root throws(Diagnostic) in try parser.rows(root) }
    }

    /// The part of the first sheet, and whether the workbook counts dates from 1904.
    private func firstSheet() throws(Diagnostic) -> (part: String, uses1904: Bool) {
        try package.withRoot(of: Self.workbook) { root throws(Diagnostic) in
            guard let root else { throw package.problems.missingPart(Self.workbook) }
            return try firstSheet(root)
        }
    }

    private func firstSheet(_ root: xmlNodePtr) throws(Diagnostic) -> (part: String, uses1904: Bool) {
        let properties = root.firstElement("workbookPr")
        let date1904 = properties.flatMap { $0.plainAttribute("date1904") }
        let uses1904 = date1904 == "1" || date1904 == "true"
        let fallback = "xl/worksheets/sheet1.xml"
        guard let sheet = root.firstElement("sheets")?.firstElement("sheet"), let id = sheet.relationshipID else {
            return (fallback, uses1904)
        }
        let target = try package.withRoot(of: "xl/_rels/workbook.xml.rels", required: false) { relationships in
            relationships?.elementChildren.first {
                $0.localName == "Relationship" && $0.plainAttribute("Id") == id
            }?.plainAttribute("Target")
        }
        guard let target else { return (fallback, uses1904) }
        return (target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target, uses1904)
    }

    /// The shared strings, rich text runs joined and phonetic guides (`rPh`) left out.
    private func sharedStrings() throws(Diagnostic) -> [String] {
        try package.withRoot(of: "xl/sharedStrings.xml", required: false) { root in
            var strings: [String] = []
            var item = root?.firstChild
            while let current = item {
                if current.isElement, current.localName == "si" { strings.append(Self.richText(current)) }
                item = current.next
            }
            return strings
        }
    }

    /// The text of an `si` or `is` element: its `t`, or the `t` of each run `r`.
    static func richText(_ element: xmlNodePtr) -> String {
        var text = ""
        for child in element.elementChildren {
            switch child.localName {
            case "t": text += child.allText
            case "r": text += child.firstElement("t")?.allText ?? ""
            default: break
            }
        }
        return text
    }

    /// For each cell format (`s` of a cell), what its number format makes of a number.
    private func numberFormats() throws(Diagnostic) -> [NumberStyle] {
        try package.withRoot(of: "xl/styles.xml", required: false) { root in
            guard let root else { return [] }
            return Self.numberFormats(root)
        }
    }

    private static func numberFormats(_ root: xmlNodePtr) -> [NumberStyle] {
        var custom: [Int: String] = [:]
        for format in root.firstElement("numFmts")?.elementChildren ?? [] where format.localName == "numFmt" {
            if let id = format.plainAttribute("numFmtId").flatMap({ Int($0) }), let code = format.plainAttribute("formatCode") {
                custom[id] = code
            }
        }
        return (root.firstElement("cellXfs")?.elementChildren ?? []).filter { $0.localName == "xf" }.map { format in
            let id = format.plainAttribute("numFmtId").flatMap { Int($0) } ?? 0
            return NumberStyle(id: id, code: custom[id])
        }
    }
}

/// What a number format makes of a number: a date, a time of day, or a number.
enum NumberStyle: Equatable {
    case number, date, time

    /// The style of built-in format `id` (14–17 and 22 are dates, 18–21 times;
    /// 27–36 and 50–58 are the dates of East Asian versions of Excel), or of the custom
    /// format `code`: a date when it has a day or year, a time when it has hours or
    /// seconds but no date.
    init(id: Int, code: String?) {
        switch id {
        case 14...17, 22, 27...36, 50...58: self = .date
        case 18...21, 45...47: self = .time
        default:
            guard let code else {
                self = .number
                return
            }
            var plain = ""
            var inQuotes = false
            var inBrackets = false
            var escaped = false
            // Only the first section (positive numbers) counts; quoted text, escapes and
            // [colours] or [$-413] say nothing about the kind.
            for character in code {
                if escaped {
                    escaped = false
                    continue
                }
                switch character {
                case "\\": escaped = true
                case "\"": inQuotes.toggle()
                case "[" where !inQuotes: inBrackets = true
                case "]" where !inQuotes: inBrackets = false
                case ";" where !inQuotes && !inBrackets: break
                default: if !inQuotes, !inBrackets { plain.append(character) }
                }
                if character == ";", !inQuotes, !inBrackets { break }
            }
            let lower = plain.lowercased()
            if lower == "general" || lower == "standaard" {
                self = .number
            } else if lower.contains("d") || lower.contains("y") || lower.contains("j") {
                self = .date
            } else if lower.contains("h") || lower.contains("s") || lower.contains("u") {
                self = .time
            } else {
                self = .number
            }
        }
    }
}

/// Walks `sheetData` of one sheet part, cell by cell.
private struct SheetParser {
    let part: String
    let strings: [String]
    let formats: [NumberStyle]
    let uses1904: Bool
    var builder: SheetBuilder

    mutating func rows(_ root: xmlNodePtr?) throws(Diagnostic) -> [Spreadsheet.Row] {
        guard let data = root?.firstElement("sheetData") else { return [] }
        var rowNumber = 0
        var row = data.firstChild
        while let current = row {
            defer { row = current.next }
            guard current.isElement, current.localName == "row" else { continue }
            rowNumber = current.plainAttribute("r").flatMap { Int($0) }.map { max($0, rowNumber + 1) } ?? rowNumber + 1
            try builder.checkRow(rowNumber)
            var cells: [String] = []
            var column = -1
            for cell in current.elementChildren where cell.localName == "c" {
                column =
                    cell.plainAttribute("r").flatMap { ColumnName.cell($0)?.column }.map { max($0, column + 1) } ?? column + 1
                let text = try value(of: cell, row: rowNumber, column: column)
                guard !text.isEmpty else { continue }
                try builder.checkColumn(column, row: rowNumber)
                try builder.checkCell(text, row: rowNumber, column: column)
                if cells.count < column { cells += Array(repeating: "", count: column - cells.count) }
                cells.append(text)
            }
            try builder.append(rowNumber, cells)
        }
        return builder.rows
    }

    private func value(of cell: xmlNodePtr, row: Int, column: Int) throws(Diagnostic) -> String {
        let raw = cell.firstElement("v")?.allText
        switch cell.plainAttribute("t") ?? "n" {
        case "s":
            guard let raw else { return "" }
            guard let index = Int(raw.strippingSpaces), strings.indices.contains(index) else {
                throw builder.problems.badCell(
                    "de cel verwijst naar gedeelde tekst \(raw.strippingSpaces), en die staat niet in xl/sharedStrings.xml",
                    row: row,
                    column: column, part: part)
            }
            return strings[index]
        case "inlineStr":
            return cell.firstElement("is").map(XLSXReader.richText) ?? raw ?? ""
        case "b":
            return raw.map { $0.strippingSpaces == "1" ? "ja" : "nee" } ?? ""
        case "str", "e":
            return raw ?? ""
        case "d":
            // An ISO date and time; the date is what a network file holds.
            guard let raw else { return "" }
            return raw.hasSuffix("T00:00:00") || raw.count > 10 && LocalDate(iso: raw.prefix(10)) != nil
                ? String(raw.prefix(10)) : raw
        default:
            guard let raw else { return "" }
            let style = cell.plainAttribute("s").flatMap { Int($0) }.flatMap { formats.indices.contains($0) ? formats[$0] : nil }
            return SpreadsheetNumber.text(raw.strippingSpaces, style: style ?? .number, uses1904: uses1904)
        }
    }
}

extension UnsafeMutablePointer where Pointee == xmlNode {
    /// The first element child named `local`, in whatever namespace.
    func firstElement(_ local: String) -> xmlNodePtr? {
        var node = pointee.children
        while let current = node {
            if current.isElement, current.localName == local { return current }
            node = current.pointee.next
        }
        return nil
    }

    /// The value of the attribute `local` without a namespace.
    func plainAttribute(_ local: String) -> String? { attribute(local, namespace: "") }

    /// The value of `r:id`, in the transitional or the strict namespace of relationships.
    var relationshipID: String? {
        attribute("id", namespace: "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
            ?? attribute("id", namespace: "http://purl.oclc.org/ooxml/officeDocument/relationships")
    }
}

extension String {
    /// The text without spaces, tabs and line breaks around it.
    var strippingSpaces: String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return self }
        var view = Substring(self).unicodeScalars
        while let head = view.first, isSpace(head) { view.removeFirst() }
        while let tail = view.last, isSpace(tail) { view.removeLast() }
        return String(view)
    }
}
