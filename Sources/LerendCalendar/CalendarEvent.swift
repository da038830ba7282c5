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
    /// The revision of the event (RFC 5545 §3.8.7.4): raised when the meeting changes.
    public var sequence: Int
    public var status: Status
    /// Who is invited (ATTENDEE); only written in a meeting request.
    public var attendees: [CalendarPerson]

    /// STATUS of an event (RFC 5545 §3.8.1.11).
    public enum Status: String, Sendable, Hashable, Codable {
        case tentative = "TENTATIVE"
        case confirmed = "CONFIRMED"
        case cancelled = "CANCELLED"
    }

    public init(
        uid: String, summary: String, description: String? = nil, location: String? = nil, url: String? = nil,
        date: LocalDate, start: LocalTime, durationMinutes: Int, sequence: Int = 0, status: Status = .confirmed,
        attendees: [CalendarPerson] = []
    ) {
        self.sequence = sequence
        self.status = status
        self.attendees = attendees
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

/// A person in a meeting request: the organiser or an attendee.
public struct CalendarPerson: Sendable, Hashable, Codable {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}

extension CalendarEvent {
    /// A fingerprint of everything an attendee sees of the event (not its sequence):
    /// FNV-1a over the fields, so the same meeting gives the same value in every run.
    public var contentHash: String {
        let fields: [String] =
            [
                uid, summary, description ?? "", location ?? "", url ?? "", date.iso, "\(start.hour):\(start.minute)",
                "\(durationMinutes)", status.rawValue,
            ] + attendees.flatMap { [$0.name, $0.email] }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for field in fields {
            for byte in field.utf8 + [0] {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
