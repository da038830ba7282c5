import Foundation
import LerendTestSupport
import Testing

@testable import LerendDocuments

/// The invitation batch of `lerend export`, run as an organiser runs it.
@Suite(.serialized) struct ExportBatchTests {
    @Test func badParticipantInTheMiddleIsReportedAndTheOthersAreWritten() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = TestNetworks.network(participants: 5, email: { $0 == 3 ? nil : "d\($0)@zorg.nl" })
        try Data(text.utf8).write(to: folder.appending(path: "netwerk.yaml"))
        let result = try Program.run(
            ["export", "netwerk.yaml", "--document", "uitnodigingen", "--datum", "2026-01-01", "-o", "uit"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.errors.contains("fout[X102]: geen uitnodiging voor Deelnemer 3: Deelnemer 3 heeft geen e-mailadres"),
            "\(result.errors)")
        #expect(result.errors.contains("netwerk.yaml:"))
        let files = try FileManager.default.contentsOfDirectory(
            atPath: folder.appending(path: "uit/uitnodigingen").path(percentEncoded: false))
        #expect(files.sorted() == [1, 2, 4, 5].map { "uitnodiging bijeenkomst 1 Deelnemer \($0).odt" })
    }

    @Test func namesBecomeSafeAndStayDistinct() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = [1: "Anna/Bo", 2: "Anna:Bo", 3: "../etc", 4: "Fatima 😀 El Amrani", 5: "Ölçer, Jan"]
        try Data(TestNetworks.network(participants: 5, names: { names[$0]! }).utf8).write(
            to: folder.appending(path: "netwerk.yaml"))
        let result = try Program.run(
            ["export", "netwerk.yaml", "--document", "uitnodigingen", "--datum", "2026-01-01", "-o", "uit"], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        let files = try FileManager.default.contentsOfDirectory(
            atPath: folder.appending(path: "uit/uitnodigingen").path(percentEncoded: false))
        #expect(
            Set(files) == [
                "uitnodiging bijeenkomst 1 Anna_Bo.odt", "uitnodiging bijeenkomst 1 Anna_Bo (2).odt",
                "uitnodiging bijeenkomst 1 ._etc.odt", "uitnodiging bijeenkomst 1 Fatima El Amrani.odt",
                "uitnodiging bijeenkomst 1 Ölçer, Jan.odt",
            ])
    }

    /// Waits until `folder` holds `count` finished documents (not counting the temporary
    /// files of those being written), at most 30 s: a loaded machine reads the
    /// 3,000-participant network slowly.
    static func waitFor(_ count: Int, filesIn folder: String) {
        for _ in 0..<3000 {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            if names.count(where: { !$0.hasSuffix(".tmp") }) >= count { return }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedExportRemovesItsTemporaryFiles(_ signal: Int32) throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(TestNetworks.network(participants: 3000).utf8).write(to: folder.appending(path: "netwerk.yaml"))
        let output = folder.appending(path: "uit/uitnodigingen").path(percentEncoded: false)
        let process = try Program.start(
            ["export", "netwerk.yaml", "--document", "uitnodigingen", "--datum", "2026-01-01", "-o", "uit"], in: folder)
        Self.waitFor(50, filesIn: output)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the export ended by the signal, not by finishing")
        #expect(process.terminationStatus == signal)
        let left = try FileManager.default.contentsOfDirectory(atPath: output)
        #expect(left.count < 3000, "interrupted before the end")
        #expect(left.allSatisfy { $0.hasSuffix(".odt") }, "no temporary file stays: \(left.filter { !$0.hasSuffix(".odt") })")
    }

    @Test func twoExportsIntoOneFolderBothFinish() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(TestNetworks.network(participants: 600).utf8).write(to: folder.appending(path: "netwerk.yaml"))
        let arguments = ["export", "netwerk.yaml", "--document", "uitnodigingen", "--datum", "2026-01-01", "-o", "uit"]
        let first = try Program.start(arguments, in: folder)
        let second = try Program.start(arguments, in: folder)
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(second.terminationStatus == 0)
        let files = try FileManager.default.contentsOfDirectory(
            atPath: folder.appending(path: "uit/uitnodigingen").path(percentEncoded: false))
        #expect(files.count == 600)
        #expect(files.allSatisfy { $0.hasSuffix(".odt") })
    }

    @Test func exportKilledHalfwayLeavesNoHalfFileAndARerunGivesTheSameBytes() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(TestNetworks.network(participants: 3000).utf8).write(to: folder.appending(path: "netwerk.yaml"))
        let arguments = [
            "export", "netwerk.yaml", "--document", "uitnodigingen", "--datum", "2026-01-01", "-o", "uit",
            "--workers", "1",
        ]
        let output = folder.appending(path: "uit/uitnodigingen").path(percentEncoded: false)
        let process = try Program.start(arguments, in: folder)
        // Kill it once it has written some documents, but not all.
        Self.waitFor(50, filesIn: output)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output)
        let documents = leftovers.filter { $0.hasSuffix(".odt") }
        #expect(documents.count >= 50 && documents.count < 3000, "killed after \(documents.count) documents")
        for name in documents {
            // Every visible document is whole: its zip directory reads and every part inflates.
            let archive = try ZipArchive(path: output + "/" + name)
            for entry in archive.entries { _ = try archive.contents(of: entry) }
        }
        #expect(leftovers.allSatisfy { $0.hasSuffix(".odt") || ($0.hasPrefix(".lerend-") && $0.hasSuffix(".tmp")) })
        let before = try Data(contentsOf: URL(filePath: output + "/" + documents.sorted()[0]))

        let rerun = try Program.run(arguments, in: folder)
        #expect(rerun.status == 0, "\(rerun.errors)")
        let after = try FileManager.default.contentsOfDirectory(atPath: output)
        #expect(after.count == 3000)
        #expect(!after.contains { $0.hasSuffix(".tmp") }, "the rerun removed the leftovers")
        #expect(try Data(contentsOf: URL(filePath: output + "/" + documents.sorted()[0])) == before, "same bytes")
    }
}
