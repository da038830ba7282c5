import Foundation
import LerendTestSupport
import Testing

/// `lerend importeer` shows the mapping and every row, and writes only where asked.
@Suite struct ImportCommandTests {
    static let sample = Program.repository.appending(path: "samples/netwerken/zorg-dichtbij.yaml")

    /// A CSV as Excel on a Dutch Windows saves it: `;`, Windows-1252, CRLF.
    static let csv: [UInt8] = {
        let text =
            "Naam;Functie;Organisatie;E-mailadres;Opmerking\r\n"
            + "René Öztürk;Teamleider;Zorggroep De Linde;r.ozturk@delinde.nl;“komt later” – €0\r\n"
            + ";;;;\r\n"
            + "Els Smit;;Zorggroep Elders;e.smit@elders.nl;\r\n"
            + "Marieke Jansen;;Zorggroep De Linde;;\r\n"
        let table: [Unicode.Scalar: UInt8] = ["€": 0x80, "“": 0x93, "”": 0x94, "–": 0x96]
        return text.unicodeScalars.map { table[$0] ?? UInt8($0.value) }
    }()

    @Test func previewThenACopyThatLoads() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let network = folder.appending(path: "netwerk.yaml")
        try FileManager.default.copyItem(at: Self.sample, to: network)
        try Data(Self.csv).write(to: folder.appending(path: "deelnemers.csv"))
        let before = try Data(contentsOf: network)

        let preview = try Program.run(["importeer", "netwerk.yaml", "deelnemers.csv"], in: folder)
        #expect(preview.status == 0, "\(preview.errors)")
        #expect(preview.output.contains("deelnemers.csv: deelnemers"))
        #expect(preview.output.contains("kolom D 'E-mailadres' → email"))
        #expect(preview.output.contains("kolom E 'Opmerking' → (niet gebruikt)"))
        #expect(preview.output.contains("rij 2: naam: René Öztürk · functie: Teamleider · organisatie: Zorggroep De Linde"))
        #expect(preview.output.contains("rij 4 (overgeslagen)"))
        #expect(preview.errors.contains("deelnemers.csv (rij 4, kolom C): fout[I212]: onbekende organisatie 'Zorggroep Elders'"))
        #expect(preview.errors.contains("fout[I213]: de deelnemer 'Marieke Jansen' staat al in het netwerkbestand"))
        #expect(preview.output.contains("1 rij klaar om toe te voegen, 2 rijen met problemen overgeslagen"))
        #expect(try Data(contentsOf: network) == before)

        let refused = try Program.run(["importeer", "netwerk.yaml", "deelnemers.csv", "-o", "netwerk.yaml"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("fout[O004]: -o wijst naar het netwerkbestand zelf"))
        #expect(try Data(contentsOf: network) == before)

        let written = try Program.run(
            [
                "importeer", "netwerk.yaml", "deelnemers.csv", "--soort", "deelnemers", "-o", "kopie.yaml", "--datum",
                "2026-03-01",
            ],
            in: folder)
        #expect(written.status == 0, "\(written.errors)")
        #expect(written.output.contains("geschreven: kopie.yaml (1 deelnemer toegevoegd)"))
        #expect(try Data(contentsOf: network) == before, "the network file is not touched")
        let copy = try String(contentsOf: folder.appending(path: "kopie.yaml"), encoding: .utf8)
        #expect(copy.contains("  # geïmporteerd uit deelnemers.csv op 2026-03-01\n  - naam: René Öztürk\n"))

        let original = try Program.run(["check", "netwerk.yaml", "--datum", "2026-03-01"], in: folder)
        let check = try Program.run(["check", "kopie.yaml", "--datum", "2026-03-01"], in: folder)
        #expect(check.status == original.status, "the copy loads: \(check.errors)")
        #expect(!check.errors.contains("fout[N") && !check.errors.contains("fout[D"), "\(check.errors)")
    }

    @Test func xlsxWithAChosenColumnIntoTheNetworkFileItself() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let network = folder.appending(path: "netwerk.yaml")
        try FileManager.default.copyItem(at: Self.sample, to: network)
        let rows: [[TestSpreadsheets.Cell]] = [
            [.text("Organisatie"), .text("Woonplaats"), .text("Cliënten"), .text("Aangesloten")],
            [.text("Zorgcentrum De Horst"), .text("Ommen"), .number(75), .number(2)],
        ]
        try Data(TestSpreadsheets.xlsx(rows)).write(to: folder.appending(path: "organisaties.xlsx"))
        let result = try Program.run(
            [
                "importeer", "netwerk.yaml", "organisaties.xlsx", "--kolom", "Aangesloten=aangesloten_na_bijeenkomst",
                "--overschrijven",
            ],
            in: folder)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("organisaties.xlsx: organisaties"))
        #expect(result.output.contains("kolom D 'Aangesloten' → aangesloten_na_bijeenkomst"))
        #expect(result.output.contains("geschreven: netwerk.yaml (1 organisatie toegevoegd)"))
        let text = try String(contentsOf: network, encoding: .utf8)
        #expect(
            text.contains(
                "  - naam: Zorgcentrum De Horst\n    aantal_clienten: 75\n    plaats: Ommen\n    aangesloten_na_bijeenkomst: 2\n"
            ))
        let check = try Program.run(["check", "netwerk.yaml", "--datum", "2026-03-01"], in: folder)
        #expect(!check.errors.contains("fout[N") && !check.errors.contains("fout[D"), "\(check.errors)")

        let bad = try Program.run(["importeer", "netwerk.yaml", "organisaties.xlsx", "--kolom", "Woonplaats=stad"], in: folder)
        #expect(bad.status == 1)
        #expect(bad.errors.contains("fout[I203]: een organisatie heeft geen veld 'stad'"))
    }
}
