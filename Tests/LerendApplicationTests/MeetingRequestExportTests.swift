import Foundation
import LerendApplication
import LerendCalendar
import LerendDiagnostics
import LerendExpressions
import Testing

/// The calendar of a network as a meeting request, rerun, changed and shortened.
@Suite struct MeetingRequestExportTests {
    static let sample = Repository.sample("zorg-dichtbij")

    func open(_ text: String, in folder: String) throws -> NetworkSession {
        try write(text, to: folder + "/netwerk.yaml")
        return try NetworkSession.open(folder + "/netwerk.yaml", locator: Repository.locator(), date: referenceDate)
    }

    func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).replacing("\r\n ", with: "").split(separator: "\r\n").map(String.init)
    }

    func sequences(_ path: String) throws -> [String] {
        try lines(path).filter { $0.hasPrefix("SEQUENCE:") }
    }

    @Test func theCalendarIsARequestFromTheContactPersonToEveryParticipantWithAnAddress() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let session = try open(text, in: folder)
        try session.calendar().write(to: folder + "/jaar.ics")
        let lines = try lines(folder + "/jaar.ics")
        #expect(lines.contains("METHOD:REQUEST"))
        #expect(lines.filter { $0 == "ORGANIZER;CN=Marieke Jansen:mailto:m.jansen@zorggroepdelinde.nl" }.count == 3)
        let attendees = lines.filter { $0.hasPrefix("ATTENDEE;") }
        // Six participants with an address, less the contact person, in each of three meetings.
        #expect(attendees.count == 5 * 3)
        #expect(attendees.allSatisfy { $0.contains(";CN=") && $0.contains(";RSVP=TRUE") })
        #expect(attendees.contains { $0.hasPrefix("ATTENDEE;CN=Anouk Bos-Ünal;") && $0.hasSuffix(":mailto:a.bos@hetbaken.nl") })
        #expect(!attendees.contains { $0.contains("m.jansen@") })
        #expect(lines.contains("BEGIN:VTIMEZONE"))
        #expect(lines.filter { $0.hasPrefix("DTSTART;TZID=Europe/Amsterdam:") }.count == 3)
        #expect(lines.filter { $0 == "STATUS:CONFIRMED" }.count == 3)
        #expect(try sequences(folder + "/jaar.ics") == ["SEQUENCE:0", "SEQUENCE:0", "SEQUENCE:0"])
        #expect(FileManager.default.fileExists(atPath: folder + "/jaar.ics.staat"))
    }

    @Test func theSequenceStaysOnARerunRisesOnAChangeAndAGoneMeetingIsCancelled() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = folder + "/uit/jaar.ics"
        try FileManager.default.createDirectory(atPath: folder + "/uit", withIntermediateDirectories: true)
        let text = try String(contentsOfFile: Self.sample, encoding: .utf8)
        try open(text, in: folder).calendar().write(to: output)
        let first = try String(contentsOfFile: output, encoding: .utf8)
        let state = try String(contentsOfFile: output + ".staat", encoding: .utf8)

        let rerun = try open(text, in: folder).calendar().write(to: output)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == first, "same data, same file")
        #expect(try String(contentsOfFile: output + ".staat", encoding: .utf8) == state)
        #expect(rerun.cancelled.isEmpty)

        // Meeting 2 starts later, meeting 3 moves to another place.
        let changed = text.replacing(
            "    begintijd: \"13:30\"\n    duur_minuten: 150\n    vorm: fysiek",
            with: "    begintijd: \"14:00\"\n    duur_minuten: 150\n    vorm: fysiek"
        )
        .replacing("Ankerweg 20", with: "Ankerweg 22")
        #expect(changed != text)
        try open(changed, in: folder).calendar().write(to: output)
        #expect(try sequences(output) == ["SEQUENCE:0", "SEQUENCE:1", "SEQUENCE:1"])
        try open(changed, in: folder).calendar().write(to: output)
        #expect(try sequences(output) == ["SEQUENCE:0", "SEQUENCE:1", "SEQUENCE:1"])

        // Meeting 3 is gone.
        let start = try #require(changed.range(of: "  - datum: 2026-05-19"))
        let end = try #require(changed.range(of: "besluiten:"))
        let shorter = String(changed[..<start.lowerBound]) + String(changed[end.lowerBound...])
        let written = try open(shorter, in: folder).calendar().write(to: output)
        #expect(written.cancellationPath == folder + "/uit/jaar-afgelast.ics")
        let cancel = try lines(folder + "/uit/jaar-afgelast.ics")
        #expect(cancel.contains("METHOD:CANCEL"))
        #expect(cancel.contains("STATUS:CANCELLED"))
        #expect(cancel.contains("UID:lerend-netwerk-zorg-dichtbij-bijeenkomst-3@lerend"))
        #expect(cancel.contains("SEQUENCE:2"))
        #expect(cancel.contains { $0.hasPrefix("ORGANIZER;CN=Marieke Jansen:") })
        #expect(cancel.filter { $0.hasPrefix("ATTENDEE;") }.count == 5)
        #expect(try sequences(output) == ["SEQUENCE:0", "SEQUENCE:1"])
        #expect(try open(shorter, in: folder).calendar().write(to: output).cancelled.isEmpty, "cancelled once")
    }

    @Test func oneMeetingsRequestAndAnUnknownNumber() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try open(try String(contentsOfFile: Self.sample, encoding: .utf8), in: folder)
        let calendar = try session.calendar(meeting: 2)
        #expect(calendar.events.map(\.uid) == ["lerend-netwerk-zorg-dichtbij-bijeenkomst-2@lerend"])
        try calendar.write(to: folder + "/bijeenkomst-2.ics")
        #expect(try lines(folder + "/bijeenkomst-2.ics").filter { $0.hasPrefix("ATTENDEE;") }.count == 5)
        let error = try #require(throws: DiagnosticList.self) { try session.calendar(meeting: 9) }
        #expect(error.diagnostics.map(\.id) == ["A106"])
    }

    @Test func proposedMeetingsAreTentativeAndTheMeetingsOfTheFileConfirmed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try open(try String(contentsOfFile: Self.sample, encoding: .utf8), in: folder)
        let calendar = try session.calendarWithProposal()
        let proposed = calendar.events.filter { $0.status == .tentative }
        #expect(!proposed.isEmpty)
        #expect(proposed.allSatisfy { $0.uid.contains("-voorstel-") && $0.attendees.count == 5 })
        #expect(calendar.events.filter { $0.status == .confirmed }.count == 3)
        try calendar.write(to: folder + "/jaar.ics")
        let lines = try lines(folder + "/jaar.ics")
        #expect(lines.filter { $0 == "STATUS:TENTATIVE" }.count == proposed.count)
        #expect(lines.filter { $0 == "STATUS:CONFIRMED" }.count == 3)
    }

    @Test func anUnreadableStateFileIsReportedAndNothingIsWritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try open(try String(contentsOfFile: Self.sample, encoding: .utf8), in: folder)
        try write("{ kapot", to: folder + "/jaar.ics.staat")
        let error = try #require(throws: DiagnosticList.self) { try session.calendar().write(to: folder + "/jaar.ics") }
        #expect(error.diagnostics.map(\.id) == ["A120"])
        #expect(!FileManager.default.fileExists(atPath: folder + "/jaar.ics"))
    }
}
