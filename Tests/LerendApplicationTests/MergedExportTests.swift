import Foundation
import LerendApplication
import LerendDiagnostics
import LerendDocuments
import LerendNetwork
import Testing

/// `--samenvoegen`: the plan knows which documents go in one file, the exporter writes them.
@Suite struct MergedExportTests {
    @Test func invitationsMergePerMeetingAndAgendasIntoOne() throws {
        let (session, folder) = try ExportTests.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try session.exportPlan(ExportRequest(format: .docx))
        let plans = plan.batches.filter { $0.kind == .plan }
        #expect(plans.count == 1 && plans.allSatisfy { $0.merges.isEmpty }, "the plan is one document already")

        let agendas = try #require(plan.batches.first { $0.kind == .agenda })
        #expect(agendas.merges.map(\.fileName) == ["agendas Lerend netwerk Zorg Dichtbij.docx"])
        #expect(agendas.merges.first?.indices == Array(0..<agendas.count))

        let invitations = try #require(plan.batches.first { $0.kind == .invitation })
        let meetings = session.network.meetings.count
        #expect(invitations.merges.map(\.fileName) == (1...meetings).map { "uitnodigingen bijeenkomst \($0).docx" })
        #expect(invitations.merges.map(\.label) == (1...meetings).map { "uitnodigingen van bijeenkomst \($0)" })
        // Every invitation in exactly one merged file: the one of its meeting.
        let merged = invitations.merges.flatMap(\.indices)
        #expect(merged.sorted() == Array(0..<invitations.count))
        for (number, merge) in invitations.merges.enumerated() {
            #expect(merge.indices.allSatisfy { invitations.labels[$0].hasSuffix(", bijeenkomst \(number + 1)") })
        }

        let result = try DocumentExporter().writeMerged(plan, into: folder + "/docs", inputs: [session.path])
        #expect(result.failures.isEmpty, "\(DiagnosticRenderer().render(result.failures))")
        // A file per merge, and the kinds that are not merged (the plan, the attendance list) as always.
        let expected = plan.batches.reduce(0) { $0 + ($1.merges.isEmpty ? $1.count : $1.merges.count) }
        #expect(expected == plans.count + 1 + meetings + (plan.batches.first { $0.kind == .attendanceList }?.count ?? 0))
        #expect(result.written.count == expected)
        #expect(result.written.contains(folder + "/docs/uitnodigingen/uitnodigingen bijeenkomst 1.docx"))
        #expect(result.written.contains(folder + "/docs/agendas Lerend netwerk Zorg Dichtbij.docx"))
        for path in result.written { #expect(FileManager.default.fileExists(atPath: path)) }
    }
}
