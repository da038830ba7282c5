import Foundation
import LerendExpressions

@testable import LerendDocuments

/// Templates for the merge tests, as Word and LibreOffice write them, and the tools that
/// check what comes out.
enum MergePackages {
    static let w14 = "http://schemas.microsoft.com/office/word/2010/wordml"

    /// The body of the letter: a bookmark, a numbered list, a paragraph numbered through
    /// its style, and a closing line.
    static let letterBody = """
        <w:p w14:paraId="1A2B3C4D" w14:textId="77EE0001"><w:bookmarkStart w:id="0" w:name="aanhef"/><w:r><w:t>Beste {{ naam }},</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>\
        <w:p w14:paraId="1A2B3C4E" w14:textId="77EE0002"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Eerste punt voor {{ naam }}</w:t></w:r></w:p>\
        <w:p w14:paraId="1A2B3C4F" w14:textId="77EE0003"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Tweede punt</w:t></w:r></w:p>\
        <w:p w14:paraId="1A2B3C50" w14:textId="77EE0004"><w:pPr><w:pStyle w:val="Lijstnummer"/></w:pPr><w:r><w:t>Punt uit de stijl</w:t></w:r></w:p>\
        <w:p w14:paraId="1A2B3C51" w14:textId="77EE0005"><w:r><w:t>Met vriendelijke groet</w:t></w:r></w:p>
        """

    /// A package as Word writes it: w14 paragraph ids, numbering.xml with an abstract
    /// list and a style that numbers ("Lijstnummer"), a bookmark, a header and footer
    /// with a tag about the record, and one section whose page is `orientation`.
    static func wordLetter(landscape: Bool = false, body: String? = nil) throws -> [UInt8] {
        let namespaces = """
            xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
            xmlns:w14="\(w14)" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"
            """
        let page =
            landscape
            ? #"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"# : #"<w:pgSz w:w="11906" w:h="16838"/>"#
        let parts: [(String, String)] = [
            (
                "[Content_Types].xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>
                """
            ),
            (
                "_rels/.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
                """
            ),
            (
                "word/_rels/document.xml.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>
                """
            ),
            (
                "word/document.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document \(namespaces)><w:body>\(body ?? letterBody)\
                <w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:footerReference w:type="default" r:id="rId4"/>\(page)<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>\
                </w:body></w:document>
                """
            ),
            (
                "word/styles.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:styles \(namespaces)><w:style w:type="paragraph" w:default="1" w:styleId="Standaard"><w:name w:val="Normal"/></w:style>\
                <w:style w:type="paragraph" w:styleId="Lijstnummer"><w:name w:val="List Number"/><w:basedOn w:val="Standaard"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style></w:styles>
                """
            ),
            (
                "word/numbering.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:numbering \(namespaces)>\
                <w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>\
                <w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>\
                <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>
                """
            ),
            (
                "word/header1.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:hdr \(namespaces)><w:p w14:paraId="2B000001" w14:textId="2B000002"><w:r><w:t>Brief aan {{ naam }}</w:t></w:r></w:p></w:hdr>
                """
            ),
            (
                "word/footer1.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:ftr \(namespaces)><w:p w14:paraId="2C000001" w14:textId="2C000002"><w:r><w:t>Lerend netwerk</w:t></w:r></w:p></w:ftr>
                """
            ),
        ]
        var writer = ZipWriter()
        let deflater = Deflater()
        for (name, text) in parts {
            try Array(text.utf8).withUnsafeBytes { try writer.add(name: Array(name.utf8), contents: $0, deflater: deflater) }
        }
        try writer.finish()
        return writer.bytes
    }

    /// An ODT as LibreOffice writes it: a numbered list with an `xml:id`, a second list
    /// that continues it, a bookmark, a table, and the record's name in the header.
    static func openDocumentLetter(landscape: Bool = false) throws -> [UInt8] {
        let body = """
            <text:p text:style-name="P1"><text:bookmark text:name="aanhef"/>Beste {{ naam }},</text:p>\
            <text:list xml:id="list1001" text:style-name="L1"><text:list-item><text:p text:style-name="P2">Eerste punt voor {{ naam }}</text:p></text:list-item>\
            <text:list-item><text:p text:style-name="P2">Tweede punt</text:p></text:list-item></text:list>\
            <text:p text:style-name="P1">Tussendoor</text:p>\
            <text:list xml:id="list1002" text:continue-numbering="true" text:style-name="L1"><text:list-item><text:p text:style-name="P2">Derde punt</text:p></text:list-item></text:list>\
            <table:table table:name="Tabel1" table:style-name="Tabel1"><table:table-column table:style-name="Tabel1.A"/>\
            <table:table-row><table:table-cell office:value-type="string"><text:p>{{ naam }}</text:p></table:table-cell></table:table-row></table:table>\
            <text:p text:style-name="P1">Met vriendelijke groet</text:p>
            """
        let styles = """
            <office:automatic-styles>\
            <style:style style:name="Tabel1" style:family="table"><style:table-properties style:width="6.5in" table:align="margins"/></style:style>\
            <style:style style:name="Tabel1.A" style:family="table-column"><style:table-column-properties style:column-width="6.5in"/></style:style>\
            <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="11pt"/></style:style>\
            <style:style style:name="P2" style:family="paragraph" style:parent-style-name="Standard" style:list-style-name="L1"/>\
            <text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.5in" fo:text-indent="-0.25in" fo:margin-left="0.5in"/></style:list-level-properties></text:list-level-style-number></text:list-style>\
            </office:automatic-styles>
            """
        var package = try TestPackage.odt(body: body, header: "<text:p>Brief aan {{ naam }}</text:p>")
        var content = try TestPackage.part("content.xml", of: package)
        content = content.replacingOccurrences(of: "<office:body>", with: styles + "<office:body>")
        var replaced = ["content.xml": content]
        if landscape {
            var stylesPart = try TestPackage.part("styles.xml", of: package)
            stylesPart = stylesPart.replacingOccurrences(
                of: #"fo:page-width="8.2681in" fo:page-height="11.6929in""#,
                with: #"fo:page-width="11.6929in" fo:page-height="8.2681in""#
            ).replacingOccurrences(of: #"style:print-orientation="portrait""#, with: #"style:print-orientation="landscape""#)
            replaced["styles.xml"] = stylesPart
        }
        package = try TestPackage.replacing(replaced, in: package)
        return package
    }

    static let names = ["Anna de Vries", "Bo Ünal", "Cas Jansen"]

    /// Merges `names` (one record each, `naam`) with `template` into a temporary file.
    static func merge(
        _ template: DocumentTemplate, names: [String] = names, requiresEveryRecord: Bool = false,
        limits: DocumentMerge.Limits = .standard
    ) throws -> (report: DocumentMerge.Report, path: String, bytes: [UInt8]?) {
        let folder = try MailMergeTests.temporaryDirectory()
        let path = folder + "/samen.\(template.format.fileExtension)"
        let merge = DocumentMerge(template: template, limits: limits, requiresEveryRecord: requiresEveryRecord)
        let report = try merge.write(
            count: names.count,
            record: { index in
                DocumentMerge.Record(
                    data: names[index].isEmpty ? [:] : ["naam": .string(names[index])], label: "record \(index + 1)")
            }, to: path)
        let bytes = FileManager.default.fileExists(atPath: path) ? try TestPackage.bytes(of: path) : nil
        return (report, path, bytes)
    }

    static let sharedTools = TestPackage.repository.deletingLastPathComponent().appending(path: "shared/tools")
        .path(percentEncoded: false)

    /// Whether `program` can be run from `PATH`.
    static func hasProgram(_ program: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(program)")
        }
    }

    static var hasCheckDocument: Bool { FileManager.default.isExecutableFile(atPath: sharedTools + "/check-document") }

    /// Runs a program and returns its exit status and output.
    @discardableResult
    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `check-document` on `path`: nil when it passes, else its report.
    static func checkDocument(_ path: String) throws -> String? {
        let (status, output) = try run(sharedTools + "/check-document", [path])
        return status == 0 ? nil : output
    }
}
