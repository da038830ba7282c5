import LerendExpressions
import Testing

/// Dates, times and numbers at the ends of what they can hold: an error naming the
/// expression, never a trap.
@Suite struct CalendarArithmeticTests {
    static let data: Value = [
        "dag": Check.date("2026-03-10"), "groot": .int(Int.max), "klein": .int(Int.min),
        "tijd": .time(LocalTime(hour: 13, minute: 30)!), "reus": .double(1e300),
    ]

    @Test(arguments: [
        "dag + groot", "groot + dag", "dag - klein", "dag - groot", "dag + 3652059", "dag - 800000",
        "add_days(dag, groot)", "add_days(dag, klein)", "add_days(dag, 3000000)",
        "add_months(dag, groot)", "add_months(dag, klein)", "add_months(dag, 100000)", "add_months(dag, -24303)",
    ])
    func aDateOutsideTheCalendarIsAnError(source: String) throws {
        let error = try #require(Check.error(source, Self.data), "\(source)")
        #expect(error.id == "E206")
        #expect(error.message == "de datum valt buiten de jaartallen 1 tot en met 9999")
    }

    @Test func datesNearTheEndsStillWork() throws {
        #expect(try Check.printed("add_days(date('9999-12-30'), 1) | datum('iso')") == "9999-12-31")
        #expect(try Check.printed("add_months(date('0001-03-31'), -2) | datum('iso')") == "0001-01-31")
        #expect(try Check.printed("days_between(date('0001-01-01'), date('9999-12-31'))") == "3652058")
        #expect(Check.error("add_days(date('9999-12-31'), 1)")?.id == "E206")
    }

    @Test func aYearOutsideTheCalendarIsNoDate() {
        #expect(LocalDate(year: Int.max, month: 1, day: 1) == nil)
        #expect(LocalDate(year: 0, month: 1, day: 1) == nil)
        #expect(Check.error("date(9223372036854775807, 1, 1)")?.id == "E204")
    }

    @Test func anyNumberOfMinutesGoesRoundTheClock() throws {
        let expected = LocalTime(minutesSinceMidnight: 13 * 60 + 30 + Int.max % 1440)
        #expect(try Check.value("tijd + groot", Self.data) == .time(expected))
        #expect(
            try Check.value("tijd - klein", Self.data)
                == .time(LocalTime(minutesSinceMidnight: 13 * 60 + 30 + Int.min % 1440 * -1)))
        #expect(LocalTime(hour: 0, minute: 0)!.adding(minutes: Int.min) == LocalTime(minutesSinceMidnight: Int.min % 1440))
    }

    @Test(arguments: ["reus | getal(2)", "reus | bedrag", "-reus | getal(10)"])
    func aDecimalTooLargeForItsDecimalsIsPrintedWithoutThem(source: String) throws {
        let text = try Check.printed(source, Self.data)
        #expect(text.hasSuffix("1e+300"), "\(text)")
    }

    @Test func aDecimalTooLargeForAnIntegerIsAnError() throws {
        #expect(Check.error("reus | int", Self.data)?.id == "E202")
        #expect(try Check.value("reus | round", Self.data) == .double(1e300), "round keeps a decimal that large")
    }
}
