/// A time of day in hours and minutes, such as the start of a meeting.
public struct LocalTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `13:30`, `13.30`, `9:05` or `13.30 uur`.
    public init?(_ text: some StringProtocol) {
        var trimmed = Substring(text).trimmingCharacters(in: " ")
        if trimmed.hasSuffix("uur") { trimmed = trimmed.dropLast(3).trimmingCharacters(in: " ") }
        let parts = trimmed.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// A time from minutes after midnight, wrapping around at 24 hours.
    public init(minutesSinceMidnight minutes: Int) {
        let wrapped = ((minutes % 1440) + 1440) % 1440
        self.hour = wrapped / 60
        self.minute = wrapped % 60
    }

    public var minutesSinceMidnight: Int { hour * 60 + minute }

    /// The time `minutes` later on the clock; any number of minutes, whole days wrap.
    public func adding(minutes: Int) -> LocalTime { LocalTime(minutesSinceMidnight: minutesSinceMidnight + minutes % 1440) }

    /// `13:30`.
    public var description: String { "\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)" }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.minutesSinceMidnight < rhs.minutesSinceMidnight }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let time = LocalTime(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "geen tijd: \(text)"))
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> Substring {
        var result = self
        while result.first == set { result = result.dropFirst() }
        while result.last == set { result = result.dropLast() }
        return result
    }
}
