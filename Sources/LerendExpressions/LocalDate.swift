/// A calendar date without a time or a time zone, such as the day of a meeting.
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The years a date may have: those of a four-digit ISO date. Outside them the
    /// calendar arithmetic would overflow, and no meeting is ever there.
    public static let supportedYears = 1...9999

    /// A date, if the day exists in the (proleptic Gregorian) calendar and its year is
    /// one of ``supportedYears``.
    public init?(year: Int, month: Int, day: Int) {
        guard Self.supportedYears.contains(year), (1...12).contains(month), day >= 1,
            day <= Self.daysInMonth(year: year, month: month)
        else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A day known to exist, in a year that may lie outside ``supportedYears`` (the
    /// planner's arithmetic near the ends of the calendar).
    private init(unchecked year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date that is `days` days after 1 January 1970 (negative: before).
    public init(daysSince1970 days: Int) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    /// Days since 1 January 1970.
    public var daysSince1970: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day of the week, ISO numbering: 1 is Monday (maandag), 7 is Sunday (zondag).
    public var weekday: Int {
        let days = daysSince1970
        // 1 January 1970 was a Thursday (4).
        return ((days % 7) + 7 + 3) % 7 + 1
    }

    public func adding(days: Int) -> LocalDate { LocalDate(daysSince1970: daysSince1970 + days) }

    /// The date `days` days later, or `nil` when it falls outside ``supportedYears``
    /// (so that `d + 9223372036854775807` is an error, not a trap).
    public func checkedAdding(days: Int) -> LocalDate? {
        // 1 January of year 1 to 31 December 9999 is 3,652,058 days.
        guard days.magnitude <= 3_652_059 else { return nil }
        let result = LocalDate(daysSince1970: daysSince1970 + days)
        return Self.supportedYears.contains(result.year) ? result : nil
    }

    /// The same day `months` months later, or `nil` outside ``supportedYears``.
    public func checkedAdding(months: Int) -> LocalDate? {
        guard months.magnitude <= UInt(12 * Self.supportedYears.upperBound) else { return nil }
        let total = year * 12 + (month - 1) + months
        guard total >= 12 * Self.supportedYears.lowerBound, total < 12 * (Self.supportedYears.upperBound + 1) else { return nil }
        return adding(months: months)
    }

    /// The same day `months` months later, clamped to the month's last day.
    public func adding(months: Int) -> LocalDate {
        let total = year * 12 + (month - 1) + months
        let newYear = total >= 0 ? total / 12 : (total - 11) / 12
        let newMonth = total - newYear * 12 + 1
        let newDay = min(day, Self.daysInMonth(year: newYear, month: newMonth))
        return LocalDate(unchecked: newYear, month: newMonth, day: newDay)
    }

    /// Days from `self` to `other`; positive when `other` is later.
    public func days(until other: LocalDate) -> Int { other.daysSince1970 - daysSince1970 }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let y = String(year)
        let yyyy = String(repeating: "0", count: max(0, 4 - y.count)) + y
        return "\(yyyy)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    public var description: String { iso }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Codable as the ISO text, as it appears in YAML and JSON.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "geen datum: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
