/// Turns diagnostics into the text a terminal shows.
///
/// ```
/// netwerk.yaml:12:5: fout[N102]: onbekende sleutel 'deelnemrs'
///    12 |     deelnemrs:
///       |     ^~~~~~~~~
///    hint: bedoel je 'deelnemers'?
/// ```
public struct DiagnosticRenderer: Sendable {
    /// Whether to colour severities and carets with ANSI escapes.
    public var colored: Bool

    public init(colored: Bool = false) { self.colored = colored }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined(separator: "\n")
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var lines: [String] = []
        var head = ""
        if let location = diagnostic.location { head += location.description + ": " }
        var label = diagnostic.severity.label
        if let id = diagnostic.id { label += "[\(id)]" }
        head += paint(label, for: diagnostic.severity) + ": " + Self.printable(diagnostic.message)
        lines.append(head)

        if let source = diagnostic.sourceLine {
            let gutter = diagnostic.location?.line.map(String.init) ?? ""
            let width = max(gutter.count, 2)
            let pad = String(repeating: " ", count: width - gutter.count)
            let (shown, caret) = Self.window(Self.displayable(source), around: (diagnostic.location?.column ?? 1) - 1)
            lines.append(" \(pad)\(gutter) | \(shown)")
            if let column = diagnostic.location?.column, column >= 1 {
                let prefix = String(repeating: " ", count: min(caret, shown.count))
                let available = max(1, shown.count - caret)
                let underline = "^" + String(repeating: "~", count: max(0, min(diagnostic.length, available) - 1))
                let blank = String(repeating: " ", count: width)
                lines.append(" \(blank) | \(prefix)\(paint(underline, for: diagnostic.severity))")
            }
        }
        if let hint = diagnostic.hint { lines.append("   hint: \(Self.printable(hint))") }
        for note in diagnostic.notes { lines.append("   opmerking: \(Self.printable(note))") }
        if let source = diagnostic.source { lines.append("   bron: \(Self.printable(source))") }
        return lines.joined(separator: "\n")
    }

    /// How many characters of a source line are shown, around the caret.
    static let sourceWidth = 120
    /// How many characters of a message, hint or note are shown.
    static let textLimit = 500

    /// Characters that would move the cursor, colour the terminal or turn text around
    /// (control characters, escapes, bidirectional overrides) are shown as a visible mark.
    static func isUnsafe(_ character: Character) -> Bool {
        character.unicodeScalars.contains { scalar in
            let value = scalar.value
            return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value)
        }
    }

    /// Text from the input, safe to print: unsafe characters marked, at most
    /// ``textLimit`` characters.
    static func printable(_ text: String) -> String {
        var result = ""
        for (index, character) in text.enumerated() {
            if index == textLimit {
                result += "…"
                break
            }
            result.append(isUnsafe(character) ? "\u{FFFD}" : character)
        }
        return result
    }

    /// A line of at most ``sourceWidth`` characters around `caret` (0-based), with "…"
    /// where it was cut, and the caret's place in it.
    static func window(_ line: String, around caret: Int) -> (text: String, caret: Int) {
        let characters = Array(line)
        guard characters.count > sourceWidth else { return (line, max(0, caret)) }
        let start = max(0, min(caret - sourceWidth / 2, characters.count - sourceWidth))
        let end = min(characters.count, start + sourceWidth)
        var text = String(characters[start..<end])
        var place = max(0, caret) - start
        if start > 0 {
            text = "…" + text
            place += 1
        }
        if end < characters.count { text += "…" }
        return (text, place)
    }

    /// Control characters would move the caret; they are shown as a visible mark.
    static func displayable(_ line: String) -> String {
        String(
            line.map { character -> Character in
                if character == "\t" { return " " }
                return isUnsafe(character) ? "\u{FFFD}" : character
            })
    }

    private func paint(_ text: String, for severity: Severity) -> String {
        TerminalStyle(isEnabled: colored).paint(text, TerminalStyle.tint(for: severity))
    }
}
