import LerendDiagnostics
import LerendExpressions

/// Where a tag stands in a template, for messages: the part, the paragraph's text and
/// the column of the tag in it.
struct TagOrigin: Sendable {
    let location: SourceLocation
    /// The paragraph's text, as the author sees it.
    let paragraphText: String
    /// Characters before the tag in the paragraph.
    let column: Int
    /// Characters before the tag's content (after `{{` or `{%`).
    let contentColumn: Int
    let length: Int

    /// A message about the whole tag.
    func diagnostic(id: String, _ message: String, hint: String? = nil, severity: Severity = .error) -> Diagnostic {
        excerptDiagnostic(severity: severity, id: id, message, column: column, length: length, hint: hint)
    }

    /// A message for an expression error inside the tag.
    func diagnostic(for error: ExpressionError) -> Diagnostic {
        excerptDiagnostic(
            severity: .error, id: error.id, error.message, column: contentColumn + error.span.start,
            length: error.span.length, hint: error.hint)
    }

    private func excerptDiagnostic(
        severity: Severity, id: String, _ message: String, column: Int, length: Int, hint: String?
    ) -> Diagnostic {
        let (line, shownColumn) = Self.excerpt(paragraphText, column: column, length: length)
        var place = location
        place.column = shownColumn
        var diagnostic = Diagnostic(severity, id: id, message, at: place, sourceLine: line, length: length, hint: hint)
        diagnostic.location?.column = shownColumn
        return diagnostic
    }

    /// A window of at most about 100 characters around the column, with `…` where text
    /// was cut; returns the text and the column (from 1) in it.
    static func excerpt(_ text: String, column: Int, length: Int) -> (String, Int) {
        let characters = Array(text)
        guard characters.count > 100 else { return (text, column + 1) }
        let start = max(0, column - 40)
        let end = min(characters.count, column + max(length, 1) + 40)
        var line = start > 0 ? "…" : ""
        line += String(characters[start..<end])
        if end < characters.count { line += "…" }
        return (line, column - start + (start > 0 ? 1 : 0) + 1)
    }
}
