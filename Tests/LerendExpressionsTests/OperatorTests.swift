import LerendExpressions
import Testing

/// Arithmetic, comparison, logic, membership, conditionals and `is` tests.
@Suite struct OperatorTests {
    static let data: Value = [
        "leeftijd": 42, "lengte": 1.75, "actief": true, "uit": false, "leeg": .null, "niets": "", "nul": 0,
        "themas": ["Familie", "Eigen regie"], "netwerk": ["naam": "Zorg Dichtbij"],
        "dag": Check.date("2023-03-14"), "begin": Check.time(13, 30), "eind": Check.time(16, 0),
        "groot": .int(Int.max), "klein": .int(Int.min),
    ]

    @Test(
        arguments: [
            ("1 + 2 * 3", "7"),
            ("(1 + 2) * 3", "9"),
            ("10 - 3 - 2", "5"),
            ("leeftijd + 1", "43"),
            ("leeftijd - 50", "-8"),
            ("leeftijd / 4", "10,5"),
            ("leeftijd / 2", "21"),
            ("7 / 2", "3,5"),
            ("leeftijd // 4", "10"),
            ("-7 // 2", "-4"),
            ("7.5 // 2", "3"),
            ("leeftijd % 5", "2"),
            ("-7 % 3", "2"),
            ("7 % -3", "-2"),
            ("7.5 % 2", "1,5"),
            ("lengte * 2", "3,5"),
            ("1 + 0.5", "1,5"),
            ("-leeftijd", "-42"),
            ("- -3", "3"),
            ("-3 | abs", "3"),
            ("-(3 | abs)", "-3"),
            ("'a' + 'b'", "ab"),
            ("[1] + [2, 3]", "1, 2 en 3"),
            ("'Beste ' ~ 'Anna'", "Beste Anna"),
            ("'Nummer ' ~ 3", "Nummer 3"),
            ("'Lengte ' ~ lengte", "Lengte 1,75"),
            ("'Actief: ' ~ actief", "Actief: ja"),
            ("dag + 1", "15 maart 2023"),
            ("1 + dag", "15 maart 2023"),
            ("dag - 14", "28 februari 2023"),
            ("dag - date('2023-01-01')", "72"),
            ("'2023-03-14' - '2023-03-01'", "13"),
            ("begin + 90", "15.00"),
            ("begin - 30", "13.00"),
            ("begin + 660", "0.30"),
            ("eind - begin", "150"),
        ] as [(String, String)])
    func arithmetic(source: String, expected: String) throws {
        #expect(try Check.printed(source, Self.data) == expected)
    }

    @Test func integerDivisionThatComesOutEvenStaysWhole() throws {
        #expect(try Check.value("6 / 3") == .int(2))
        #expect(try Check.value("7 / 2") == .double(3.5))
        #expect(try Check.value("6.0 / 3") == .double(2))
        #expect(try Check.value("7 // 2") == .int(3))
        #expect(try Check.value("1 + 2") == .int(3))
        #expect(try Check.value("1 + 2.0") == .double(3))
    }

    @Test(
        arguments: [
            ("1 == 1.0", true), ("1 != 2", true), ("'1' == 1", false), ("'a' == 'a'", true), ("'a' == 'A'", false),
            ("2 < 10", true), ("'2' < '10'", false), ("'appel' < 'peer'", true), ("1.5 <= 1.5", true), ("3 > 2.5", true),
            ("leeftijd >= 42", true), ("leeftijd > 42", false),
            ("dag == '2023-03-14'", true), ("'2023-03-14' == dag", true), ("dag < '2023-04-01'", true),
            ("dag > date('2023-03-15')", false), ("begin == '13:30'", true), ("begin < eind", true), ("begin < '9:00'", false),
            ("true > false", true), ("leeg == none", true), ("onbekend == none", true), ("[1, 2] == [1, 2]", true),
            ("[1, 2] == [2, 1]", false),
        ] as [(String, Bool)])
    func comparisons(source: String, expected: Bool) throws {
        #expect(try Check.value(source, Self.data) == .bool(expected))
    }

    @Test(
        arguments: [
            ("'Familie' in themas", true), ("'familie' in themas", false), ("'Scholing' not in themas", true),
            ("'Zorg' in netwerk.naam", true), ("'zorg' in netwerk.naam", false), ("'naam' in netwerk", true),
            ("'adres' in netwerk", false), ("1 in [1, 2]", true), ("1.0 in [1, 2]", true), ("3 not in [1, 2]", true),
            ("'x' in leeg", false), ("'x' not in []", true),
        ] as [(String, Bool)])
    func membership(source: String, expected: Bool) throws {
        #expect(try Check.value(source, Self.data) == .bool(expected))
    }

    @Test(
        arguments: [
            ("actief and leeftijd > 40", "ja"), ("actief and uit", "nee"), ("not actief", "nee"), ("not leeg", "ja"),
            ("not onbekend", "ja"), ("not 1 == 2", "ja"), ("uit or actief", "ja"), ("leeg or 'onbekend'", "onbekend"),
            ("niets or 'standaard'", "standaard"), ("nul or 5", "5"), ("leeftijd and 'volwassen'", "volwassen"),
            ("nul and 'nooit'", "0"), ("onbekend and 1", "nee"), ("uit or nul or 'laatste'", "laatste"),
            ("true and not false", "ja"), ("True and not False", "ja"), ("actief or onbekend.veld", "ja"),
            ("'ja' if actief else 'nee'", "ja"), ("'ja' if uit else 'nee'", "nee"),
            ("'a' if uit else 'b' if actief else 'c'", "b"), ("'x' if onbekend else 'y'", "y"), ("'x' if uit", ""),
            ("'oud' if leeftijd > 65 else 'jong' if leeftijd < 18 else 'volwassen'", "volwassen"),
        ] as [(String, String)])
    func logicAndConditionals(source: String, expected: String) throws {
        #expect(try Check.printed(source, Self.data) == expected)
    }

    @Test(
        arguments: [
            ("leeg is none", true), ("leeg is None", true), ("onbekend is none", true), ("nul is none", false),
            ("onbekend is defined", false), ("onbekend is undefined", true), ("leeg is defined", true),
            ("onbekend is not defined", true), ("leeftijd is not defined", false),
            ("niets is empty", true), ("leeg is empty", true), ("[] is empty", true), ("themas is empty", false),
            ("nul is empty", false), ("netwerk is not empty", true),
            ("leeftijd is number", true), ("lengte is number", true), ("'42' is number", false),
            ("'tekst' is string", true), ("leeftijd is string", false), ("themas is list", true), ("netwerk is list", false),
            ("dag is date", true), ("'2023-03-14' is date", true), ("'14-03-2023' is date", false),
            ("leeftijd + 1 is number", true),
        ] as [(String, Bool)])
    func isTests(source: String, expected: Bool) throws {
        #expect(try Check.value(source, Self.data) == .bool(expected))
    }

    @Test(
        arguments: [
            ("'a' + 1", "E202", "'+' kan niet met een tekst en een geheel getal"),
            ("themas * 2", "E202", "'*' kan niet met een lijst en een geheel getal"),
            ("-'a'", "E202", "een tekst kan niet negatief worden gemaakt"),
            ("1 < 'a'", "E202", "een geheel getal en een tekst zijn niet te vergelijken"),
            ("1 in 'abc'", "E202", "'in' met een tekst verwacht links ook een tekst"),
            ("'a' in 5", "E202", "'in' verwacht rechts een lijst of tekst, maar kreeg geheel getal"),
            ("1 / 0", "E203", "delen door nul"),
            ("1 // 0", "E203", "delen door nul"),
            ("1 % 0", "E203", "delen door nul"),
            ("1.5 / 0", "E203", "delen door nul"),
            ("groot + 1", "E206", "de uitkomst is te groot"),
            ("klein - 1", "E206", "de uitkomst is te groot"),
            ("groot * 2", "E206", "de uitkomst is te groot"),
            ("-klein", "E206", "getal te groot"),
            ("klein / -1", "E206", "de uitkomst is te groot"),
            ("klein // -1", "E206", "de uitkomst is te groot"),
            ("99999999999999999999", "E206", "het getal 99999999999999999999 is te groot"),
            ("'a' ~ netwerk", "E202", "'~' kan niet met een tekst en een object"),
        ] as [(String, String, String)])
    func operatorErrors(source: String, id: String, message: String) throws {
        let error = try #require(Check.error(source, Self.data))
        #expect(error.id == id)
        #expect(error.message == message)
    }

    @Test func remainderOfTheSmallestIntegerByMinusOneIsZero() throws {
        #expect(try Check.value("klein % -1", Self.data) == 0)
    }

    @Test func comparisonsCannotBeChained() throws {
        let error = try #require(Check.parseError("1 < 2 < 3"))
        #expect(error.id == "E103")
        #expect(error.message == "vergelijkingen kunnen niet achter elkaar")
        #expect(error.hint == "schrijf 'a < b and b < c'")
        #expect(error.span == SourceSpan(start: 6, length: 1))
    }

    @Test func conditionsTreatMissingAsFalse() throws {
        let context = EvaluationContext(root: Self.data)
        #expect(try Expression("onbekend").isTrue(in: context) == false)
        #expect(try Expression("onbekend.veld.dieper").isTrue(in: context) == false)
        #expect(try Expression("actief").isTrue(in: context) == true)
        #expect(try Expression("niets").isTrue(in: context) == false)
        #expect(try Expression("themas").isTrue(in: context) == true)
        #expect(try Expression("dag").isTrue(in: context) == true)
    }

    @Test func truthiness() {
        #expect(Value.null.isTruthy == false)
        #expect(Value.double(0).isTruthy == false)
        #expect(Value.double(0.1).isTruthy == true)
        #expect(Value.list([]).isTruthy == false)
        #expect(([:] as Value).isTruthy == false)
        #expect((["a": 1] as Value).isTruthy == true)
        #expect(Check.time(0, 0).isTruthy == true)
    }
}
