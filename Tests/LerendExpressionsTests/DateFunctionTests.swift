import LerendExpressions
import Testing

/// Computing with dates and times: differences, parts, adding days and months.
@Suite struct DateFunctionTests {
    static let data: Value = [
        "maandeinde": Check.date("2026-01-31"), "schrikkel": Check.date("2024-02-29"),
        "begin": Check.time(13, 30), "tekstdatum": "2026-03-10", "dag": Check.date("2023-03-14"),
    ]

    @Test(
        arguments: [
            ("days_between(date('2026-01-01'), date('2026-03-10'))", 68),
            ("days_between('2026-03-10', '2026-01-01')", -68),
            ("days_between('2024-01-01', '2025-01-01')", 366),
            ("days_between('2023-01-01', '2024-01-01')", 365),
            ("days_between('1969-12-31', '1970-01-02')", 2),
            ("days_between(maandeinde, maandeinde)", 0),
            ("weekday(date('2026-03-10'))", 2),
            ("weekday('2023-03-13')", 1),
            ("weekday('2023-03-19')", 7),
            ("weekday('1969-12-31')", 3),
            ("weekday('2000-01-01')", 6),
            ("year(maandeinde)", 2026),
            ("month(maandeinde)", 1),
            ("day(maandeinde)", 31),
            ("year(tekstdatum)", 2026),
            ("month(tekstdatum)", 3),
            ("minutes_between('13:30', '16:00')", 150),
            ("minutes_between(begin, '12:00')", -90),
            ("minutes_between('9.05', '10.00')", 55),
        ] as [(String, Int)])
    func numbers(source: String, expected: Int) throws {
        #expect(try Check.value(source, Self.data) == .int(expected))
    }

    @Test(
        arguments: [
            ("add_days(maandeinde, 1)", "2026-02-01"),
            ("add_days('2024-02-28', 1)", "2024-02-29"),
            ("add_days('2023-02-28', 1)", "2023-03-01"),
            ("add_days('2025-12-31', 1)", "2026-01-01"),
            ("add_days('2026-01-01', -1)", "2025-12-31"),
            ("add_days('1970-01-01', -1)", "1969-12-31"),
            ("add_days('2026-03-10', 365)", "2027-03-10"),
            ("add_months(maandeinde, 1)", "2026-02-28"),
            ("add_months('2024-01-31', 1)", "2024-02-29"),
            ("add_months('2026-03-31', 1)", "2026-04-30"),
            ("add_months('2026-03-31', -1)", "2026-02-28"),
            ("add_months('2026-12-31', 1)", "2027-01-31"),
            ("add_months('2026-01-15', -1)", "2025-12-15"),
            ("add_months('2026-01-15', -13)", "2024-12-15"),
            ("add_months('2026-01-15', 24)", "2028-01-15"),
            ("add_months(schrikkel, 12)", "2025-02-28"),
            ("add_months(schrikkel, 48)", "2028-02-29"),
            ("add_months('2000-02-29', 1200)", "2100-02-28"),
            ("add_months('2026-05-31', 0)", "2026-05-31"),
            ("date(2026, 3, 10)", "2026-03-10"),
            ("date('2026-03-10')", "2026-03-10"),
            ("date(tekstdatum)", "2026-03-10"),
            ("date(2024, 2, 29)", "2024-02-29"),
        ] as [(String, String)])
    func dates(source: String, expected: String) throws {
        #expect(try Check.value(source, Self.data) == Check.date(expected))
    }

    @Test(
        arguments: [
            ("date(2023, 2, 29)", "E204", "deze datum bestaat niet"),
            ("date(2026, 13, 1)", "E204", "deze datum bestaat niet"),
            ("date('2024-02-30')", "E202", "'date' verwacht een datum (JJJJ-MM-DD), maar kreeg tekst"),
            ("date('10-03-2026')", "E202", "'date' verwacht een datum (JJJJ-MM-DD), maar kreeg tekst"),
            (
                "days_between('gisteren', '2026-01-01')", "E202",
                "'days_between' verwacht een datum (JJJJ-MM-DD), maar kreeg tekst"
            ),
            ("add_days('2026-01-01', 1.5)", "E202", "'add_days' verwacht een geheel getal, maar kreeg getal"),
            ("minutes_between('25:00', '13:00')", "E202", "'minutes_between' verwacht een tijd (UU:MM), maar kreeg tekst"),
            ("dag | date('kort')", "E204", "'date' maakt een datum uit één tekst of uit jaar, maand en dag"),
            ("weekday(5)", "E202", "'weekday' verwacht een datum (JJJJ-MM-DD), maar kreeg geheel getal"),
        ] as [(String, String, String)])
    func errors(source: String, id: String, message: String) throws {
        let error = try #require(Check.error(source, Self.data))
        #expect(error.id == id)
        #expect(error.message == message)
    }

    @Test func decimalsThatAreWholeCountAsWholeNumbers() throws {
        #expect(try Check.value("add_days('2026-01-01', 2.0)") == Check.date("2026-01-03"))
    }

    @Test(arguments: [
        ("2024-03-14", true), ("2024-02-29", true), ("2023-02-29", false), ("2024-02-30", false), ("2100-02-29", false),
        ("2000-02-29", true), ("2024-13-01", false), ("2024-00-10", false), ("2024-04-31", false), ("24-03-14", false),
        ("2024-3-14", false), ("2024/03/14", false), ("2024-03-14T10:00", false), ("２０２４-03-14", false),
    ])
    func isoDatesExistOrNot(text: String, exists: Bool) {
        #expect((LocalDate(iso: text) != nil) == exists)
    }

    @Test func dateArithmeticRoundTripsOverManyYears() throws {
        var date = try #require(LocalDate(iso: "1899-12-25"))
        var previous = date.daysSince1970
        for _ in 0..<800 {
            date = date.adding(days: 97)
            #expect(date.daysSince1970 == previous + 97)
            #expect(LocalDate(iso: date.iso) == date)
            previous = date.daysSince1970
        }
    }

    @Test(arguments: [
        ("13:30", 13, 30), ("9:05", 9, 5), ("13.30", 13, 30), ("13.30 uur", 13, 30), (" 8:00 ", 8, 0), ("23:59", 23, 59),
    ])
    func timesParse(text: String, hour: Int, minute: Int) {
        #expect(LocalTime(text) == LocalTime(hour: hour, minute: minute))
    }

    @Test(arguments: ["24:00", "13:60", "1330", "13:3", "dertien uur", "13:30:00", "-1:00"])
    func notTimes(text: String) {
        #expect(LocalTime(text) == nil)
    }

    @Test func timesWrapAroundMidnight() {
        let late = LocalTime(hour: 23, minute: 30)!
        #expect(late.adding(minutes: 45) == LocalTime(hour: 0, minute: 15))
        #expect(LocalTime(hour: 0, minute: 10)!.adding(minutes: -20) == LocalTime(hour: 23, minute: 50))
        #expect(late.description == "23:30")
        #expect(LocalTime(hour: 7, minute: 5)!.description == "07:05")
    }
}
