import LerendDiagnostics

/// The text of a CSV file, decoded as Excel writes it: UTF-8 with or without a byte
/// order mark, UTF-16 with one ("Unicode-tekst"), or else Windows-1252 (Excel's "CSV
/// (gescheiden door lijstscheidingsteken)" on a Dutch Windows).
enum CSVText {
    static func decode(_ bytes: [UInt8], problems: SheetProblems) throws(Diagnostic) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                throw problems.badText("het begint als UTF-8, maar bevat tekens die geen UTF-8 zijn")
            }
            return try checked(text, problems: problems)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return try checked(utf16(bytes.dropFirst(2), bigEndian: bytes[0] == 0xFE, problems: problems), problems: problems)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return try checked(text, problems: problems) }
        var text = String.UnicodeScalarView()
        for byte in bytes { text.append(windows1252(byte)) }
        return try checked(String(text), problems: problems)
    }

    /// A NUL is never in a text file: this is a binary file (or UTF-16 without its mark).
    private static func checked(_ text: String, problems: SheetProblems) throws(Diagnostic) -> String {
        guard text.utf8.contains(0) else { return text }
        throw problems.notASpreadsheet(
            "het bevat binaire gegevens (nul-bytes), dus het is geen CSV-tekst",
            hint: "sla het rekenblad op als .xlsx, .ods of .csv")
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, problems: SheetProblems) throws(Diagnostic) -> String {
        guard bytes.count % 2 == 0 else { throw problems.badText("het is UTF-16, maar heeft een oneven aantal bytes") }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw problems.badText("het is UTF-16, maar bevat een half teken")
        }
        return text
    }

    /// The character of `byte` in Windows-1252. The five bytes it leaves undefined
    /// become the C1 controls of the same value, as Windows itself reads them.
    static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let value = high[Int(byte - 0x80)]
        return Unicode.Scalar(value == 0 ? UInt32(byte) : value) ?? Unicode.Scalar(byte)
    }

    /// 0x80 to 0x9F; 0 where Windows-1252 has no character.
    private static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
