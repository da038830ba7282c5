/// How much of a spreadsheet Lerend reads: limits against zip bombs and broken or
/// hostile files, far above a list of organisations or participants.
///
/// Each is a located error (I102, I111, I120–I123) rather than a crash or a machine
/// that runs out of memory.
public struct SpreadsheetLimits: Sendable, Hashable {
    /// The largest file, CSV or package.
    public var fileSize: Int
    /// The largest uncompressed XML part that is parsed (the sheet, shared strings,
    /// styles, `content.xml`); a tree takes up to 25 times its size.
    public var partSize: Int
    /// The most rows, counted up to the last row with a non-empty cell.
    public var rows: Int
    /// The most columns, counted up to the last non-empty cell of a row.
    public var columns: Int
    /// The most non-empty cells of the whole sheet, and the most shared strings.
    public var cells: Int
    /// The most characters in one cell (Excel's own limit).
    public var cellText: Int

    /// Limits with the defaults of ``standard`` for what is not given.
    public init(
        fileSize: Int = 32 * 1_048_576, partSize: Int = 16 * 1_048_576, rows: Int = 100_000, columns: Int = 1_000,
        cells: Int = 1_000_000, cellText: Int = 32_767
    ) {
        self.fileSize = fileSize
        self.partSize = partSize
        self.rows = rows
        self.columns = columns
        self.cells = cells
        self.cellText = cellText
    }

    /// 32 MB per file, 16 MB per XML part, 100,000 rows, 1,000 columns, 1,000,000 cells,
    /// 32,767 characters per cell.
    public static let standard = SpreadsheetLimits()
}
