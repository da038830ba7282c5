import LerendDiagnostics
import LerendExpressions
import Testing

/// Errors carry a stable id, a Dutch message, a span that points at the problem, and a hint.
@Suite struct ErrorMessageTests {
    static let data: Value = [
        "deelnemer": ["voornaam": "Anna", "achternaam": "de Vries", "aanhef": .null, "adres": .null],
        "organisaties": [["naam": "De Linde"], ["naam": "Het Baken"]],
        "netwerk": ["naam": "Zorg Dichtbij"], "leeg": [:],
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        var source: String
        var id: String
        var message: String
        var hint: String?
        var span: (Int, Int)?
        var testDescription: String { source }

        init(_ source: String, _ id: String, _ message: String, hint: String? = nil, span: (Int, Int)? = nil) {
            self.source = source
            self.id = id
            self.message = message
            self.hint = hint
            self.span = span
        }
    }

    static let syntaxCases: [Case] = [
        Case("cont(organisaties) > 3", "E104", "onbekende functie 'cont'", hint: "bedoel je 'count'?", span: (0, 4)),
        Case("naam | hoofdleter", "E104", "onbekende filter 'hoofdleter'", hint: "bedoel je 'hoofdletter'?", span: (7, 10)),
        Case("naam | standard('x')", "E104", "onbekende filter 'standard'", hint: "bedoel je 'standaard'?", span: (7, 8)),
        Case("dag | datm", "E104", "onbekende filter 'datm'", hint: "bedoel je 'date'?", span: (6, 4)),
        Case("naam | xyzzy", "E104", "onbekende filter 'xyzzy'", span: (7, 5)),
        Case(
            "datum(dag, 'lang', 3)", "E105", "'datum' krijgt 3 argumenten, maar verwacht 1 tot 2",
            hint: "gebruik: datum(d, stijl)", span: (0, 5)),
        Case(
            "dag | datum('lang', 3)", "E105", "'datum' krijgt 2 argumenten, maar verwacht 0 tot 1",
            hint: "gebruik: datum(d, stijl)", span: (6, 5)),
        Case("naam | upper('x')", "E105", "'upper' krijgt 1 argument, maar verwacht 0", hint: "gebruik: upper(tekst)"),
        Case(
            "naam | hoofdletters('x')", "E105", "'hoofdletters' krijgt 1 argument, maar verwacht 0",
            hint: "gebruik: hoofdletters(tekst)"),
        Case(
            "replace('abc')", "E105", "'replace' krijgt 1 argument, maar verwacht 3", hint: "gebruik: replace(tekst, oud, nieuw)"),
        Case(
            "count()", "E105", "'count' krijgt 0 argumenten, maar verwacht 1 tot 2",
            hint: "gebruik: count(lijst, x => voorwaarde)"),
        Case(
            "'open tekst", "E102", "tekst wordt niet afgesloten",
            hint: "sluit de tekst af met hetzelfde aanhalingsteken waarmee hij begint", span: (0, 11)),
        Case("naam == \"Anna", "E102", "tekst wordt niet afgesloten", span: (8, 5)),
        Case("naam == ‘Anna", "E102", "tekst wordt niet afgesloten", span: (8, 5)),
        Case("(1 + 2", "E103", "verwacht ')', maar vond het einde van de expressie", span: (6, 1)),
        Case("count(organisaties", "E103", "verwacht ')', maar vond het einde van de expressie", span: (18, 1)),
        Case("[1, 2", "E103", "verwacht ']', maar vond het einde van de expressie"),
        Case("organisaties[0", "E103", "verwacht ']', maar vond het einde van de expressie"),
        Case("1 + 2)", "E103", "verwacht het einde van de expressie, maar vond ')'", span: (5, 1)),
        Case("a b", "E103", "verwacht het einde van de expressie, maar vond 'b'", span: (2, 1)),
        Case("a ==", "E103", "verwacht een waarde, maar vond het einde van de expressie", span: (4, 1)),
        Case("a.", "E103", "verwacht de naam van een veld na '.', maar vond het einde van de expressie"),
        Case("a |", "E103", "verwacht de naam van een filter, maar vond het einde van de expressie"),
        Case("a | 'x'", "E103", "verwacht de naam van een filter, maar vond tekst 'x'"),
        Case("and", "E103", "verwacht een waarde, maar vond 'and'"),
        Case("a is", "E103", "verwacht een test zoals 'defined', maar vond het einde van de expressie"),
        Case("a && b", "E101", "onverwacht teken '&'", hint: "schrijf 'and' in plaats van '&&'", span: (2, 1)),
        Case("!a", "E101", "onverwacht teken '!'", hint: "schrijf 'not' in plaats van '!'", span: (0, 1)),
        Case("a ; b", "E101", "onverwacht teken ';'", span: (2, 1)),
        Case("{'a': 1}", "E101", "onverwacht teken '{'"),
        Case("a is emtpy", "E106", "onbekende test 'emtpy'", hint: "bedoel je 'empty'?", span: (5, 5)),
        Case(
            "a is groot", "E106", "onbekende test 'groot'",
            hint: "bekende tests: defined, undefined, none, empty, number, string, list, date"),
        Case("upper(x => x)", "E107", "'upper' neemt hier geen functie 'x => ...'", hint: "gebruik: upper(tekst)", span: (6, 6)),
        Case("count(x => x, lijst)", "E107", "'count' neemt hier geen functie 'x => ...'"),
        Case("99999999999999999999 + 1", "E206", "het getal 99999999999999999999 is te groot", span: (0, 20)),
    ]

    @Test(arguments: syntaxCases)
    func syntaxError(_ expected: Case) throws {
        let error = try #require(Check.parseError(expected.source))
        #expect(error.id == expected.id)
        #expect(error.message == expected.message)
        if let hint = expected.hint { #expect(error.hint == hint) }
        if let (start, length) = expected.span { #expect(error.span == SourceSpan(start: start, length: length)) }
        #expect(error.span.start + error.span.length <= expected.source.count + 1, "the span stays in (or just after) the text")
    }

    static let evaluationCases: [Case] = [
        Case(
            "deelnemer.voornam", "E201", "'deelnemer.voornam' ontbreekt: 'deelnemer' heeft geen veld 'voornam'",
            hint: "bedoel je 'voornaam'?", span: (0, 17)),
        Case(
            "deelnemer.telefoon", "E201", "'deelnemer.telefoon' ontbreekt: 'deelnemer' heeft geen veld 'telefoon'",
            hint: "'deelnemer' heeft: voornaam, achternaam, aanhef, adres"),
        Case("deelnemr.voornaam", "E201", "'deelnemr' staat niet in de gegevens", hint: "bedoel je 'deelnemer'?", span: (0, 8)),
        Case("onbekend", "E201", "'onbekend' staat niet in de gegevens"),
        Case(
            "deelnemer.aanhef", "E201", "'deelnemer.aanhef' is leeg in de gegevens",
            hint: "geef een standaardwaarde: {{ deelnemer.aanhef | standaard('...') }}"),
        Case("deelnemer.adres.straat", "E201", "'deelnemer.adres' is leeg, dus 'deelnemer.adres.straat' ontbreekt"),
        Case("organisaties[5].naam", "E201", "'organisaties[5]' ontbreekt: de lijst heeft 2 elementen"),
        Case("organisaties.2", "E201", "'organisaties[2]' ontbreekt: de lijst heeft 2 elementen"),
        Case(
            "organisaties[0].nam", "E201", "'organisaties[0].nam' ontbreekt: 'organisaties[0]' heeft geen veld 'nam'",
            hint: "bedoel je 'naam'?"),
        Case("netwerk['adres']", "E201", "'netwerk['adres']' staat niet in de gegevens"),
        Case("leeg.iets", "E201", "'leeg.iets' ontbreekt: 'leeg' heeft geen veld 'iets'"),
        Case(
            "upper(deelnemer.voornam)", "E201", "'deelnemer.voornam' ontbreekt: 'deelnemer' heeft geen veld 'voornam'",
            span: (6, 17)),
        Case("none", "E201", "'none' is leeg in de gegevens"),
        Case(
            "organisaties.naam", "E202", "'organisaties' is een lijst en heeft geen veld 'naam'",
            hint: "kies een element, zoals organisaties[0].naam, of gebruik een lus"),
        Case("netwerk.naam.kort", "E202", "'netwerk.naam' is een tekst en heeft geen veld 'kort'"),
        Case("netwerk", "E202", "'netwerk' is een object en geen tekst", hint: "kies een veld, zoals netwerk.naam"),
        Case("netwerk[0]", "E202", "een object kan niet met een geheel getal worden geïndexeerd"),
        Case("organisaties['naam']", "E202", "een lijst kan niet met een tekst worden geïndexeerd"),
        Case("count(range(20000))", "E205", "range maakt hoogstens 10000 getallen", span: (6, 12)),
        Case("range(10001)", "E205", "range maakt hoogstens 10000 getallen"),
        Case("range(-5000, 5001)", "E205", "range maakt hoogstens 10000 getallen"),
        Case("range(-9000000000000000000, 9000000000000000000)", "E205", "range maakt hoogstens 10000 getallen"),
    ]

    @Test(arguments: evaluationCases)
    func evaluationError(_ expected: Case) throws {
        #expect(Check.parseError(expected.source) == nil, "the expression itself is fine")
        let error = try #require(Check.error(expected.source, Self.data))
        #expect(error.id == expected.id)
        #expect(error.message == expected.message)
        if let hint = expected.hint { #expect(error.hint == hint) }
        if let (start, length) = expected.span { #expect(error.span == SourceSpan(start: start, length: length)) }
    }

    @Test func rangeUpToTheLimitIsAllowed() throws {
        #expect(try Check.value("count(range(10000))") == 10000)
        #expect(try Check.value("count(range(-5000, 5000))") == 10000)
    }

    @Test func missingValuesPrintEmptyWhenAskedTo() throws {
        let lenient = EvaluationContext(root: Self.data, missingValues: .empty)
        #expect(try Expression("deelnemer.voornam").printed(in: lenient) == "")
        #expect(try Expression("deelnemer.aanhef").printed(in: lenient) == "")
        #expect(try Expression("upper(deelnemer.voornam)").printed(in: lenient) == "")
        #expect(try Expression("onbekend").evaluate(in: lenient) == .null)
        #expect(throws: ExpressionError.self, "a wrong kind is still an error") {
            try Expression("organisaties.naam").printed(in: lenient)
        }
    }

    static let missingInputs = [
        "deelnemer.geboortedatum | datum('lang')", "deelnemer.begintijd | tijd", "deelnemer.begintijd | tijd('kort')",
        "deelnemer.bijdrage | bedrag", "deelnemer.uren | getal(1)", "deelnemer.geboortedatum | datum | upper",
        "upper(datum(deelnemer.geboortedatum))", "round(deelnemer.uren)", "deelnemer.uren + 1", "-deelnemer.uren",
    ]

    @Test(arguments: missingInputs)
    func aFilterOfAMissingValueIsMissingWhenMissingValuesPrintEmpty(source: String) throws {
        let lenient = EvaluationContext(root: Self.data, missingValues: .empty)
        #expect(try Expression(source).printed(in: lenient) == "")
        if !source.contains("upper") {
            // A text function reads an empty value as "" (upper(none) is ""), so only there the
            // value is a text.
            #expect(try Expression(source).evaluate(in: lenient) == .null)
        }
        let error = try #require(Check.error(source, Self.data), "missing values are errors by default")
        #expect(error.id == "E201")
        #expect(error.message.hasPrefix("'deelnemer."), "\(error.message)")
    }

    @Test func aFilterOfAnEmptyValueIsEmptyWhenMissingValuesPrintEmpty() throws {
        let lenient = EvaluationContext(root: Self.data, missingValues: .empty)
        #expect(try Expression("deelnemer.aanhef | datum('kort')").printed(in: lenient) == "")
        #expect(try Expression("deelnemer.aanhef * 2").printed(in: lenient) == "")
        #expect(throws: ExpressionError.self, "a text is no date, also when missing values print empty") {
            try Expression("deelnemer.voornaam | datum").printed(in: lenient)
        }
        #expect(try Expression("count(deelnemer.kinderen)").evaluate(in: lenient) == 0, "a missing list stays empty")
    }

    @Test func didYouMeanOnlyForLikelyTypos() {
        #expect(Suggestions.hint(for: "cont", in: ["count", "sum"]) == "bedoel je 'count'?")
        #expect(Suggestions.hint(for: "naam", in: ["naam"]) == nil, "the name itself is no suggestion")
        #expect(Suggestions.hint(for: "xyz", in: ["count", "sum"]) == nil)
        #expect(Suggestions.closest(to: "Voornaam", in: ["voornaam", "achternaam"]) == "voornaam")
        #expect(Suggestions.closest(to: "anam", in: ["naam"]) == "naam", "a swap of neighbours is one edit")
    }

    @Test func errorsDescribeThemselves() throws {
        let error = try #require(Check.parseError("cont(x)"))
        #expect(error.description == "fout[E104]: onbekende functie 'cont' (hint: bedoel je 'count'?)")
        #expect(error.shifted(by: 10).span == SourceSpan(start: 10, length: 4))
    }

    @Test func diagnosticPlacesTheErrorInItsLine() throws {
        let error = try #require(Check.parseError("cont(organisaties) > 3"))
        let line = "    wanneer: cont(organisaties) > 3"
        let diagnostic = error.diagnostic(
            in: line, at: SourceLocation(file: "regels.yaml", line: 8, column: 14), columnOffset: 13)
        #expect(
            DiagnosticRenderer().render(diagnostic) == """
                regels.yaml:8:14: fout[E104]: onbekende functie 'cont'
                  8 |     wanneer: cont(organisaties) > 3
                    |              ^~~~
                   hint: bedoel je 'count'?
                """)
    }

    @Test func aLibraryWithoutAFunctionRejectsIt() throws {
        let library = FunctionLibrary([FunctionLibrary.standard["count"]!])
        #expect(throws: ExpressionError.self) { try Expression("upper('a')", library: library) }
        #expect(try Expression("count([1])", library: library).evaluate([:]) == 1)
        #expect(FunctionLibrary.standard.names.contains("opsomming"))
        #expect(FunctionLibrary.standard["standaard"]?.usage == "standaard(waarde, standaard)")
    }
}
