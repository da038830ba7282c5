import LerendDiagnostics

/// Reads the rows of a CSV text as Excel writes and reads them: the separator of the
/// header line (`;`, `,` or tab; or the line `sep=;` Excel itself understands), fields in
/// double quotes with `""` for a quote and line breaks inside, CRLF or LF line ends.
struct CSVReader {
    let problems: SheetProblems
    let limits: SpreadsheetLimits

    func rows(_ text: String) throws(Diagnostic) -> [Spreadsheet.Row] {
        var scalars = Substring(text).unicodeScalars
        var separator = Self.separator(of: scalars)
        if let declared = Self.declaredSeparator(in: scalars) {
            separator = declared.separator
            scalars = scalars[declared.rest...]
        }
        var builder = SheetBuilder(problems: problems, limits: limits)
        var row: [String] = []
        var field = String.UnicodeScalarView()
        var fieldLength = 0
        var number = 1
        var index = scalars.startIndex
        var quotedSince: (row: Int, column: Int)?
        var atFieldStart = true

        func endField() throws(Diagnostic) {
            try builder.checkColumn(row.count, row: number)
            let text = String(field)
            try builder.checkCell(text, row: number, column: row.count)
            row.append(text)
            field = String.UnicodeScalarView()
            fieldLength = 0
            atFieldStart = true
        }
        func endRow() throws(Diagnostic) {
            try endField()
            try builder.append(number, row)
            row = []
            number += 1
        }

        while index < scalars.endIndex {
            let scalar = scalars[index]
            scalars.formIndex(after: &index)
            if let start = quotedSince {
                if scalar == "\"" {
                    if index < scalars.endIndex, scalars[index] == "\"" {
                        field.append("\"")
                        scalars.formIndex(after: &index)
                    } else {
                        quotedSince = nil
                    }
                } else if scalar == "\r" {
                    // A line break inside a cell is one "\n", whichever way the file ends its lines.
                    if index < scalars.endIndex, scalars[index] == "\n" { scalars.formIndex(after: &index) }
                    field.append("\n")
                } else {
                    field.append(scalar)
                    fieldLength += 1
                    if fieldLength > limits.cellText {
                        throw problems.cellTooLong(row: start.row, column: start.column, limit: limits.cellText)
                    }
                }
                continue
            }
            switch scalar {
            case "\"" where atFieldStart:
                quotedSince = (number, row.count)
                atFieldStart = false
            case separator:
                try endField()
            case "\r":
                if index < scalars.endIndex, scalars[index] == "\n" { scalars.formIndex(after: &index) }
                try endRow()
            case "\n":
                try endRow()
            default:
                field.append(scalar)
                fieldLength += 1
                atFieldStart = false
                if fieldLength > limits.cellText {
                    throw problems.cellTooLong(row: number, column: row.count, limit: limits.cellText)
                }
            }
        }
        if let start = quotedSince { throw problems.unclosedQuote(row: start.row, column: start.column) }
        if !row.isEmpty || !field.isEmpty { try endRow() }
        return builder.rows
    }

    /// The separator that occurs most often outside quotes in the first line: `;` when
    /// it ties (Excel in the Netherlands), then tab, then `,`.
    static func separator(of scalars: Substring.UnicodeScalarView) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [";": 0, "\t": 0, ",": 0]
        var quoted = false
        for scalar in scalars {
            if scalar == "\"" { quoted.toggle() }
            if !quoted, scalar == "\n" || scalar == "\r" { break }
            if !quoted, counts[scalar] != nil { counts[scalar]! += 1 }
        }
        let best = [";", "\t", ","].max { counts[$0]! < counts[$1]! }!
        return counts[best]! > 0 ? best : ";"
    }

    /// The separator of a first line `sep=;`, and where the text after that line starts.
    static func declaredSeparator(
        in scalars: Substring.UnicodeScalarView
    ) -> (separator: Unicode.Scalar, rest: Substring.UnicodeScalarView.Index)? {
        let prefix = Array(scalars.prefix(6))
        guard prefix.count >= 5, String(String.UnicodeScalarView(prefix[0..<4])).lowercased() == "sep=" else { return nil }
        let separator = prefix[4]
        var index = scalars.index(scalars.startIndex, offsetBy: 5)
        guard index == scalars.endIndex || scalars[index] == "\r" || scalars[index] == "\n" else { return nil }
        if index < scalars.endIndex, scalars[index] == "\r" { scalars.formIndex(after: &index) }
        if index < scalars.endIndex, scalars[index] == "\n" { scalars.formIndex(after: &index) }
        return (separator, index)
    }
}
