import LerendCalendar
import LerendExpressions
import Testing

@Suite struct DutchHolidaysTests {
    static func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    /// Easter Sundays from published tables, including the earliest (22 March 1818) and
    /// the latest (25 April 2038) possible dates.
    @Test(arguments: [
        (1818, "1818-03-22"), (2000, "2000-04-23"), (2019, "2019-04-21"), (2024, "2024-03-31"), (2025, "2025-04-20"),
        (2026, "2026-04-05"), (2027, "2027-03-28"), (2028, "2028-04-16"), (2029, "2029-04-01"), (2030, "2030-04-21"),
        (2038, "2038-04-25"),
    ])
    func easter(year: Int, expected: String) {
        #expect(DutchHolidays.easter(year) == Self.date(expected))
    }

    @Test func easterIsAlwaysASundayBetween22MarchAnd25April() {
        for year in 1900...2200 {
            let easter = DutchHolidays.easter(year)
            #expect(easter.weekday == 7)
            #expect(easter >= LocalDate(year: year, month: 3, day: 22)! && easter <= LocalDate(year: year, month: 4, day: 25)!)
        }
    }

    @Test(arguments: [
        (2025, "2025-04-26"), (2026, "2026-04-27"), (2014, "2014-04-26"), (2031, "2031-04-26"), (2030, "2030-04-27"),
    ])
    func kingsDayMovesToSaturdayWhenThe27thIsASunday(year: Int, expected: String) {
        let kingsDay = DutchHolidays.kingsDay(year)
        #expect(kingsDay == Self.date(expected))
        #expect(kingsDay.weekday != 7)
    }

    @Test func holidaysOf2026() {
        let holidays = DutchHolidays.holidays(in: 2026).map { "\($0.date.iso) \($0.name)" }
        #expect(
            holidays == [
                "2026-01-01 Nieuwjaarsdag", "2026-04-03 Goede Vrijdag", "2026-04-05 Eerste Paasdag",
                "2026-04-06 Tweede Paasdag", "2026-04-27 Koningsdag", "2026-05-05 Bevrijdingsdag",
                "2026-05-14 Hemelvaartsdag", "2026-05-24 Eerste Pinksterdag", "2026-05-25 Tweede Pinksterdag",
                "2026-12-25 Eerste Kerstdag", "2026-12-26 Tweede Kerstdag",
            ])
        #expect(DutchHolidays.holiday(on: Self.date("2026-05-05"), liberationDay: false) == nil)
        #expect(DutchHolidays.holiday(on: Self.date("2026-05-14"))?.name == "Hemelvaartsdag")
        #expect(DutchHolidays.holiday(on: Self.date("2026-05-13")) == nil)
    }
}
