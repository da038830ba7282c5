import Dispatch
import Foundation
import LerendApplication
import LerendDiagnostics
import LerendNetwork
import Synchronization
import Testing

/// Changes on disk: versions against lost updates, history, restore, locks, new files.
@Suite struct NetworkDocumentTests {
    static let network = """
        # Ons netwerk
        netwerk:
          naam: Netwerk
          plugin: kenniz
        organisaties:
          - naam: A
        deelnemers:
          - naam: Anna
            organisatie: A

        """

    func folderWithNetwork() throws -> (folder: String, path: String) {
        let folder = try temporaryFolder()
        let path = folder + "/netwerk.yaml"
        try write(Self.network, to: path)
        return (folder, path)
    }

    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    func name(_ value: String) -> NetworkEdit { .set(NetworkPath("netwerk.naam")!, value) }

    @Test func aVersionIsTheHashAndSizeOfTheBytes() {
        let version = FileVersion(of: Array("a".utf8))
        #expect(version.description == "af63dc4c8601ec8c-1")
        #expect(FileVersion("af63dc4c8601ec8c-1") == version)
        #expect(FileVersion(of: Array("b".utf8)) != version)
        for bad in ["", "af63dc4c8601ec8c", "xyz-1", "af63dc4c8601ec8c--1"] { #expect(FileVersion(bad) == nil) }
    }

    @Test func aChangeKeepsThePreviousVersionAndThePermissions() throws {
        let (folder, path) = try folderWithNetwork()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let original = bytes(path)
        let document = try NetworkDocument.open(path)
        let change = try NetworkDocument.apply([name("Nieuw")], to: path, expecting: document.version)
        #expect(String(decoding: bytes(path)!, as: UTF8.self) == Self.network.replacing("naam: Netwerk", with: "naam: Nieuw"))
        #expect(change.document.version == FileVersion(of: Array(bytes(path)!)))
        let previous = try #require(change.previous)
        #expect(previous.path.hasPrefix(OutputGuard.canonical(folder) + "/.geschiedenis/netwerk.yaml/"))
        #expect(bytes(previous.path) == original)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".lerend") }
        #expect(leftovers.isEmpty)
        // An edit that changes nothing writes nothing and keeps no version.
        let same = try NetworkDocument.apply([name("Nieuw")], to: path, expecting: change.document.version)
        #expect(same.previous == nil)
        #expect(change.document.history.entries().count == 1)
    }

    @Test func aChangeToAFileThatChangedSinceItWasOpenedIsRefused() throws {
        let (folder, path) = try folderWithNetwork()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = try NetworkDocument.open(path)
        // Someone else saves the file in the meantime.
        try write(Self.network.replacing("naam: A", with: "naam: A\n    plaats: Zwolle"), to: path)
        let saved = bytes(path)
        do throws(DiagnosticList) {
            _ = try NetworkDocument.apply([name("Nieuw")], to: path, expecting: page.version)
            Issue.record("a lost update was written")
        } catch {
            #expect(error.diagnostics.map(\.id) == ["A140"])
            #expect(error.diagnostics[0].message == "het bestand is veranderd sinds je de pagina opende; laad opnieuw")
            #expect(error.diagnostics[0].location?.file == path)
        }
        #expect(bytes(path) == saved)
        #expect(page.history.entries().isEmpty)
    }

    @Test func anInvalidChangeLeavesTheFileAsItWas() throws {
        let (folder, path) = try folderWithNetwork()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = bytes(path)
        let document = try NetworkDocument.open(path)
        let participant = NetworkEntry(texts: [("naam", "Bo"), ("organisatie", "Onbekend")])
        do throws(DiagnosticList) {
            _ = try NetworkDocument.apply(
                [.append(NetworkPath("deelnemers")!, participant)], to: path, expecting: document.version)
            Issue.record("an unknown organisation was written")
        } catch {
            #expect(error.diagnostics.map(\.id) == ["N112"])
        }
        #expect(bytes(path) == original)
        #expect(document.history.entries().isEmpty)
    }

    @Test func anEarlierVersionIsRestoredAndTheCurrentOneKept() throws {
        let (folder, path) = try folderWithNetwork()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = bytes(path)
        var version = try NetworkDocument.open(path).version
        for value in ["Twee", "Drie"] {
            version = try NetworkDocument.apply([name(value)], to: path, expecting: version).document.version
        }
        let history = NetworkHistory(of: path)
        let entries = history.entries()
        #expect(entries.count == 2)
        #expect(bytes(entries[1].path) == original, "newest first")
        let restored = try NetworkDocument.restore(entries[1].id, of: path, expecting: version)
        #expect(bytes(path) == original)
        #expect(String(decoding: bytes(try #require(restored.previous).path)!, as: UTF8.self).contains("naam: Drie"))
        #expect(history.entries().count == 3)
        #expect(throws: DiagnosticList.self) {
            try NetworkDocument.restore("20000101-000000-1", of: path, expecting: restored.document.version)
        }
    }

    @Test func theHistoryKeepsTheNewestFiftyAndNeverOverwritesOne() throws {
        let (folder, path) = try folderWithNetwork()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Versions of earlier days.
        let history = NetworkHistory(of: path)
        try FileManager.default.createDirectory(atPath: history.folder, withIntermediateDirectories: true)
        for day in 1...(NetworkHistory.kept + 5) {
            let name = String(format: "2025%02d%02d-120000-1.yaml", (day - 1) / 28 + 1, (day - 1) % 28 + 1)
            try write("# oud \(day)\n", to: history.folder + "/" + name)
        }
        var version = try NetworkDocument.open(path).version
        for number in 1...3 {
            version = try NetworkDocument.apply([name("Netwerk \(number)")], to: path, expecting: version).document.version
        }
        let entries = history.entries()
        #expect(entries.count == NetworkHistory.kept)
        #expect(Set(entries.map(\.id)).count == entries.count)
        #expect(
            entries.prefix(3).map { String(decoding: bytes($0.path)!, as: UTF8.self).contains("naam: Netwerk") } == [
                true, true, true,
            ])
        #expect(String(decoding: bytes(entries[0].path)!, as: UTF8.self).contains("naam: Netwerk 2\n"), "newest first")
        #expect(String(decoding: bytes(entries[2].path)!, as: UTF8.self) == Self.network)
        // The oldest went; the ones of the same second got numbers of their own.
        let ids = entries.map(\.id)
        #expect(
            ids
                == ids.sorted {
                    (String($0.prefix(15)), Int($0.split(separator: "-")[2])!) > (
                        String($1.prefix(15)), Int($1.split(separator: "-")[2])!
                    )
                })
    }

    @Test func ofTwoWritersWithTheSameVersionOnlyOneWins() throws {
        let (folder, path) = try folderWithNetwork()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let version = try NetworkDocument.open(path).version
        let outcomes = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { number in
            do throws(DiagnosticList) {
                _ = try NetworkDocument.apply([name("Schrijver \(number)")], to: path, expecting: version)
                outcomes.withLock { $0.append("ok \(number)") }
            } catch {
                outcomes.withLock { $0.append(error.diagnostics.first?.id ?? "?") }
            }
        }
        let all = outcomes.withLock { $0 }
        let winners = all.filter { $0.hasPrefix("ok ") }
        #expect(winners.count == 1, "\(all)")
        #expect(all.filter { $0 == "A140" }.count == 7, "\(all)")
        let winner = winners[0].dropFirst(3)
        #expect(String(decoding: bytes(path)!, as: UTF8.self).contains("naam: Schrijver \(winner)\n"))
        #expect(NetworkHistory(of: path).entries().count == 1)
    }

    @Test func newFileNamesAreMadeSafe() {
        let cases: [(String, String?)] = [
            ("Zorg Dichtbij!", "zorg-dichtbij.yaml"), ("../../etc/passwd", "etc-passwd.yaml"), (".verborgen", "verborgen.yaml"),
            ("Één netwerk", "een-netwerk.yaml"), ("netwerk.yaml", "netwerk.yaml"), ("/", nil), ("..", nil), ("", nil),
            ("a/b\\c", "a-b-c.yaml"), ("🙂", nil), ("con", "netwerk-con.yaml"),
            (String(repeating: "x", count: 300), String(repeating: "x", count: 80) + ".yaml"),
            ("naam\u{0}met nul", "naam-met-nul.yaml"),
        ]
        for (name, expected) in cases { #expect(NetworkDocument.fileName(for: name) == expected, "\(name)") }
    }

    @Test func aNewFileIsWrittenOnlyWhenItsNameIsFree() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fields = NetworkEntry([
            ("naam", .text("Zorg: Dichtbij")), ("doel", .text("Samen leren.")), ("themas", .list(["Dagbesteding", "Familie"])),
        ])
        let document = try NetworkDocument.create(in: folder, name: "../Zorg Dichtbij", network: fields, plugin: "kenniz")
        #expect(document.path == folder + "/zorg-dichtbij.yaml")
        #expect(
            document.text == """
                # Het netwerkbestand van Zorg: Dichtbij, begonnen met Lerend.
                # Dit bestand is de bron: de webapp en 'lerend wijzig' veranderen alleen wat je wijzigt,
                # en bewaren de vorige versie in .geschiedenis/zorg-dichtbij.yaml/.

                netwerk:
                  naam: "Zorg: Dichtbij"
                  plugin: kenniz
                  doel: Samen leren.
                  themas: [Dagbesteding, Familie]

                """)
        #expect(String(decoding: bytes(document.path)!, as: UTF8.self) == document.text)
        #expect(try document.load().network.name == "Zorg: Dichtbij")
        try write("# van iemand anders\n", to: folder + "/ander.yaml")
        do throws(DiagnosticList) {
            _ = try NetworkDocument.create(in: folder, name: "Ander", network: fields, plugin: "kenniz")
            Issue.record("an existing file was replaced")
        } catch {
            #expect(error.diagnostics.map(\.id) == ["A144"])
        }
        #expect(String(decoding: bytes(folder + "/ander.yaml")!, as: UTF8.self) == "# van iemand anders\n")
        #expect(throws: DiagnosticList.self) {
            try NetworkDocument.create(in: folder, name: "../..", network: fields, plugin: "kenniz")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["ander.yaml", "zorg-dichtbij.yaml"])
    }
}
