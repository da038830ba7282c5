import Foundation
import Testing

/// `lerend wijzig` and `lerend geschiedenis`, run as an organiser runs them.
@Suite struct EditCommandTests {
    static let sample = Program.repository.appending(path: "samples/netwerken/zorg-dichtbij.yaml")

    @Test func aChangeIsWrittenKeptInTheHistoryAndRestored() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let network = folder.appending(path: "net.yaml")
        try FileManager.default.copyItem(at: Self.sample, to: network)
        let before = try String(contentsOf: network, encoding: .utf8)

        let empty = try Program.run(["geschiedenis", "net.yaml"], in: folder)
        #expect(empty.status == 0, "\(empty.errors)")
        #expect(empty.output == "net.yaml heeft nog geen eerdere versies\n")

        let result = try Program.run(["wijzig", "net.yaml", "netwerk.naam=Nieuw", "organisaties[1].plaats=Zwolle"], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("gewijzigd: net.yaml (2 wijzigingen)\nvorige versie: "))
        let after = try String(contentsOf: network, encoding: .utf8)
        #expect(
            after
                == before.replacing("  naam: Lerend netwerk Zorg Dichtbij\n", with: "  naam: Nieuw\n").replacing(
                    "\n    plaats: Deventer\n", with: "\n    plaats: Zwolle\n"))

        let list = try Program.run(["geschiedenis", "net.yaml"], in: folder)
        #expect(list.status == 0)
        let lines = list.output.split(separator: "\n")
        #expect(lines.first == "Eerdere versies van net.yaml, de nieuwste eerst:")
        let id = try #require(lines.dropFirst().first?.split(separator: " ").first.map(String.init))
        #expect(list.output.contains("terugzetten: lerend geschiedenis net.yaml --herstel \(id)"))

        let restore = try Program.run(["geschiedenis", "net.yaml", "--herstel", id], in: folder)
        #expect(restore.status == 0, "\(restore.errors)")
        #expect(restore.output.hasPrefix("teruggezet: net.yaml is weer versie \(id)\n"))
        #expect(try String(contentsOf: network, encoding: .utf8) == before)
        let history = try FileManager.default.contentsOfDirectory(atPath: folder.appending(path: ".geschiedenis/net.yaml").path)
        #expect(history.filter { $0.hasSuffix(".yaml") }.count == 2)
    }

    @Test func aChangeThatMakesTheFileInvalidIsRefusedAndNothingIsWritten() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let network = folder.appending(path: "net.yaml")
        try FileManager.default.copyItem(at: Self.sample, to: network)
        let before = try Data(contentsOf: network)

        let date = try Program.run(["wijzig", "net.yaml", "netwerk.voorkeuren.start=2026-02-30"], in: folder)
        #expect(date.status == 1)
        #expect(date.errors.contains("net.yaml:26:12: fout[N105]"), "\(date.errors)")
        let path = try Program.run(["wijzig", "net.yaml", "organisaties[9].plaats=X"], in: folder)
        #expect(path.status == 1)
        #expect(path.errors.contains("fout[N142]: 'organisaties[9]' bestaat niet: de lijst heeft 5 elementen"), "\(path.errors)")
        let bad = try Program.run(["wijzig", "net.yaml", "netwerk"], in: folder)
        #expect(bad.status == 1)
        #expect(bad.errors.contains("fout[N140]"))
        let none = try Program.run(["wijzig", "net.yaml"], in: folder)
        #expect(none.status != 0)
        #expect(try Data(contentsOf: network) == before)
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: ".geschiedenis/net.yaml/").path + "x"))
        let restore = try Program.run(["geschiedenis", "net.yaml", "--herstel", "20260101-000000-1"], in: folder)
        #expect(restore.status == 1)
        #expect(restore.errors.contains("fout[A142]"))
    }
}
