import LerendExpressions
import Testing

/// Counting, aggregating, filtering and ordering lists, with lambdas `x => ...` and field names.
@Suite struct ListFunctionTests {
    static let data: Value = [
        "organisaties": [
            ["naam": "De Linde", "clienten": 180, "regio": "Overijssel", "start": Check.date("2026-03-10"), "actief": true],
            ["naam": "Het Baken", "clienten": 95, "regio": "Overijssel", "start": Check.date("2026-01-31"), "actief": true],
            ["naam": "'t Anker", "clienten": 60, "regio": "Gelderland", "start": Check.date("2025-12-01"), "actief": false],
        ],
        "getallen": [3, 1, 2], "decimalen": [1, 2.5], "waarheden": [true, 1, "x"], "gemengd": [true, 0],
        "dubbel": ["a", "b", "a", "c", "b"], "leeg": [], "drempel": 90, "teksten": ["peer", "appel", "Zwolle"],
        "matrix": [[1, 2], [3]],
    ]

    static func value(_ source: String) throws -> Value { try Check.value(source, data) }

    @Test(
        arguments: [
            ("count(organisaties)", 3),
            ("organisaties | count", 3),
            ("count(organisaties, o => o.clienten > 90)", 2),
            ("count(organisaties, o => o.clienten > drempel)", 2),
            ("count(organisaties, o => o.actief)", 2),
            ("count(organisaties, o => o.bestaat_niet)", 0),
            ("count(organisaties, 'actief')", 2),
            ("count('tekst')", 5),
            ("count(organisaties.0)", 5),
            ("count(leeg)", 0),
            ("sum(getallen)", 6),
            ("sum(organisaties, o => o.clienten)", 335),
            ("sum(organisaties, 'clienten')", 335),
            ("sum([1, none, 2])", 3),
            ("min(getallen)", 1),
            ("max(getallen)", 3),
            ("min(organisaties, o => o.clienten)", 60),
            ("max(organisaties, 'clienten')", 180),
            ("length(getallen)", 3),
            ("length('abc')", 3),
            ("length(organisaties.0)", 5),
            ("first(getallen)", 3),
            ("last(getallen)", 2),
            ("count(distinct(dubbel))", 3),
            ("count(unique(organisaties, o => o.regio))", 2),
            ("count(filter(organisaties, o => o.regio == 'Overijssel'))", 2),
            ("count(range(5))", 5),
            ("sum(range(1, 5))", 10),
            ("count(range(5, 3))", 0),
            ("sum(map(matrix, rij => sum(rij)))", 6),
            ("count(filter(organisaties, o => any(organisaties, p => p.clienten > o.clienten)))", 2),
        ] as [(String, Int)])
    func counts(source: String, expected: Int) throws {
        #expect(try Self.value(source) == .int(expected))
    }

    @Test func sumOfDecimalsIsADecimal() throws {
        #expect(try Self.value("sum(decimalen)") == .double(3.5))
        #expect(try Self.value("sum(leeg)") == .int(0))
    }

    @Test(
        arguments: [
            ("all(organisaties, o => o.clienten > 50)", true),
            ("all(organisaties, o => o.actief)", false),
            ("all(leeg, x => false)", true),
            ("all(waarheden)", true),
            ("all(gemengd)", false),
            ("any(organisaties, o => o.regio == 'Gelderland')", true),
            ("any(organisaties, o => o.regio == 'Utrecht')", false),
            ("any(leeg, x => true)", false),
            ("any(gemengd)", true),
            ("any(organisaties, o => o.bestaat_niet)", false),
        ] as [(String, Bool)])
    func allAndAny(source: String, expected: Bool) throws {
        #expect(try Self.value(source) == .bool(expected))
    }

    @Test(
        arguments: [
            ("map(organisaties, o => o.naam)", ["De Linde", "Het Baken", "'t Anker"]),
            ("map(organisaties, 'naam')", ["De Linde", "Het Baken", "'t Anker"]),
            ("map(sort(organisaties, o => o.clienten), o => o.naam)", ["'t Anker", "Het Baken", "De Linde"]),
            ("map(sort(organisaties, 'start'), 'naam')", ["'t Anker", "Het Baken", "De Linde"]),
            ("map(reverse(organisaties), o => o.naam)", ["'t Anker", "Het Baken", "De Linde"]),
            ("map(filter(organisaties, o => o.actief), o => o.naam | hoofdletters)", ["DE LINDE", "HET BAKEN"]),
            ("distinct(organisaties, o => o.regio)", ["Overijssel", "Gelderland"]),
            ("distinct(dubbel)", ["a", "b", "c"]),
            ("map(sort(organisaties, o => o.regio), o => o.naam)", ["'t Anker", "De Linde", "Het Baken"]),
            ("sort(teksten)", ["Zwolle", "appel", "peer"]),
            ("reverse(sort(teksten))", ["peer", "appel", "Zwolle"]),
            ("map(range(3), i => i * 10)", ["0", "10", "20"]),
            ("split('a b', ' ')", ["a", "b"]),
        ] as [(String, [String])])
    func lists(source: String, expected: [String]) throws {
        let value = try Self.value(source)
        let texts = try #require(value.listValue).map { $0.printedText ?? "?" }
        #expect(texts == expected)
    }

    @Test func sortIsStableAndKeepsWholeElements() throws {
        #expect(try Self.value("sort(getallen)") == [1, 2, 3])
        #expect(try Self.value("sort([2, 1.5, 1])") == [1, 1.5, 2])
        let sorted = try Self.value("sort(organisaties, o => o.regio)")
        #expect(sorted.value(atPath: "1.naam") == "De Linde", "equal keys keep their order")
        #expect(sorted.value(atPath: "2.naam") == "Het Baken")
        #expect(sorted.value(atPath: "0.clienten") == 60)
    }

    @Test func minAndMaxWithAKeyGiveTheKey() throws {
        #expect(try Self.value("min(organisaties, o => o.start)") == Check.date("2025-12-01"))
        #expect(try Self.value("max(organisaties, o => o.start)") == Check.date("2026-03-10"))
        #expect(try Self.value("max(teksten)") == "peer")
        #expect(try Self.value("min(leeg)") == .null)
        #expect(try Self.value("first(leeg)") == .null)
        #expect(try Self.value("last(leeg)") == .null)
        #expect(try Self.value("reverse('abc')") == "cba")
    }

    @Test func lambdasSeeTheVariablesAroundThem() throws {
        let context = EvaluationContext(root: Self.data)
        context.push("grens", 100)
        #expect(try Expression("count(organisaties, o => o.clienten > grens)").evaluate(in: context) == 1)
        context.pop()
        #expect(
            try Expression("count(organisaties, drempel => drempel.clienten > 90)").evaluate(Self.data) == 2,
            "a lambda parameter shadows a field of the data with the same name")
    }

    @Test func missingListsAreEmptyOnlyWhenMissingValuesPrintEmpty() throws {
        let lenient = EvaluationContext(root: Self.data, missingValues: .empty)
        #expect(try Expression("count(ontbreekt)").evaluate(in: lenient) == 0)
        #expect(try Expression("sum(ontbreekt)").evaluate(in: lenient) == 0)
        let error = try #require(Check.error("count(ontbreekt)", Self.data))
        #expect(error.id == "E201")
        #expect(error.message == "'ontbreekt' staat niet in de gegevens")
    }

    @Test(
        arguments: [
            ("sum(teksten)", "E204", "'sum' telt getallen op, maar kreeg tekst"),
            ("min([1, 'a'])", "E204", "'min' kan een tekst en een geheel getal niet vergelijken"),
            ("sort([1, 'a'])", "E204", "de elementen zijn niet met elkaar te vergelijken"),
            ("count(organisaties.0.naam, x => x)", "E202", "'count' verwacht een lijst, maar kreeg tekst"),
            ("map(organisaties, 'bestaat_niet')", "E204", "het element heeft geen veld 'bestaat_niet'"),
            ("map(getallen, 5)", "E202", "'map' verwacht een tekst, maar kreeg geheel getal"),
            ("length(5)", "E202", "'length' verwacht een lijst of tekst, maar kreeg geheel getal"),
        ] as [(String, String, String)])
    func listErrors(source: String, id: String, message: String) throws {
        let error = try #require(Check.error(source, Self.data))
        #expect(error.id == id)
        #expect(error.message == message)
    }

    @Test func aMissingFieldInAMapLambdaNamesTheLambdaPath() throws {
        let error = try #require(Check.error("map(organisaties, o => o.adres)", Self.data))
        #expect(error.id == "E201")
        #expect(error.message == "'o.adres' ontbreekt: 'o' heeft geen veld 'adres'")
        #expect(error.hint == "'o' heeft: naam, clienten, regio, start, actief")
        #expect(error.span == SourceSpan(start: 23, length: 7))
    }

    @Test func aMisspeltFieldInASumLambdaSuggestsTheField() throws {
        let error = try #require(Check.error("sum(organisaties, o => o.client)", Self.data))
        #expect(error.message == "'o.client' ontbreekt: 'o' heeft geen veld 'client'")
        #expect(error.hint == "bedoel je 'clienten'?")
    }
}
