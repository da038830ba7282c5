import Foundation
import LerendDiagnostics
import Testing

@testable import LerendDocuments

#if canImport(Glibc)
    import Glibc
#endif

/// Packages that a reader would reject, or that unpack into far more than they are, are
/// refused on open with a Dutch message naming the part; none is copied into a document.
@Suite struct HostilePackageTests {
    /// The diagnostics of compiling `bytes`; empty when it compiles.
    static func diagnostics(_ bytes: [UInt8], limits: TemplateLimits = .standard) -> [Diagnostic] {
        do throws(DiagnosticList) {
            _ = try DocumentTemplate(bytes: bytes, name: "brief.docx", limits: limits)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// The one diagnostic of compiling `bytes`, which must have `id`.
    static func only(_ id: String, _ bytes: [UInt8], limits: TemplateLimits = .standard) throws -> Diagnostic {
        let all = diagnostics(bytes, limits: limits)
        #expect(all.map(\.id) == [id], "\(all)")
        return try #require(all.first)
    }

    static func docx(adding entry: HandZip.Entry) throws -> [UInt8] {
        try HandZip.template("uitnodiging.docx") { $0.append(entry) }
    }

    @Test func theHandWrittenCopyOfARealTemplateCompiles() throws {
        #expect(Self.diagnostics(try HandZip.template("uitnodiging.docx") { _ in }) == [])
        #expect(Self.diagnostics(try HandZip.template("uitnodiging.odt") { _ in }) == [])
    }

    @Test(arguments: [
        ("../x", "'..'"), ("word/../../x", "'..'"), ("./word/x", "'.'"), ("/etc/x", "begint met '/'"),
        ("word\\x.xml", "'\\'"), ("C:x.xml", "stationsletter"), ("c:/x", "stationsletter"), ("word//x.xml", "'//'"),
    ])
    func unsafeNamesAreRefused(name: String, reason: String) throws {
        let diagnostic = try Self.only("T201", Self.docx(adding: .stored(name, "x")))
        #expect(diagnostic.message.hasPrefix("het sjabloon bevat een deel met een onveilige naam: "), "\(diagnostic.message)")
        #expect(diagnostic.message.contains(reason), "\(diagnostic.message)")
        #expect(diagnostic.location == SourceLocation(file: "brief.docx", detail: name))
    }

    @Test(arguments: [
        ([UInt8]("a".utf8) + [0] + [UInt8]("b.xml".utf8), "a\\u{0}b.xml", "stuurteken"),
        ([UInt8]("a".utf8) + [0x1B] + [UInt8]("[2J".utf8), "a\\u{1B}[2J", "stuurteken"),
        ([0x66, 0xFF, 0x2E, 0x78], "f\u{FFFD}.x", "geen geldige UTF-8"),
        ([], "", "leeg"),
    ])
    func namesWithControlCharactersOrNoUTF8AreRefusedAndPrintedSafely(name: [UInt8], shown: String, reason: String) throws {
        let diagnostic = try Self.only("T201", Self.docx(adding: .stored(name, Array("x".utf8))))
        #expect(diagnostic.message.contains(reason), "\(diagnostic.message)")
        #expect(diagnostic.location?.detail == shown)
        #expect(!diagnostic.description.contains("\u{1B}") && !diagnostic.description.contains("\u{0}"))
    }

    @Test func aFolderEntryEndingInASlashIsFine() throws {
        #expect(Self.diagnostics(try Self.docx(adding: .stored("word/media/", ""))) == [])
    }

    @Test func aNameTwiceIsRefused() throws {
        let diagnostic = try Self.only("T202", Self.docx(adding: .stored("word/styles.xml", "<w:styles/>")))
        #expect(diagnostic.message == "het deel 'word/styles.xml' staat twee keer in het sjabloon")
        #expect(diagnostic.location == SourceLocation(file: "brief.docx", detail: "word/styles.xml"))
    }

    @Test func namesThatDifferOnlyInCaseAreRefused() throws {
        let diagnostic = try Self.only("T202", Self.docx(adding: .stored("Word/Styles.XML", "<w:styles/>")))
        #expect(
            diagnostic.message
                == "het deel 'Word/Styles.XML' staat twee keer (als 'word/styles.xml' en 'Word/Styles.XML') in het sjabloon")
    }

    @Test(arguments: ["word/styles.xml", "word/document.xml", "docProps/app.xml"])
    func aWrongCRCIsRefusedInEveryPartAlsoOnesCopiedAsTheyAre(part: String) throws {
        let bytes = try HandZip.template("uitnodiging.docx") { entries in
            let index = try require(entries.firstIndex { $0.text == part })
            entries[index].crc32 ^= 0x0000_0100
        }
        let diagnostic = try Self.only("T203", bytes)
        #expect(diagnostic.message == "het deel '\(part)' is beschadigd: de controlesom (CRC-32) klopt niet")
        #expect(diagnostic.location == SourceLocation(file: "brief.docx", detail: part))
    }

    @Test func anUnknownCompressionMethodIsRefused() throws {
        let bytes = try HandZip.template("uitnodiging.docx") { entries in
            let index = try require(entries.firstIndex { $0.text == "word/settings.xml" })
            entries[index].method = 14  // LZMA
        }
        let diagnostic = try Self.only("T204", bytes)
        #expect(
            diagnostic.message
                == "het deel 'word/settings.xml' is ingepakt met methode 14; Lerend kent alleen 0 (niet ingepakt) en 8 (deflate)")
        #expect(!diagnostic.description.contains("not supported"))
    }

    @Test func damagedDeflateDataIsRefused() throws {
        let bytes = try HandZip.template("uitnodiging.docx") { entries in
            let index = try require(entries.firstIndex { $0.text == "word/styles.xml" })
            entries[index].data = Array(repeating: 0xFF, count: 64)
        }
        let diagnostic = try Self.only("T205", bytes)
        #expect(diagnostic.message == "het deel 'word/styles.xml' is beschadigd: de ingepakte gegevens zijn ongeldig")
    }

    @Test func truncatedDeflateDataIsRefused() throws {
        let bytes = try HandZip.template("uitnodiging.docx") { entries in
            let index = try require(entries.firstIndex { $0.text == "word/styles.xml" })
            entries[index].data.removeLast(entries[index].data.count / 2)
        }
        let diagnostic = try Self.only("T205", bytes)
        #expect(diagnostic.message == "het deel 'word/styles.xml' is beschadigd: de ingepakte gegevens houden te vroeg op")
    }

    @Test func aPartShorterThanItsDeclaredSizeIsRefused() throws {
        let bytes = try HandZip.template("uitnodiging.docx") { entries in
            let index = try require(entries.firstIndex { $0.text == "word/styles.xml" })
            entries[index].size += 10
        }
        let diagnostic = try Self.only("T205", bytes)
        #expect(diagnostic.message.hasSuffix("bytes op, maar bevat er 4.513"), "\(diagnostic.message)")
    }

    @Test(arguments: [
        ("uitnodiging.docx", "word/document.xml"), ("uitnodiging.docx", "_rels/.rels"),
        ("uitnodiging.docx", "[Content_Types].xml"), ("uitnodiging.odt", "content.xml"),
        ("uitnodiging.odt", "META-INF/manifest.xml"), ("uitnodiging.odt", "mimetype"),
    ])
    func aMissingRequiredPartIsRefused(template: String, part: String) throws {
        let bytes = try HandZip.template(template) { $0.removeAll { $0.text == part } }
        let format = template.hasSuffix("odt") ? "odt" : "docx"
        let diagnostic = try Self.only("T206", bytes)
        #expect(diagnostic.message == "het sjabloon mist het deel '\(part)', dat elk .\(format)-bestand heeft")
        #expect(diagnostic.location == SourceLocation(file: "brief.docx"))
    }

    @Test func contentTypesThatAreNotWellFormedAreRefused() throws {
        let bytes = try HandZip.template("uitnodiging.docx") { entries in
            let index = try require(entries.firstIndex { $0.text == "[Content_Types].xml" })
            entries[index] = .stored("[Content_Types].xml", "<?xml version=\"1.0\"?>\n<Types><Default Extension=\"xml\">\n</Typ>")
        }
        let diagnostic = try Self.only("T002", bytes)
        #expect(diagnostic.message == "[Content_Types].xml is geen geldige XML: <Default> wordt afgesloten met </Typ>")
        #expect(diagnostic.location == SourceLocation(file: "brief.docx", line: 3, column: 7, detail: "[Content_Types].xml"))
    }

    @Test func aManifestThatIsNotWellFormedIsRefused() throws {
        let bytes = try HandZip.template("uitnodiging.odt") { entries in
            let index = try require(entries.firstIndex { $0.text == "META-INF/manifest.xml" })
            entries[index] = .stored("META-INF/manifest.xml", "<manifest:manifest xmlns:manifest=\"urn:x\">")
        }
        let diagnostic = try Self.only("T002", bytes)
        #expect(
            diagnostic.message == "META-INF/manifest.xml is geen geldige XML: het deel houdt op terwijl <manifest> nog open is")
    }

    @Test func anOpenOfficeManifestWithAnExternalDoctypeStillOpens() throws {
        let bytes = try HandZip.template("uitnodiging.odt") { entries in
            let index = try require(entries.firstIndex { $0.text == "META-INF/manifest.xml" })
            var manifest = try TestPackage.part(
                "META-INF/manifest.xml", of: TestPackage.bytes(of: TestPackage.templatePath("uitnodiging.odt")))
            let start = try require(manifest.range(of: "<manifest:manifest"))
            manifest.insert(
                contentsOf: "<!DOCTYPE manifest:manifest PUBLIC \"-//OpenOffice.org//DTD Manifest 1.0//EN\" \"Manifest.dtd\">\n",
                at: start.lowerBound)
            entries[index] = .stored("META-INF/manifest.xml", manifest)
        }
        #expect(Self.diagnostics(bytes) == [])
    }

    @Test func aPartThatClaimsFourGigabytesIsRefusedWithoutAllocatingIt() throws {
        var entry = HandZip.Entry.stored("word/media/bom.png", "klein")
        entry.method = 8
        entry.data = [0x03, 0x00]
        entry.size = 0xFFFF_FFF0
        let diagnostic = try Self.only("T208", Self.docx(adding: entry))
        #expect(
            diagnostic.message
                == "het deel 'word/media/bom.png' is uitgepakt 4.095 MB (zo staat het in het archief); Lerend leest hoogstens 256 MB per deel"
        )
        #expect(diagnostic.location == SourceLocation(file: "brief.docx", detail: "word/media/bom.png"))
    }

    @Test func aZipBombThatSaysItsSizeIsRefusedBeforeItIsUnpacked() throws {
        let bomb = try HandZip.zeroBomb(megabytes: 300)
        #expect(bomb.data.count < 400_000)
        let entry = HandZip.Entry(
            name: Array("word/media/bom.png".utf8), method: 8, data: bomb.data, crc32: bomb.crc32, size: 300 * 1_048_576)
        let diagnostic = try Self.only("T208", Self.docx(adding: entry))
        #expect(diagnostic.message.contains("is uitgepakt 300 MB"), "\(diagnostic.message)")
    }

    @Test func aZipBombThatLiesAboutItsSizeIsStoppedWhereItPassesItAndMemoryStaysBounded() throws {
        let bomb = try HandZip.zeroBomb(megabytes: 300)
        let declared = 250 * 1_048_576
        let entry = HandZip.Entry(
            name: Array("word/media/bom.png".utf8), method: 8, data: bomb.data, crc32: bomb.crc32, size: UInt32(declared))
        let bytes = try Self.docx(adding: entry)
        let before = Self.peakMemoryKilobytes()
        let diagnostic = try Self.only("T205", bytes)
        let growth = Self.peakMemoryKilobytes() - before
        #expect(
            diagnostic.message
                == "het deel 'word/media/bom.png' is beschadigd: er komt meer uit dan de 262.144.000 bytes die het deel opgeeft (een zip-bom?); het uitpakken is daar gestopt"
        )
        // The peak is the whole process's, and other tests run at the same time: the bound
        // leaves them room, and still fails when the 250 MB are kept.
        #expect(growth < 200_000, "the peak grew by \(growth) kB while 250 MB were unpacked: they were kept")
    }

    @Test func aZipBombInAnXMLPartStopsAtItsDeclaredSize() throws {
        let bomb = try HandZip.zeroBomb(megabytes: 300)
        let bytes = try HandZip.template("uitnodiging.docx") { entries in
            let index = try require(entries.firstIndex { $0.text == "word/document.xml" })
            entries[index].method = 8
            entries[index].data = bomb.data
            entries[index].crc32 = bomb.crc32
            entries[index].size = 1_048_576
        }
        let diagnostic = try Self.only("T205", bytes)
        #expect(diagnostic.message.contains("er komt meer uit dan de 1.048.576 bytes die het deel opgeeft"))
    }

    @Test func theTotalOfAllPartsHasALimit() throws {
        let limits = TemplateLimits(totalSize: 20_000)
        let diagnostic = try Self.only("T209", try HandZip.template("uitnodiging.docx") { _ in }, limits: limits)
        #expect(diagnostic.message == "het sjabloon is uitgepakt 30.366 bytes; Lerend leest hoogstens 20.000 bytes per sjabloon")
    }

    @Test func theSizeOfOnePartHasALimit() throws {
        let limits = TemplateLimits(partSize: 10_000)
        let diagnostic = try Self.only("T208", try HandZip.template("uitnodiging.docx") { _ in }, limits: limits)
        #expect(
            diagnostic.message
                == "het deel 'word/document.xml' is uitgepakt 14.297 bytes (zo staat het in het archief); Lerend leest hoogstens 10.000 bytes per deel"
        )
    }

    @Test func aPartThatBecomesATreeHasASmallerLimit() throws {
        let limits = TemplateLimits(textPartSize: 10_000)
        let diagnostic = try Self.only("T208", try HandZip.template("uitnodiging.docx") { _ in }, limits: limits)
        #expect(
            diagnostic.message
                == "het deel 'word/document.xml' is uitgepakt 14.297 bytes (zo staat het in het archief); Lerend leest hoogstens 10.000 bytes per deel met tekst"
        )
        #expect(TemplateLimits.standard.textPartSize == 16 * 1_048_576)
    }

    @Test func moreThanTenThousandPartsAreRefused() throws {
        let bytes = try HandZip.template("uitnodiging.docx") { entries in
            for index in 0..<10_000 { entries.append(.stored("word/media/\(index).bin", "")) }
        }
        let diagnostic = try Self.only("T207", bytes)
        #expect(diagnostic.message == "het sjabloon heeft 10.013 delen; Lerend leest er hoogstens 10.000")
    }

    @Test func libzipErrorsAreInDutch() throws {
        let real = try TestPackage.bytes(of: TestPackage.templatePath("uitnodiging.docx"))
        for bytes in [
            Array(real.prefix(real.count / 2)), Array(real.dropLast(30)),
            [0x50, 0x4B, 0x05, 0x06] + Array(repeating: 0xFF, count: 18),
        ] {
            let diagnostic = try Self.only("T001", bytes)
            #expect(diagnostic.message.hasPrefix("kan sjabloon 'brief.docx' niet openen: "), "\(diagnostic.message)")
            for english in ["Not a zip", "inconsistent", "Operation", "error", "Read"] {
                #expect(!diagnostic.message.contains(english), "\(diagnostic.message)")
            }
        }
    }

    @Test func aHostileTemplateFileIsRefusedWhenOpenedByPath() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "lerend-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: "brief.docx").path(percentEncoded: false)
        try Data(Self.docx(adding: .stored("../../etc/cron.d/x", "x"))).write(to: URL(filePath: path))
        let error = try #require(throws: DiagnosticList.self) { try DocumentTemplate(path: path) }
        #expect(error.diagnostics.map(\.id) == ["T201"])
        #expect(error.diagnostics.first?.location == SourceLocation(file: path, detail: "../../etc/cron.d/x"))
    }

    static func peakMemoryKilobytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }
}
