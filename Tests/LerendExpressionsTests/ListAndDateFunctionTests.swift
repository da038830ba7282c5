import Testing
import LerendExpressions

/// Aggregation over lists and computing with dates, as rules use them.
@Suite struct ListAndDateFunctionTests {
    static let data: Value = [
        "organisaties": [
            ["naam": "De Linde", "clienten": 180, "regio": "Overijssel", "start": .date(LocalDate(year: 2026, month: 3, day: 10)!)],
            ["naam": "Het Baken", "clienten": 95, "regio": "Overijssel", "start": .date(LocalDate(year: 2026, month: 1, day: 31)!)],
            ["naam": "'t Anker", "clienten": 60, "regio": "Gelderland", "start": .date(LocalDate(year: 2025, month: 12, day: 1)!)],
        ],
        "getallen": [3, 1, 2],
        "maandeinde": .date(LocalDate(year: 2026, month: 1, day: 31)!),
        "schrikkel": .date(LocalDate(year: 2024, month: 2, day: 29)!),
    ]

    static func value(_ source: String) throws -> Value {
        try Expression(source).evaluate(data)
    }

    @Test(arguments: [
        ("count(organisaties)", 3),
        ("count(organisaties, o => o.clienten > 90)", 2),
        ("sum(organisaties, o => o.clienten)", 335),
        ("sum(getallen)", 6),
        ("min(getallen)", 1),
        ("max(map(organisaties, o => o.clienten))", 180),
        ("count(distinct(organisaties, o => o.regio))", 2),
        ("count(filter(organisaties, o => o.regio == 'Overijssel'))", 2),
        ("days_between(date('2026-01-01'), date('2026-03-10'))", 68),
        ("weekday(date('2026-03-10'))", 2),
        ("year(maandeinde)", 2026),
        ("month(add_months(maandeinde, 1))", 2),
        ("day(add_months(maandeinde, 1))", 28),
        ("day(add_months(schrikkel, 12))", 28),
        ("day(add_days(maandeinde, 1))", 1),
        ("minutes_between('13:30', '16:00')", 150),
        ("count(range(5))", 5),
    ] as [(String, Int)])
    func numbers(source: String, expected: Int) throws {
        #expect(try Self.value(source) == .int(expected))
    }

    @Test func listsKeepOrderAndSortByAKey() throws {
        #expect(try Self.value("sort(getallen)") == [1, 2, 3])
        #expect(try Self.value("map(sort(organisaties, o => o.clienten), o => o.naam)") == ["'t Anker", "Het Baken", "De Linde"])
        #expect(try Self.value("reverse(getallen)") == [2, 1, 3])
        #expect(try Self.value("first(organisaties).naam") == "De Linde")
        #expect(try Self.value("last(getallen)") == 2)
        #expect(try Self.value("min(organisaties, o => o.start)") == .date(LocalDate(year: 2025, month: 12, day: 1)!),
                "with a key, min gives the smallest key")
        #expect(try Self.value("all(organisaties, o => o.clienten > 50)") == true)
        #expect(try Self.value("any(organisaties, o => o.regio == 'Utrecht')") == false)
        #expect(try Self.value("join(map(organisaties, o => o.naam), ' / ')") == "De Linde / Het Baken / 't Anker")
    }

    @Test func emptyListsAggregateQuietly() throws {
        let empty: Value = ["lijst": []]
        #expect(try Expression("count(lijst)").evaluate(empty) == 0)
        #expect(try Expression("sum(lijst)").evaluate(empty) == 0)
        #expect(try Expression("all(lijst, x => x > 1)").evaluate(empty) == true)
        #expect(try Expression("count(ontbreekt)").evaluate(in: EvaluationContext(root: empty, missingValues: .empty)) == 0)
    }
}
