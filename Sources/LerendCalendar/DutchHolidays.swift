public import LerendExpressions

/// A Dutch public holiday (feestdag) on a given date.
public struct Holiday: Sendable, Hashable {
    public let date: LocalDate
    /// The Dutch name, such as "Tweede Paasdag".
    public let name: String

    public init(date: LocalDate, name: String) {
        self.date = date
        self.name = name
    }
}

/// The Dutch public holidays of the Algemene termijnenwet (art. 3), computed for any
/// Gregorian year: the fixed days, the days that follow Easter, and Koningsdag's rule.
public enum DutchHolidays: Sendable {
    /// Western Easter Sunday, by the Meeus/Jones/Butcher algorithm.
    public static func easter(_ year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)!
    }

    /// Koningsdag: 27 April, or Saturday 26 April when the 27th is a Sunday.
    public static func kingsDay(_ year: Int) -> LocalDate {
        let date = LocalDate(year: year, month: 4, day: 27)!
        return date.weekday == 7 ? date.adding(days: -1) : date
    }

    /// Every public holiday of `year`, in date order. Bevrijdingsdag (5 May) is included
    /// only when `liberationDay` is true: many employers give it off every five years.
    public static func holidays(in year: Int, liberationDay: Bool = true) -> [Holiday] {
        let easter = easter(year)
        var days = [
            Holiday(date: LocalDate(year: year, month: 1, day: 1)!, name: "Nieuwjaarsdag"),
            Holiday(date: easter.adding(days: -2), name: "Goede Vrijdag"),
            Holiday(date: easter, name: "Eerste Paasdag"),
            Holiday(date: easter.adding(days: 1), name: "Tweede Paasdag"),
            Holiday(date: kingsDay(year), name: "Koningsdag"),
            Holiday(date: easter.adding(days: 39), name: "Hemelvaartsdag"),
            Holiday(date: easter.adding(days: 49), name: "Eerste Pinksterdag"),
            Holiday(date: easter.adding(days: 50), name: "Tweede Pinksterdag"),
            Holiday(date: LocalDate(year: year, month: 12, day: 25)!, name: "Eerste Kerstdag"),
            Holiday(date: LocalDate(year: year, month: 12, day: 26)!, name: "Tweede Kerstdag"),
        ]
        if liberationDay { days.append(Holiday(date: LocalDate(year: year, month: 5, day: 5)!, name: "Bevrijdingsdag")) }
        return days.sorted { $0.date < $1.date }
    }

    /// The holiday on `date`, if it is one.
    public static func holiday(on date: LocalDate, liberationDay: Bool = true) -> Holiday? {
        holidays(in: date.year, liberationDay: liberationDay).first { $0.date == date }
    }
}
