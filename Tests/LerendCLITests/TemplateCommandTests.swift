import Foundation
import Testing

@testable import LerendDocuments

/// `lerend sjabloon` as a template author runs it before filling a template.
@Suite struct TemplateCommandTests {
    static func paragraph(_ text: String) -> String { "<text:p>\(text)</text:p>" }

    /// An ODT template in `folder` whose body is `paragraphs`, made from the real invitation.
    static func template(_ paragraphs: [String], in folder: URL, name: String = "brief.odt") throws -> String {
        let source = Program.repository.appending(path: "Templates/uitnodiging.odt")
        let archive = try ZipArchive(bytes: [UInt8](try Data(contentsOf: source)))
        let namespaces = String(
            decoding: try archive.contents(of: #require(archive.entry(named: "content.xml"))), as: UTF8.self
        ).components(separatedBy: "<office:body>")[0]
        let content =
            namespaces + "<office:body><office:text>" + paragraphs.map(paragraph).joined()
            + "</office:text></office:body></office:document-content>"
        var styles = String(
            decoding: try archive.contents(of: #require(archive.entry(named: "styles.xml"))), as: UTF8.self)
        for element in ["style:header", "style:footer"] {
            let start = try #require(styles.range(of: "<\(element)>"))
            let end = try #require(styles.range(of: "</\(element)>"))
            styles.replaceSubrange(start.upperBound..<end.lowerBound, with: "<text:p>Lerend</text:p>")
        }
        let parts = ["content.xml": content, "styles.xml": styles]
        var writer = ZipWriter()
        let deflater = Deflater()
        for entry in archive.entries {
            let contents = try parts[entry.name].map { Array($0.utf8) } ?? archive.contents(of: entry)
            if entry.name == "mimetype" {
                let crc = contents.withUnsafeBytes { Deflater.crc32($0) }
                try writer.add(
                    ZipWriter.prepare(name: entry.rawName, method: 0, crc32: crc, size: contents.count, data: contents))
            } else {
                try contents.withUnsafeBytes { try writer.add(name: entry.rawName, contents: $0, deflater: deflater) }
            }
        }
        try writer.finish()
        try Data(writer.bytes).write(to: folder.appending(path: name))
        return name
    }

    static let letter = [
        "Beste {{ deelnemer.naam | hoofdletter }},",
        "{% for d in deelnemers %}{{ d.naam }}{% if d.gastheer %} (gastheer){% endif %}{% endfor %}",
    ]

    @Test func showsTheFieldsAListAConditionAndTheFilters() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = try Self.template(Self.letter, in: folder)
        let result = try Program.run(["sjabloon", name], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        #expect(
            result.output.contains(
                """
                Velden
                  deelnemer
                    naam  [hoofdtekst, alinea 1]
                  deelnemers[] (lijst)  [hoofdtekst, alinea 2]
                    naam  [hoofdtekst, alinea 2]
                    gastheer (alleen in voorwaarden)  [hoofdtekst, alinea 2]

                Lusvariabelen
                  d in deelnemers  [hoofdtekst, alinea 2]

                Functies en filters
                  hoofdletter  [hoofdtekst, alinea 1]
                """), "\(result.output)")
    }

    @Test func errorsAreLocatedAndExitWithOne() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = try Self.template(["{{ naam | hoofdleter }}", "{% for p in punten %}"], in: folder)
        let result = try Program.run(["sjabloon", name, "Templates-bestaat-niet.odt"], in: folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("brief.odt (hoofdtekst, alinea 1): fout[E104]: onbekende filter 'hoofdleter'"))
        #expect(result.errors.contains("    |           ^~~~~~~~~~"))
        #expect(result.errors.contains("brief.odt (hoofdtekst, alinea 2): fout[T101]: {% for %} wordt niet afgesloten"))
        #expect(result.errors.contains("Templates-bestaat-niet.odt"))
        #expect(result.output.isEmpty)
    }

    @Test func jsonHasTheSameTree() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = try Self.template(Self.letter, in: folder)
        let result = try Program.run(["sjabloon", name, "--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let template = try #require((json["sjablonen"] as? [[String: Any]])?.first)
        #expect(template["sjabloon"] as? String == "brief.odt")
        let fields = try #require(template["velden"] as? [[String: Any]])
        #expect(fields.map { $0["pad"] as? String } == ["deelnemer", "deelnemers"])
        #expect(fields[1]["lijst"] as? Bool == true)
        let elements = try #require(fields[1]["velden"] as? [[String: Any]])
        #expect(elements.map { $0["pad"] as? String } == ["deelnemers[].naam", "deelnemers[].gastheer"])
        #expect(elements[1]["alleen_voorwaarden"] as? Bool == true)
        #expect((template["functies"] as? [[String: Any]])?.map { $0["naam"] as? String } == ["hoofdletter"])
        #expect((template["lusvariabelen"] as? [[String: Any]])?.first?["naam"] as? String == "d")
    }

    @Test func dataFileWithAMissingField() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = try Self.template(Self.letter, in: folder)
        try """
        deelnemer:
          naam: anouk
        deelnemers:
          - naam: Joost
          - voornaam: Sanne
        """.write(to: folder.appending(path: "gegevens.yaml"), atomically: true, encoding: .utf8)
        let result = try Program.run(["sjabloon", name, "--gegevens", "gegevens.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.errors.contains(
                "brief.odt (hoofdtekst, alinea 2): fout[E201]: 'deelnemers[2].naam' staat niet in de gegevens"),
            "\(result.errors)")
        #expect(result.output.contains("gegevens.yaml: 1 veld ontbreekt"))
        #expect(
            !FileManager.default.fileExists(atPath: folder.appending(path: "brief-ingevuld.odt").path(percentEncoded: false)))
    }

    @Test func dataFileForAMailMergeIsCheckedPerRecord() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = try Self.template(["Beste {{ deelnemer.naam }} van {{ deelnemer.organisatie }},"], in: folder)
        try """
        deelnemers:
          - naam: Joost
            organisatie: Zonnehuis
          - naam: Sanne
          - naam: Peter
        """.write(to: folder.appending(path: "gegevens.yaml"), atomically: true, encoding: .utf8)
        let result = try Program.run(
            ["sjabloon", name, "--data", "gegevens.yaml", "--each", "deelnemers", "--as", "deelnemer"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.errors.contains(
                """
                brief.odt (hoofdtekst, alinea 1): fout[E201]: 'deelnemer.organisatie' staat niet in de gegevens
                   opmerking: bij deelnemers[2], deelnemers[3]
                """), "\(result.errors)")
        #expect(result.output.contains("gegevens.yaml: 1 veld ontbreekt"))
    }

    @Test func tagsWithTheirPlaces() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = try Self.template(Self.letter, in: folder)
        let result = try Program.run(["sjabloon", name, "--tags"], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        #expect(
            result.output.hasSuffix(
                """

                Tags
                  hoofdtekst, alinea 1, kolom 7: {{ deelnemer.naam | hoofdletter }}
                  hoofdtekst, alinea 2, kolom 1: {% for d in deelnemers %}
                  hoofdtekst, alinea 2, kolom 26: {{ d.naam }}
                  hoofdtekst, alinea 2, kolom 38: {% if d.gastheer %}

                """), "\(result.output)")
    }
}
