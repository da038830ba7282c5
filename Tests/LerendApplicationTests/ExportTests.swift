import Foundation
import LerendApplication
import LerendCalendar
import LerendDiagnostics
import LerendDocuments
import LerendExpressions
import LerendNetwork
import LerendTestSupport
import Testing

/// The documents of a network, as every front end asks for them.
@Suite struct ExportTests {
    static func session(_ text: String? = nil, home: String = Repository.root) throws -> (NetworkSession, String) {
        let folder = try temporaryFolder()
        let path = folder + "/netwerk.yaml"
        try write(text ?? String(contentsOfFile: Repository.sample("zorg-dichtbij"), encoding: .utf8), to: path)
        return (try NetworkSession.open(path, locator: Repository.locator(home: home), date: referenceDate), folder)
    }

    @Test func oneInvitationPerParticipantPerMeetingWithNamesFromTheFile() throws {
        let (session, folder) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try session.exportPlan(ExportRequest(kinds: [.invitation], format: .docx))
        let batch = try #require(plan.batches.first)
        #expect(batch.kind == .invitation)
        #expect(batch.folder == "uitnodigingen")
        // The contact person (Marieke Jansen, the first participant) signs the invitations
        // and gets none herself (X104); every other participant one per meeting.
        let participants = session.network.participants.count
        let meetings = session.network.meetings.count
        #expect(batch.count == (participants - 1) * meetings)
        #expect(!batch.fileNames.contains { $0.contains("Marieke Jansen") })
        #expect(plan.problems.contains { $0.id == "X104" && $0.message.contains("Marieke Jansen") && $0.severity == .advice })
        let first = try #require(session.network.participants.dropFirst().first)
        #expect(batch.fileNames.contains("uitnodiging bijeenkomst 1 \(first.name).docx"))
        let index = try #require(batch.fileNames.firstIndex(of: "uitnodiging bijeenkomst 1 \(first.name).docx"))
        #expect(batch.labels[index] == "\(first.name), bijeenkomst 1")
        #expect(batch.data(at: index).value(atPath: "deelnemer.naam") == .string(first.name))
    }

    @Test func aParticipantWithoutAddressIsLeftOutWithTheirLineAndTheOthersGoOn() throws {
        let text = TestNetworks.network(participants: 3, email: { $0 == 2 ? nil : "d\($0)@zorg.nl" })
        let (session, folder) = try Self.session(text)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try session.exportPlan(ExportRequest(kinds: [.invitation]))
        #expect(plan.skippedCount == 1)
        let problem = try #require(plan.problems.first { $0.id == "X102" })
        #expect(problem.message == "geen uitnodiging voor Deelnemer 2: Deelnemer 2 heeft geen e-mailadres")
        #expect(problem.location?.line == 16)
        #expect(plan.batches.first?.count == 2)
    }

    @Test func writtenIntoAFolderEachFileWhole() throws {
        let (session, folder) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try session.exportPlan(ExportRequest())
        let result = try DocumentExporter(workers: 2).write(plan, into: folder + "/docs", inputs: [session.path])
        #expect(result.failures.isEmpty, "\(DiagnosticRenderer().render(result.failures))")
        #expect(result.written.count == plan.documentCount)
        #expect(result.written.contains(folder + "/docs/plan van aanpak Lerend netwerk Zorg Dichtbij.odt"))
        for path in result.written { #expect(try Self.isZip(path), "\(path)") }
    }

    @Test func streamedDocumentsAreTheSameBytesAsWrittenOnes() throws {
        let (session, folder) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try session.exportPlan(ExportRequest(kinds: [.agenda, .invitation], meetingNumbers: [2]))
        var streamed: [String: [UInt8]] = [:]
        let failures = DocumentExporter().documents(plan) { streamed[$0.path] = $0.bytes }
        #expect(failures.isEmpty)
        #expect(streamed.count == plan.documentCount)
        let result = try DocumentExporter().write(plan, into: folder + "/docs")
        for path in result.written {
            let relative = String(path.dropFirst((folder + "/docs/").count))
            #expect(streamed[relative] == Array(try Data(contentsOf: URL(filePath: path))), "\(relative)")
        }
    }

    @Test func noDocumentIsWrittenOverAnInput() throws {
        let (session, folder) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try session.exportPlan(ExportRequest(kinds: [.plan]))
        let target = folder + "/docs/" + plan.batches[0].fileNames[0]
        try write("mijn eigen bestand", to: target)
        let result = try DocumentExporter().write(plan, into: folder + "/docs", inputs: [target])
        #expect(result.failures.map(\.id) == ["O005"])
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "mijn eigen bestand")
    }

    @Test func aMissingTemplateNamesEveryPlaceOnceAndTheVariableThatFixesIt() throws {
        let empty = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: empty) }
        try FileManager.default.createDirectory(atPath: empty + "/Plugins", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.plugins + "/kenniz", toPath: empty + "/Plugins/kenniz")
        let (session, folder) = try Self.session(TestNetworks.network(participants: 2), home: empty)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let error = try #require(throws: DiagnosticList.self) { try session.exportPlan(ExportRequest(kinds: [.agenda])) }
        let missing = try #require(error.diagnostics.first)
        #expect(missing.id == "A104")
        #expect(missing.message == "geen sjabloon voor de agenda (.odt) gevonden")
        #expect(missing.hint?.contains("LEREND_HOME") == true)
        #expect(missing.notes == ["gezocht in \(empty)/Templates (LEREND_HOME) naar agenda.odt"])
    }

    @Test func anOwnTemplateInTheOtherFormatSaysWhichToChoose() throws {
        let text = TestNetworks.network(participants: 2).replacing(
            "  contactpersoon:", with: "  sjablonen: {agenda: eigen-agenda.docx}\n  contactpersoon:")
        let (session, folder) = try Self.session(text)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let error = try #require(throws: DiagnosticList.self) { try session.exportPlan(ExportRequest(kinds: [.agenda])) }
        #expect(error.diagnostics.first?.id == "A105")
        #expect(error.diagnostics.first?.location?.line == 4)
    }

    @Test(arguments: ["/etc/passwd.odt", "../buiten.odt", "~/brief.odt", "link/brief.odt"])
    func anOwnTemplateOutsideTheNetworkFolderIsRefused(_ own: String) throws {
        let text = TestNetworks.network(participants: 2).replacing(
            "  contactpersoon:", with: "  sjablonen: {agenda: '\(own)'}\n  contactpersoon:")
        let (session, folder) = try Self.session(text)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A template outside the folder, and a link inside it that leads there.
        let outside = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.copyItem(atPath: Repository.root + "/Templates/agenda.odt", toPath: outside + "/brief.odt")
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: outside)
        let error = try #require(throws: DiagnosticList.self) { try session.exportPlan(ExportRequest(kinds: [.agenda])) }
        #expect(error.diagnostics.map(\.id) == ["A110"])
        #expect(error.diagnostics.first?.message == "het eigen sjabloon '\(own)' ligt buiten de map van het netwerkbestand")
        #expect(error.diagnostics.first?.location?.line == 4)
    }

    @Test func anOwnTemplateInAFolderGivenExplicitlyIsUsed() throws {
        let outside = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.copyItem(atPath: Repository.root + "/Templates/agenda.odt", toPath: outside + "/brief.odt")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = TestNetworks.network(participants: 2).replacing(
            "  contactpersoon:", with: "  sjablonen: {agenda: '\(outside)/brief.odt'}\n  contactpersoon:")
        try write(text, to: folder + "/netwerk.yaml")
        let locator = ResourceLocator(
            environment: ["LEREND_HOME": Repository.root, "HOME": "/nonexistent"], executablePath: nil,
            templateFolders: [outside])
        let session = try NetworkSession.open(folder + "/netwerk.yaml", locator: locator, date: referenceDate)
        let plan = try session.exportPlan(ExportRequest(kinds: [.agenda]))
        #expect(!plan.batches.isEmpty)
    }

    @Test func theCalendarHasAnEventPerMeetingAndIsNeverWrittenEmptyOrOverItsInput() throws {
        let (session, folder) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let calendar = session.calendar()
        #expect(calendar.events.map(\.uid) == (1...3).map { "lerend-netwerk-zorg-dichtbij-bijeenkomst-\($0)@lerend" })
        #expect(throws: DiagnosticList.self) { try calendar.write(to: session.path) }
        try calendar.write(to: folder + "/jaar.ics")
        #expect(try String(contentsOfFile: folder + "/jaar.ics", encoding: .utf8).contains("BEGIN:VCALENDAR"))

        let (empty, other) = try Self.session(TestNetworks.network(participants: 2).components(separatedBy: "bijeenkomsten:")[0])
        defer { try? FileManager.default.removeItem(atPath: other) }
        let error = try #require(throws: DiagnosticList.self) { try empty.calendar().write(to: other + "/leeg.ics") }
        #expect(error.diagnostics.map(\.id) == ["A103"])
        #expect(!FileManager.default.fileExists(atPath: other + "/leeg.ics"))
    }

    static func isZip(_ path: String) throws -> Bool {
        let bytes = try Data(contentsOf: URL(filePath: path))
        return bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }
}
