import Foundation
import LerendExpressions

/// A number of a sheet as text: a whole number as its digits, a fraction with a
/// decimal comma as a Dutch spreadsheet shows it, a date as `JJJJ-MM-DD`, a time as
/// `UU:MM`.
enum SpreadsheetNumber {
    static func text(_ raw: String, style: NumberStyle, uses1904: Bool) -> String {
        guard let value = Double(raw), value.isFinite else { return raw }
        switch style {
        case .date:
            if let date = date(serial: value, uses1904: uses1904) { return date.iso }
        case .time:
            guard value >= 0 else { break }
            let minutes = Int((value - value.rounded(.down)) * 1440 + 0.5) % 1440
            return (minutes / 60 < 10 ? "0" : "") + "\(minutes / 60):" + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)"
        case .number:
            break
        }
        return number(value)
    }

    /// `16`, `8,5`, `0,3` (rounded to 15 significant digits, the precision Excel shows,
    /// so that binary noise such as `0.30000000000000004` does not show).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let rounded = Double(String(format: "%.15g", value)) ?? value
        return DutchFormatting.number(rounded, decimals: nil, grouping: false)
    }

    /// The date of an Excel serial number: day 1 is 1900-01-01 and Excel counts a
    /// 29 February 1900 that never was (so from day 61 on one day less); in the 1904
    /// system day 0 is 1904-01-01. `nil` outside the years 1900–9999.
    static func date(serial: Double, uses1904: Bool) -> LocalDate? {
        let day = Int(serial.rounded(.down))
        let days: Int
        if uses1904 {
            days = day - 24_107
        } else {
            guard day >= 1 else { return nil }
            days = day < 61 ? day - 25_568 : day - 25_569
        }
        guard days <= 2_932_896 else { return nil }
        return LocalDate(daysSince1970: days)
    }
}
