/// Column letters as spreadsheets show them: `A` is column 0, `Z` 25, `AA` 26.
public enum ColumnName: Sendable {
    /// `A`, `B`, …, `Z`, `AA`, … for a column index counted from 0.
    public static func letters(_ index: Int) -> String {
        var number = index + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    /// The index of column `letters` (any case), `nil` when it is not only letters or
    /// lies beyond `XFD`, the last column of Excel.
    public static func index(_ letters: some StringProtocol) -> Int? {
        guard !letters.isEmpty, letters.count <= 3 else { return nil }
        var number = 0
        for scalar in letters.unicodeScalars {
            let value = Int(scalar.value) | 0x20
            guard value >= 0x61, value <= 0x7A else { return nil }
            number = number * 26 + (value - 0x60)
        }
        return number <= 16_384 ? number - 1 : nil
    }

    /// The column and row of a cell reference such as `C5` (column 2, row 5).
    static func cell(_ reference: String) -> (column: Int, row: Int)? {
        let letters = reference.prefix { $0.isASCII && $0.isLetter }
        guard let column = index(letters), let row = Int(reference.dropFirst(letters.count)), row > 0 else { return nil }
        return (column, row)
    }
}
