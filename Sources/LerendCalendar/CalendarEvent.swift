public import LerendExpressions

/// One event of a calendar file: a meeting at a local time in the Netherlands.
public struct CalendarEvent: Sendable, Hashable {
    /// Stays the same from one export to the next, so that importing again updates the
    /// event instead of adding a second one.
    public var uid: String
    public var summary: String
    public var description: String?
    public var location: String?
    public var url: String?
    public var date: LocalDate
    public var start: LocalTime
    public var durationMinutes: Int

    public init(
        uid: String, summary: String, description: String? = nil, location: String? = nil, url: String? = nil,
        date: LocalDate, start: LocalTime, durationMinutes: Int
    ) {
        self.uid = uid
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
        self.date = date
        self.start = start
        self.durationMinutes = durationMinutes
    }

    /// The date and time the event ends (it may run past midnight).
    public var end: (date: LocalDate, time: LocalTime) {
        let minutes = start.hour * 60 + start.minute + durationMinutes
        return (date.adding(days: minutes / 1440), LocalTime(minutesSinceMidnight: minutes))
    }
}
