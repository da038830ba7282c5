import Foundation
import Testing

/// `lerend render` as a template author runs it.
@Suite struct RenderCommandTests {
    static let data = Program.repository.appending(path: "samples/uitnodiging/gegevens.yaml").path(percentEncoded: false)

    @Test func mailMergeWritesOneInvitationPerParticipant() throws {
        let folder = try Program.folderWithTemplates()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Program.run(
            [
                "render", "Templates/uitnodiging.docx", Self.data, "--each", "deelnemers", "--as", "deelnemer",
                "-o", "uit", "--name", "uitnodiging {{ deelnemer.naam }}",
            ], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("4 documenten geschreven in uit/"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appending(path: "uit").path(percentEncoded: false))
        #expect(
            files.sorted() == [
                "uitnodiging Anouk Bos-Ünal.docx", "uitnodiging Joost van Dijk.docx",
                "uitnodiging Peter de Wit.docx", "uitnodiging Sanne Mulder.docx",
            ])
    }

    @Test func theLogoIsFoundBesideTheDataFileAndAMissingOneIsLocated() throws {
        let folder = try Program.folderWithTemplates()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try Program.run(
            ["render", "Templates/uitnodiging.odt", Self.data, "--each", "deelnemers", "--as", "deelnemer", "-o", "uit"],
            in: folder)
        #expect(written.status == 0, "\(written.errors)")
        let file = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.appending(path: "uit").path(percentEncoded: false)).first)
        let bytes = try Data(contentsOf: folder.appending(path: "uit/\(file)"))
        let logo = try Data(contentsOf: Program.repository.appending(path: "samples/uitnodiging/logo.png"))
        #expect(bytes.range(of: logo) != nil, "the sample logo is stored in the letter")
        // Data beside which there is no logo.
        let data = try String(contentsOfFile: Self.data, encoding: .utf8)
        try data.write(to: folder.appending(path: "gegevens.yaml"), atomically: true, encoding: .utf8)
        let missing = try Program.run(
            ["render", "Templates/uitnodiging.docx", "gegevens.yaml", "--each", "deelnemers", "--as", "deelnemer", "-o", "uit2"],
            in: folder)
        #expect(missing.status == 1)
        #expect(
            missing.errors.contains(
                "Templates/uitnodiging.docx (koptekst (word/header1.xml), alinea 1, afbeelding): fout[B101]: afbeelding 'logo.png' niet gevonden"
            ), "\(missing.errors)")
    }

    @Test func missingValueStopsTheDocumentWithItsPlace() throws {
        let folder = try Program.folderWithTemplates()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Program.run(["render", "Templates/uitnodiging.odt", Self.data, "-o", "brief.odt"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.errors.contains(
                "Templates/uitnodiging.odt (hoofdtekst, alinea 1): fout[E201]: 'deelnemer' staat niet in de gegevens"))
        #expect(result.errors.contains("hint: bedoel je 'deelnemers'?"))
        #expect(
            !FileManager.default.fileExists(atPath: folder.appending(path: "brief.odt").path(percentEncoded: false)),
            "no half document")
    }

    @Test func neverOverwritesItsOwnInput() throws {
        let folder = try Program.folderWithTemplates()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: Program.repository.appending(path: "Templates/agenda.odt"), to: folder.appending(path: "agenda.odt"))
        let before = try Data(contentsOf: folder.appending(path: "agenda.odt"))
        let result = try Program.run(["render", "agenda.odt", Self.data, "-o", "./agenda.odt"], in: folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("fout[O005]"))
        #expect(try Data(contentsOf: folder.appending(path: "agenda.odt")) == before)
    }

    @Test func parseErrorsAreDutch() throws {
        let folder = try Program.folderWithTemplates()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Program.run(["render"], in: folder)
        #expect(result.status == 64)
        #expect(result.errors.hasPrefix("fout: ontbrekend argument '<sjabloon>'"))
    }
}
