import LerendDiagnostics
import LerendExpressions
import Testing

@testable import LerendDocuments

/// A document that does not fit the plain zip format (a part of 4 GiB or more, more than
/// 65,534 parts) is an error of that document, not a crash.
@Suite struct ZipLimitTests {
    static let tiny = try! ZipWriter.prepare(name: Array("a".utf8), method: 0, crc32: 0, size: 0, data: [])

    @Test func morePartsThanTheFormatCountsAreAnErrorNotATrap() throws {
        var writer = ZipWriter()
        var added = 0
        let error = try #require(throws: ZipWriterError.self) {
            for _ in 0..<65_536 {
                try writer.add(Self.tiny)
                added += 1
            }
            try writer.finish()
        }
        #expect(error == .tooManyParts(limit: 65_534))
        #expect(added == 65_534, "0xFFFF in the end record means: see the zip64 record")
    }

    @Test func asManyPartsAsTheFormatCountsAreWritten() throws {
        var writer = ZipWriter()
        for _ in 0..<65_534 { try writer.add(Self.tiny) }
        try writer.finish()
        #expect(try ZipArchive(bytes: writer.bytes).entries.count == 65_534)
    }

    @Test func aPartLargerThanTheLimitIsAnError() throws {
        var writer = ZipWriter(limits: ZipWriter.Limits(size: 100))
        let deflater = Deflater()
        try Array(repeating: UInt8(ascii: "a"), count: 100).withUnsafeBytes {
            try writer.add(name: Array("klein.xml".utf8), contents: $0, deflater: deflater)
        }
        let error = try #require(throws: ZipWriterError.self) {
            try Array(repeating: UInt8(ascii: "a"), count: 101).withUnsafeBytes {
                try writer.add(name: Array("word/document.xml".utf8), contents: $0, deflater: deflater)
            }
        }
        #expect(error == .partTooLarge(part: "word/document.xml", size: 101, limit: 100))
    }

    @Test func aPreparedPartLargerThanTheLimitIsAnError() throws {
        let error = try #require(throws: ZipWriterError.self) {
            try ZipWriter.prepare(
                name: Array("media/film.mp4".utf8), method: 8, crc32: 0, size: 5_000_000_000, data: [1, 2, 3])
        }
        #expect(error == .partTooLarge(part: "media/film.mp4", size: 5_000_000_000, limit: 0xFFFF_FFFE))
    }

    @Test func aDocumentLargerThanTheLimitIsAnError() throws {
        let limits = ZipWriter.Limits(size: 200)
        let part = try ZipWriter.prepare(
            name: Array("b".utf8), method: 0, crc32: 0, size: 60, data: Array(repeating: 0, count: 60), limits: limits)
        var writer = ZipWriter(limits: limits)
        try writer.add(part)
        try writer.add(part)
        try writer.add(part)
        // Three local records of 91 bytes: the fourth would start at 273.
        #expect(throws: ZipWriterError.documentTooLarge(part: "b", limit: 200)) { try writer.add(part) }
        #expect(throws: ZipWriterError.documentTooLarge(part: nil, limit: 200)) { try writer.finish() }
    }

    @Test func aDocumentTooLargeForItsFormatIsADiagnosticOfThatDocument() throws {
        let body = "<w:p><w:r><w:t xml:space=\"preserve\">{% for x in regels %}{{ x }} {% endfor %}</w:t></w:r></w:p>"
        let template = try DocumentTemplate(bytes: TestPackage.docx(body: body), name: "brief.docx")
        let renderer = DocumentRenderer(template: template, zipLimits: ZipWriter.Limits(size: 20_000))
        let long: Value = ["regels": .list(Array(repeating: "een regel van een lange lijst", count: 1000))]
        let error = try #require(throws: DiagnosticList.self) {
            try renderer.render(long, documentName: "brief Anna.docx")
        }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(error.diagnostics.count == 1)
        #expect(diagnostic.id == "O006")
        #expect(
            diagnostic.message.hasPrefix("'word/document.xml' wordt te groot voor een .docx-bestand"), "\(diagnostic.message)")
        #expect(diagnostic.location == SourceLocation(file: "brief.docx", detail: "word/document.xml"))
        #expect(diagnostic.notes == ["in document 'brief Anna.docx'"])
        let short = try renderer.render(["regels": ["kort"]])
        #expect(try TestPackage.wordBody(of: short).contains("kort "), "the renderer goes on with the next document")
    }
}
