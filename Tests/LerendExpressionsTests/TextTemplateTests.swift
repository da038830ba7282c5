import Testing
import LerendExpressions

/// Plain-text templates: rule messages and file-name patterns.
@Suite struct TextTemplateTests {
    static let data: Value = ["punten": ["Opening", "Casus", "Sluiting"], "naam": "Anna", "gastheer": true]

    @Test(arguments: [
        ("Beste {{ naam }},", "Beste Anna,"),
        ("{% for p in punten %}{{ loop.index }}. {{ p }}{% if not loop.last %}; {% endif %}{% endfor %}", "1. Opening; 2. Casus; 3. Sluiting"),
        ("{% if gastheer %}gastheer{% elif naam %}gast{% else %}-{% endif %}", "gastheer"),
        ("{% if not gastheer %}x{% elif naam == 'Anna' %}Anna{% else %}-{% endif %}", "Anna"),
        ("{# opmerking #}tekst", "tekst"),
        ("{% for p in punten %}{% if loop.first %}[{% endif %}{{ p | kleine_letters }}{% if loop.last %}]{% endif %}{% endfor %}", "[openingcasussluiting]"),
        ("zonder tags", "zonder tags"),
    ] as [(String, String)])
    func renders(source: String, expected: String) throws {
        #expect(try TextTemplate(source).render(Self.data) == expected)
    }

    @Test func unclosedForIsAnErrorWithItsPlace() throws {
        #expect(throws: ExpressionError.self) { try TextTemplate("{% for p in punten %}{{ p }}") }
        do throws(ExpressionError) {
            _ = try TextTemplate("Beste {{ naam ")
            Issue.record("an unclosed tag must be an error")
        } catch {
            #expect(error.id == "T105")
            #expect(error.span.start == 6)
        }
    }

    @Test func unknownFieldsAreFoundBeforeThereIsData() throws {
        let shape = Shape.object(["deelnemers": .list(.object(["naam": .scalar, "organisatie": .scalar]))])
        let template = try TextTemplate("{% for d in deelnemers %}{{ d.naaam }}{% endfor %} en {{ count(deelnemers) }}")
        let errors = template.unknownFields(in: shape)
        #expect(errors.map(\.message) == ["onbekend veld 'naaam' in 'd.naaam'"])
        #expect(errors.first?.hint == "bedoel je 'naam'?")
        let expression = try Expression("sum(filter(deelnemers, d => d.organisatie == 'X'), d => d.leeftijd)")
        #expect(expression.unknownFields(in: shape).map(\.message) == ["onbekend veld 'leeftijd' in 'd.leeftijd'"])
    }
}
