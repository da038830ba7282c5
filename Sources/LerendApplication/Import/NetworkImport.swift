import Foundation
import LerendData
public import LerendDiagnostics
public import LerendDocuments
public import LerendNetwork

/// `lerend importeer` and the import page of the web app: a sheet read, its columns
/// mapped, its rows previewed against a network file, and the ready rows written.
public enum NetworkImport: Sendable {
    /// Reads the network file at `networkPath` and the sheet at `sheetPath`, maps the
    /// columns (the suggestion from the header, then `columnChoices` such as
    /// `E-mail werk=email`) and checks every row. Without `target` it is guessed from
    /// the header (``ImportTarget/guess(header:)``).
    public static func preview(
        networkPath: String, sheetPath: String, target: ImportTarget? = nil, columnChoices: [String] = []
    ) throws(DiagnosticList) -> ImportPreview {
        let networkFile = try NetworkFile.load(path: networkPath)
        let sheet = try Spreadsheet.read(path: sheetPath)
        return try preview(sheet, networkFile: networkFile, target: target, columnChoices: columnChoices)
    }

    /// The same for a sheet and a network already read, such as an upload.
    public static func preview(
        _ sheet: Spreadsheet, networkFile: NetworkFile, target: ImportTarget? = nil, columnChoices: [String] = []
    ) throws(DiagnosticList) -> ImportPreview {
        let headerRow = headerRow(of: sheet)
        let header = headerRow?.cells ?? []
        let target = target ?? ImportTarget.guess(header: header)
        let mapping = try ColumnMapping.suggested(header: header, target: target, headerRowNumber: headerRow?.number ?? 1)
            .applying(
                columnChoices, target: target, fileName: sheet.fileName)
        return ImportPreview(
            sheet: sheet, target: target, mapping: mapping, networkFile: networkFile, headerRowNumber: headerRow?.number)
    }

    /// The row that names the columns: of the first 10 rows, the first that names the
    /// most keys of organisations or participants (a title such as "Deelnemers 2026" may
    /// come above it); the first row when none names any.
    public static func headerRow(of sheet: Spreadsheet) -> Spreadsheet.Row? {
        var best: (row: Spreadsheet.Row, count: Int)?
        for row in sheet.rows.prefix(10) {
            let count =
                ImportTarget.allCases.map { target in
                    ColumnMapping.suggested(header: row.cells, target: target).columns.count { $0.field != nil }
                }.max() ?? 0
            if count > best?.count ?? 0 { best = (row, count) }
        }
        return best?.row ?? sheet.rows.first
    }
}

extension ImportPreview {
    /// Writes the network file with the ready entries added to `path`, or to the
    /// network file itself when `path` is `nil`; returns how many were added.
    ///
    /// An existing file, the network file included, is replaced only when `overwrite`
    /// is set: then the organiser asked for it in so many words. Nothing is written
    /// when the sheet has problems or no row is ready.
    public func write(to path: String?, overwrite: Bool, today: String) throws(DiagnosticList) -> Int {
        if !problems.isEmpty { throw DiagnosticList(problems) }
        let output = path ?? networkFile.file.path
        let isInput = OutputGuard.same(output, networkFile.file.path)
        if FileManager.default.fileExists(atPath: output), !overwrite {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "O004", isInput ? "-o wijst naar het netwerkbestand zelf" : "'\(output)' bestaat al",
                    at: SourceLocation(file: output),
                    hint: "kies een nieuwe naam, of zet --overschrijven erbij als je het bestand echt wilt vervangen")
            ])
        }
        guard !entries.isEmpty else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "I220", "geen enkele rij van '\(fileName)' kan worden toegevoegd; er is niets geschreven",
                    at: SourceLocation(file: fileName), hint: "verbeter de rijen met problemen en importeer opnieuw")
            ])
        }
        let text = try networkText(note: "geïmporteerd uit \((fileName as NSString).lastPathComponent) op \(today)")
        try OutputGuard.write(Array(text.utf8), to: output)
        return entries.count
    }
}
