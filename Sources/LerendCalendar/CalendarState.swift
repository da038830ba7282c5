import LerendExpressions

/// What the previous export of a calendar file sent, so that the next one raises the
/// SEQUENCE of a meeting that changed and cancels one that is gone (RFC 5546).
///
/// Kept as JSON next to the calendar (`<naam>.ics.staat`): per UID the fingerprint of
/// the meeting's content, its sequence, and what a cancellation needs to name it.
public struct CalendarState: Sendable, Hashable, Codable {
    public struct Entry: Sendable, Hashable, Codable {
        public var hash: String
        public var sequence: Int
        public var summary: String
        /// `2026-03-10`, `13:30` and the duration: where the cancellation points.
        public var date: String
        public var start: String
        public var durationMinutes: Int
        public var attendees: [CalendarPerson]
        public var cancelled: Bool
    }

    public var version: Int = 1
    public var events: [String: Entry] = [:]

    public init() {}

    /// The events with their sequences, the cancellations of meetings that were in the
    /// previous state and are gone, and the new state. The same events against the state
    /// they produced give the same sequences and no cancellations.
    public func update(_ events: [CalendarEvent]) -> (
        events: [CalendarEvent], cancelled: [CalendarEvent], state: CalendarState
    ) {
        var next = CalendarState()
        var result: [CalendarEvent] = []
        for var event in events {
            let hash = event.contentHash
            if let previous = self.events[event.uid] {
                event.sequence =
                    previous.hash == hash && !previous.cancelled ? previous.sequence : previous.sequence + 1
            } else {
                event.sequence = 0
            }
            result.append(event)
            next.events[event.uid] = Entry(
                hash: hash, sequence: event.sequence, summary: event.summary, date: event.date.iso,
                start: Self.time(event.start), durationMinutes: event.durationMinutes, attendees: event.attendees,
                cancelled: false)
        }
        var cancelled: [CalendarEvent] = []
        for (uid, entry) in self.events.sorted(by: { $0.key < $1.key }) where next.events[uid] == nil {
            guard !entry.cancelled else {
                next.events[uid] = entry
                continue
            }
            var gone = entry
            gone.sequence += 1
            gone.cancelled = true
            next.events[uid] = gone
            if let date = LocalDate(iso: entry.date), let start = Self.time(entry.start) {
                cancelled.append(
                    CalendarEvent(
                        uid: uid, summary: entry.summary, date: date, start: start, durationMinutes: entry.durationMinutes,
                        sequence: gone.sequence, status: .cancelled, attendees: entry.attendees))
            }
        }
        return (result, cancelled, next)
    }

    static func time(_ time: LocalTime) -> String {
        (time.hour < 10 ? "0" : "") + "\(time.hour):" + (time.minute < 10 ? "0" : "") + "\(time.minute)"
    }

    static func time(_ text: String) -> LocalTime? {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2 else { return nil }
        return LocalTime(hour: parts[0], minute: parts[1])
    }
}
