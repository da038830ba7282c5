import Foundation
import LerendDiagnostics
import LerendExpressions

@testable import LerendDocuments

/// Builds small templates for tests from the real LibreOffice-made packages in
/// `Templates/`: the package stays as LibreOffice wrote it, only the parts a test is
/// about are replaced.
enum TestPackage {
    static let repository = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let templates = repository.appending(path: "Templates")
    static let fixtures = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")

    static func templatePath(_ name: String) -> String { templates.appending(path: name).path(percentEncoded: false) }

    static let wordNamespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        """

    static let odfNamespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
        """

    static let plainHeader = "<w:p><w:r><w:t>Koptekst</w:t></w:r></w:p>"
    static let plainFooter = "<w:p><w:r><w:t>Voettekst</w:t></w:r></w:p>"

    /// A DOCX template whose body is `body`, with the header and footer parts of the
    /// invitation filled with `header` and `footer`.
    static func docx(
        body: String, header: String = plainHeader, footer: String = plainFooter, footnotes: String? = nil
    ) throws -> [UInt8] {
        let parts = [
            "word/document.xml": """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document \(wordNamespaces)><w:body>\(body)<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>
            """,
            "word/header1.xml": """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:hdr \(wordNamespaces)>\(header)</w:hdr>
            """,
            "word/footer1.xml": """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:ftr \(wordNamespaces)>\(footer)</w:ftr>
            """,
        ]
        var added: [String: String] = [:]
        if let footnotes {
            added["word/footnotes.xml"] = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:footnotes \(wordNamespaces)>\(footnotes)</w:footnotes>
                """
        }
        var package = try replacing(parts, adding: added, in: templatePath("uitnodiging.docx"))
        if footnotes != nil {
            let types = try part("[Content_Types].xml", of: package).replacingOccurrences(
                of: "</Types>",
                with:
                    #"<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>"#
            )
            package = try replacing(["[Content_Types].xml": types], in: package)
        }
        return package
    }

    /// An ODT template whose body text is `body`, with `header` and `footer` as the
    /// header and footer of the master page in styles.xml.
    static func odt(
        body: String, header: String = "<text:p>Koptekst</text:p>", footer: String = "<text:p>Voettekst</text:p>"
    ) throws -> [UInt8] {
        var parts = [
            "content.xml": """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content \(odfNamespaces) office:version="1.3"><office:body><office:text>\(body)</office:text></office:body></office:document-content>
            """
        ]
        var styles = try part("styles.xml", of: try bytes(of: templatePath("uitnodiging.odt")))
        for (element, contents) in [("style:header", header), ("style:footer", footer)] {
            let start = try require(styles.range(of: "<\(element)>"))
            let end = try require(styles.range(of: "</\(element)>"))
            styles.replaceSubrange(start.upperBound..<end.lowerBound, with: contents)
        }
        parts["styles.xml"] = styles
        return try replacing(parts, in: templatePath("uitnodiging.odt"))
    }

    static func bytes(of path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(filePath: path)))
    }

    static func replacing(_ parts: [String: String], adding added: [String: String] = [:], in path: String) throws -> [UInt8] {
        try replacing(parts, adding: added, in: bytes(of: path))
    }

    /// A copy of the package `bytes` with `parts` replaced and `added` appended.
    static func replacing(_ parts: [String: String], adding added: [String: String] = [:], in bytes: [UInt8]) throws -> [UInt8] {
        let archive = try ZipArchive(bytes: bytes)
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
        for (name, text) in added.sorted(by: { $0.key < $1.key }) {
            try Array(text.utf8).withUnsafeBytes { try writer.add(name: Array(name.utf8), contents: $0, deflater: deflater) }
        }
        try writer.finish()
        return writer.bytes
    }

    /// The text of part `name` of a package.
    static func part(_ name: String, of bytes: [UInt8]) throws -> String {
        let archive = try ZipArchive(bytes: bytes)
        let entry = try require(archive.entry(named: name), "no part \(name)")
        return String(decoding: try archive.contents(of: entry), as: UTF8.self)
    }

    /// The XML between `<w:body>` and `<w:sectPr` of a rendered DOCX.
    static func wordBody(of bytes: [UInt8]) throws -> String {
        let xml = try part("word/document.xml", of: bytes)
        let start = try require(xml.range(of: "<w:body>"))
        let end = try require(xml.range(of: "<w:sectPr"))
        return String(xml[start.upperBound..<end.lowerBound])
    }

    /// The XML inside `<office:text>` of a rendered ODT.
    static func odfBody(of bytes: [UInt8]) throws -> String {
        let xml = try part("content.xml", of: bytes)
        let start = try require(xml.range(of: "<office:text>"))
        let end = try require(xml.range(of: "</office:text>"))
        return String(xml[start.upperBound..<end.lowerBound])
    }

    /// Compiles `bytes` and renders `data`.
    static func render(
        _ bytes: [UInt8], _ data: Value, missingValues: MissingValuePolicy = .error, name: String = "test"
    ) throws -> [UInt8] {
        let template = try DocumentTemplate(bytes: bytes, name: name)
        return try DocumentRenderer(template: template).render(data, options: RenderOptions(missingValues: missingValues))
    }

    /// The messages of compiling `bytes`, rendered as the terminal shows them.
    static func compileErrors(_ bytes: [UInt8], name: String = "test.docx") -> String? {
        do throws(DiagnosticList) {
            _ = try DocumentTemplate(bytes: bytes, name: name)
            return nil
        } catch {
            return DiagnosticRenderer().render(error.diagnostics)
        }
    }
}

/// `#require` for use in static helpers.
struct MissingPart: Error, CustomStringConvertible {
    let description: String
}

func `require`<T>(_ value: T?, _ message: String = "required value missing") throws -> T {
    guard let value else { throw MissingPart(description: message) }
    return value
}
