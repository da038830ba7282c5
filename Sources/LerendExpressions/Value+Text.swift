extension Value {
    /// The text a template prints for this value, in Dutch notation; `nil` for an
    /// object, which has no single text.
    ///
    /// Integers print as they are (`2024`); decimals with a decimal comma (`2,5`); dates as
    /// `14 maart 2023`; times as `13.30`; yes/no values as `ja`/`nee`; lists as
    /// `A, B en C`; `null` as nothing.
    public var printedText: String? {
        switch self {
        case .null: return ""
        case .bool(let value): return value ? "ja" : "nee"
        case .int(let value): return String(value)
        case .double(let value): return DutchFormatting.number(value, decimals: nil, grouping: false)
        case .string(let value): return value
        case .date(let date): return DutchFormatting.date(date, style: "middel")
        case .time(let time): return DutchFormatting.time(time, style: "kort")
        case .list(let items):
            var parts: [String] = []
            for item in items {
                guard let text = item.printedText else { return nil }
                parts.append(text)
            }
            return DutchFormatting.enumeration(parts, conjunction: "en")
        case .object: return nil
        }
    }
}
