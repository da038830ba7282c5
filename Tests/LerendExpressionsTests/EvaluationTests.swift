import Testing
import LerendExpressions

/// Expressions printed the way a template prints them, against one set of data.
@Suite struct EvaluationTests {
    static let data: Value = [
        "netwerk": ["naam": "Zorg Dichtbij", "themas": ["Familie", "Eigen regie"], "start": .date(LocalDate(year: 2026, month: 3, day: 10)!)],
        "organisaties": [
            ["naam": "De Linde", "aantal_clienten": 180, "plaats": "Zwolle"],
            ["naam": "Het Baken", "aantal_clienten": 95, "plaats": "Deventer"],
            ["naam": "'t Anker", "aantal_clienten": 60, "plaats": "Zwolle"],
        ],
        "deelnemer": ["naam": "anna de vries", "leeftijd": 42, "lengte": 1.75, "actief": true, "leeg": .null],
        "begin": .time(LocalTime(hour: 13, minute: 30)!),
    ]

    static func printed(_ source: String) throws -> String {
        try Expression(source).printed(in: EvaluationContext(root: data))
    }

    @Test(arguments: [
        ("netwerk.naam", "Zorg Dichtbij"),
        ("organisaties.1.naam", "Het Baken"),
        ("organisaties[2].naam", "'t Anker"),
        ("organisaties[-1].plaats", "Zwolle"),
        ("netwerk['naam']", "Zorg Dichtbij"),
        ("deelnemer.leeftijd + 1", "43"),
        ("deelnemer.leeftijd / 4", "10,5"),
        ("deelnemer.leeftijd // 4", "10"),
        ("deelnemer.leeftijd % 5", "2"),
        ("deelnemer.lengte * 2", "3,5"),
        ("-deelnemer.leeftijd", "-42"),
        ("'Beste ' ~ deelnemer.naam", "Beste anna de vries"),
        ("deelnemer.leeftijd > 40 and deelnemer.actief", "ja"),
        ("not deelnemer.actief", "nee"),
        ("deelnemer.leeftijd < 18 or deelnemer.naam", "anna de vries"),
        ("'Familie' in netwerk.themas", "ja"),
        ("'Zorg' in netwerk.naam", "ja"),
        ("'Scholing' not in netwerk.themas", "ja"),
        ("'ja' if deelnemer.actief else 'nee'", "ja"),
        ("deelnemer.leeg is none", "ja"),
        ("deelnemer.onbekend is not defined", "ja"),
        ("netwerk.themas is list", "ja"),
        ("netwerk.themas", "Familie en Eigen regie"),
        ("[1, 2, 3]", "1, 2 en 3"),
        ("‘gekrulde’ ~ “quotes”", "gekruldequotes"),
        ("1 == 1.0", "ja"),
        ("netwerk.start == date('2026-03-10')", "ja"),
        ("begin | tijd('dubbelepunt')", "13:30"),
    ] as [(String, String)])
    func printsAsATemplateDoes(source: String, expected: String) throws {
        #expect(try Self.printed(source) == expected)
    }

    @Test func andOrReturnTheirOperandsForDefaults() throws {
        #expect(try Self.printed("deelnemer.leeg or 'onbekend'") == "onbekend")
        #expect(try Expression("deelnemer.leeftijd and deelnemer.naam").evaluate(Self.data) == "anna de vries")
    }

    @Test func missingValueIsAnErrorOrEmptyByChoice() throws {
        let strict = EvaluationContext(root: Self.data)
        let lenient = EvaluationContext(root: Self.data, missingValues: .empty)
        #expect(throws: ExpressionError.self) { try Expression("deelnemer.adres").printed(in: strict) }
        #expect(try Expression("deelnemer.adres").printed(in: lenient) == "")
        #expect(try Expression("deelnemer.adres").isTrue(in: strict) == false, "a missing value in a condition is false")
    }

    @Test func expressionsKnowTheirPath() throws {
        #expect(try Expression("deelnemer.naam").path == "deelnemer.naam")
        #expect(try Expression("deelnemer.naam | hoofdletters").path == nil)
    }
}
