import Foundation
import LerendExpressions
import Testing

/// Values are text, whatever characters they hold.
@Suite struct EscapingTests {
    static let hard = "Zorg & Welzijn <Noord> \"De Linde\" 't Anker – Ölçer, Brœder, Ĳsselmonde 😀👩🏽‍⚕️"

    @Test func docxEscapesMarkupAndKeepsEveryCharacter() throws {
        let template = try TestPackage.docx(body: "<w:p><w:r><w:t>{{ naam }}</w:t></w:r></w:p>")
        let body = try TestPackage.wordBody(of: TestPackage.render(template, ["naam": .string(Self.hard)]))
        #expect(
            body == """
                <w:p><w:r><w:t xml:space="preserve">Zorg &amp; Welzijn &lt;Noord&gt; "De Linde" 't Anker – Ölçer, Brœder, Ĳsselmonde 😀👩🏽‍⚕️</w:t></w:r></w:p>
                """)
    }

    @Test func odtEscapesMarkupAndKeepsEveryCharacter() throws {
        let template = try TestPackage.odt(body: "<text:p>{{ naam }}</text:p>")
        let body = try TestPackage.odfBody(of: TestPackage.render(template, ["naam": .string(Self.hard)]))
        #expect(
            body == """
                <text:p>Zorg &amp; Welzijn &lt;Noord&gt; "De Linde" 't Anker – Ölçer, Brœder, Ĳsselmonde 😀👩🏽‍⚕️</text:p>
                """)
    }

    @Test func docxNewlineBecomesLineBreakAndTabATab() throws {
        let template = try TestPackage.docx(body: "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{{ adres }}</w:t></w:r></w:p>")
        let body = try TestPackage.wordBody(of: TestPackage.render(template, ["adres": "Lindelaan 12\r\n8011 AB\tZwolle"]))
        #expect(
            body == """
                <w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Lindelaan 12</w:t><w:br/>\
                <w:t xml:space="preserve">8011 AB</w:t><w:tab/><w:t xml:space="preserve">Zwolle</w:t></w:r></w:p>
                """)
    }

    @Test func odtNewlineTabAndRunsOfSpaces() throws {
        let template = try TestPackage.odt(body: "<text:p>{{ adres }}</text:p>")
        let body = try TestPackage.odfBody(of: TestPackage.render(template, ["adres": "A  B   C\nD\tE"]))
        #expect(body == "<text:p>A <text:s/>B <text:s/><text:s/>C<text:line-break/>D<text:tab/>E</text:p>")
    }

    @Test(arguments: ["\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{1F}", "\u{FFFE}", "\u{FFFF}"])
    func charactersXMLForbidsAreNeverWritten(character: String) throws {
        let docx = try TestPackage.docx(body: "<w:p><w:r><w:t>{{ tekst }}</w:t></w:r></w:p>")
        let odt = try TestPackage.odt(body: "<text:p>{{ tekst }}</text:p>")
        let data: Value = ["tekst": .string("a\(character)b")]
        #expect(try TestPackage.wordBody(of: TestPackage.render(docx, data)).contains(">ab</w:t>"))
        #expect(try TestPackage.odfBody(of: TestPackage.render(odt, data)) == "<text:p>ab</text:p>")
    }

    @Test func numbersDatesAndListsPrintDutch() throws {
        let template = try TestPackage.odt(
            body: "<text:p>{{ bedrag | bedrag }} · {{ cijfer }} · {{ dag | datum('kort') }} · {{ namen }}</text:p>")
        let data: Value = [
            "bedrag": 1234.5, "cijfer": 2.5, "dag": .date(LocalDate(year: 2026, month: 4, day: 27)!),
            "namen": ["Anna", "Bo", "Cas"],
        ]
        let body = try TestPackage.odfBody(of: TestPackage.render(template, data))
        #expect(body == "<text:p>€ 1.234,50 · 2,5 · 27-04-2026 · Anna, Bo en Cas</text:p>")
    }
}
