public import LerendExpressions
import LerendMail

/// Writes events as an iCalendar file (RFC 5545) that calendar programs import.
///
/// Times are local times in Europe/Amsterdam, with the time zone defined in the file;
/// lines end in CRLF and are folded at 75 bytes without splitting a character; text is
/// escaped. The output depends only on its input, so a re-export gives the same file.
public struct ICalendarWriter: Sendable {
    /// The calendar's name, shown by some programs.
    public var name: String
    /// When the file was made (DTSTAMP), in UTC; give a fixed value for the same bytes.
    public var stamp: (date: LocalDate, time: LocalTime)

    /// PUBLISH (a plain calendar), REQUEST (a meeting request) or CANCEL (RFC 5546).
    public var method: Method
    /// The organiser of a request or cancellation; without one the file is PUBLISH.
    public var organizer: CalendarPerson?

    /// The iTIP method of the file (RFC 5546 §1.4).
    public enum Method: String, Sendable {
        case publish = "PUBLISH"
        case request = "REQUEST"
        case cancel = "CANCEL"
    }

    public init(
        name: String, stamp: (date: LocalDate, time: LocalTime), method: Method = .publish, organizer: CalendarPerson? = nil
    ) {
        self.name = name
        self.stamp = stamp
        self.method = method
        self.organizer = organizer
    }

    public static let timeZone = "Europe/Amsterdam"

    /// The text of the calendar file.
    public func write(_ events: [CalendarEvent]) -> String {
        let organizerLine = organizer.flatMap { Self.person("ORGANIZER", $0) }
        let method = organizerLine == nil ? Method.publish : method
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Lerend//Lerend//NL", "CALSCALE:GREGORIAN", "METHOD:" + method.rawValue,
            "X-WR-CALNAME:" + Self.escape(name), "X-WR-TIMEZONE:" + Self.timeZone,
        ]
        lines += Self.amsterdamTimeZone
        for event in events {
            let end = event.end
            lines += [
                "BEGIN:VEVENT",
                "UID:" + Self.escape(event.uid),
                "DTSTAMP:" + Self.dateTime(stamp.date, stamp.time) + "Z",
                "DTSTART;TZID=\(Self.timeZone):" + Self.dateTime(event.date, event.start),
                "DTEND;TZID=\(Self.timeZone):" + Self.dateTime(end.date, end.time),
                "SEQUENCE:\(max(0, event.sequence))",
                "SUMMARY:" + Self.escape(event.summary),
            ]
            if method != .publish, let organizerLine {
                lines.append(organizerLine)
                let organizerAddress = organizer?.email.lowercased()
                for attendee in event.attendees where attendee.email.lowercased() != organizerAddress {
                    if let line = Self.person("ATTENDEE", attendee, parameters: Self.attendeeParameters) { lines.append(line) }
                }
            }
            if let location = event.location, !location.isEmpty { lines.append("LOCATION:" + Self.escape(location)) }
            if let description = event.description, !description.isEmpty {
                lines.append("DESCRIPTION:" + Self.escape(description))
            }
            if let url = event.url.flatMap(Self.uri) { lines.append("URL:" + url) }
            let status = method == .cancel ? .cancelled : event.status
            lines += ["STATUS:" + status.rawValue, "TRANSP:" + (status == .cancelled ? "TRANSPARENT" : "OPAQUE"), "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The VTIMEZONE of Europe/Amsterdam since 1996: CET, and CEST from the last Sunday
    /// of March to the last Sunday of October.
    static let amsterdamTimeZone = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Amsterdam",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19810329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19961027T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]

    static func dateTime(_ date: LocalDate, _ time: LocalTime) -> String {
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return date.iso.replacing("-", with: "") + "T" + two(time.hour) + two(time.minute) + "00"
    }

    /// TEXT escaping of RFC 5545 §3.3.11. Line breaks become `\\n` and every other
    /// control character goes, also inside a character with combining marks, so that no
    /// value can start a line, a property or an event of its own.
    static func escape(_ text: String) -> String {
        var result = ""
        var previousWasReturn = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n" where previousWasReturn: break
            case "\n", "\r", "\u{2028}", "\u{2029}", "\u{85}": result += "\\n"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { break }
                result.unicodeScalars.append(scalar)
            }
            previousWasReturn = scalar == "\r"
        }
        return result
    }

    /// `text` as the value of a URI property, when it is an http(s) address without
    /// spaces or control characters; anything else is left out (RFC 5545 §3.3.13).
    static func uri(_ text: String) -> String? {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"),
            text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && !"\"<>\\^`{|}".unicodeScalars.contains($0) })
        else { return nil }
        return text
    }

    static let attendeeParameters = ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE"

    /// `ORGANIZER;CN=...:mailto:...` or an ATTENDEE line; nil when the address is no
    /// plain e-mail address (it could otherwise carry a parameter or a line of its own).
    static func person(_ property: String, _ person: CalendarPerson, parameters: String = "") -> String? {
        guard let address = mailto(person.email) else { return nil }
        let name = parameterValue(person.name)
        return property + (name.isEmpty ? "" : ";CN=" + name) + parameters + ":" + address
    }

    /// A parameter value (RFC 5545 §3.1): no control characters and no DQUOTE, which
    /// cannot be escaped there; quoted when it holds `:`, `;` or `,`.
    static func parameterValue(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\"" || scalar == "\u{2028}"
                || scalar == "\u{2029}"
            {
                result += scalar == "\n" || scalar == "\r" ? " " : ""
                continue
            }
            result.unicodeScalars.append(scalar)
        }
        result = result.trimmingPrefix(" ").description
        while result.hasSuffix(" ") { result.removeLast() }
        return result.contains(where: { ":;,".contains($0) }) ? "\"" + result + "\"" : result
    }

    /// `mailto:` and the address, when it is one that can be sent to
    /// (``MailAddress/isValid(_:)``: nothing in it means something in a URI or a content line).
    public static func mailto(_ email: String) -> String? {
        MailAddress.isValid(email) ? "mailto:" + email : nil
    }

    /// Folds a content line into lines of at most 75 bytes (RFC 5545 §3.1).
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var result = ""
        var length = 0
        for character in line {
            let size = character.utf8.count
            if length + size > 75 {
                result += "\r\n "
                length = 1
            }
            result.append(character)
            length += size
        }
        return result
    }
}
