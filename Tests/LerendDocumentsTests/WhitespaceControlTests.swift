import Foundation
import LerendExpressions
import Testing

/// Jinja's whitespace control and comments that remove their paragraph or row.
@Suite struct WhitespaceControlTests {
    static let data: Value = ["naam": "Anna", "lijst": StructureTests.data["lijst"]!]

    @Test func wordTrimsTheWhiteSpaceNextToATag() throws {
        let template = try TestPackage.docx(
            body: "<w:p><w:r><w:t xml:space=\"preserve\">Hallo  {{- naam -}}  !</w:t></w:r></w:p>"
                + "<w:p><w:r><w:t xml:space=\"preserve\">{% for x in lijst %}{{ x.naam }}, </w:t></w:r>"
                + "<w:r><w:t xml:space=\"preserve\"> {%- endfor %} klaar</w:t></w:r></w:p>")
        let rendered = try TestPackage.render(template, Self.data)
        StructureTests.keep(rendered, as: "witruimte.docx")
        let texts = StructureTests.texts(try TestPackage.wordBody(of: rendered))
        #expect(texts.joined(separator: "|") == "HalloAnna!|Anna,|Bo,| klaar")
    }

    @Test func odfTrimsSpacesWrittenAsElements() throws {
        let template = try TestPackage.odt(
            body: "<text:p>Hallo <text:s text:c=\"2\"/>{{- naam }} en <text:span>{{ naam -}}</text:span> <text:s/>!</text:p>")
        let rendered = try TestPackage.render(template, Self.data)
        StructureTests.keep(rendered, as: "witruimte.odt")
        let body = try TestPackage.odfBody(of: rendered)
        #expect(body == "<text:p>HalloAnna en <text:span>Anna</text:span>!</text:p>")
    }

    @Test func aTrimmedControlTagKeepsItsScope() throws {
        let template = try TestPackage.docx(
            body: "<w:tbl>" + StructureTests.wordRow("{%- tr for x in lijst -%}") + StructureTests.wordRow("{{ x.naam }}")
                + StructureTests.wordRow("{%- tr endfor %}") + "</w:tbl>")
        let body = try TestPackage.wordBody(of: TestPackage.render(template, Self.data))
        #expect(StructureTests.count("<w:tr>", in: body) == 2)
    }

    @Test func scopedCommentsRemoveTheirParagraphAndRow() throws {
        let word = try TestPackage.docx(
            body: ScopeTests.paragraph("Voor") + ScopeTests.paragraph("Let op: {#p alleen voor de schrijver #}")
                + "<w:tbl>" + StructureTests.wordRow("Kop") + StructureTests.wordRow("uitleg {#tr deze rij gaat weg #}", "meer")
                + "</w:tbl>" + ScopeTests.paragraph("Na {# gewone opmerking #}"))
        let rendered = try TestPackage.render(word, Self.data)
        StructureTests.keep(rendered, as: "opmerkingen.docx")
        let body = try TestPackage.wordBody(of: rendered)
        #expect(StructureTests.texts(body) == ["Voor", "Kop", "Na "])
        #expect(StructureTests.count("<w:tr>", in: body) == 1)

        let odf = try TestPackage.odt(
            body: "<text:p>Voor</text:p><text:p>{#p weg #}Let op</text:p><table:table table:name=\"T\"><table:table-column/>"
                + StructureTests.odfRow("Kop") + StructureTests.odfRow("{#tr weg #}") + "</table:table>")
        let odfRendered = try TestPackage.render(odf, Self.data)
        StructureTests.keep(odfRendered, as: "opmerkingen.odt")
        #expect(
            try TestPackage.odfBody(of: odfRendered)
                == "<text:p>Voor</text:p><table:table table:name=\"T\"><table:table-column/>" + StructureTests.odfRow("Kop")
                + "</table:table>")
    }

    @Test func aCommentedLastParagraphOfAWordCellStaysEmpty() throws {
        let template = try TestPackage.docx(
            body: "<w:tbl>" + StructureTests.wordRow("Kop") + "<w:tr><w:tc>" + ScopeTests.paragraph("{{ naam }}")
                + ScopeTests.paragraph("Uitleg {#p voor de schrijver #}") + "</w:tc></w:tr></w:tbl>")
        let body = try TestPackage.wordBody(of: TestPackage.render(template, Self.data))
        #expect(body.contains("<w:tr><w:tc>" + ScopeTests.filledParagraph("Anna") + "<w:p></w:p></w:tc></w:tr>"))
    }

    @Test func aParagraphCommentNextToOtherTagsIsRefused() throws {
        let template = try TestPackage.docx(body: ScopeTests.paragraph("{{ naam }} {#p weg #}"))
        let errors = try #require(TestPackage.compileErrors(template))
        #expect(errors.contains("fout[T110]: {#p ... #} haalt deze alinea helemaal weg"))
    }
}
