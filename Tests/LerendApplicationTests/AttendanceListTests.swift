import Foundation
import LerendApplication
import LerendExpressions
import LerendNetwork
import LerendTestSupport
import Testing

@testable import LerendDocuments

/// The attendance list: one per year, a row per participant, a column per meeting.
@Suite struct AttendanceListTests {
    /// Five participants, two meetings in 2026 and two in 2027.
    static let network =
        TestNetworks.network(participants: 5) + """
              - datum: 2026-06-09
                begintijd: "13:30"
                duur_minuten: 150
                gastheer: Organisatie 2
                thema: Zingeving
              - datum: 2027-02-02
                begintijd: "13:30"
                duur_minuten: 150
                gastheer: Organisatie 3
              - datum: 2027-04-06
                begintijd: "13:30"
                duur_minuten: 150
                gastheer: Organisatie 4

            """

    static func part(_ name: String, of bytes: [UInt8]) throws -> String {
        let archive = try ZipArchive(bytes: bytes)
        let entry = try #require(archive.entry(named: name))
        return String(decoding: try archive.contents(of: entry), as: UTF8.self)
    }

    @Test func oneListPerYearWithEveryMeetingOfThatYear() throws {
        let (session, folder) = try ExportTests.session(Self.network)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try session.exportPlan(ExportRequest(kinds: [.attendanceList], format: .docx))
        let batch = try #require(plan.batches.first)
        #expect(batch.kind == .attendanceList)
        #expect(batch.fileNames == ["presentielijst Netwerk Test 2026.docx", "presentielijst Netwerk Test 2027.docx"])
        #expect(batch.labels == ["presentielijst 2026", "presentielijst 2027"])
        let data = batch.data(at: 1)
        #expect(data.value(atPath: "presentielijst.jaar") == .int(2027))
        #expect(data.value(atPath: "bijeenkomsten")?.listValue?.compactMap { $0.value(atPath: "nummer") } == [.int(3), .int(4)])
        // By organisation in the order of the file: participant N works at Organisatie N % 6 + 1.
        let rows = try #require(data.value(atPath: "presentielijst.deelnemers")?.listValue)
        #expect(rows.compactMap { $0.value(atPath: "organisatie")?.stringValue } == (2...6).map { "Organisatie \($0)" })
        let organisations = try #require(data.value(atPath: "organisaties")?.listValue)
        #expect(organisations.map { $0.value(atPath: "deelnemers")?.listValue?.count } == [0, 1, 1, 1, 1, 1])
    }

    @Test(arguments: [DocumentFormat.docx, .odt])
    func theDefaultTemplateHasAColumnPerMeetingAndARowPerParticipant(_ format: DocumentFormat) throws {
        let (session, folder) = try ExportTests.session(Self.network)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try session.exportPlan(ExportRequest(kinds: [.attendanceList], format: format))
        let batch = try #require(plan.batches.first)
        let bytes = try DocumentRenderer(template: batch.template).render(batch.data(at: 0))
        let xml = try Self.part(format == .docx ? "word/document.xml" : "content.xml", of: bytes)
        for number in 1...5 { #expect(xml.contains("Deelnemer \(number)<")) }
        #expect(xml.contains("Presentielijst") && xml.contains("2026"))
        #expect(!xml.contains("{%") && !xml.contains("{{"))
        // Name, function and a column per meeting of 2026 (two).
        if format == .docx {
            #expect(xml.components(separatedBy: "<w:gridCol ").count - 1 == 4)
        } else {
            #expect(xml.components(separatedBy: "<table:table-column ").count - 1 == 4)
        }
    }
}
