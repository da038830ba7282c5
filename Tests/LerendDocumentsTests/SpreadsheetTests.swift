import Foundation
import LerendDiagnostics
import LerendExpressions
import LerendTestSupport
import Testing

@testable import LerendDocuments

/// Sheets read as Excel and LibreOffice write them: CSV in its Dutch forms, XLSX and ODS.
@Suite struct SpreadsheetTests {
    static func read(_ bytes: [UInt8], limits: SpreadsheetLimits = .standard) throws -> Spreadsheet {
        try Spreadsheet.read(bytes: bytes, fileName: "lijst", limits: limits)
    }

    static func problem(_ bytes: [UInt8], limits: SpreadsheetLimits = .standard) -> Diagnostic? {
        do {
            _ = try Spreadsheet.read(bytes: bytes, fileName: "lijst", limits: limits)
            return nil
        } catch { return error.diagnostics.first }
    }

    static func windows1252(_ text: String) -> [UInt8] {
        let table: [Unicode.Scalar: UInt8] = ["€": 0x80, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97]
        return text.unicodeScalars.map { table[$0] ?? UInt8($0.value) }
    }

    @Test func csvAsDutchExcelWritesItInWindows1252() throws {
        let text = "Naam;Organisatie;Opmerking\r\nRené Brouwer;Zorggroep Eëndracht;“kost €5” – ‘niet’ — ok\r\n\r\n"
        let bytes = Self.windows1252(text)
        #expect(String(validating: bytes, as: UTF8.self) == nil, "the test file is not UTF-8")
        let sheet = try Self.read(bytes)
        #expect(sheet.format == .csv)
        #expect(
            sheet.rows.map(\.cells) == [
                ["Naam", "Organisatie", "Opmerking"], ["René Brouwer", "Zorggroep Eëndracht", "“kost €5” – ‘niet’ — ok"],
            ])
        #expect(sheet.rows.map(\.number) == [1, 2])
    }

    @Test func csvInUTF8WithBOMAndQuotedLineBreaks() throws {
        let text =
            "Naam;Adres;Notitie\r\n\"de Vries; Anna\";\"Lindelaan 12\r\n8011 AB Zwolle\";\"zegt \"\"hoi\"\"\"\r\n;;\r\nPiet;;x\r\n"
        let sheet = try Self.read([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(
            sheet.rows.map(\.cells) == [
                ["Naam", "Adres", "Notitie"], ["de Vries; Anna", "Lindelaan 12\n8011 AB Zwolle", "zegt \"hoi\""],
                ["Piet", "", "x"],
            ])
        #expect(sheet.rows.map(\.number) == [1, 2, 4], "the row of empty cells counts, as Excel shows it")
    }

    @Test func separatorIsTakenFromTheHeaderLine() throws {
        #expect(try Self.read(Array("Naam,Plaats\nA;B,C\n".utf8)).rows[1].cells == ["A;B", "C"])
        #expect(try Self.read(Array("Naam\tPlaats\nA,B\tC\n".utf8)).rows[1].cells == ["A,B", "C"])
        #expect(try Self.read(Array("sep=,\nNaam;x,Plaats\n".utf8)).rows.map(\.cells) == [["Naam;x", "Plaats"]])
    }

    @Test func unicodeTextAsExcelSavesItIsUTF16WithBOM() throws {
        let text = "Naam\tPlaats\r\nJoëlle\t’s-Hertogenbosch\r\n"
        let units = Array(text.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        for bytes in [little, big] {
            #expect(try Self.read(bytes).rows.map(\.cells) == [["Naam", "Plaats"], ["Joëlle", "’s-Hertogenbosch"]])
        }
    }

    @Test func unclosedQuoteIsLocatedAtItsCell() throws {
        let problem = Self.problem(Array("Naam;Plaats\nAnna;Zwolle\nPiet;\"Deventer\nKees;Raalte\n".utf8))
        #expect(problem?.id == "I105")
        #expect(problem?.location?.description == "lijst (rij 3, kolom B)")
    }

    @Test func binaryFilesAreNotReadAsText() {
        #expect(Self.problem([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])?.id == "I103")
        #expect(Self.problem([0x41, 0x00, 0x42])?.id == "I103")
    }

    static let people: [[TestSpreadsheets.Cell]] = [
        [.text("Naam"), .text("Telefoon"), .text("Lid sinds"), .text("Uren"), .empty, .text("Postcode")],
        [
            .text("Anna de Vries"), .text("0612345678"), .date(serial: 46091, iso: "2026-03-10"), .number(16), .empty,
            .text("8011 AB"),
        ],
        [.text("Joëlle Öztürk"), .empty, .date(serial: 46022, iso: "2025-12-31"), .number(8.5)],
    ]
    static let expected = [
        ["Naam", "Telefoon", "Lid sinds", "Uren", "", "Postcode"],
        ["Anna de Vries", "0612345678", "2026-03-10", "16", "", "8011 AB"],
        ["Joëlle Öztürk", "", "2025-12-31", "8,5"],
    ]

    @Test func xlsxWithSharedRichTextDatesAndGaps() throws {
        let sheet = try Self.read(TestSpreadsheets.xlsx(Self.people))
        #expect(sheet.format == .xlsx)
        #expect(sheet.rows.map(\.cells) == Self.expected)
    }

    @Test func odsWithRepeatedEmptyCellsAndRowsToTheEndOfTheSheet() throws {
        let sheet = try Self.read(TestSpreadsheets.ods(Self.people))
        #expect(sheet.format == .ods)
        #expect(sheet.rows.map(\.cells) == Self.expected)
    }

    @Test func odsParagraphsSpacesAndRepeatedCellsWithText() throws {
        let table = """
            <table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="3" office:value-type="string"><text:p>ja</text:p></table:table-cell></table:table-row>\
            <table:table-row><table:table-cell><text:p>een<text:s text:c="3"/>twee<text:tab/>drie</text:p><text:p><text:span>vier</text:span></text:p>\
            <office:annotation><text:p>opmerking</text:p></office:annotation></table:table-cell>\
            <table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="time" office:time-value="PT13H30M00S"><text:p>13:30</text:p></table:table-cell></table:table-row>
            """
        let sheet = try Self.read(TestSpreadsheets.ods([], table: table))
        #expect(
            sheet.rows.map(\.cells) == [["ja", "ja", "ja"], ["ja", "ja", "ja"], ["een   twee\tdrie\nvier", "", "", "13:30"]])
        #expect(sheet.rows.map(\.number) == [1, 2, 3])
    }

    @Test func excelSerialNumbersAndFormats() {
        #expect(SpreadsheetNumber.date(serial: 1, uses1904: false)?.iso == "1900-01-01")
        #expect(SpreadsheetNumber.date(serial: 61, uses1904: false)?.iso == "1900-03-01")
        #expect(SpreadsheetNumber.date(serial: 46091, uses1904: false)?.iso == "2026-03-10")
        #expect(SpreadsheetNumber.date(serial: 44629, uses1904: true)?.iso == "2026-03-10")
        #expect(NumberStyle(id: 14, code: nil) == .date)
        #expect(NumberStyle(id: 20, code: nil) == .time)
        #expect(NumberStyle(id: 164, code: "[$-413]d\\ mmmm\\ yyyy") == .date)
        #expect(NumberStyle(id: 165, code: "\"dag \"0") == .number)
        #expect(NumberStyle(id: 166, code: "0.00;[Red]-0.00") == .number)
        #expect(SpreadsheetNumber.text("0.30000000000000004", style: .number, uses1904: false) == "0,3")
        #expect(SpreadsheetNumber.text("0.5625", style: .time, uses1904: false) == "13:30")
    }

    @Test func columnLetters() {
        #expect([0, 25, 26, 701, 702].map(ColumnName.letters) == ["A", "Z", "AA", "ZZ", "AAA"])
        #expect(["a", "AA", "XFD", "XFE", "A1"].map { ColumnName.index($0) } == [0, 26, 16_383, nil, nil])
    }

    // MARK: Hostile input

    @Test func millionRowsWithContentStopAtTheLimitOfRows() {
        let table = """
            <table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>
            """
        let problem = Self.problem(TestSpreadsheets.ods([], table: table))
        #expect(problem?.id == "I120")
        #expect(problem?.location?.detail == "rij 100001")
    }

    @Test func repeatedCellsWithTextStopAtTheLimitOfColumns() {
        let table = """
            <table:table-row><table:table-cell table:number-columns-repeated="16384"><text:p>x</text:p></table:table-cell></table:table-row>
            """
        #expect(Self.problem(TestSpreadsheets.ods([], table: table))?.id == "I121")
        let limits = SpreadsheetLimits(cells: 10)
        let rows = Array(repeating: [TestSpreadsheets.Cell.text("x"), .text("y"), .text("z")], count: 4)
        #expect(Self.problem(TestSpreadsheets.xlsx(rows), limits: limits)?.id == "I122")
    }

    @Test func farCellReferenceIsAnErrorNotAnAllocation() throws {
        let bytes = Self.replacing(
            "xl/worksheets/blad.xml",
            with:
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>",
            in: TestSpreadsheets.xlsx(Self.people))
        let problem = Self.problem(bytes)
        #expect(problem?.id == "I120")
        let wide = Self.replacing(
            "xl/worksheets/blad.xml",
            with:
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"5\"><c r=\"XFD5\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>",
            in: TestSpreadsheets.xlsx(Self.people))
        #expect(Self.problem(wide)?.id == "I121")
        #expect(Self.problem(wide)?.location?.detail == "rij 5, kolom XFD")
    }

    @Test func missingSharedStringIsLocatedAtItsCell() {
        let bytes = Self.replacing(
            "xl/worksheets/blad.xml",
            with:
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"2\"><c r=\"C2\" t=\"s\"><v>99</v></c></row></sheetData></worksheet>",
            in: TestSpreadsheets.xlsx(Self.people))
        let problem = Self.problem(bytes)
        #expect(problem?.id == "I124")
        #expect(problem?.location?.detail == "xl/worksheets/blad.xml, rij 2, kolom C")
    }

    @Test func hugeSharedStringsAndTooLongCells() {
        let huge =
            "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>"
            + String(repeating: "x", count: 2_000_000) + "</t></si></sst>"
        let bytes = Self.replacing("xl/sharedStrings.xml", with: huge, in: TestSpreadsheets.xlsx(Self.people))
        let limited = Self.problem(bytes, limits: SpreadsheetLimits(partSize: 1_048_576))
        #expect(limited?.id == "I111")
        #expect(limited?.location?.detail == "xl/sharedStrings.xml")
        // Within the part limit, the one long string is too long for a cell where it is used.
        let used = Self.problem(bytes)
        #expect(used?.id == "I123")
        #expect(used?.location?.detail == "rij 1, kolom A")
        #expect(Self.problem(Array(("Naam\n" + String(repeating: "é", count: 40_000)).utf8))?.id == "I123")
    }

    @Test func zipBombStopsAtTheDeclaredSize() throws {
        // 64 MB of spaces deflate to some 64 kB; the member says it holds 1 kB.
        let content = Array(repeating: UInt8(ascii: " "), count: 64 * 1_048_576)
        let deflater = Deflater()
        try content.withUnsafeBytes { try deflater.deflate($0) }
        let deflated = Array(deflater.output.prefix(deflater.outputCount))
        var entries = try Self.storedEntries(of: TestSpreadsheets.ods(Self.people))
        let index = entries.firstIndex { $0.text == "content.xml" }!
        entries[index] = HandZip.Entry(
            name: Array("content.xml".utf8), method: 8, data: deflated, crc32: entries[index].crc32, size: 1024)
        let problem = Self.problem(HandZip.archive(entries))
        #expect(problem?.id == "I111")
        #expect(problem?.message.contains("zip-bom") == true)
        // A member that says it is larger than the limit is not unpacked at all.
        entries[index].size = 100 * 1_048_576
        #expect(Self.problem(HandZip.archive(entries))?.id == "I111")
    }

    @Test func damagedAndOtherPackagesAreLocatedErrors() throws {
        var entries = try Self.storedEntries(of: TestSpreadsheets.xlsx(Self.people))
        let index = entries.firstIndex { $0.text == "xl/workbook.xml" }!
        entries[index].crc32 ^= 1
        let damaged = Self.problem(HandZip.archive(entries))
        #expect(damaged?.id == "I110")
        #expect(damaged?.location?.detail == "xl/workbook.xml")
        let document = try Self.storedEntries(of: TestSpreadsheets.xlsx(Self.people)).map { entry in
            entry.text == "xl/workbook.xml" ? HandZip.Entry.stored("word/document.xml", "<w/>") : entry
        }
        #expect(Self.problem(HandZip.archive(document))?.id == "I103")
        let doctype = Self.replacing(
            "content.xml", with: "<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>", in: TestSpreadsheets.ods(Self.people))
        #expect(Self.problem(doctype)?.id == "I113")
    }

    @Test func fileThatIsNotThereOrTooLarge() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "lerend-sheet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: DiagnosticList.self) { try Spreadsheet.read(path: folder.appending(path: "weg.csv").path) }
        let path = folder.appending(path: "groot.csv").path
        try Data(repeating: 0x41, count: 2048).write(to: URL(filePath: path))
        do {
            _ = try Spreadsheet.read(path: path, limits: SpreadsheetLimits(fileSize: 1024))
            Issue.record("a file over the limit is read")
        } catch { #expect(error.diagnostics.map(\.id) == ["I102"]) }
        do {
            _ = try Spreadsheet.read(path: folder.path)
            Issue.record("a folder is read")
        } catch { #expect(error.diagnostics.map(\.id) == ["I101"]) }
    }

    static func storedEntries(of archive: [UInt8]) throws -> [HandZip.Entry] {
        let zip = try ZipArchive(bytes: archive)
        return try zip.entries.map { HandZip.Entry.stored($0.rawName, try zip.contents(of: $0)) }
    }

    static func replacing(_ part: String, with text: String, in archive: [UInt8]) -> [UInt8] {
        let entries = (try? storedEntries(of: archive)) ?? []
        return HandZip.archive(entries.map { $0.text == part ? HandZip.Entry.stored(part, text) : $0 })
    }
}
