import Foundation
public import LerendCalendar
public import LerendDiagnostics
import LerendExpressions
import LerendNetwork

/// What `lerend calendar` answers: the meetings of a network as calendar events, as a
/// meeting request (iTIP, RFC 5546) from the contact person to every participant with an
/// e-mail address.
public struct CalendarExport: Sendable {
    /// One event per meeting with a date, in date order (sequence 0 until written).
    public let events: [CalendarEvent]
    /// The contact person (`netwerk.contactpersoon`), when she has a usable address;
    /// without one the calendar is a plain PUBLISH file.
    public let organizer: CalendarPerson?
    let session: NetworkSession

    /// What ``write(to:)`` wrote.
    public struct Written: Sendable {
        /// The events with the sequences they were written with.
        public var events: [CalendarEvent]
        /// The meetings that were in the previous state and are gone, cancelled in
        /// ``cancellationPath``.
        public var cancelled: [CalendarEvent]
        public var cancellationPath: String?
        public var statePath: String
    }

    /// The iCalendar text, with the sequences of `events`.
    public var text: String { text(events) }

    func text(_ events: [CalendarEvent], method: ICalendarWriter.Method = .request) -> String {
        ICalendarWriter(
            name: session.network.name, stamp: (session.date, LocalTime(hour: 0, minute: 0)!), method: method,
            organizer: organizer
        ).write(events)
    }

    /// The state file next to a calendar file.
    public static func statePath(for path: String) -> String { path + ".staat" }

    /// The cancellations next to a calendar file: `jaar.ics` gives `jaar-afgelast.ics`.
    public static func cancellationPath(for path: String) -> String {
        (path.hasSuffix(".ics") ? String(path.dropLast(4)) : path) + "-afgelast.ics"
    }

    /// Writes the calendar to `path`; never over the network file, never an empty one.
    /// The state file `path.staat` keeps per meeting its fingerprint and SEQUENCE: a
    /// meeting that changed gets the next one, a meeting that is gone a CANCEL in
    /// ``cancellationPath(for:)``.
    @discardableResult
    public func write(to path: String) throws(DiagnosticList) -> Written {
        let statePath = Self.statePath(for: path)
        let cancelPath = Self.cancellationPath(for: path)
        try OutputGuard.refuseInput(path, inputs: [session.path])
        try OutputGuard.refuseInput(statePath, inputs: [session.path])
        try OutputGuard.refuseInput(cancelPath, inputs: [session.path])
        guard !events.isEmpty else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "A103",
                    "\(session.network.name) heeft nog geen bijeenkomsten met een datum; er is geen agendabestand geschreven",
                    at: SourceLocation(file: session.path),
                    hint: "plan de bijeenkomsten met lerend plan -o, of zet ze onder 'bijeenkomsten:' in het netwerkbestand")
            ])
        }
        let previous = try Self.readState(statePath)
        let update = previous.update(events)
        try OutputGuard.write(Array(text(update.events).utf8), to: path)
        var written: String?
        if !update.cancelled.isEmpty {
            try OutputGuard.write(Array(text(update.cancelled, method: .cancel).utf8), to: cancelPath)
            written = cancelPath
        }
        let state = Array((JSONText.encode(update.state) + "\n").utf8)
        try OutputGuard.write(state, to: statePath)
        return Written(events: update.events, cancelled: update.cancelled, cancellationPath: written, statePath: statePath)
    }

    static func readState(_ path: String) throws(DiagnosticList) -> CalendarState {
        guard FileManager.default.fileExists(atPath: path) else { return CalendarState() }
        guard let data = FileManager.default.contents(atPath: path), data.count <= 16 << 20,
            let state = try? JSONDecoder().decode(CalendarState.self, from: data)
        else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "A120", "het staatbestand van de agenda is onleesbaar; er is geen agendabestand geschreven",
                    at: SourceLocation(file: path),
                    hint:
                        "verwijder het bestand om opnieuw te beginnen (elke bijeenkomst krijgt dan weer volgnummer 0), of zet het terug uit een reservekopie"
                )
            ])
        }
        return state
    }
}

extension NetworkSession {
    /// The meetings as calendar events. Each keeps its UID (network and number) from one
    /// export to the next, so that importing again updates instead of duplicating.
    ///
    /// Every meeting in the network file is CONFIRMED: the file has no notion of a
    /// proposed meeting (what `lerend plan` proposes is not in it until written with `-o`;
    /// ``calendarWithProposal()`` adds it as TENTATIVE).
    public func calendar() -> CalendarExport {
        calendar(numbers: nil)
    }

    /// The calendar of meeting `number` alone (`lerend calendar --bijeenkomst N`); A106
    /// when the network has no such meeting.
    public func calendar(meeting number: Int) throws(DiagnosticList) -> CalendarExport {
        let known = documentData.meetings.map(documentData.number)
        guard known.contains(number) else {
            let range =
                known.isEmpty
                ? "het netwerk heeft nog geen bijeenkomsten"
                : "het netwerk heeft bijeenkomst \(known.min()!) tot en met \(known.max()!)"
            throw DiagnosticList([
                Diagnostic(.error, id: "A106", "er is geen bijeenkomst \(number); \(range)", at: SourceLocation(file: path))
            ])
        }
        return calendar(numbers: [number])
    }

    /// The calendar with, besides the meetings of the file, those that `lerend plan`
    /// proposes and the file does not have yet, as TENTATIVE (`lerend calendar
    /// --met-voorstel`). Their UID holds the proposed date: once the proposal is written
    /// into the file (`lerend plan -o`) the meeting gets its number and its own UID, and
    /// the next export cancels the proposal.
    public func calendarWithProposal() throws(DiagnosticList) -> CalendarExport {
        let proposal = try planProposal()
        let base = calendar()
        let slug = calendarSlug
        let proposed = proposal.plan.proposed.map { planned -> CalendarEvent in
            let place = planned.location.map { location in
                let postal = [location.postcode, location.place].compactMap { $0 }.joined(separator: " ")
                return [location.name, location.address, postal.isEmpty ? nil : postal].compactMap { $0 }
                    .joined(separator: ", ")
            }
            var description = ["Voorstel van lerend plan, nog niet vastgesteld."]
            if let theme = planned.theme { description.append("Thema: \(theme)") }
            if !planned.preparers.isEmpty {
                description.append("Voorbereiding: " + DutchFormatting.enumeration(planned.preparers, conjunction: "en"))
            }
            if let host = planned.host { description.append("Gastheer: \(host)") }
            return CalendarEvent(
                uid: "\(slug)-voorstel-\(planned.date.iso)@lerend",
                summary: "\(network.name), bijeenkomst \(planned.number) (voorstel)"
                    + (planned.theme.map { ": \($0)" } ?? ""),
                description: description.joined(separator: "\n"), location: place ?? planned.form, date: planned.date,
                start: planned.start, durationMinutes: planned.durationMinutes, status: .tentative,
                attendees: calendarAttendees(base.organizer))
        }
        return CalendarExport(
            events: (base.events + proposed).sorted { ($0.date, $0.uid) < ($1.date, $1.uid) }, organizer: base.organizer,
            session: self)
    }

    private var calendarSlug: String {
        String(network.name.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }

    /// Every participant with a usable address, except the organiser.
    private func calendarAttendees(_ organizer: CalendarPerson?) -> [CalendarPerson] {
        network.participants.compactMap { participant -> CalendarPerson? in
            guard let email = participant.email?.trimmingCharacters(in: .whitespaces), !email.isEmpty,
                ICalendarWriter.mailto(email) != nil, email.lowercased() != organizer?.email.lowercased()
            else { return nil }
            return CalendarPerson(name: participant.name, email: email)
        }
    }

    private func calendar(numbers: Set<Int>?) -> CalendarExport {
        let documents = documentData
        let slug = calendarSlug
        let organizer = contactPerson(documents)
        let attendees = calendarAttendees(organizer)
        let events = documents.meetings.compactMap { meeting -> CalendarEvent? in
            guard let date = meeting.value(atPath: "datum")?.dateValue else { return nil }
            let number = documents.number(meeting)
            if let numbers, !numbers.contains(number) { return nil }
            var event = Self.event(meeting, number: number, date: date, network: network.name, slug: slug)
            event.attendees = attendees
            return event
        }
        return CalendarExport(events: events.sorted { $0.date < $1.date }, organizer: organizer, session: self)
    }

    /// `netwerk.contactpersoon` with a usable e-mail address.
    private func contactPerson(_ documents: DocumentData) -> CalendarPerson? {
        guard
            let email = documents.data.value(atPath: "netwerk.contactpersoon.email")?.stringValue?
                .trimmingCharacters(in: .whitespaces), ICalendarWriter.mailto(email) != nil
        else { return nil }
        let name = documents.data.value(atPath: "netwerk.contactpersoon.naam")?.stringValue ?? ""
        return CalendarPerson(name: name, email: email)
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
