import Foundation
import LerendData
import LerendDiagnostics
import LerendExpressions
import Testing

/// Every example of `Docs/expressietaal.md`, evaluated against the document's own example data.
///
/// The document's first ```yaml block is the data. Rows of tables headed
/// `| uitdrukking | resultaat |` are expressions and what they print; `| sjabloon | resultaat |`
/// are text templates; `| uitdrukking | melding |` are expressions and their error as
/// `fout[Exxx]: message (hint: ...)`. A `\|` in a cell is a `|`.
@Suite struct DocExamplesTests {
    enum Kind: String, Sendable { case expression, template, error }

    struct Example: Sendable, CustomTestStringConvertible {
        var kind: Kind
        var source: String
        var expected: String
        var line: Int
        var testDescription: String { "regel \(line): \(source)" }
    }

    static let documentPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Docs/expressietaal.md").path

    static let document: String = (try? String(contentsOfFile: documentPath, encoding: .utf8)) ?? ""

    static var exampleData: String {
        guard let start = document.range(of: "```yaml\n"),
            let end = document.range(of: "\n```", range: start.upperBound..<document.endIndex)
        else { return "" }
        return String(document[start.upperBound..<end.lowerBound]) + "\n"
    }

    static let examples: [Example] = {
        var result: [Example] = []
        var kind: Kind?
        for (offset, line) in document.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            switch text {
            case "| uitdrukking | resultaat |": kind = .expression
            case "| sjabloon | resultaat |": kind = .template
            case "| uitdrukking | melding |": kind = .error
            default:
                guard let current = kind, text.hasPrefix("|") else {
                    kind = nil
                    continue
                }
                if text.hasPrefix("|---") { continue }
                let cells = cells(of: text)
                guard cells.count == 2 else {
                    result.append(Example(kind: current, source: text, expected: "<geen twee cellen>", line: offset + 1))
                    continue
                }
                var source = cells[0]
                if source.hasPrefix("`"), source.hasSuffix("`"), source.count >= 2 {
                    source = String(source.dropFirst().dropLast())
                }
                result.append(Example(kind: current, source: source, expected: cells[1], line: offset + 1))
            }
        }
        return result
    }()

    /// The cells of a table row, with `\|` read as `|`.
    static func cells(of row: String) -> [String] {
        let placeholder = "\u{0}"
        let parts = row.replacingOccurrences(of: "\\|", with: placeholder).split(separator: "|", omittingEmptySubsequences: false)
        return parts.dropFirst().dropLast().map {
            $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: placeholder, with: "|")
        }
    }

    @Test func theDocumentHasDataAndManyExamples() throws {
        #expect(!Self.document.isEmpty, "Docs/expressietaal.md must be readable at \(Self.documentPath)")
        #expect(try DataFile.parse(Self.exampleData, path: "voorbeeld.yaml").root.keys.contains("organisaties"))
        #expect(Self.examples.filter { $0.kind == .expression }.count >= 100)
        #expect(Self.examples.filter { $0.kind == .template }.count >= 5)
        #expect(Self.examples.filter { $0.kind == .error }.count >= 10)
    }

    @Test(arguments: examples)
    func documentedExampleHolds(_ example: Example) throws {
        let data = try DataFile.parse(Self.exampleData, path: "voorbeeld.yaml").value
        switch example.kind {
        case .expression:
            #expect(try Expression(example.source).printed(in: EvaluationContext(root: data)) == example.expected)
        case .template:
            #expect(try TextTemplate(example.source).render(data) == example.expected)
        case .error:
            do throws(ExpressionError) {
                let printed = try Expression(example.source).printed(in: EvaluationContext(root: data))
                Issue.record("'\(example.source)' gives '\(printed)' instead of an error")
            } catch {
                #expect(error.description == example.expected)
            }
        }
    }
}
