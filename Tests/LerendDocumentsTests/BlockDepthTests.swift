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

/// Loops in loops over long lists stop at a budget for the whole document, with one message,
/// instead of running for hours.
@Suite struct LoopBudgetTests {
    @Test func nestedLoopsStopAtTheBudgetWithOneMessage() throws {
        let open = String(repeating: "{% for x in lijst %}", count: 4)
        let close = String(repeating: "{% endfor %}", count: 4)
        let template = try DocumentTemplate(
            bytes: TestPackage.docx(body: BlockDepthTests.paragraph(open + "." + close)), name: "brief.docx")
        let list: Value = .list(Array(repeating: "x", count: 100))
        let error = try #require(throws: DiagnosticList.self) {
            try DocumentRenderer(template: template).render(["lijst": list], options: RenderOptions(iterationLimit: 20_000))
        }
        #expect(error.diagnostics.map(\.id) == ["E207"])
        #expect(
            error.diagnostics.first?.message == "de lussen van dit document komen samen boven de 20.000 herhalingen")
    }

    @Test func theDefaultBudgetIsTheStandardOne() {
        #expect(RenderOptions().limits == RenderLimits.standard)
        #expect(RenderLimits.standard.iterations == 2_000_000)
    }

    @Test func aLongListWithinTheBudgetIsFine() throws {
        let template = try DocumentTemplate(
            bytes: TestPackage.docx(body: BlockDepthTests.paragraph("{% for x in lijst %}{{ x }}{% endfor %}")),
            name: "brief.docx")
        let list: Value = .list(Array(repeating: "x", count: 1_000))
        let body = try TestPackage.wordBody(
            of: DocumentRenderer(template: template).render(["lijst": list], options: RenderOptions(iterationLimit: 1_000)))
        #expect(body.contains(String(repeating: "x", count: 1_000)))
    }
}
