import Foundation
import LerendExpressions
import Testing

/// Plain-text templates and documents run the same block language with one interpreter:
/// the same tags give the same text, and the same problem the same message.
@Suite struct OneInterpreterTests {
    static let data: Value = [
        "namen": ["Anna", "Bo", "Cas"], "leeg": .list([]), "kop": "Deelnemers", "aantal": 3, "tekst": "geen lijst",
    ]

    static let sources = [
        "{% for n in namen %}{{ loop.index }}. {{ n }}{% if not loop.last %}, {% endif %}{% endfor %}",
        "{% for n in leeg %}{{ n }}{% else %}niemand{% endfor %}",
        "{% if aantal > 5 %}veel{% elif aantal > 2 %}{{ kop }}: {{ aantal }}{% else %}weinig{% endif %}",
        "{% for n in namen %}{% for m in namen %}{% if n == m %}{{ n }}{% endif %}{% endfor %}{% endfor %}",
        "{% if ontbreekt is defined %}ja{% else %}nee{% endif %}",
    ]

    @Test(arguments: sources) func aTextTemplateAndAParagraphGiveTheSameText(source: String) throws {
        let text = try TextTemplate(source).render(Self.data)
        let escaped = source.replacingOccurrences(of: ">", with: "&gt;")
        let word = try TestPackage.docx(body: "<w:p><w:r><w:t xml:space=\"preserve\">\(escaped)</w:t></w:r></w:p>")
        let wordText = StructureTests.texts(try TestPackage.wordBody(of: TestPackage.render(word, Self.data)))
        #expect(wordText == [text])
        let odf = try TestPackage.odt(body: "<text:p>\(escaped)</text:p>")
        let odfBody = try TestPackage.odfBody(of: TestPackage.render(odf, Self.data))
        #expect(odfBody == "<text:p>\(text)</text:p>")
    }

    @Test func aLoopOverSomethingElseThanAListIsOneMessageInBoth() throws {
        let source = "{% for n in tekst %}{{ n }}{% endfor %}"
        var textError: ExpressionError?
        do { _ = try TextTemplate(source).render(Self.data) } catch { textError = error }
        let word = try TestPackage.docx(body: "<w:p><w:r><w:t>\(source)</w:t></w:r></w:p>")
        var documentMessage = ""
        do { _ = try TestPackage.render(word, Self.data) } catch { documentMessage = "\(error)" }
        let expected = "{% for %} gaat over een lijst, maar 'tekst' is een tekst"
        #expect(textError?.id == "E202")
        #expect(textError?.message == expected)
        #expect(textError?.span.start == source.distance(from: source.startIndex, to: source.range(of: "tekst")!.lowerBound))
        #expect(documentMessage.contains("E202"))
        #expect(documentMessage.contains(expected))
    }
}
