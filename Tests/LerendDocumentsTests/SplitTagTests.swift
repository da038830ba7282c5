import Foundation
import LerendExpressions
import Testing

/// Tags that the word processor split over runs or spans, the way authors type them.
@Suite struct SplitTagTests {
    @Test func docxTagSplitOverRunsWithSpellCheckBookmarkAndRevisionIds() throws {
        let template = try TestPackage.docx(
            body: """
                <w:p><w:r w:rsidR="00A1"><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Hallo {{ deel</w:t></w:r>\
                <w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="x"/>\
                <w:r w:rsidR="00B2"><w:rPr><w:i/></w:rPr><w:t>nemer.</w:t></w:r><w:r><w:t>naam }}!</w:t></w:r>\
                <w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/></w:p>
                """)
        let body = try TestPackage.wordBody(of: TestPackage.render(template, ["deelnemer": ["naam": "Anna"]]))
        // The value takes the formatting of the tag's first character (bold); the runs that
        // held the rest of the tag keep only what followed it.
        #expect(
            body == """
                <w:p><w:r w:rsidR="00A1"><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Hallo Anna</w:t></w:r>\
                <w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="x"/>\
                <w:r><w:t xml:space="preserve">!</w:t></w:r>\
                <w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/></w:p>
                """)
    }

    @Test func docxStatementSplitOverRunsWithMixedFormatting() throws {
        let template = try TestPackage.docx(
            body: """
                <w:p><w:r><w:t>{% i</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>f toon %}</w:t></w:r>\
                <w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>zichtbaar</w:t></w:r><w:r><w:t>{% end</w:t></w:r><w:r><w:t>if %}</w:t></w:r></w:p>
                """)
        let shown = try TestPackage.wordBody(of: TestPackage.render(template, ["toon": true]))
        let hidden = try TestPackage.wordBody(of: TestPackage.render(template, ["toon": false]))
        // The runs that held only the tags go; their markers take the runs' place.
        #expect(shown == #"<w:p><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>zichtbaar</w:t></w:r></w:p>"#)
        #expect(hidden == "<w:p></w:p>")
    }

    @Test func docxStatementSharingARunWithTextStaysInsideTheRuns() throws {
        let template = try TestPackage.docx(
            body: """
                <w:p><w:r><w:t>{% if toon %}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>zichtbaar{% endif %} en verder</w:t></w:r></w:p>
                """)
        let shown = try TestPackage.wordBody(of: TestPackage.render(template, ["toon": true]))
        let hidden = try TestPackage.wordBody(of: TestPackage.render(template, ["toon": false]))
        // The markers of one block sit at one depth, so the first run is kept (empty).
        #expect(
            shown == """
                <w:p><w:r><w:t xml:space="preserve"></w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">zichtbaar en verder</w:t></w:r></w:p>
                """)
        #expect(hidden.contains(">") && !hidden.contains("zichtbaar") && hidden.contains(" en verder"))
    }

    @Test func odtTagSplitOverSpans() throws {
        let template = try TestPackage.odt(
            body: """
                <text:p text:style-name="P1"><text:span text:style-name="T1">Datum: {{ bijeen</text:span>\
                <text:span text:style-name="T2">komst.datum | da</text:span>tum }}<text:bookmark text:name="b"/>.</text:p>
                """)
        let data: Value = ["bijeenkomst": ["datum": .date(LocalDate(year: 2023, month: 3, day: 14)!)]]
        let body = try TestPackage.odfBody(of: TestPackage.render(template, data))
        #expect(
            body == """
                <text:p text:style-name="P1"><text:span text:style-name="T1">Datum: dinsdag 14 maart 2023</text:span>\
                <text:bookmark text:name="b"/>.</text:p>
                """)
    }

    @Test(arguments: ["{{ naam }}", "{{naam}}", "{{   naam   }}", "{{ naam|hoofdletters|kleine_letters }}"])
    func spacingInsideTagsDoesNotMatter(tag: String) throws {
        let template = try TestPackage.docx(body: "<w:p><w:r><w:t>\(tag)</w:t></w:r></w:p>")
        let body = try TestPackage.wordBody(of: TestPackage.render(template, ["naam": "anna"]))
        #expect(body.contains(">anna</w:t>"))
    }
}
