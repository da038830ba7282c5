public import LerendDiagnostics

/// The text of a YAML file as Unicode scalars, with the starts of its lines: the places
/// the loader reports (line and column, counted in characters as libyaml counts them)
/// become offsets, and edits replace ranges of offsets.
///
/// Line endings are kept as they are; a line that an edit adds gets the ending the file
/// mostly uses (CRLF for a file saved by Notepad).
struct YAMLText {
    private(set) var scalars: [Unicode.Scalar]
    private(set) var lineStarts: [Int] = []
    /// Whether the file began with a byte order mark, which the loader drops.
    let hasByteOrderMark: Bool
    /// The line ending of the file: `\r\n` when most lines end so.
    let lineEnding: String

    init(_ text: String) {
        var scalars = Array(text.unicodeScalars)
        hasByteOrderMark = scalars.first == "\u{FEFF}"
        if hasByteOrderMark { scalars.removeFirst() }
        self.scalars = scalars
        var crlf = 0
        var lf = 0
        for (index, scalar) in scalars.enumerated() where scalar == "\n" {
            if index > 0, scalars[index - 1] == "\r" { crlf += 1 } else { lf += 1 }
        }
        lineEnding = crlf > lf ? "\r\n" : "\n"
        indexLines()
    }

    /// The text as it is written to disk, with the byte order mark if it had one.
    var text: String {
        var result = String.UnicodeScalarView()
        if hasByteOrderMark { result.append("\u{FEFF}") }
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// The text the loader parses (without a byte order mark).
    var body: String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    private mutating func indexLines() {
        lineStarts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" { lineStarts.append(index + 1) }
    }

    var count: Int { scalars.count }

    subscript(offset: Int) -> Unicode.Scalar? {
        scalars.indices.contains(offset) ? scalars[offset] : nil
    }

    /// The offset of a location the loader reported.
    func offset(_ location: SourceLocation) -> Int? {
        guard let line = location.line, let column = location.column, line >= 1, line <= lineStarts.count else {
            return nil
        }
        return min(lineStarts[line - 1] + column - 1, lineContentEnd(line - 1))
    }

    /// The line (from 0) that holds `offset`.
    func line(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    var lineCount: Int { lineStarts.count }

    /// The offset where line `line` (from 0) begins.
    func lineStart(_ line: Int) -> Int { lineStarts[line] }

    /// The offset just after the last character of line `line`, before its ending.
    func lineContentEnd(_ line: Int) -> Int {
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : scalars.count
        if line + 1 < lineStarts.count, end > lineStarts[line], scalars[end - 1] == "\r" { end -= 1 }
        return end
    }

    /// The offset where the next line starts, or the end of the text for the last line.
    func nextLineStart(_ line: Int) -> Int {
        line + 1 < lineStarts.count ? lineStarts[line + 1] : scalars.count
    }

    /// The column (from 0) of `offset` in its line.
    func column(of offset: Int) -> Int { offset - lineStarts[line(of: offset)] }

    /// The number of spaces that begin line `line`.
    func indentation(ofLine line: Int) -> Int {
        var index = lineStarts[line]
        let end = lineContentEnd(line)
        while index < end, scalars[index] == " " { index += 1 }
        return index - lineStarts[line]
    }

    /// Whether line `line` holds nothing but spaces, or a comment.
    func isBlankOrComment(_ line: Int) -> Bool {
        let start = lineStarts[line] + indentation(ofLine: line)
        return start >= lineContentEnd(line) || scalars[start] == "#"
    }

    func isBlank(_ line: Int) -> Bool {
        lineStarts[line] + indentation(ofLine: line) >= lineContentEnd(line)
    }

    /// Whether only spaces stand between the start of its line and `offset`.
    func isFirstOnLine(_ offset: Int) -> Bool {
        var index = offset - 1
        let start = lineStarts[line(of: offset)]
        while index >= start {
            if scalars[index] != " " { return false }
            index -= 1
        }
        return true
    }

    /// The offset of the first character after `offset` that is not a space.
    func skipSpaces(from offset: Int) -> Int {
        var index = offset
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        return index
    }

    /// The offset of the first character after `offset` that is no space, line break or
    /// comment.
    func skipTrivia(from offset: Int) -> Int {
        var index = offset
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" {
                index += 1
            } else if scalar == "#" {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            } else {
                break
            }
        }
        return index
    }

    /// Replaces the characters in `range` with `replacement`, whose `\n` become the
    /// file's line ending.
    mutating func replace(_ range: Range<Int>, with replacement: String) {
        var inserted: [Unicode.Scalar] = []
        for scalar in replacement.unicodeScalars {
            if scalar == "\n" {
                inserted.append(contentsOf: lineEnding.unicodeScalars)
            } else {
                inserted.append(scalar)
            }
        }
        scalars.replaceSubrange(range, with: inserted)
        indexLines()
    }

    /// A piece of the text.
    func string(_ range: Range<Int>) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[range])
        return String(result)
    }
}
