import LerendDiagnostics

/// Collects the rows of a sheet as a reader finds them, within ``SpreadsheetLimits``:
/// empty rows are left out, trailing empty cells dropped, and a row, column or cell
/// beyond a limit is a located error before anything is allocated for it.
struct SheetBuilder {
    let problems: SheetProblems
    let limits: SpreadsheetLimits
    private(set) var rows: [Spreadsheet.Row] = []
    private var cellCount = 0

    init(problems: SheetProblems, limits: SpreadsheetLimits) {
        self.problems = problems
        self.limits = limits
    }

    /// Checks that row `number` lies within the limit of rows; readers call it before
    /// they expand a repeated row.
    func checkRow(_ number: Int) throws(Diagnostic) {
        guard number <= limits.rows else { throw problems.tooManyRows(row: number, limit: limits.rows) }
    }

    /// Checks that column `index` of row `row` lies within the limit of columns.
    func checkColumn(_ index: Int, row: Int) throws(Diagnostic) {
        guard index < limits.columns else { throw problems.tooManyColumns(row: row, column: index, limit: limits.columns) }
    }

    /// Checks the length of one cell's text.
    func checkCell(_ text: String, row: Int, column: Int) throws(Diagnostic) {
        guard text.utf8.count > limits.cellText, text.count > limits.cellText else { return }
        throw problems.cellTooLong(row: row, column: column, limit: limits.cellText)
    }

    /// Adds row `number` with `cells` (column A first); an empty row is left out.
    mutating func append(_ number: Int, _ cells: [String]) throws(Diagnostic) {
        var cells = cells
        while let last = cells.last, last.isEmpty { cells.removeLast() }
        guard !cells.isEmpty else { return }
        try checkRow(number)
        try checkColumn(cells.count - 1, row: number)
        for (column, cell) in cells.enumerated() where !cell.isEmpty {
            try checkCell(cell, row: number, column: column)
            cellCount += 1
        }
        guard cellCount <= limits.cells else { throw problems.tooManyCells(row: number, limit: limits.cells) }
        rows.append(Spreadsheet.Row(number: number, cells: cells))
    }
}
