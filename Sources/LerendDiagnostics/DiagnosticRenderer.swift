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
        head += paint(label, for: diagnostic.severity) + ": " + diagnostic.message
        lines.append(head)

        if let source = diagnostic.sourceLine {
            let gutter = diagnostic.location?.line.map(String.init) ?? ""
            let width = max(gutter.count, 2)
            let pad = String(repeating: " ", count: width - gutter.count)
            let shown = Self.displayable(source)
            lines.append(" \(pad)\(gutter) | \(shown)")
            if let column = diagnostic.location?.column, column >= 1 {
                let prefix = String(repeating: " ", count: min(column - 1, shown.count))
                let available = max(1, shown.count - (column - 1))
                let underline = "^" + String(repeating: "~", count: max(0, min(diagnostic.length, available) - 1))
                let blank = String(repeating: " ", count: width)
                lines.append(" \(blank) | \(prefix)\(paint(underline, for: diagnostic.severity))")
            }
        }
        if let hint = diagnostic.hint { lines.append("   hint: \(hint)") }
        for note in diagnostic.notes { lines.append("   opmerking: \(note)") }
        if let source = diagnostic.source { lines.append("   bron: \(source)") }
        return lines.joined(separator: "\n")
    }

    /// Control characters would move the caret; they are shown as a visible mark.
    static func displayable(_ line: String) -> String {
        String(
            line.map { character -> Character in
                if character == "\t" { return " " }
                if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                    scalar.value < 0x20 || scalar.value == 0x7F
                {
                    return "\u{FFFD}"
                }
                return character
            })
    }

    private func paint(_ text: String, for severity: Severity) -> String {
        TerminalStyle(isEnabled: colored).paint(text, TerminalStyle.tint(for: severity))
    }
}
