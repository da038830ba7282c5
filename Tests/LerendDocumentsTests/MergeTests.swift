import Foundation
import LerendDiagnostics
import LerendExpressions
import Testing

@testable import LerendDocuments

/// All records in one document: each on a new page, with its section, headers and
/// lists of its own, and ids unique across the records.
@Suite struct MergeTests {
    static func values(of attribute: String, in xml: String) -> [String] {
        RepeatedIdentifierTests.values(of: attribute, in: xml)
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func wordRecordsKeepTheirSectionHeadersAndRestartTheirLists() throws {
        let template = try DocumentTemplate(bytes: MergePackages.wordLetter(landscape: true), name: "brief.docx")
        let (report, path, merged) = try MergePackages.merge(template)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        StructureTests.keep(try #require(merged), as: "samengevoegd-word.docx")
        #expect(report.mergedCount == 3 && report.failures.isEmpty && report.written)
        let bytes = try #require(merged)
        let document = try TestPackage.part("word/document.xml", of: bytes)

        // Every record's paragraphs, in order, and no extra paragraph for the breaks.
        let texts = StructureTests.texts(document).filter { $0.hasPrefix("Beste") }
        #expect(texts == MergePackages.names.map { "Beste \($0)," })
        #expect(Self.count("<w:p ", in: document) + Self.count("<w:p>", in: document) == 15)
        // Two section breaks in the last paragraph of the first two records, and the body's
        // own: each a landscape page with the header and footer.
        let sections = document.matches(of: /<w:sectPr>.*?<\/w:sectPr>/).map { String($0.output) }
        #expect(sections.count == 3)
        for section in sections {
            #expect(section.contains(#"w:orient="landscape""#))
            #expect(section.contains("w:footerReference"))
        }
        #expect(Self.count("<w:pPr><w:sectPr>", in: document) == 2, "the last record ends plainly")
        #expect(sections.dropFirst().allSatisfy { $0.contains(#"<w:pgNumType w:start="1"/>"#) })

        // Lists: record 1 keeps lists 1 and 2; records 2 and 3 get new ones that start again.
        let lists = Self.values(of: "w:val", in: document.matches(of: /<w:numId [^>]*>/).map { String($0.output) }.joined())
        #expect(lists == ["1", "1", "3", "3", "4", "5", "5", "6"])
        let numbering = try TestPackage.part("word/numbering.xml", of: bytes)
        let nums = numbering.matches(of: /<w:num w:numId="(\d+)">(.*?)<\/w:num>/).map {
            (String($0.output.1), String($0.output.2))
        }
        #expect(nums.map(\.0) == ["1", "2", "3", "4", "5", "6"])
        for (id, body) in nums.dropFirst(2) {
            let abstract = ["3": "0", "4": "1", "5": "0", "6": "1"][id]!
            #expect(body.contains(#"<w:abstractNumId w:val="\#(abstract)"/>"#))
            let expected =
                abstract == "0"
                ? [
                    #"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>"#,
                    #"<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride>"#,
                ]
                : [#"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>"#]
            for override in expected { #expect(body.contains(override), "\(id): \(body)") }
        }

        // Ids: paragraph ids (body and headers), bookmark ids and names unique.
        let headers = try (["word/header1.xml", "word/header1-2.xml", "word/header1-3.xml"]).map {
            try TestPackage.part($0, of: bytes)
        }
        let paraIds = Self.values(of: "w14:paraId", in: document + headers.joined())
        #expect(paraIds.count == 18 && Set(paraIds).count == 18)
        #expect(paraIds.allSatisfy { UInt32($0, radix: 16).map { $0 < 0x8000_0000 } ?? false })
        let textIds = Self.values(of: "w14:textId", in: document)
        #expect(textIds.count == 15 && Set(textIds).count == 15)
        let bookmarkIds = document.matches(of: /<w:bookmarkStart w:id="(\d+)"/).map { String($0.output.1) }
        #expect(Set(bookmarkIds).count == 3)
        #expect(document.matches(of: /<w:bookmarkEnd w:id="(\d+)"/).map { String($0.output.1) } == bookmarkIds)
        #expect(Self.values(of: "w:name", in: document) == ["aanhef", "aanhef_r2", "aanhef_r3"])

        // The header names each record; the footer is the same for all and stays one part.
        let relationships = try TestPackage.part("word/_rels/document.xml.rels", of: bytes)
        let targets = Dictionary(
            uniqueKeysWithValues: relationships.matches(of: /Id="([^"]+)" Type="[^"]+" Target="([^"]+)"/).map {
                (String($0.output.1), String($0.output.2))
            })
        let headerTargets = document.matches(of: /<w:headerReference w:type="default" r:id="([^"]+)"\/>/).map {
            targets[String($0.output.1)]
        }
        #expect(headerTargets == ["header1.xml", "header1-2.xml", "header1-3.xml"])
        for (header, name) in zip(headers, MergePackages.names) { #expect(header.contains("Brief aan \(name)")) }
        #expect(
            Set(document.matches(of: /<w:footerReference w:type="default" r:id="([^"]+)"\/>/).map { String($0.output.1) }) == [
                "rId4"
            ])
        let types = try TestPackage.part("[Content_Types].xml", of: bytes)
        #expect(types.contains(#"PartName="/word/header1-3.xml""#))
        if MergePackages.hasCheckDocument { #expect(try MergePackages.checkDocument(path) == nil) }
    }

    @Test func openDocumentRecordsStartOnNewPagesAndRestartTheirLists() throws {
        let template = try DocumentTemplate(bytes: MergePackages.openDocumentLetter(landscape: true), name: "brief.odt")
        let (report, path, merged) = try MergePackages.merge(template)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let bytes = try #require(merged)
        StructureTests.keep(bytes, as: "samengevoegd-libreoffice.odt")
        #expect(report.mergedCount == 3)
        let content = try TestPackage.part("content.xml", of: bytes)
        let body = try TestPackage.odfBody(of: bytes)

        // Records 2 and 3 start with a paragraph style that breaks to a page of their own.
        let starts = body.matches(of: /<text:p text:style-name="([^"]+)"><text:bookmark text:name="([^"]+)"\/>Beste ([^<]+),/)
            .map { (String($0.output.1), String($0.output.2), String($0.output.3)) }
        #expect(starts.map(\.2) == MergePackages.names)
        #expect(starts.map(\.0) == ["P1", "LerendRecord1", "LerendRecord2"])
        #expect(starts.map(\.1) == ["aanhef", "aanhef_r2", "aanhef_r3"])
        for (name, page) in [("LerendRecord1", "Standard_r2"), ("LerendRecord2", "Standard_r3")] {
            let style = try #require(
                content.firstMatch(of: try Regex(#"<style:style style:name="\#(name)"[^>]*>.*?</style:style>"#)))
            let text = String(content[style.range])
            #expect(text.contains(#"style:master-page-name="\#(page)""#))
            #expect(text.contains(#"fo:break-before="page""#))
            #expect(text.contains(#"style:page-number="1""#))
            #expect(text.contains(#"fo:font-size="11pt""#), "the paragraph's own style is kept")
        }

        // Lists: ids unique; a record's first list does not continue the one before it,
        // its second still continues its first.
        let ids = Self.values(of: "xml:id", in: content)
        #expect(ids == ["list1001", "list1002", "list1001_r2", "list1002_r2", "list1001_r3", "list1002_r3"])
        let lists = body.matches(of: /<text:list ([^>]*)>/).map { String($0.output.1) }
        #expect(lists.count == 6)
        for (index, list) in lists.enumerated() {
            #expect(list.contains(#"text:continue-numbering="true""#) == (index % 2 == 1), "\(list)")
        }
        #expect(Set(Self.values(of: "table:name", in: body)).count == 3)

        // The header names each record through a page style of its own, landscape as the template's.
        let styles = try TestPackage.part("styles.xml", of: bytes)
        for (index, name) in MergePackages.names.enumerated() {
            let master = index == 0 ? "Standard" : "Standard_r\(index + 1)"
            let page = try #require(
                styles.firstMatch(of: try Regex(#"<style:master-page style:name="\#(master)".*?</style:master-page>"#)))
            #expect(styles[page.range].contains("Brief aan \(name)"))
        }
        #expect(styles.contains(#"style:print-orientation="landscape""#))
        if MergePackages.hasCheckDocument { #expect(try MergePackages.checkDocument(path) == nil) }
    }

    /// A letter on a portrait page with an appendix on a landscape one: every record keeps
    /// both sections, each record starts on a new page numbered from 1.
    @Test(.enabled(if: MergePackages.hasProgram("soffice") && MergePackages.hasProgram("pdfinfo")))
    func aTemplateWithTwoSectionsKeepsBothInEveryRecord() throws {
        let margins =
            #"<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/>"#
        let body = """
            <w:p><w:r><w:t>Brief aan {{ naam }}</w:t></w:r></w:p>\
            <w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:type w:val="nextPage"/>\
            <w:pgSz w:w="11906" w:h="16838"/>\(margins)</w:sectPr></w:pPr><w:r><w:t>Einde brief</w:t></w:r></w:p>\
            <w:p><w:r><w:t>Bijlage voor {{ naam }}</w:t></w:r></w:p>
            """
        let template = try DocumentTemplate(
            bytes: MergePackages.wordLetter(landscape: true, body: body), name: "bijlage.docx")
        let (_, path, merged) = try MergePackages.merge(template)
        let folder = (path as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let document = try TestPackage.part("word/document.xml", of: try #require(merged))
        let sections = document.matches(of: /<w:sectPr>.*?<\/w:sectPr>/).map { String($0.output) }
        #expect(sections.count == 6)
        #expect(sections.map { $0.contains("landscape") } == [false, true, false, true, false, true])
        #expect(sections.map { $0.contains(#"w:start="1""#) } == [false, false, true, false, true, false])
        if MergePackages.hasCheckDocument { #expect(try MergePackages.checkDocument(path) == nil) }

        let profile = "-env:UserInstallation=file://\(folder)/profiel"
        #expect(
            try MergePackages.run("soffice", [profile, "--headless", "--convert-to", "pdf", "--outdir", folder, path]).status == 0
        )
        let info = try MergePackages.run("pdfinfo", ["-f", "1", "-l", "6", folder + "/samen.pdf"]).output
        let sizes = info.matches(of: /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/).map {
            Double($0.output.1)! > Double($0.output.2)!
        }
        #expect(sizes == [false, true, false, true, false, true], "\(info)")
        #expect(info.firstMatch(of: /Pages:\s+(\d+)/).map { String($0.output.1) } == "6")
    }

    @Test func drawingAndContentControlIdsAreUniqueAcrossRecords() throws {
        let wp = "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
        let template = try DocumentTemplate(
            bytes: TestPackage.docx(
                body: """
                    <w:sdt><w:sdtPr><w:id w:val="12"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>{{ naam }}</w:t></w:r></w:p></w:sdtContent></w:sdt>\
                    <w:p><w:r><w:drawing><wp:inline \(wp)><wp:extent cx="1" cy="1"/><wp:docPr id="1" name="Logo"/></wp:inline></w:drawing></w:r></w:p>
                    """), name: "brief.docx")
        let (_, path, merged) = try MergePackages.merge(template)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let document = try TestPackage.part("word/document.xml", of: try #require(merged))
        let drawings = document.matches(of: /<wp:docPr id="(\d+)"/).map { String($0.output.1) }
        #expect(drawings.count == 3 && Set(drawings).count == 3 && drawings[0] == "1")
        let controls = document.matches(of: /<w:sdtPr><w:id w:val="(\d+)"/).map { String($0.output.1) }
        #expect(controls.count == 3 && Set(controls).count == 3 && controls[0] == "12")
    }

    @Test func eachWordRecordGetsItsOwnFootnotes() throws {
        var bytes = try TestPackage.docx(
            body: #"<w:p><w:r><w:t>Beste {{ naam }}</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#,
            footnotes: """
                <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
                <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>\
                <w:footnote w:id="1"><w:p><w:r><w:t>Voetnoot voor {{ naam }}</w:t></w:r></w:p></w:footnote>
                """)
        let relationships = try TestPackage.part("word/_rels/document.xml.rels", of: bytes).replacingOccurrences(
            of: "</Relationships>",
            with:
                #"<Relationship Id="rIdVoet" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>"#
        )
        bytes = try TestPackage.replacing(["word/_rels/document.xml.rels": relationships], in: bytes)
        let template = try DocumentTemplate(bytes: bytes, name: "voetnoten.docx")
        let (_, path, merged) = try MergePackages.merge(template)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let result = try #require(merged)
        StructureTests.keep(result, as: "samengevoegd-voetnoten.docx")
        let document = try TestPackage.part("word/document.xml", of: result)
        #expect(document.matches(of: /<w:footnoteReference w:id="(\d+)"\/>/).map { String($0.output.1) } == ["1", "2", "3"])
        let footnotes = try TestPackage.part("word/footnotes.xml", of: result)
        let notes = footnotes.matches(of: /<w:footnote w:id="(\d+)">.*?<w:t[^>]*>([^<]*)</).map {
            "\($0.output.1): \($0.output.2)"
        }
        #expect(notes == zip(1...3, MergePackages.names).map { "\($0): Voetnoot voor \($1)" })
        if MergePackages.hasCheckDocument { #expect(try MergePackages.checkDocument(path) == nil) }
    }

    @Test(arguments: [DocumentFormat.docx, .odt])
    func aBadRecordIsReportedAndTheOthersMerged(format: DocumentFormat) throws {
        let bytes = try format == .docx ? MergePackages.wordLetter() : MergePackages.openDocumentLetter()
        let template = try DocumentTemplate(bytes: bytes, name: "brief.\(format.fileExtension)")
        let names = ["Anna de Vries", "", "Cas Jansen"]
        let (report, path, merged) = try MergePackages.merge(template, names: names)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        #expect(report.mergedCount == 2 && report.written)
        #expect(report.failures.map(\.label) == ["record 2"])
        #expect(report.failures.first?.diagnostics.first?.id == "E201")
        let text = try TestPackage.part(format == .docx ? "word/document.xml" : "content.xml", of: try #require(merged))
        #expect(text.contains("Beste Anna de Vries,") && text.contains("Beste Cas Jansen,"))

        let strict = try MergePackages.merge(template, names: names, requiresEveryRecord: true)
        defer { try? FileManager.default.removeItem(atPath: (strict.path as NSString).deletingLastPathComponent) }
        #expect(!strict.report.written && strict.bytes == nil && strict.report.failures.count == 1)
    }

    @Test func aMergedDocumentPastItsLimitIsALocatedErrorAndNothingIsWritten() throws {
        let template = try DocumentTemplate(bytes: MergePackages.openDocumentLetter(), name: "brief.odt")
        let folder = try MailMergeTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/samen.odt"
        let merge = DocumentMerge(template: template, limits: DocumentMerge.Limits(bodyBytes: 3000))
        #expect {
            _ = try merge.write(
                count: 100, record: { DocumentMerge.Record(data: ["naam": "Anna"], label: "record \($0 + 1)") }, to: path)
        } throws: { error in
            guard let list = error as? DiagnosticList, let first = list.diagnostics.first else { return false }
            return first.id == "O020" && first.location?.detail == "content.xml" && first.location?.file == path
                && first.notes.contains { $0.hasPrefix("bij record ") }
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "no temporary file is left")
    }

    /// The merged PDF has the pages of every record rendered alone (one-page letters: one
    /// page per record), each in the template's orientation.
    @Test(
        .enabled(if: MergePackages.hasProgram("soffice") && MergePackages.hasProgram("pdfinfo")),
        arguments: [("uitnodiging.docx", false), ("uitnodiging.odt", false), ("brief.docx", true), ("brief.odt", true)])
    func thePDFHasOnePagePerRecord(template name: String, landscape: Bool) throws {
        let template: DocumentTemplate
        let records: [Value]
        if name.hasPrefix("uitnodiging") {
            template = try DocumentTemplate(path: TestPackage.templatePath(name))
            records = try (0..<4).map { try SampleData.invitation(for: $0) }
        } else {
            let bytes =
                try name.hasSuffix("docx")
                ? MergePackages.wordLetter(landscape: true) : MergePackages.openDocumentLetter(landscape: true)
            template = try DocumentTemplate(bytes: bytes, name: name)
            records = (MergePackages.names + ["Dirk Bakker"]).map { ["naam": .string($0)] }
        }
        let folder = try MailMergeTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/samen.\(template.format.fileExtension)"
        // The sample's logo lies beside its data file.
        let options = RenderOptions(imageFolders: .beside(SampleData.path, TestPackage.templatePath("uitnodiging.odt")))
        let report = try DocumentMerge(template: template, options: options).write(
            count: records.count, record: { DocumentMerge.Record(data: records[$0], label: "record \($0 + 1)") }, to: path)
        #expect(report.failures.isEmpty, "\(report.failures.map(\.diagnostics))")
        // Each record alone, to compare: the merged PDF has the pages of all of them.
        var singles: [String] = []
        let renderer = DocumentRenderer(template: template)
        for (index, record) in records.enumerated() {
            singles.append(folder + "/los-\(index + 1).\(template.format.fileExtension)")
            try renderer.render(record, options: options, to: singles[index])
        }
        let profile = "-env:UserInstallation=file://\(folder)/profiel"
        let converted = try MergePackages.run(
            "soffice", [profile, "--headless", "--convert-to", "pdf", "--outdir", folder, path] + singles)
        #expect(converted.status == 0)
        func pages(_ pdf: String) throws -> Int? {
            try MergePackages.run("pdfinfo", [pdf]).output.firstMatch(of: /Pages:\s+(\d+)/).map { Int($0.output.1)! }
        }
        let alone = try singles.map { try pages(($0 as NSString).deletingPathExtension + ".pdf") ?? 0 }
        if !name.hasPrefix("uitnodiging") { #expect(alone.allSatisfy { $0 == 1 }) }
        let info = try MergePackages.run("pdfinfo", [folder + "/samen.pdf"]).output
        #expect(try pages(folder + "/samen.pdf") == alone.reduce(0, +), "\(info)")
        let size = try #require(info.firstMatch(of: /Page size:\s+([\d.]+) x ([\d.]+)/))
        let (width, height) = (Double(size.output.1)!, Double(size.output.2)!)
        #expect((width > height) == landscape, "\(info)")
        if MergePackages.hasCheckDocument { #expect(try MergePackages.checkDocument(path) == nil) }
    }
}
