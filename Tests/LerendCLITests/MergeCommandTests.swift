import Foundation
import LerendTestSupport
import Testing

@testable import LerendDocuments

/// `--één-document` and `--samenvoegen`: all records in one file, as an organiser asks.
@Suite(.serialized) struct MergeCommandTests {
    static let data = RenderCommandTests.data

    /// The text of part `name` in the package at `path`.
    static func part(_ name: String, of path: URL) throws -> String {
        let archive = try ZipArchive(path: path.path(percentEncoded: false))
        let entry = try #require(archive.entry(named: name))
        return String(decoding: try archive.contents(of: entry), as: UTF8.self)
    }

    @Test(arguments: ["docx", "odt"])
    func renderPutsEveryParticipantInOneDocument(format: String) throws {
        let folder = try Program.folderWithTemplates()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Program.run(
            [
                "render", "Templates/uitnodiging.\(format)", Self.data, "--per", "deelnemers", "--als", "deelnemer",
                "--één-document", "print/alle uitnodigingen",
            ], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("4 records samengevoegd in print/alle uitnodigingen.\(format) ("))
        let text = try Self.part(
            format == "docx" ? "word/document.xml" : "content.xml",
            of: folder.appending(path: "print/alle uitnodigingen.\(format)"))
        let names = ["Joost van Dijk", "Anouk Bos-Ünal", "Peter de Wit", "Sanne Mulder"]
        let places = names.compactMap { text.range(of: $0)?.lowerBound }
        #expect(places.count == 4 && places == places.sorted(), "each participant, in the order of the data")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.appending(path: "print").path(percentEncoded: false)) == [
                "alle uitnodigingen.\(format)"
            ])
    }

    @Test func aBadRecordIsNamedAndTheOthersStayInTheDocument() throws {
        let folder = try Program.folderWithTemplates()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The second participant has no name.
        let sample = try String(contentsOfFile: Self.data, encoding: .utf8)
        try Data(sample.replacingOccurrences(of: "  - naam: Anouk Bos-Ünal\n", with: "  - bijnaam: Anouk\n").utf8).write(
            to: folder.appending(path: "lijst.yaml"))
        try FileManager.default.copyItem(
            at: Program.repository.appending(path: "samples/uitnodiging/logo.png"), to: folder.appending(path: "logo.png"))
        let arguments = [
            "render", "Templates/uitnodiging.docx", "lijst.yaml", "--per", "deelnemers", "--als", "deelnemer",
            "--een-document", "samen.docx",
        ]
        let result = try Program.run(arguments, in: folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("fout[E201]: 'deelnemer.naam' ontbreekt"), "\(result.errors)")
        let line =
            try #require(
                sample.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("Anouk Bos-Ünal") }) + 1
        #expect(result.errors.contains("bij deelnemers[2], lijst.yaml regel \(line)"))
        #expect(result.errors.contains("1 van 4 records niet samengevoegd; de andere staan erin"))
        #expect(result.output.hasPrefix("3 records samengevoegd in samen.docx"))
        let text = try Self.part("word/document.xml", of: folder.appending(path: "samen.docx"))
        #expect(text.contains("Joost van Dijk") && text.contains("Sanne Mulder") && !text.contains("Beste Anouk"))

        try FileManager.default.removeItem(at: folder.appending(path: "samen.docx"))
        let strict = try Program.run(arguments + ["--alles-of-niets"], in: folder)
        #expect(strict.status == 1)
        #expect(strict.errors.contains("geen document geschreven"))
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "samen.docx").path(percentEncoded: false)))
    }

    @Test func optionsThatDoNotGoTogetherAreRefused() throws {
        let folder = try Program.folderWithTemplates()
        defer { try? FileManager.default.removeItem(at: folder) }
        let withoutEach = try Program.run(["render", "Templates/agenda.odt", Self.data, "--één-document", "a.odt"], in: folder)
        #expect(withoutEach.status == 64)
        #expect(withoutEach.errors.contains("--één-document werkt alleen samen met --per"))
        let both = try Program.run(
            ["render", "Templates/agenda.odt", Self.data, "--per", "deelnemers", "-o", "x", "--one-document", "a.odt"],
            in: folder)
        #expect(both.status == 64)
        #expect(both.errors.contains("geef -o of --één-document, niet allebei"))
    }

    @Test func anEmptyListIsALocatedErrorAndNoDocument() throws {
        let folder = try Program.folderWithTemplates()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("deelnemers: []\n".utf8).write(to: folder.appending(path: "leeg.yaml"))
        let result = try Program.run(
            ["render", "Templates/uitnodiging.odt", "leeg.yaml", "--per", "deelnemers", "--één-document", "samen.odt"],
            in: folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("fout[O022]: --per deelnemers is een lege lijst"), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "samen.odt").path(percentEncoded: false)))
    }

    @Test func exportMergesTheInvitationsOfEachMeeting() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(TestNetworks.network(participants: 5).utf8).write(to: folder.appending(path: "netwerk.yaml"))
        let result = try Program.run(
            [
                "export", "netwerk.yaml", "--document", "uitnodigingen", "--datum", "2026-01-01", "--format", "docx",
                "--samenvoegen", "-o", "uit",
            ], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        let invitations = folder.appending(path: "uit/uitnodigingen")
        let files = try FileManager.default.contentsOfDirectory(atPath: invitations.path(percentEncoded: false)).sorted()
        #expect(files.first == "uitnodigingen bijeenkomst 1.docx")
        #expect(files.allSatisfy { $0.hasPrefix("uitnodigingen bijeenkomst ") && $0.hasSuffix(".docx") })
        #expect(result.output.contains("\(files.count) document"))
        let text = try Self.part("word/document.xml", of: invitations.appending(path: files[0]))
        for number in 1...5 { #expect(text.contains("Deelnemer \(number)")) }
        // Five letters: four section breaks besides the body's own.
        #expect(text.components(separatedBy: "<w:sectPr>").count - 1 == 5)
    }
}
