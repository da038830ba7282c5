import Foundation
import LerendExpressions
import Testing

/// A paragraph of control tags with a page, column or section break keeps the break.
@Suite struct BreakTests {
    static let data = StructureTests.data
    static let pageBreak = "<w:r><w:br w:type=\"page\"/></w:r>"

    static func paragraphs(_ body: String) -> [String] {
        body.matches(of: /<w:p>.*?<\/w:p>|<w:p\/>/).map { String($0.output) }
    }

    @Test func pageBreakAfterTheClosingTagStaysOnceAfterTheLoop() throws {
        let template = try TestPackage.docx(
            body: ScopeTests.paragraph("Voor") + ScopeTests.paragraph("{% for x in lijst %}")
                + ScopeTests.paragraph("{{ x.naam }}")
                + "<w:p><w:r><w:t>{% endfor %}</w:t></w:r>\(Self.pageBreak)</w:p>" + ScopeTests.paragraph("Na"))
        let rendered = try TestPackage.render(template, Self.data)
        StructureTests.keep(rendered, as: "pagina-einde.docx")
        let body = try TestPackage.wordBody(of: rendered)
        #expect(
            Self.paragraphs(body) == [
                ScopeTests.paragraph("Voor"), ScopeTests.filledParagraph("Anna"), ScopeTests.filledParagraph("Bo"),
                "<w:p>\(Self.pageBreak)</w:p>", ScopeTests.paragraph("Na"),
            ])
    }

    @Test func columnBreakBeforeTheClosingTagIsRepeated() throws {
        let template = try TestPackage.docx(
            body: ScopeTests.paragraph("{% for x in lijst %}") + ScopeTests.paragraph("{{ x.naam }}")
                + "<w:p><w:r><w:br w:type=\"column\"/></w:r><w:r><w:t>{% endfor %}</w:t></w:r></w:p>")
        let body = try TestPackage.wordBody(of: TestPackage.render(template, Self.data))
        let columnBreak = "<w:p><w:r><w:br w:type=\"column\"/></w:r></w:p>"
        #expect(
            Self.paragraphs(body) == [
                ScopeTests.filledParagraph("Anna"), columnBreak, ScopeTests.filledParagraph("Bo"), columnBreak,
            ])
    }

    @Test func sectionBreakInTheTagParagraphStays() throws {
        let section = "<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/></w:sectPr>"
        let template = try TestPackage.docx(
            body: ScopeTests.paragraph("{% if lijst %}") + ScopeTests.paragraph("Breed")
                + "<w:p><w:pPr>\(section)</w:pPr><w:r><w:t>{% endif %}</w:t></w:r></w:p>" + ScopeTests.paragraph("Staand"))
        let rendered = try TestPackage.render(template, Self.data)
        StructureTests.keep(rendered, as: "sectie-einde.docx")
        let document = try TestPackage.part("word/document.xml", of: rendered)
        #expect(
            document.contains(
                "<w:body>" + ScopeTests.paragraph("Breed") + "<w:p><w:pPr>\(section)</w:pPr></w:p>"
                    + ScopeTests.paragraph("Staand")))
    }

    @Test func pageBreakBeforeInTheParagraphPropertiesStaysBeforeTheLoop() throws {
        let template = try TestPackage.docx(
            body: "<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>{% for x in lijst %}</w:t></w:r></w:p>"
                + ScopeTests.paragraph("{{ x.naam }}") + ScopeTests.paragraph("{% endfor %}"))
        let body = try TestPackage.wordBody(of: TestPackage.render(template, Self.data))
        #expect(
            Self.paragraphs(body) == [
                "<w:p><w:pPr><w:pageBreakBefore/></w:pPr></w:p>", ScopeTests.filledParagraph("Anna"),
                ScopeTests.filledParagraph("Bo"),
            ])
    }

    @Test func aBreakBetweenTwoTagsKeepsTheParagraphAsText() throws {
        let template = try TestPackage.docx(
            body: "<w:p><w:r><w:t>{% if lijst %}</w:t></w:r>\(Self.pageBreak)<w:r><w:t>{% endif %}</w:t></w:r></w:p>")
        let body = try TestPackage.wordBody(of: TestPackage.render(template, Self.data))
        #expect(body.contains(Self.pageBreak))
    }

    @Test(arguments: ["break-before", "break-after"])
    func odfParagraphWithABreakingStyleStays(_ property: String) throws {
        let base = try TestPackage.odt(
            body: "<text:p>Voor</text:p><text:p text:style-name=\"P9\">{% for x in lijst %}</text:p><text:p>{{ x.naam }}</text:p>"
                + "<text:p>{% endfor %}</text:p><text:p>Na</text:p>")
        let content = try TestPackage.part("content.xml", of: base).replacingOccurrences(
            of: "<office:body>",
            with: """
                <office:automatic-styles><style:style style:name="P9" style:family="paragraph">\
                <style:paragraph-properties fo:\(property)="page"/></style:style></office:automatic-styles><office:body>
                """)
        let template = try TestPackage.replacing(["content.xml": content], in: base)
        let rendered = try TestPackage.render(template, Self.data)
        StructureTests.keep(rendered, as: "\(property).odt")
        let body = try TestPackage.odfBody(of: rendered)
        // Before the page: the paragraph stays before the loop; after: in the loop, once
        // per item, as the opening tag's paragraph ends after the tag.
        let kept = "<text:p text:style-name=\"P9\"></text:p>"
        let expected =
            property == "break-before"
            ? "<text:p>Voor</text:p>\(kept)<text:p>Anna</text:p><text:p>Bo</text:p><text:p>Na</text:p>"
            : "<text:p>Voor</text:p>\(kept)<text:p>Anna</text:p>\(kept)<text:p>Bo</text:p><text:p>Na</text:p>"
        #expect(body == expected)
    }
}
