import Foundation
public import LerendDiagnostics
public import LerendDocuments
import LerendMail
public import LerendNetwork

/// What an import would add: every row of the sheet below the header, either a ready
/// entry or its problems (the row is then skipped), for a table on a page or a list in
/// the terminal.
public struct ImportPreview: Sendable {
    /// One row of the sheet.
    public struct Row: Sendable, Hashable {
        /// The row number as the spreadsheet shows it.
        public let number: Int
        /// The normalised texts, one per key of ``ImportPreview/fields`` (empty when the
        /// row has none).
        public let values: [String]
        /// The entry to add; `nil` when the row has problems.
        public let entry: NetworkEntry?
        /// Why the row is skipped, each located at its row and column, in Dutch.
        public let problems: [Diagnostic]

        public var isReady: Bool { entry != nil }
    }

    public let target: ImportTarget
    public let mapping: ColumnMapping
    public let fileName: String
    /// The number of the row that names the columns; the rows below it are the entries.
    public let headerRowNumber: Int
    /// The keys the mapping fills, in the order of ``NetworkSchema``: the columns of the table.
    public let fields: [String]
    /// The rows that hold something in a used column; empty rows are left out.
    public let rows: [Row]
    /// Problems of the whole sheet (the mapping); when there are any, no row is ready.
    public let problems: [Diagnostic]
    /// The network the entries are added to.
    public let networkFile: NetworkFile

    /// The entries of the ready rows, in the order of the sheet: the value the editor of
    /// network files takes.
    public var entries: [NetworkEntry] { rows.compactMap(\.entry) }

    /// The rows with problems.
    public var skipped: [Row] { rows.filter { !$0.isReady } }

    /// Checks every row of `sheet` below its header (the row numbered `headerRowNumber`,
    /// by default the first row) against `networkFile` with `mapping`. `alsoAdded` names
    /// organisations added in the same import (a participant may work at one of them).
    public init(
        sheet: Spreadsheet, target: ImportTarget, mapping: ColumnMapping, networkFile: NetworkFile,
        headerRowNumber: Int? = nil, alsoAdded organisations: [String] = []
    ) {
        self.target = target
        self.mapping = mapping
        self.fileName = sheet.fileName
        let headerRowNumber = headerRowNumber ?? sheet.rows.first?.number ?? 1
        self.headerRowNumber = headerRowNumber
        self.networkFile = networkFile
        let used = target.schema.fields.filter { field in mapping.columns.contains { $0.field == field.name } }
        fields = used.map(\.name)
        var problems = mapping.problems(target: target, fileName: sheet.fileName)
        if sheet.rows.isEmpty {
            problems.append(
                Diagnostic(
                    .error, id: "I201", "het rekenblad is leeg", at: SourceLocation(file: sheet.fileName),
                    hint:
                        "de eerste rij noemt de kolommen (Naam, Organisatie, E-mailadres, ...), de rijen daaronder de \(target.listKey)"
                ))
        }
        self.problems = problems
        guard problems.isEmpty else {
            rows = []
            return
        }
        var checker = RowChecker(
            target: target, fileName: sheet.fileName, fields: used, mapping: mapping, network: networkFile.network,
            alsoAdded: organisations)
        rows = sheet.rows.filter { $0.number > headerRowNumber }.compactMap { checker.check($0) }
    }

    /// The text of the network file with the ready entries appended, checked by loading it.
    public func networkText(note: String) throws(DiagnosticList) -> String {
        let edit = NetworkEdit.appendAll(NetworkPath([.key(target.listKey)]), entries, comment: note)
        return try networkFile.applying([edit], allowingNewWarnings: true).text
    }
}
