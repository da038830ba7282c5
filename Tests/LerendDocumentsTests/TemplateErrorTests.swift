import Foundation
import LerendDiagnostics
import LerendDocuments
import LerendExpressions
import Testing

/// Every error of a template at once, each with its id, its place, a caret and a hint.
@Suite struct TemplateErrorTests {
    static func paragraph(_ text: String) -> String { "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>" }
    static func cell(_ text: String) -> String { "<w:tc>" + paragraph(text) + "</w:tc>" }

    @Test func unclosedForLoop() throws {
        let template = try TestPackage.docx(body: Self.paragraph("{% for p in punten %}") + Self.paragraph("{{ p.titel }}"))
        #expect(
            TestPackage.compileErrors(template) == """
                test.docx (hoofdtekst, alinea 1): fout[T101]: {% for %} wordt niet afgesloten
                    | {% for p in punten %}
                    | ^~~~~~~~~~~~~~~~~~~~~
                   hint: zet {% endfor %} achter wat bij {% for %} hoort
                """)
    }

    @Test func allErrorsAtOnceWithDidYouMean() throws {
        let template = try TestPackage.docx(
            body:
                Self.paragraph("{{ naam | hoofdleter }} en {{ datum | datum('lang', 2, 3) }}") + Self.paragraph("{% endif %}"))
        #expect(
            TestPackage.compileErrors(template) == """
                test.docx (hoofdtekst, alinea 1): fout[E104]: onbekende filter 'hoofdleter'
                    | {{ naam | hoofdleter }} en {{ datum | datum('lang', 2, 3) }}
                    |           ^~~~~~~~~~
                   hint: bedoel je 'hoofdletter'?
                test.docx (hoofdtekst, alinea 1): fout[E105]: 'datum' krijgt 3 argumenten, maar verwacht 0 tot 1
                    | {{ naam | hoofdleter }} en {{ datum | datum('lang', 2, 3) }}
                    |                                       ^~~~~
                   hint: gebruik: datum(d, stijl)
                test.docx (hoofdtekst, alinea 2): fout[T102]: {% endif %} zonder bijbehorende {% if %}
                    | {% endif %}
                    | ^~~~~~~~~~~
                   hint: haal {% endif %} weg of zet er een {% if %} voor
                """)
    }

    @Test func loopOpensInOneCellAndClosesInAnotherRow() throws {
        let template = try TestPackage.docx(
            // A row of nothing but {% for %} would go; this one also holds text.
            body: "<w:tbl><w:tr>" + Self.cell("{% for p in punten %}") + Self.cell("Tijd") + "</w:tr><w:tr>"
                + Self.cell("{% endfor %}") + Self.cell("") + "</w:tr></w:tbl>")
        #expect(
            TestPackage.compileErrors(template) == """
                test.docx (hoofdtekst, tabel 1, rij 1, kolom 1): fout[T108]: {% for %} staat in een tabelcel en {% endfor %} in een andere rij
                    | {% for p in punten %}
                    | ^~~~~~~~~~~~~~~~~~~~~
                   hint: zet {% for %} en {% endfor %} in dezelfde rij om die rij te herhalen; voor meerdere rijen schrijf je {%tr ... %} in beide tags
                """)
    }

    @Test func unclosedTagAndUnknownStatement() throws {
        let template = try TestPackage.docx(body: Self.paragraph("{{ naam ") + Self.paragraph("{% while x %}"))
        let errors = try #require(TestPackage.compileErrors(template))
        #expect(
            errors.contains(
                """
                test.docx (hoofdtekst, alinea 1): fout[T105]: '{{' wordt in deze alinea niet afgesloten met '}}'
                    | {{ naam 
                    | ^~
                   hint: een tag staat helemaal binnen één alinea; zet '}}' achter de inhoud van de tag
                """))
        #expect(
            errors.contains(
                """
                test.docx (hoofdtekst, alinea 2): fout[T106]: onbekende opdracht 'while'
                    | {% while x %}
                    |    ^~~~~
                   hint: bekende opdrachten: for, endfor, if, elif, else, endif
                """))
    }

    @Test func errorsInAnOdtHeaderNameThePart() throws {
        let template = try TestPackage.odt(
            body: "<text:p>{{ naam }}</text:p>", header: "<text:p>{{ netwerk.naam | kapitaal }}</text:p>")
        let errors = try #require(TestPackage.compileErrors(template, name: "brief.odt"))
        #expect(errors.hasPrefix("brief.odt (kop- en voettekst"), "\(errors)")
        #expect(errors.contains("fout[E104]: onbekende filter 'kapitaal'"))
    }

    @Test func missingValueIsAnErrorNamingPathAndDocument() throws {
        let template = try TestPackage.docx(
            body: Self.paragraph("Beste {{ deelnemer.voornaam }},")
                + Self.paragraph("{{ deelnemer.organisatie.naam }}"))
        let compiled = try DocumentTemplate(bytes: template, name: "brief.docx")
        let data: Value = ["deelnemer": ["voornam": "Anna", "organisatie": "Zorggroep"]]
        let error = try #require(throws: DiagnosticList.self) {
            try DocumentRenderer(template: compiled).render(data, documentName: "brief Anna.docx")
        }
        #expect(
            DiagnosticRenderer().render(error.diagnostics) == """
                brief.docx (hoofdtekst, alinea 1): fout[E201]: 'deelnemer.voornaam' ontbreekt: 'deelnemer' heeft geen veld 'voornaam'
                    | Beste {{ deelnemer.voornaam }},
                    |          ^~~~~~~~~~~~~~~~~~
                   hint: bedoel je 'voornam'?
                   opmerking: in document 'brief Anna.docx'
                brief.docx (hoofdtekst, alinea 2): fout[E202]: 'deelnemer.organisatie' is een tekst en heeft geen veld 'naam'
                    | {{ deelnemer.organisatie.naam }}
                    |    ^~~~~~~~~~~~~~~~~~~~~~~~~~
                   opmerking: in document 'brief Anna.docx'
                """)
    }

    @Test func missingValuesPrintEmptyWhenAsked() throws {
        let template = try TestPackage.docx(body: Self.paragraph("Beste {{ deelnemer.voornaam }},"))
        let body = try TestPackage.wordBody(of: TestPackage.render(template, ["deelnemer": [:]], missingValues: .empty))
        #expect(body.contains(">Beste ,</w:t>"))
    }

    @Test func notATemplate() throws {
        let error = try #require(throws: DiagnosticList.self) {
            try DocumentTemplate(bytes: Array("geen zip".utf8), name: "brief.docx")
        }
        #expect(error.diagnostics.map(\.id) == ["T001"])
        #expect(error.diagnostics.first?.message.hasPrefix("kan sjabloon 'brief.docx' niet openen") == true)
    }
}
