import LerendDiagnostics
import LerendExpressions
import Testing

@testable import LerendDocuments

/// Blocks nested far deeper than any real template are an error with a place, not a
/// stack overflow while the program is built or run.
@Suite struct BlockDepthTests {
    static func paragraph(_ text: String) -> String { "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>" }

    static func nestedParagraphs(_ count: Int, open: String, close: String) -> String {
        String(repeating: paragraph(open), count: count) + paragraph("x") + String(repeating: paragraph(close), count: count)
    }

    @Test(arguments: [("{% if true %}", "{% endif %}"), ("{% for x in [1] %}", "{% endfor %}")])
    func twoThousandNestedBlocksInParagraphsAreAnError(open: String, close: String) throws {
        let template = try TestPackage.docx(body: Self.nestedParagraphs(2_000, open: open, close: close))
        let error = try #require(throws: DiagnosticList.self) { try DocumentTemplate(bytes: template, name: "brief.docx") }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(error.diagnostics.map(\.id) == ["T113"])
        #expect(
            diagnostic.message
                == "hier staan meer dan 100 blokken ({% for %}, {% if %}) in elkaar; Lerend leest er hoogstens 100")
        #expect(diagnostic.location?.detail == "hoofdtekst, alinea 101")
    }

    @Test func tenThousandNestedBlocksInOneParagraphAreAnError() throws {
        let text = String(repeating: "{% if true %}", count: 10_000) + "x" + String(repeating: "{% endif %}", count: 10_000)
        let template = try TestPackage.docx(body: Self.paragraph(text))
        let error = try #require(throws: DiagnosticList.self) { try DocumentTemplate(bytes: template, name: "brief.docx") }
        #expect(error.diagnostics.map(\.id) == ["T113"])
        #expect(error.diagnostics.first?.location?.detail == "hoofdtekst, alinea 1")
    }

    @Test func ahundredNestedBlocksStillWork() throws {
        let template = try TestPackage.docx(body: Self.nestedParagraphs(100, open: "{% if true %}", close: "{% endif %}"))
        let body = try TestPackage.wordBody(of: TestPackage.render(template, [:]))
        #expect(body.contains(">x</w:t>"))
    }
}
