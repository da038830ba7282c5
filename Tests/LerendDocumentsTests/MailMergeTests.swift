import Foundation
import LerendDiagnostics
import LerendExpressions
import Synchronization
import Testing

@testable import LerendDocuments

/// One document per record: bad records are reported, the others written, nothing half.
@Suite struct MailMergeTests {
    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appending(path: "lerend-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path(percentEncoded: false)
    }

    static let template: DocumentTemplate = {
        let bytes = try! TestPackage.docx(body: "<w:p><w:r><w:t>Beste {{ d.voornaam }} van {{ d.organisatie }}</w:t></w:r></w:p>")
        return try! DocumentTemplate(bytes: bytes, name: "brief.docx")
    }()

    static let records: [Value] = [
        ["naam": "Anna de Vries", "voornaam": "Anna", "organisatie": "De Linde"],
        ["naam": "Bo/Ünal: 😀", "voornaam": "Bo", "organisatie": "Het Baken"],
        ["naam": "Cas", "organisatie": "'t Anker"],
        ["naam": "anna de vries", "voornaam": "Anna", "organisatie": "De Linde"],
        ["naam": "..", "voornaam": "Dirk", "organisatie": "Zonnehuis"],
    ]

    func merge(workers: Int) throws -> (report: MailMerge.Report, failures: [MailMerge.Failure], directory: String) {
        let directory = try Self.temporaryDirectory()
        let pattern = try TextTemplate("brief {{ d.naam }}")
        let prepared = MailMerge.jobs(
            records: Self.records, shared: ["netwerk": "Zorg Dichtbij"], binding: "d", pattern: pattern, defaultStem: "brief",
            fileExtension: "docx")
        let report = MailMerge(template: Self.template, directory: directory, workers: workers).run(prepared.jobs)
        return (report, prepared.failures + report.failures, directory)
    }

    @Test(arguments: [1, 2])
    func badRecordInTheMiddleDoesNotStopTheOthers(workers: Int) throws {
        let (report, failures, directory) = try merge(workers: workers)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(failures.map(\.label) == ["record 3"])
        #expect(failures.first?.diagnostics.first?.message == "'d.voornaam' ontbreekt: 'd' heeft geen veld 'voornaam'")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(
            files == ["brief.docx", "brief Anna de Vries.docx", "brief Bo_Ünal.docx", "brief anna de vries (2).docx"].sorted())
        #expect(report.written.count == 4)
        #expect(!files.contains { $0.hasSuffix(".tmp") }, "no temporary file is left")
    }

    @Test func rerunningGivesTheSameBytes() throws {
        let first = try merge(workers: 2)
        let second = try merge(workers: 1)
        defer {
            try? FileManager.default.removeItem(atPath: first.directory)
            try? FileManager.default.removeItem(atPath: second.directory)
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: first.directory) {
            let a = try Data(contentsOf: URL(filePath: first.directory + "/" + name))
            let b = try Data(contentsOf: URL(filePath: second.directory + "/" + name))
            #expect(a == b, "\(name) differs between runs")
        }
    }

    @Test func leftoversOfAKilledRunAreRemovedAndNothingHalfIsVisible() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A run killed between writing and renaming leaves only a temporary file.
        let leftover = directory + "/\(AtomicFile.temporaryPrefix)abc123.tmp"
        _ = FileManager.default.createFile(atPath: leftover, contents: Data("half".utf8))
        let prepared = MailMerge.jobs(
            records: [Self.records[0]], shared: [:], binding: "d", pattern: nil, defaultStem: "brief", fileExtension: "docx")
        let report = MailMerge(template: Self.template, directory: directory).run(prepared.jobs)
        #expect(report.written == [directory + "/brief-1.docx"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["brief-1.docx"])
    }

    @Test func onlyTemporaryFilesOfRunsThatEndedAreLeftovers() throws {
        let ended = Process()
        ended.executableURL = URL(filePath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        #expect(TemporaryFiles.isLeftover(".lerend-\(ended.processIdentifier)-abc123.tmp"))
        #expect(!TemporaryFiles.isLeftover(".lerend-\(getpid())-abc123.tmp"), "this run's own")
        #expect(!TemporaryFiles.isLeftover(".lerend-1-abc123.tmp"), "a run still going")
        #expect(TemporaryFiles.isLeftover(".lerend-abc123.tmp"), "an older Lerend's")
        #expect(!TemporaryFiles.isLeftover("brief.tmp"))
        #expect(TemporaryFiles.prefix == ".lerend-\(getpid())-")
    }

    @Test func fieldsOfTheRecordOverTheSharedDataWithoutBinding() {
        let data = MailMerge.recordData(["naam": "Anna"], shared: ["naam": "gedeeld", "netwerk": "Zorg"], binding: nil)
        #expect(data == ["naam": "Anna", "netwerk": "Zorg"])
    }

    @Test(arguments: [2, 3])
    func progressIsReportedOneCallAtATimeAndInOrder(workers: Int) throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let count = 300
        let jobs = (0..<count).map { index in
            MailMerge.Job(data: ["d": Self.records[0]], fileName: "brief-\(index).docx", label: "record \(index + 1)")
        }
        let probe = ProgressProbe()
        let report = MailMerge(template: Self.template, directory: directory, workers: workers).run(jobs) { probe.record($0) }
        #expect(report.failures.isEmpty)
        #expect(probe.calls.load(ordering: .sequentiallyConsistent) == count)
        #expect(probe.overlaps.load(ordering: .sequentiallyConsistent) == 0, "two calls of the callback at once")
        #expect(probe.outOfOrder.load(ordering: .sequentiallyConsistent) == 0, "a count that is not one more than the last")
        #expect(probe.last.load(ordering: .sequentiallyConsistent) == count)
    }
}

/// A progress callback that notices when it is entered while another call is still
/// running, or gets a count that is not one more than the previous one.
final class ProgressProbe: Sendable {
    let inside = Atomic<Int>(0)
    let overlaps = Atomic<Int>(0)
    let outOfOrder = Atomic<Int>(0)
    let last = Atomic<Int>(0)
    let calls = Atomic<Int>(0)

    func record(_ done: Int) {
        if inside.add(1, ordering: .sequentiallyConsistent).newValue > 1 {
            overlaps.add(1, ordering: .sequentiallyConsistent)
        }
        if last.exchange(done, ordering: .sequentiallyConsistent) != done - 1 {
            outOfOrder.add(1, ordering: .sequentiallyConsistent)
        }
        // Give another thread the chance to come in while this call is still running.
        for _ in 0..<20 { sched_yield() }
        calls.add(1, ordering: .sequentiallyConsistent)
        inside.subtract(1, ordering: .sequentiallyConsistent)
    }
}
