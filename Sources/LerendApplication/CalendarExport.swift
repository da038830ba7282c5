import Foundation
public import LerendCalendar
public import LerendDiagnostics
import LerendExpressions
import LerendNetwork

/// What `lerend calendar` answers: the meetings of a network as calendar events.
public struct CalendarExport: Sendable {
    /// One event per meeting with a date, in date order.
    public let events: [CalendarEvent]
    let session: NetworkSession

    /// The iCalendar text.
    public var text: String {
        ICalendarWriter(name: session.network.name, stamp: (session.date, LocalTime(hour: 0, minute: 0)!)).write(events)
    }

    /// Writes the calendar to `path`; never over the network file, never an empty one.
    public func write(to path: String) throws(DiagnosticList) {
        try OutputGuard.refuseInput(path, inputs: [session.path])
        guard !events.isEmpty else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "A103",
                    "\(session.network.name) heeft nog geen bijeenkomsten met een datum; er is geen agendabestand geschreven",
                    at: SourceLocation(file: session.path),
                    hint: "plan de bijeenkomsten met lerend plan -o, of zet ze onder 'bijeenkomsten:' in het netwerkbestand")
            ])
        }
        try OutputGuard.write(Array(text.utf8), to: path)
    }
}

extension NetworkSession {
    /// The meetings as calendar events. Each keeps its UID (network and number) from one
    /// export to the next, so that importing again updates instead of duplicating.
    public func calendar() -> CalendarExport {
        let documents = documentData
        let slug = String(network.name.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
        let events = documents.meetings.compactMap { meeting -> CalendarEvent? in
            guard let date = meeting.value(atPath: "datum")?.dateValue else { return nil }
            return Self.event(meeting, number: documents.number(meeting), date: date, network: network.name, slug: slug)
        }
        return CalendarExport(events: events.sorted { $0.date < $1.date }, session: self)
    }

    private static func event(_ meeting: Value, number: Int, date: LocalDate, network: String, slug: String) -> CalendarEvent {
        let text = { (path: String) -> String? in
            if case .string(let value) = meeting.value(atPath: path) ?? .null, !value.isEmpty { return value }
            return nil
        }
        let start = meeting.value(atPath: "begintijd")?.timeValue ?? LocalTime(hour: 13, minute: 30)!
        var duration = 150
        if case .int(let minutes) = meeting.value(atPath: "duur_minuten") ?? .null { duration = minutes }
        let postal = [text("locatie.postcode"), text("locatie.plaats")].compactMap { $0 }.joined(separator: " ")
        let place = [text("locatie.naam"), text("locatie.adres"), postal.isEmpty ? nil : postal].compactMap { $0 }
            .joined(separator: ", ")
        var description: [String] = []
        if let theme = text("thema") { description.append("Thema: \(theme)") }
        if case .list(let names) = meeting.value(atPath: "voorbereiders") ?? .null, !names.isEmpty {
            description.append(
                "Voorbereiding: " + DutchFormatting.enumeration(names.compactMap(\.stringValue), conjunction: "en"))
        }
        if let host = text("gastheer") { description.append("Gastheer: \(host)") }
        if let facilitator = text("gespreksleider") { description.append("Gespreksleider: \(facilitator)") }
        if let link = text("online_link") { description.append("Online: \(link)") }
        if case .list(let items) = meeting.value(atPath: "agenda") ?? .null, !items.isEmpty {
            description.append("Agenda:")
            for item in items {
                let time = item.value(atPath: "begintijd")?.timeValue.map { DutchFormatting.time($0, style: "kort") + " " } ?? ""
                description.append("- \(time)\(item.value(atPath: "titel")?.stringValue ?? "")")
            }
        }
        return CalendarEvent(
            uid: "\(slug)-bijeenkomst-\(number)@lerend",
            summary: "\(network), bijeenkomst \(number)" + (text("thema").map { ": \($0)" } ?? ""),
            description: description.joined(separator: "\n"),
            location: place.isEmpty ? (text("online_link") ?? text("vorm")) : place, url: text("online_link"),
            date: date, start: start, durationMinutes: duration)
    }
}
