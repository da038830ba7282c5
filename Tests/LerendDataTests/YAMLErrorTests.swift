import LerendData
import LerendDiagnostics
import Testing

/// libyaml's problems, said in Dutch, at `file:line:col`, with the line, a caret and a hint.
@Suite struct YAMLErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var line: Int
        var column: Int
        var message: String
        var hint: String?
        var testDescription: String { text.debugDescription }
    }

    static let cases: [Case] = [
        Case(
            text: "deelnemers:\n  - naam: Anna\n   organisatie: De Linde\n", line: 3, column: 4,
            message: "verwachtte een '-' voor het volgende element van de lijst", hint: "controleer de inspringing van de lijst"),
        Case(
            text: "naam: \"Anna\n", line: 2, column: 1, message: "het bestand houdt onverwacht op",
            hint: "is er een aanhalingsteken of haakje niet gesloten?"),
        Case(
            text: "titel: Zorg: dichtbij\n", line: 1, column: 12, message: "onverwachte ':' in een waarde",
            hint: "zet een waarde met een dubbele punt tussen aanhalingstekens, of controleer de inspringing"),
        Case(text: "a: 1\n b: 2\n", line: 2, column: 3, message: "onverwachte ':' in een waarde"),
        Case(text: "- a\nb: 1\n", line: 2, column: 1, message: "verwachtte een '-' voor het volgende element van de lijst"),
        Case(
            text: "naam: @anna\n", line: 1, column: 7, message: "teken dat hier niet kan staan",
            hint: "zet tekst met bijzondere tekens tussen aanhalingstekens"),
        Case(
            text: "tekst: \"a\\qb\"\n", line: 1, column: 10,
            message: "onbekende '\\'-code in een tekst tussen dubbele aanhalingstekens"),
        Case(
            text: "lijst: [1, 2\n", line: 2, column: 1, message: "verwachtte een ',' of een sluitend haakje",
            hint: "zet komma's tussen de elementen en sluit elke '[' met ']' en elke '{' met '}'"),
        Case(text: "{\"a\" 1}\n", line: 1, column: 6, message: "verwachtte een ',' of een sluitend haakje"),
        Case(
            text: "netwerk:\n\tnaam: Zorg\n", line: 2, column: 1, message: "tab gebruikt om in te springen",
            hint: "spring in met spaties, niet met tabs"),
    ]

    @Test(arguments: cases)
    func problemIsDutchAndPlaced(_ expected: Case) throws {
        let diagnostics = try #require(Check.diagnostics(expected.text))
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.id == "D103")
        #expect(diagnostic.location == SourceLocation(file: "gegevens.yaml", line: expected.line, column: expected.column))
        #expect(diagnostic.message == expected.message)
        if let hint = expected.hint { #expect(diagnostic.hint == hint) }
        #expect(!diagnostic.message.contains("while"), "no English from libyaml")
    }

    @Test func theWholeMessageReadsLikeACompilers() {
        #expect(
            Check.problems("deelnemers:\n  - naam: Anna\n   organisatie: De Linde\n", path: "netwerk.yaml") == """
                netwerk.yaml:3:4: fout[D103]: verwachtte een '-' voor het volgende element van de lijst
                  3 |    organisatie: De Linde
                    |    ^
                   hint: controleer de inspringing van de lijst
                   opmerking: dit begon op regel 2, kolom 3
                """)
    }

    @Test func anUnclosedQuoteSaysWhereItBegan() throws {
        let diagnostic = try #require(Check.diagnostics("naam: 'Anna\nplaats: x\n")?.first)
        #expect(diagnostic.notes == ["dit begon op regel 1, kolom 7"])
    }

    @Test func windowsLinesAreShownInMessages() throws {
        let diagnostic = try #require(Check.diagnostics("a: 1\r\ntitel: Zorg: dichtbij\r\n")?.first)
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.sourceLine == "titel: Zorg: dichtbij")
    }
}
