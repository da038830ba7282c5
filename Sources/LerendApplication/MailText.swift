import Foundation
public import LerendDiagnostics
public import LerendExpressions

/// The text of an e-mail, from a text template file (`email-uitnodiging.txt`): the first
/// line that is not a comment is `Onderwerp: ...`, the rest is the body. Lines that hold
/// only a `{% %}` or `{# #}` tag take no line of their own in the result, and empty lines
/// that pile up become one. The same text, escaped, gives the HTML alternative.
public struct MailText: Sendable {
    public let path: String
    let subject: TextTemplate
    let body: TextTemplate

    /// The largest template file read (the default is about 2 KB).
    static let sizeLimit = 1 << 20

    /// Reads and parses `path`; every problem is located in the file.
    public init(path: String) throws(DiagnosticList) {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path), data.count <= Self.sizeLimit,
            let source = String(data: data, encoding: .utf8)
        else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "M103", "de e-mailtekst is onleesbaar, geen UTF-8 of groter dan 1 MB",
                    at: SourceLocation(file: path), hint: "sla de tekst op als UTF-8-tekstbestand (.txt)")
            ])
        }
        let lines = source.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        guard
            let subjectIndex = lines.firstIndex(where: {
                let trimmed = $0.trimmingCharacters(in: .whitespaces)
                return !trimmed.isEmpty && !(trimmed.hasPrefix("{#") && trimmed.hasSuffix("#}"))
            }), lines[subjectIndex].lowercased().hasPrefix("onderwerp:")
        else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "M104", "de e-mailtekst begint niet met een regel 'Onderwerp: ...'",
                    at: SourceLocation(file: path, line: 1, column: 1),
                    hint: "zet als eerste regel bijvoorbeeld: Onderwerp: Uitnodiging voor bijeenkomst {{ bijeenkomst.nummer }}")
            ])
        }
        let subjectSource = String(lines[subjectIndex].dropFirst("onderwerp:".count))
        subject = try Self.parse(
            [subjectSource], path: path, firstLine: subjectIndex + 1, column: "onderwerp:".count, trim: false)
        body = try Self.parse(
            Array(lines[(subjectIndex + 1)...]), path: path, firstLine: subjectIndex + 2, column: 0, trim: true)
    }

    /// Joins lines, dropping the line end after a line that holds only block tags or
    /// comments, so that `{% if %}` on its own line leaves no empty line behind.
    static func trimBlockLines(_ lines: [String]) -> String {
        var result = ""
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let onlyTags = !trimmed.isEmpty && trimmed.replacing(/\{%.*?%\}|\{#.*?#\}/, with: "").isEmpty
            result += onlyTags ? trimmed : line
            if index < lines.count - 1, !onlyTags { result += "\n" }
        }
        return result
    }

    /// Parses `lines` as written first, so that a problem is located at its line and
    /// column; then the same tags with the lines of only tags folded away.
    private static func parse(
        _ lines: [String], path: String, firstLine: Int, column: Int, trim: Bool
    ) throws(DiagnosticList) -> TextTemplate {
        let source = lines.joined(separator: "\n")
        do throws(ExpressionError) {
            let template = try TextTemplate(source)
            return trim ? try TextTemplate(trimBlockLines(lines)) : template
        } catch {
            let prefix = source.prefix(error.span.start)
            let lineIndex = prefix.filter { $0 == "\n" }.count
            let lineStart = prefix.lastIndex(of: "\n").map { prefix.distance(from: prefix.startIndex, to: $0) + 1 } ?? 0
            let sourceLine = lines.indices.contains(lineIndex) ? lines[lineIndex] : ""
            var shifted = error
            shifted.span.start = error.span.start - lineStart
            let location = SourceLocation(
                file: path, line: firstLine + lineIndex, column: shifted.span.start + 1 + (lineIndex == 0 ? column : 0))
            throw DiagnosticList([
                shifted.diagnostic(in: sourceLine, at: location, columnOffset: lineIndex == 0 ? column : 0)
            ])
        }
    }

    /// The subject and the text of one message.
    public func render(_ data: Value) throws(DiagnosticList) -> (subject: String, text: String) {
        do throws(ExpressionError) {
            var subjectText = try subject.render(data).replacingOccurrences(of: "\n", with: " ")
                .trimmingCharacters(in: .whitespaces)
            if let first = subjectText.first { subjectText = first.uppercased() + subjectText.dropFirst() }
            // Trailing blanks off every line, and at most one empty line in a row (without
            // regular expressions: they cost milliseconds per message).
            var lines: [Substring] = []
            for line in try body.render(data).split(separator: "\n", omittingEmptySubsequences: false) {
                var trimmed = line
                while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
                if trimmed.isEmpty, lines.last?.isEmpty ?? true { continue }
                lines.append(trimmed)
            }
            while lines.last?.isEmpty == true { lines.removeLast() }
            return (subjectText, lines.joined(separator: "\n") + "\n")
        } catch {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: error.id, "in de e-mailtekst: \(error.message)", at: SourceLocation(file: path),
                    hint: error.hint)
            ])
        }
    }

    /// The text as a small HTML document: paragraphs at empty lines, line breaks kept,
    /// web addresses and e-mail addresses as links.
    public static func html(_ text: String) -> String {
        let paragraphs = text.trimmingCharacters(in: .newlines).components(separatedBy: "\n\n").map { paragraph -> String in
            let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                var escaped = String(line).replacingOccurrences(of: "&", with: "&amp;")
                    .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                    .replacingOccurrences(of: "\"", with: "&quot;")
                guard escaped.contains("@") || escaped.contains("http") else { return escaped }
                escaped = escaped.replacing(/https?:\/\/[^\s<]+[^\s<.,;:)]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/) { match in
                    let link = String(match.output)
                    let target = link.hasPrefix("http") ? link : "mailto:" + link
                    return "<a href=\"\(target)\">\(link)</a>"
                }
                return escaped
            }
            return "<p>" + lines.joined(separator: "<br>\n") + "</p>"
        }
        return """
            <!DOCTYPE html>
            <html lang="nl">
            <head><meta charset="utf-8"><title></title></head>
            <body style="font-family: Calibri, Arial, sans-serif; font-size: 11pt; line-height: 1.4;">
            \(paragraphs.joined(separator: "\n"))
            </body>
            </html>

            """
    }
}
