import Foundation
import LerendDiagnostics
import LerendExpressions
import Testing

@testable import LerendDocuments

/// A zlib error is a failed document with a message, not the end of the program; the
/// other documents of a mail merge are still written.
///
/// zlib refuses compression level 42 (`Z_STREAM_ERROR`): a broken stream made on purpose.
@Suite struct DeflateFailureTests {
    static let brokenLevel: Int32 = 42

    static let template: DocumentTemplate = {
        let bytes = try! TestPackage.docx(body: "<w:p><w:r><w:t>Beste {{ d.voornaam }}</w:t></w:r></w:p>")
        return try! DocumentTemplate(bytes: bytes, name: "brief.docx")
    }()

    @Test func aZlibErrorIsThrown() {
        let deflater = Deflater(level: Self.brokenLevel)
        #expect(throws: DeflateError.zlib(status: -2)) {
            try Array("tekst".utf8).withUnsafeBytes { try deflater.deflate($0) }
        }
    }

    @Test func aZlibErrorIsAMessageAboutThePart() throws {
        let renderer = DocumentRenderer(template: Self.template, zipLimits: .zip) { Deflater(level: Self.brokenLevel) }
        let error = try #require(throws: DiagnosticList.self) {
            try renderer.render(["d": ["voornaam": "Anna"]], documentName: "brief Anna.docx")
        }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(error.diagnostics.count == 1)
        #expect(diagnostic.id == "O008")
        #expect(diagnostic.message.hasPrefix("kan 'word/"), "\(diagnostic.message)")
        #expect(diagnostic.message.hasSuffix("niet comprimeren: zlib kreeg een ongeldige instelling (zlib-fout -2)"))
        #expect(diagnostic.location?.file == "brief.docx")
        #expect(diagnostic.location?.detail?.hasPrefix("word/") == true)
        #expect(diagnostic.notes == ["in document 'brief Anna.docx'"])
    }

    @Test func aMailMergeGoesOnAfterAZlibError() throws {
        let directory = try MailMergeTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var merge = MailMerge(template: Self.template, directory: directory, workers: 1)
        merge.makeRenderer = { template in
            // The first stream is broken; the renderer makes a new one after the error.
            var made = 0
            return DocumentRenderer(template: template, zipLimits: .zip) {
                made += 1
                return Deflater(level: made == 1 ? Self.brokenLevel : 1)
            }
        }
        let jobs = ["Anna", "Bo", "Cas"].map {
            MailMerge.Job(data: ["d": ["voornaam": .string($0)]], fileName: "brief \($0).docx", label: $0)
        }
        let report = merge.run(jobs)
        #expect(report.failures.map(\.label) == ["Anna"])
        #expect(report.failures.first?.diagnostics.map(\.id) == ["O008"])
        #expect(report.written == [directory + "/brief Bo.docx", directory + "/brief Cas.docx"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["brief Bo.docx", "brief Cas.docx"])
        let written = try TestPackage.bytes(of: directory + "/brief Cas.docx")
        #expect(try TestPackage.wordBody(of: written).contains("Beste Cas"))
    }
}
