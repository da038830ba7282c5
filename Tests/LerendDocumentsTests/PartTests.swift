import Foundation
import LerendDiagnostics
import LerendExpressions
import Testing

@testable import LerendDocuments

/// Headers, footers, footnotes, text boxes, and what the package looks like afterwards.
@Suite struct PartTests {
    @Test func docxHeaderFooterAndFootnoteTagsAreFilled() throws {
        let template = try TestPackage.docx(
            body: "<w:p><w:r><w:t>Tekst</w:t></w:r></w:p>",
            header: "<w:p><w:r><w:t>{{ netwerk }}</w:t></w:r></w:p>",
            footer: "<w:p><w:r><w:t>Pagina van {{ afzender }}</w:t></w:r></w:p>",
            footnotes: #"<w:footnote w:id="1"><w:p><w:r><w:t>Bron: {{ bron }}</w:t></w:r></w:p></w:footnote>"#)
        let compiled = try DocumentTemplate(bytes: template, name: "test.docx")
        #expect(Set(compiled.templatedParts).isSuperset(of: ["word/header1.xml", "word/footer1.xml", "word/footnotes.xml"]))
        let document = try DocumentRenderer(template: compiled).render(
            ["netwerk": "Zorg Dichtbij", "afzender": "Marieke", "bron": "Kwaliteitskader"])
        #expect(try TestPackage.part("word/header1.xml", of: document).contains(">Zorg Dichtbij</w:t>"))
        #expect(try TestPackage.part("word/footer1.xml", of: document).contains(">Pagina van Marieke</w:t>"))
        #expect(try TestPackage.part("word/footnotes.xml", of: document).contains(">Bron: Kwaliteitskader</w:t>"))
    }

    @Test func docxTextBoxContentIsFilled() throws {
        let template = try TestPackage.docx(
            body: """
                <w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>\
                <w:p><w:r><w:t>{{ kader }}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>
                """)
        let body = try TestPackage.wordBody(of: TestPackage.render(template, ["kader": "In het kader"]))
        #expect(
            body.contains("<w:txbxContent><w:p><w:r><w:t xml:space=\"preserve\">In het kader</w:t></w:r></w:p></w:txbxContent>"))
    }

    @Test func odtMasterPageHeaderAndTextBoxAreFilled() throws {
        let template = try TestPackage.odt(
            body: """
                <text:p>Tekst<draw:frame draw:name="Kader"><draw:text-box><text:p>{{ kader }}</text:p></draw:text-box></draw:frame></text:p>
                """,
            header: "<text:p>{{ netwerk }}</text:p>", footer: "<text:p>{{ afzender }}</text:p>")
        let document = try TestPackage.render(
            template, ["netwerk": "Zorg Dichtbij", "afzender": "Marieke", "kader": "In het kader"])
        let styles = try TestPackage.part("styles.xml", of: document)
        #expect(styles.contains("<style:header><text:p>Zorg Dichtbij</text:p></style:header>"))
        #expect(styles.contains("<style:footer><text:p>Marieke</text:p></style:footer>"))
        #expect(try TestPackage.odfBody(of: document).contains("<draw:text-box><text:p>In het kader</text:p></draw:text-box>"))
    }

    // The invitations have a picture tag, which rewrites the package (ImageTests).
    @Test(arguments: ["agenda.odt", "agenda.docx"])
    func untouchedPartsAreCopiedRawAndTheOutputIsDeterministic(name: String) throws {
        let templateBytes = try TestPackage.bytes(of: TestPackage.templatePath(name))
        let compiled = try DocumentTemplate(bytes: templateBytes, name: name)
        let data = try SampleData.invitation(for: 0)
        let first = try DocumentRenderer(template: compiled).render(data, options: SampleData.options)
        let second = try DocumentRenderer(template: compiled).render(data, options: SampleData.options)
        #expect(first == second)

        let source = try ZipArchive(bytes: templateBytes)
        let output = try ZipArchive(bytes: first)
        #expect(output.entries.map(\.name) == source.entries.map(\.name))
        for entry in source.entries where !compiled.templatedParts.contains(entry.name) {
            let copied = try #require(output.entry(named: entry.name))
            #expect(copied.compressionMethod == entry.compressionMethod, "\(entry.name) keeps its compression")
            if entry.name != "mimetype" || entry.compressionMethod == 0 {
                #expect(try output.rawContents(of: copied) == source.rawContents(of: entry), "\(entry.name) is copied raw")
            }
        }
        if name.hasSuffix(".odt") {
            let mimetype = try #require(output.entries.first)
            #expect(mimetype.name == "mimetype")
            #expect(mimetype.compressionMethod == 0)
            #expect(try output.contents(of: mimetype) == Array("application/vnd.oasis.opendocument.text".utf8))
            // The bytes at offset 30 are the mimetype itself, as ODF readers check.
            #expect(Array(first[30..<38]) == Array("mimetype".utf8))
        }
    }

    @Test func partsWithALongStartWithoutTagsDeflateOnlyTheRestAndKeepTheirCRC() throws {
        let compiled = try DocumentTemplate(path: TestPackage.templatePath("uitnodiging.odt"))
        let withPrefix = compiled.entries.compactMap { entry -> CompiledPart? in
            if case .compiled(let part) = entry, part.prefix != nil { return part }
            return nil
        }
        #expect(withPrefix.map(\.name).contains("styles.xml"))
        let document = try DocumentRenderer(template: compiled).render(SampleData.invitation(for: 1), options: SampleData.options)
        let archive = try ZipArchive(bytes: document)
        for part in withPrefix {
            let entry = try #require(archive.entry(named: part.name))
            let contents = try archive.contents(of: entry)
            #expect(contents.withUnsafeBytes { Deflater.crc32($0) } == entry.crc32, "\(part.name) has the CRC of its contents")
            #expect(contents.count == entry.size)
            let text = String(decoding: contents, as: UTF8.self)
            #expect(text.hasPrefix("<?xml"))
            #expect(text.contains("Stichting Het Baken") || part.name != "content.xml")
        }
    }

    @Test func templateWithoutTagsGivesAWarning() throws {
        let template = try TestPackage.docx(body: "<w:p><w:r><w:t>Geen tags</w:t></w:r></w:p>")
        let compiled = try DocumentTemplate(bytes: template, name: "leeg.docx")
        #expect(compiled.warnings.map(\.id) == ["T003"])
        #expect(compiled.warnings.first?.message == "het sjabloon bevat geen enkele tag; elk document wordt er een kopie van")
    }
}
