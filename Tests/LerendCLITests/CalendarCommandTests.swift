import Foundation
import Testing

/// `lerend calendar` with `--bijeenkomst` and `--met-voorstel`, as an organiser runs it.
@Suite struct CalendarCommandTests {
    static let samples = Program.repository.appending(path: "samples/netwerken")

    func events(_ text: String) -> [String] {
        text.components(separatedBy: "BEGIN:VEVENT").dropFirst().map { $0.components(separatedBy: "END:VEVENT")[0] }
    }

    @Test func oneMeetingGivesARequestForThatMeetingAloneWithAStateFileOfItsOwn() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let network = Self.samples.appending(path: "zorg-dichtbij.yaml").path(percentEncoded: false)
        let result = try Program.run(["calendar", network, "--bijeenkomst", "2", "-o", "bijeenkomst-2.ics"], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        let text = try String(contentsOf: folder.appending(path: "bijeenkomst-2.ics"), encoding: .utf8)
        let events = events(text)
        #expect(events.count == 1)
        #expect(text.contains("METHOD:REQUEST"))
        #expect(events.first?.contains("DTSTART;TZID=Europe/Amsterdam:20260310T") == true)
        #expect(
            FileManager.default.fileExists(atPath: folder.appending(path: "bijeenkomst-2.ics.staat").path(percentEncoded: false)))
        // The same alias in English, and a meeting the network does not have.
        let missing = try Program.run(["calendar", network, "--meeting", "9", "-o", "b9.ics"], in: folder)
        #expect(missing.status == 1)
        #expect(missing.errors.contains("[A106]"))
        #expect(missing.errors.contains("bijeenkomst 1 tot en met 3"))
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "b9.ics").path(percentEncoded: false)))
    }

    @Test func withTheProposalThePlannedMeetingsAreTentativeAndTheFileOnesConfirmed() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let network = Self.samples.appending(path: "kleinschalig-zuid.yaml").path(percentEncoded: false)
        let plain = try Program.run(["calendar", network, "--datum", "2026-01-15", "-o", "jaar.ics"], in: folder)
        #expect(plain.status == 0, "\(plain.errors)")
        let plainEvents = events(try String(contentsOf: folder.appending(path: "jaar.ics"), encoding: .utf8))
        #expect(plainEvents.count == 4)
        #expect(plainEvents.allSatisfy { $0.contains("STATUS:CONFIRMED") })

        let proposed = try Program.run(
            ["calendar", network, "--datum", "2026-01-15", "--met-voorstel", "-o", "voorstel.ics"], in: folder)
        #expect(proposed.status == 0, "\(proposed.errors)")
        let events = events(try String(contentsOf: folder.appending(path: "voorstel.ics"), encoding: .utf8))
        // KenniZ has 7 meetings: the 4 of the file, and 3 the planner proposes.
        #expect(events.count == 7)
        #expect(events.filter { $0.contains("STATUS:CONFIRMED") }.count == 4)
        #expect(events.filter { $0.contains("STATUS:TENTATIVE") }.count == 3)
        let fileUIDs = Set(plainEvents.compactMap { $0.split(separator: "\r\n").first { $0.hasPrefix("UID:") } })
        let proposedUIDs = events.filter { $0.contains("STATUS:TENTATIVE") }
            .compactMap { $0.split(separator: "\r\n").first { $0.hasPrefix("UID:") } }
        #expect(fileUIDs.count == 4)
        #expect(proposedUIDs.allSatisfy { !fileUIDs.contains($0) })
    }
}
