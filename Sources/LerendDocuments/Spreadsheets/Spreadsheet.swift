import Foundation
public import LerendDiagnostics

/// The first sheet of a spreadsheet file, as rows of cell texts: what an organiser
/// imports organisations and participants from.
///
/// Read from CSV (as Excel writes it: `;`, `,` or tab, UTF-8 with or without BOM,
/// Windows-1252, UTF-16 with BOM), XLSX and ODS. Every cell is text: numbers as the
/// sheet shows them, dates as `JJJJ-MM-DD`. Empty rows are left out and trailing empty
/// cells dropped, so a row's ``Row/number`` is the row number the organiser sees in
/// Excel or LibreOffice.
public struct Spreadsheet: Sendable, Hashable {
    /// One row that holds at least one non-empty cell.
    public struct Row: Sendable, Hashable {
        /// The row number as the spreadsheet program shows it, counted from 1.
        public let number: Int
        /// The cells from column A on; a gap is an empty text.
        public let cells: [String]

        public init(number: Int, cells: [String]) {
            self.number = number
            self.cells = cells
        }

        /// The text of column `index` (0 is column A), empty when the row is shorter.
        public subscript(index: Int) -> String { index < cells.count ? cells[index] : "" }
    }

    /// The file as the user named it, for messages.
    public let fileName: String
    public let format: SpreadsheetFormat
    public let rows: [Row]

    public init(fileName: String, format: SpreadsheetFormat, rows: [Row]) {
        self.fileName = fileName
        self.format = format
        self.rows = rows
    }

    /// Reads the spreadsheet at `path`; `fileName` names it in messages (default: the path).
    public static func read(
        path: String, fileName: String? = nil, limits: SpreadsheetLimits = .standard
    ) throws(DiagnosticList) -> Spreadsheet {
        let name = fileName ?? path
        if let problem = InputFile.problem(path, what: "rekenblad", limit: limits.fileSize, ids: ("I101", "I102")) {
            throw DiagnosticList([problem])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "I101", exists ? "kan '\(name)' niet lezen" : "het bestand '\(name)' bestaat niet",
                    at: SourceLocation(file: name),
                    hint: exists ? "controleer of je het bestand mag lezen" : "controleer de naam en de map")
            ])
        }
        return try read(bytes: [UInt8](data), fileName: name, limits: limits)
    }

    /// Reads a spreadsheet held in memory, such as an upload; the format follows from
    /// the bytes, not from the name.
    public static func read(
        bytes: [UInt8], fileName: String, limits: SpreadsheetLimits = .standard
    ) throws(DiagnosticList) -> Spreadsheet {
        let problems = SheetProblems(fileName: fileName)
        guard bytes.count <= limits.fileSize else {
            throw DiagnosticList([problems.fileTooLarge(bytes.count, limit: limits.fileSize)])
        }
        do throws(Diagnostic) {
            if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
                let package = try OfficePackage(bytes: bytes, problems: problems, limits: limits)
                switch try package.format() {
                case .xlsx:
                    return Spreadsheet(fileName: fileName, format: .xlsx, rows: try XLSXReader(package: package).rows())
                case .ods:
                    return Spreadsheet(fileName: fileName, format: .ods, rows: try ODSReader(package: package).rows())
                case .csv:
                    break
                }
            }
            if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
                throw problems.notASpreadsheet(
                    "het is een .xls-bestand van Excel 97-2003, en dat leest Lerend niet",
                    hint: "open het in Excel of LibreOffice en sla het op als .xlsx, .ods of .csv")
            }
            let text = try CSVText.decode(bytes, problems: problems)
            return Spreadsheet(
                fileName: fileName, format: .csv, rows: try CSVReader(problems: problems, limits: limits).rows(text))
        } catch {
            throw DiagnosticList([error])
        }
    }
}

/// The kinds of file a ``Spreadsheet`` is read from.
public enum SpreadsheetFormat: String, Sendable, Hashable {
    case csv, xlsx, ods
}
