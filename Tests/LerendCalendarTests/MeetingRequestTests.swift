import LerendExpressions
import Testing

@testable import LerendCalendar

@Suite struct MeetingRequestTests {
    let organizer = CalendarPerson(name: "Marieke Jansen", email: "m.jansen@zorg.nl")
    let stamp = (LocalDate(year: 2026, month: 2, day: 1)!, LocalTime(hour: 9, minute: 0)!)

    func meeting(attendees: [CalendarPerson]) -> CalendarEvent {
        CalendarEvent(
            uid: "zorg-bijeenkomst-1@lerend", summary: "Bijeenkomst 1", location: "De Linde, Zwolle",
            date: LocalDate(year: 2026, month: 3, day: 10)!, start: LocalTime(hour: 13, minute: 30)!, durationMinutes: 150,
            attendees: attendees)
    }

    func lines(_ text: String) -> [String] {
        text.replacing("\r\n ", with: "").split(separator: "\r\n").map(String.init)
    }

    @Test func aRequestHasTheOrganizerAndOneAttendeePerInvitedParticipant() {
        let attendees = [
            CalendarPerson(name: "Joost van Dijk", email: "j.vandijk@zorg.nl"),
            CalendarPerson(name: "Bos, Anouk", email: "a.bos@zorg.nl"), organizer,
        ]
        let writer = ICalendarWriter(name: "Zorg", stamp: stamp, method: .request, organizer: organizer)
        let lines = lines(writer.write([meeting(attendees: attendees)]))
        #expect(lines.contains("METHOD:REQUEST"))
        #expect(lines.contains("ORGANIZER;CN=Marieke Jansen:mailto:m.jansen@zorg.nl"))
        let attendeeLines = lines.filter { $0.hasPrefix("ATTENDEE") }
        #expect(
            attendeeLines == [
                "ATTENDEE;CN=Joost van Dijk;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:j.vandijk@zorg.nl",
                "ATTENDEE;CN=\"Bos, Anouk\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:a.bos@zorg.nl",
            ], "the organiser is no attendee of her own request")
        #expect(lines.contains("SEQUENCE:0"))
        #expect(lines.contains("STATUS:CONFIRMED"))
        #expect(lines.contains("BEGIN:VTIMEZONE"))
        #expect(lines.contains("DTSTART;TZID=Europe/Amsterdam:20260310T133000"))
    }

    @Test func aTentativeMeetingAndACancellation() {
        var event = meeting(attendees: [])
        event.status = .tentative
        let request = ICalendarWriter(name: "Zorg", stamp: stamp, method: .request, organizer: organizer)
        #expect(lines(request.write([event])).contains("STATUS:TENTATIVE"))
        let cancel = ICalendarWriter(name: "Zorg", stamp: stamp, method: .cancel, organizer: organizer)
        let cancelled = lines(cancel.write([event]))
        #expect(cancelled.contains("METHOD:CANCEL"))
        #expect(cancelled.contains("STATUS:CANCELLED"))
    }

    @Test func withoutAnOrganizerTheFileIsAPlainCalendar() {
        let writer = ICalendarWriter(name: "Zorg", stamp: stamp, method: .request, organizer: nil)
        let lines = lines(writer.write([meeting(attendees: [organizer])]))
        #expect(lines.contains("METHOD:PUBLISH"))
        #expect(!lines.contains { $0.hasPrefix("ATTENDEE") || $0.hasPrefix("ORGANIZER") })
    }

    /// Names and addresses from a network file that try to add a parameter or a line.
    @Test(arguments: [
        ("Anna\r\nATTENDEE:mailto:x@y.nl", "a@zorg.nl"), ("Anna\";RSVP=FALSE;X=\"", "a@zorg.nl"),
        ("Anna", "a@zorg.nl\r\nATTENDEE:mailto:x@y.nl"), ("Anna", "a@zorg.nl;RSVP=FALSE"), ("Anna", "a@zorg.nl:x"),
    ])
    func noNameOrAddressAddsAParameterOrALine(name: String, email: String) {
        let writer = ICalendarWriter(name: "Zorg", stamp: stamp, method: .request, organizer: organizer)
        let text = writer.write([meeting(attendees: [CalendarPerson(name: name, email: email)])])
        let lines = lines(text)
        #expect(!text.replacing("\r\n", with: "").unicodeScalars.contains { $0.value < 0x20 })
        let attendees = lines.filter { $0.hasPrefix("ATTENDEE") }
        #expect(attendees.count <= 1)
        for line in attendees {
            #expect(line.hasSuffix(":mailto:a@zorg.nl"))
            #expect(line.filter { $0 == "\"" }.count % 2 == 0)
            // Outside the quoted name there is one RSVP parameter: the writer's own.
            #expect(line.replacing(/"[^"]*"/, with: "").ranges(of: "RSVP=").count == 1)
        }
    }

    @Test func theSequenceIsStableForTheSameDataAndRisesWhenTheMeetingChanges() {
        let first = CalendarState().update([meeting(attendees: [])])
        #expect(first.events.map(\.sequence) == [0])
        #expect(first.cancelled.isEmpty)
        let again = first.state.update([meeting(attendees: [])])
        #expect(again.events.map(\.sequence) == [0])
        #expect(again.state == first.state)

        var moved = meeting(attendees: [])
        moved.start = LocalTime(hour: 14, minute: 0)!
        let later = again.state.update([moved])
        #expect(later.events.map(\.sequence) == [1])
        moved.location = "Het Baken, Deventer"
        let elsewhere = later.state.update([moved])
        #expect(elsewhere.events.map(\.sequence) == [2])
        #expect(elsewhere.state.update([moved]).events.map(\.sequence) == [2])
    }

    @Test func aMeetingThatIsGoneIsCancelledOnceWithAHigherSequence() {
        let first = CalendarState().update([meeting(attendees: [organizer])])
        let gone = first.state.update([])
        #expect(gone.cancelled.map(\.uid) == ["zorg-bijeenkomst-1@lerend"])
        #expect(gone.cancelled.map(\.sequence) == [1])
        #expect(gone.cancelled.map(\.status) == [.cancelled])
        #expect(gone.cancelled.first?.attendees == [organizer])
        #expect(gone.state.update([]).cancelled.isEmpty, "a rerun does not cancel again")
        let back = gone.state.update([meeting(attendees: [organizer])])
        #expect(back.events.map(\.sequence) == [2], "a meeting that returns is newer than its cancellation")
    }
}
