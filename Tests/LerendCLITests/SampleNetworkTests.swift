import Foundation
import Testing

/// The sample networks give the findings, stages and calendars a reader of the seeds expects.
@Suite struct SampleNetworkTests {
    static func sample(_ name: String) -> String {
        Program.repository.appending(path: "samples/netwerken/\(name)").path(percentEncoded: false)
    }

    @Test func kennizSampleBreaksTheRulesItWasWrittenToBreak() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Program.run(["check", Self.sample("kleinschalig-zuid.yaml"), "--datum", "2026-06-20"], in: folder)
        #expect(result.status == 1, "errors give a non-zero exit status")
        #expect(result.output.contains("Fouten (2)"))
        #expect(result.output.contains("fout[KZ-08]: Bijeenkomst 3 (16 april 2026) duurt 120 minuten"))
        #expect(result.output.contains("fout[KZ-13]: De Boerderij Oisterwijk sloot aan na bijeenkomst 3"))
        #expect(result.output.contains("waarschuwing[KZ-15]: Bijeenkomst 3 (16 april 2026) is online"))
        #expect(result.output.contains("advies[KZ-06]: Er zijn 4 van de 7 bijeenkomsten gepland"))
        #expect(result.output.contains("bron: 004_e84d0e732dadbe71.txt: “Neem voor elke bijeenkomst tenminste 2,5 uur de tijd."))
        #expect(result.output.hasSuffix("2 fouten, 1 waarschuwing en 1 advies\n"))
    }

    @Test func waardigheidEnTrotsSampleIsToldWhichFrameworkAppliesNow() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Program.run(
            ["check", Self.sample("zorg-dichtbij.yaml"), "--datum", "2026-04-01", "--format", "json"], in: folder)
        #expect(result.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let findings = try #require(report["bevindingen"] as? [[String: Any]])
        let ids = findings.compactMap { $0["id"] as? String }
        #expect(ids.contains("WT-09"))
        #expect(ids.contains("kwaliteitskader-2017-periode"))
        let period = try #require(findings.first { $0["id"] as? String == "kwaliteitskader-2017-periode" })
        #expect((period["melding"] as? String)?.contains("Generiek Kompas") == true)
        #expect((report["aantallen"] as? [String: Int])?["fouten"] == 0)
        let located = try #require(findings.first { $0["id"] as? String == "WT-09" })
        #expect((located["plaats"] as? [String: Any])?["regel"] as? Int == 158, "the line of the third meeting")
    }

    @Test func statusNamesTheCurrentStepAndWhatIsNext() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Program.run(["status", Self.sample("zorg-dichtbij.yaml"), "--datum", "2026-04-01"], in: folder)
        #expect(result.status == 0)
        #expect(result.output.contains("▶ Stap 4: Organiseer de eerste bijeenkomst  bezig"))
        #expect(result.output.contains("☐ Noteer wat elke deelnemer komt brengen en halen"))
        #expect(!result.output.contains("\u{1B}["), "no colour when piped")
    }

    @Test func calendarUIDsStayWhenAMeetingMoves() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let network = folder.appending(path: "netwerk.yaml")
        try FileManager.default.copyItem(at: URL(filePath: Self.sample("zorg-dichtbij.yaml")), to: network)
        _ = try Program.run(["calendar", "netwerk.yaml", "--datum", "2026-04-01", "-o", "eerst.ics"], in: folder)
        let moved = try String(contentsOf: network, encoding: .utf8).replacing("datum: 2026-05-19", with: "datum: 2026-05-26")
        try Data(moved.utf8).write(to: network)
        _ = try Program.run(["calendar", "netwerk.yaml", "--datum", "2026-04-02", "-o", "daarna.ics"], in: folder)
        func uids(_ name: String) throws -> [String] {
            try String(contentsOf: folder.appending(path: name), encoding: .utf8).split(separator: "\r\n")
                .filter { $0.hasPrefix("UID:") }.map(String.init)
        }
        #expect(try uids("eerst.ics") == uids("daarna.ics"))
        #expect(try uids("eerst.ics").count == 3)
        let later = try String(contentsOf: folder.appending(path: "daarna.ics"), encoding: .utf8)
        #expect(later.contains("DTSTART;TZID=Europe/Amsterdam:20260526T133000"))
        #expect(later.contains("DTSTAMP:20260402T000000Z"), "a later export has a later stamp, so programs take the update")
    }
}
