import LerendExpressions
import Testing

/// Plain-text templates: rule messages and file-name patterns, with the tags of document templates.
@Suite struct TextTemplateTests {
    static let data: Value = [
        "punten": ["Opening", "Casus", "Sluiting"], "naam": "Anna", "gastheer": true, "leeg": [], "niets": .null,
        "groepen": [["naam": "A", "leden": ["Bo", "Cas"]], ["naam": "B", "leden": ["Dirk"]]], "aantal": 3,
    ]

    @Test(
        arguments: [
            ("Beste {{ naam }},", "Beste Anna,"),
            ("{{naam}}{{naam}}", "AnnaAnna"),
            ("{{ punten }}", "Opening, Casus en Sluiting"),
            (
                "{% for p in punten %}{{ loop.index }}. {{ p }}{% if not loop.last %}; {% endif %}{% endfor %}",
                "1. Opening; 2. Casus; 3. Sluiting"
            ),
            ("{% for p in punten %}{{ loop.index0 }}{% endfor %}", "012"),
            ("{% for p in punten %}{{ loop.revindex }}{% endfor %}", "321"),
            ("{% for p in punten %}{{ loop.length }}{% endfor %}", "333"),
            (
                "{% for p in punten %}{% if loop.first %}[{% endif %}{{ p | kleine_letters }}{% if loop.last %}]{% endif %}{% endfor %}",
                "[openingcasussluiting]"
            ),
            ("{% for p in leeg %}x{% endfor %}klaar", "klaar"),
            ("{% for p in niets %}x{% endfor %}klaar", "klaar"),
            ("{% for p in leeg %}x{% else %}geen punten{% endfor %}", "geen punten"),
            ("{% for p in punten %}{{ p }}{% else %}geen{% endfor %}", "OpeningCasusSluiting"),
            (
                "{% for g in groepen %}{{ g.naam }}:{% for l in g.leden %} {{ loop.index }}{{ l }}{% endfor %};{% endfor %}",
                "A: 1Bo 2Cas;B: 1Dirk;"
            ),
            ("{% for i in range(aantal) %}{{ i }}{% endfor %}", "012"),
            ("{% for p in punten | reverse %}{{ p[0] }}{% endfor %}", "SCO"),
            ("{% if gastheer %}gastheer{% elif naam %}gast{% else %}-{% endif %}", "gastheer"),
            ("{% if not gastheer %}x{% elif naam == 'Anna' %}Anna{% else %}-{% endif %}", "Anna"),
            ("{% if not gastheer %}x{% elif naam == 'Bo' %}Bo{% else %}anders{% endif %}", "anders"),
            ("{% if not gastheer %}x{% elif naam == 'Bo' %}Bo{% endif %}.", "."),
            ("{% if onbekend %}ja{% else %}nee{% endif %}", "nee"),
            ("{% if aantal > 2 %}{% if naam %}beide{% endif %}{% endif %}", "beide"),
            ("{# opmerking #}tekst", "tekst"),
            ("a{# {{ onbekend }} {% if %} #}b", "ab"),
            ("zonder tags", "zonder tags"),
            ("", ""),
            ("{{ '{{' }} en {{ '}}' }}", "{{ en }}"),
            ("{{ naam if gastheer else 'gast' }}", "Anna"),
            ("{% for p in punten %}{{ p }}{{ ', ' if not loop.last }}{% endfor %}", "Opening, Casus, Sluiting"),
            ("{%p if gastheer %}ja{%p endif %}", "ja"),
        ] as [(String, String)])
    func renders(source: String, expected: String) throws {
        #expect(try TextTemplate(source).render(Self.data) == expected)
    }

    @Test func loopVariablesDoNotLeakOutOfTheLoop() throws {
        let error = try #require(Check.templateError("{% for p in punten %}{% endfor %}{{ p }}", Self.data))
        #expect(error.id == "E201")
        #expect(error.message == "'p' staat niet in de gegevens")
        #expect(Check.templateError("{% for p in punten %}{% endfor %}{{ loop.index }}", Self.data)?.id == "E201")
    }

    @Test func constantTextsAreKnown() throws {
        #expect(try TextTemplate("gewone tekst").isConstant)
        #expect(try TextTemplate("").isConstant)
        #expect(try TextTemplate("{# alleen #}").isConstant, "a comment alone prints nothing")
        #expect(try TextTemplate("{{ naam }}").isConstant == false)
    }

    struct Failure: Sendable, CustomTestStringConvertible {
        var source: String
        var id: String
        var message: String
        var hint: String?
        var start: Int
        var testDescription: String { source }
    }

    static let failures: [Failure] = [
        Failure(source: "Beste {{ naam ", id: "T105", message: "tag wordt niet afgesloten", hint: "sluit af met }}", start: 6),
        Failure(source: "a {% if x ", id: "T105", message: "tag wordt niet afgesloten", hint: "sluit af met %}", start: 2),
        Failure(source: "{# nooit dicht", id: "T105", message: "tag wordt niet afgesloten", hint: "sluit af met #}", start: 0),
        Failure(
            source: "naam }} x", id: "T112", message: "afsluiting zonder begin van de tag", hint: "begin de tag met {{ of {%",
            start: 5),
        Failure(
            source: "{% for p in punten %}{{ p }}", id: "T101", message: "{% for %} wordt niet afgesloten",
            hint: "zet {% endfor %} achter wat bij {% for %} hoort", start: 0),
        Failure(
            source: "x {% if naam %}ja", id: "T101", message: "{% if %} wordt niet afgesloten",
            hint: "zet {% endif %} achter wat bij {% if %} hoort", start: 2),
        Failure(
            source: "ja{% endif %}", id: "T102", message: "{% endif %} zonder bijbehorende {% if %}",
            hint: "haal {% endif %} weg of zet er een {% if %} voor", start: 2),
        Failure(
            source: "{% for p in punten %}{% endif %}{% endfor %}", id: "T102",
            message: "{% endif %} zonder bijbehorende {% if %}", hint: "bedoel je {% endfor %}?", start: 21),
        Failure(
            source: "{% for p in punten %}{% if p %}{% endfor %}", id: "T103",
            message: "{% if %} wordt niet afgesloten; {% endfor %} sluit een eerder blok", start: 21),
        Failure(source: "{% else %}", id: "T104", message: "{% else %} staat niet binnen een {% if %}", start: 0),
        Failure(
            source: "{% if a %}{% else %}{% elif b %}{% endif %}", id: "T104", message: "{% elif %} staat na {% else %}",
            start: 20),
        Failure(
            source: "{% for p in punten %}{% elif b %}{% endfor %}", id: "T104",
            message: "{% elif %} staat binnen een {% for %} in plaats van een {% if %}", start: 21),
        Failure(
            source: "{% endfro %}", id: "T106", message: "onbekende opdracht 'endfro'", hint: "bedoel je 'endfor'?", start: 3),
        Failure(source: "{% elseif x %}", id: "T106", message: "onbekende opdracht 'elseif'", hint: "schrijf 'elif'", start: 3),
        Failure(
            source: "{% end %}", id: "T106", message: "onbekende opdracht 'end'", hint: "sluit af met 'endfor' of 'endif'",
            start: 3),
        Failure(
            source: "{% naam %}", id: "T106", message: "onbekende opdracht 'naam'",
            hint: "bekende opdrachten: for, endfor, if, elif, else, endif", start: 3),
        Failure(
            source: "{% 'tekst' %}", id: "T106",
            message: "een opdracht tussen {% %} begint met for, if, elif, else, endfor of endif",
            hint: "voor een waarde gebruik je {{ ... }}", start: 3),
        Failure(
            source: "{% for a, b in punten %}{% endfor %}", id: "E103", message: "een lus heeft één variabele",
            hint: "schrijf 'for punt in agenda'", start: 8),
        Failure(
            source: "{% for in punten %}{% endfor %}", id: "E103",
            message: "verwacht de naam van de lusvariabele, zoals 'punt' in 'for punt in agenda', maar vond 'in'", start: 7),
        Failure(source: "{% for p punten %}{% endfor %}", id: "E103", message: "verwacht 'in', maar vond 'punten'", start: 9),
        Failure(
            source: "{% if a %}{% endif extra %}", id: "E103",
            message: "verwacht het einde van de opdracht, maar vond 'extra'", start: 19),
        Failure(
            source: "Hallo {{ cont(punten) }}", id: "E104", message: "onbekende functie 'cont'", hint: "bedoel je 'count'?",
            start: 9),
    ]

    @Test(arguments: failures)
    func parseProblems(_ expected: Failure) throws {
        do throws(ExpressionError) {
            _ = try TextTemplate(expected.source)
            Issue.record("'\(expected.source)' must not parse")
        } catch {
            #expect(error.id == expected.id)
            #expect(error.message == expected.message)
            if let hint = expected.hint { #expect(error.hint == hint) }
            #expect(error.span.start == expected.start)
        }
    }

    @Test(
        arguments: [
            ("Hallo {{ naem }}", "E201", "'naem' staat niet in de gegevens", 9),
            ("{% for p in punten %}{{ p.x }}{% endfor %}", "E202", "'p' is een tekst en heeft geen veld 'x'", 24),
            ("{% for p in naam %}{% endfor %}", "E202", "{% for %} gaat over een lijst, maar 'naam' is een tekst", 12),
            ("{% for p in onbekend %}{% endfor %}", "E201", "'onbekend' staat niet in de gegevens", 12),
            ("{% if 1 / 0 %}{% endif %}", "E203", "delen door nul", 6),
            (
                "ab {% if niets %}{% elif 'a' < 1 %}{% endif %}", "E202",
                "een tekst en een geheel getal zijn niet te vergelijken", 25
            ),
            ("Café {{ naem }}", "E201", "'naem' staat niet in de gegevens", 8),
            ("Cafe\u{301} {{ naem }}", "E201", "'naem' staat niet in de gegevens", 8),
        ] as [(String, String, String, Int)])
    func renderProblemsPointIntoTheTemplate(source: String, id: String, message: String, start: Int) throws {
        let template = try TextTemplate(source)
        do throws(ExpressionError) {
            _ = try template.render(Self.data)
            Issue.record("'\(source)' must fail to render")
        } catch {
            #expect(error.id == id)
            #expect(error.message == message)
            #expect(error.span.start == start)
        }
    }

    @Test func anElifAfterAFalseIfIsOnlyEvaluatedWhenReached() throws {
        // The first branch holds, so the `1 / 0` of the second is never evaluated.
        #expect(try TextTemplate("{% if naam %}a{% elif 1 / 0 %}b{% endif %}").render(Self.data) == "a")
    }

    @Test func rendersAgainAndAgainWithOtherData() throws {
        let template = try TextTemplate("{{ naam }}: {{ count(punten) }}")
        #expect(try template.render(["naam": "Anna", "punten": [1, 2]]) == "Anna: 2")
        #expect(try template.render(["naam": "Bo", "punten": []]) == "Bo: 0")
    }

    @Test func missingValuesRenderEmptyInALenientContext() throws {
        let template = try TextTemplate("[{{ onbekend }}]{% for x in onbekend %}x{% endfor %}")
        #expect(try template.render(in: EvaluationContext(root: Self.data, missingValues: .empty)) == "[]")
    }

    @Test func unknownFieldsAreFoundBeforeThereIsData() throws {
        let shape = Shape.object(["deelnemers": .list(.object(["naam": .scalar, "organisatie": .scalar]))])
        let template = try TextTemplate("{% for d in deelnemers %}{{ d.naaam }}{% endfor %} en {{ count(deelnemers) }}")
        let errors = template.unknownFields(in: shape)
        #expect(errors.map(\.message) == ["onbekend veld 'naaam' in 'd.naaam'"])
        #expect(errors.first?.hint == "bedoel je 'naam'?")
        #expect(errors.first?.id == "E109")
        let expression = try Expression("sum(filter(deelnemers, d => d.organisatie == 'X'), d => d.leeftijd)")
        #expect(expression.unknownFields(in: shape).map(\.message) == ["onbekend veld 'leeftijd' in 'd.leeftijd'"])
    }
}
