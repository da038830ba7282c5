import LerendExpressions
import Testing

@testable import LerendCalendar

@Suite struct ICalendarWriterTests {
    let writer = ICalendarWriter(
        name: "Lerend netwerk Zorg Dichtbij", stamp: (LocalDate(year: 2026, month: 2, day: 1)!, LocalTime(hour: 9, minute: 0)!))

    let meeting = CalendarEvent(
        uid: "zorg-dichtbij-bijeenkomst-2@lerend", summary: "Bijeenkomst 2: dagbesteding, op maat; samen",
        description: "Thema: dagbesteding\nVoorbereiding: Marieke Jansen en Joost van Dijk",
        location: "Woonzorgcentrum De Linde, Lindelaan 12, 8011 AB Zwolle",
        date: LocalDate(year: 2026, month: 3, day: 10)!, start: LocalTime(hour: 13, minute: 30)!, durationMinutes: 150)

    @Test func eventWithLocalTimesEscapedTextAndCRLF() {
        let text = writer.write([meeting])
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacing("\r\n", with: "").contains("\n"), "every line ends in CRLF")
        #expect(text.contains("\r\nDTSTART;TZID=Europe/Amsterdam:20260310T133000\r\n"))
        #expect(text.contains("\r\nDTEND;TZID=Europe/Amsterdam:20260310T160000\r\n"))
        #expect(text.contains("\r\nDTSTAMP:20260201T090000Z\r\n"))
        #expect(text.contains("\r\nSUMMARY:Bijeenkomst 2: dagbesteding\\, op maat\\; samen\r\n"))
        let unfolded = text.replacing("\r\n ", with: "")
        #expect(unfolded.contains("DESCRIPTION:Thema: dagbesteding\\nVoorbereiding: Marieke Jansen en Joost van Dijk\r\n"))
        #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n"))
    }

    /// Values from a network file that try to add a property or an event of their own.
    @Test(arguments: [
        "Thema\nBEGIN:VEVENT", "Thema\r\nATTENDEE:mailto:x@y.nl", "Thema\rX", "Thema\n\u{301}END:VCALENDAR",
        "Thema\u{2028}SUMMARY:x", "Thema\u{85}SUMMARY:x", "Thema\u{1B}[2J",
    ])
    func noValueStartsALineOfItsOwn(value: String) {
        var event = meeting
        event.summary = value
        event.location = value
        event.description = value
        event.url = "https://meet.example.nl/abc\r\nBEGIN:VEVENT"
        let text = writer.write([event])
        let unfolded = text.replacing("\r\n ", with: "")
        let lines = unfolded.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 1)
        #expect(!lines.contains { $0.hasPrefix("ATTENDEE") || $0.hasPrefix("END:VCALENDAR") && $0 != "END:VCALENDAR" })
        #expect(lines.filter { $0.hasPrefix("SUMMARY:") }.count == 1)
        #expect(!lines.contains { $0.hasPrefix("URL:") }, "an address with a line break is no URI")
        #expect(
            !unfolded.replacing("\r\n", with: "").unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(unfolded.contains("SUMMARY:Thema"))
    }

    @Test func anOrdinaryAddressIsTheURL() {
        var event = meeting
        event.url = "https://meet.example.nl/lerend-netwerk?id=12"
        #expect(writer.write([event]).contains("\r\nURL:https://meet.example.nl/lerend-netwerk?id=12\r\n"))
        event.url = "javascript:alert(1)"
        #expect(!writer.write([event]).contains("URL:"))
    }

    @Test func sameInputGivesTheSameFile() {
        #expect(writer.write([meeting]) == writer.write([meeting]))
    }

    @Test func longLinesAreFoldedAt75BytesWithoutSplittingACharacter() {
        let long = String(repeating: "één twee ", count: 20)
        let folded = ICalendarWriter.fold("DESCRIPTION:" + long)
        let lines = folded.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count > 1)
        for line in lines { #expect(line.utf8.count <= 75) }
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        let unfolded = lines[0] + lines.dropFirst().map { String($0.dropFirst()) }.joined()
        #expect(unfolded == "DESCRIPTION:" + long)
    }

    @Test func eventPastMidnightEndsTheNextDay() {
        var late = meeting
        late.start = LocalTime(hour: 23, minute: 0)!
        late.durationMinutes = 90
        #expect(late.end.date == LocalDate(year: 2026, month: 3, day: 11)!)
        #expect(late.end.time == LocalTime(hour: 0, minute: 30)!)
    }
}
