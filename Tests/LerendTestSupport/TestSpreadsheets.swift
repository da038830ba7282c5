/// Spreadsheet files that tests make at run time: XLSX and ODS packages written as the
/// programs write them (stored zip members), from rows of cells.
public enum TestSpreadsheets: Sendable {
    /// A cell of a test sheet.
    public enum Cell: Sendable {
        case text(String)
        case number(Double)
        /// A date: an Excel serial number with a date format, or an ODS date value.
        case date(serial: Int, iso: String)
        case empty
    }

    /// An XLSX package whose first sheet holds `rows`; texts are shared strings, the first
    /// text cell of each row split in two rich text runs.
    public static func xlsx(_ rows: [[Cell]]) -> [UInt8] {
        var strings: [String] = []
        var sheet = ""
        for (rowIndex, row) in rows.enumerated() {
            sheet += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, cell) in row.enumerated() {
                let reference = column(columnIndex) + "\(rowIndex + 1)"
                switch cell {
                case .text(let text):
                    strings.append(text)
                    sheet += "<c r=\"\(reference)\" t=\"s\"><v>\(strings.count - 1)</v></c>"
                case .number(let value):
                    sheet += "<c r=\"\(reference)\"><v>\(value)</v></c>"
                case .date(let serial, _):
                    sheet += "<c r=\"\(reference)\" s=\"1\"><v>\(serial)</v></c>"
                case .empty:
                    break
                }
            }
            sheet += "</row>"
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let shared = strings.map { text -> String in
            let characters = Array(text)
            guard characters.count > 3 else { return "<si><t xml:space=\"preserve\">\(escaped(text))</t></si>" }
            let half = characters.count / 2
            return "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">\(escaped(String(characters[..<half])))</t></r>"
                + "<r><t xml:space=\"preserve\">\(escaped(String(characters[half...])))</t></r><rPh><t>x</t></rPh></si>"
        }.joined()
        return StoredZip.archive(
            [
                (
                    "[Content_Types].xml",
                    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                ),
                (
                    "_rels/.rels",
                    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>"
                ),
                (
                    "xl/workbook.xml",
                    "<?xml version=\"1.0\"?><workbook xmlns=\"\(main)\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><workbookPr/><sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId3\"/></sheets></workbook>"
                ),
                (
                    "xl/_rels/workbook.xml.rels",
                    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/blad.xml\"/></Relationships>"
                ),
                (
                    "xl/styles.xml",
                    "<?xml version=\"1.0\"?><styleSheet xmlns=\"\(main)\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd\\-mm\\-yyyy\"/></numFmts><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"
                ),
                ("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"\(main)\">\(shared)</sst>"),
                (
                    "xl/worksheets/blad.xml",
                    "<?xml version=\"1.0\"?><worksheet xmlns=\"\(main)\"><sheetData>\(sheet)</sheetData></worksheet>"
                ),
            ].map { ($0.0, Array($0.1.utf8)) })
    }

    /// An ODS package whose first table holds `rows`, followed by the repeated empty
    /// rows and cells LibreOffice writes up to the end of the sheet.
    public static func ods(_ rows: [[Cell]], table: String? = nil) -> [UInt8] {
        var body = ""
        for row in rows {
            body += "<table:table-row>"
            for cell in row {
                switch cell {
                case .text(let text):
                    let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false).map {
                        "<text:p>\(escaped(String($0)).replacing("  ", with: " <text:s/>"))</text:p>"
                    }
                    body += "<table:table-cell office:value-type=\"string\">\(paragraphs.joined())</table:table-cell>"
                case .number(let value):
                    body +=
                        "<table:table-cell office:value-type=\"float\" office:value=\"\(value)\"><text:p>\(value)</text:p></table:table-cell>"
                case .date(_, let iso):
                    body +=
                        "<table:table-cell office:value-type=\"date\" office:date-value=\"\(iso)\"><text:p>x</text:p></table:table-cell>"
                case .empty:
                    body += "<table:table-cell/>"
                }
            }
            body += "<table:table-cell table:number-columns-repeated=\"16377\"/></table:table-row>"
        }
        body +=
            "<table:table-row table:number-rows-repeated=\"1048570\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
        let content = """
            <?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
            office:version="1.3"><office:body><office:spreadsheet><table:table table:name="Blad1">\
            <table:table-column table:number-columns-repeated="1024"/>\(table ?? body)</table:table></office:spreadsheet></office:body></office:document-content>
            """
        return StoredZip.archive([
            ("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8)),
            ("content.xml", Array(content.utf8)),
            (
                "META-INF/manifest.xml",
                Array(
                    "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>"
                        .utf8)
            ),
        ])
    }

    static func column(_ index: Int) -> String {
        var number = index + 1
        var letters = ""
        while number > 0 {
            letters = String(Character(Unicode.Scalar(UInt8(65 + (number - 1) % 26)))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    static func escaped(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
    }
}

/// A zip archive of stored (not compressed) members, as a test writes one.
public enum StoredZip: Sendable {
    public static func archive(_ members: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        var bytes: [UInt8] = []
        var directory: [UInt8] = []
        for (name, data) in members {
            let offset = UInt32(bytes.count)
            let crc = crc32(data)
            let nameBytes = Array(name.utf8)
            func header(_ signature: UInt32, central: Bool) -> [UInt8] {
                var out: [UInt8] = []
                out.append(littleEndian: signature)
                if central { out.append(littleEndian: UInt16(20)) }
                out.append(littleEndian: UInt16(20))
                out.append(littleEndian: UInt16(0))  // flags
                out.append(littleEndian: UInt16(0))  // stored
                out.append(littleEndian: UInt16(0))
                out.append(littleEndian: UInt16(0x21))
                out.append(littleEndian: crc)
                out.append(littleEndian: UInt32(data.count))
                out.append(littleEndian: UInt32(data.count))
                out.append(littleEndian: UInt16(nameBytes.count))
                out.append(littleEndian: UInt16(0))
                if central {
                    out += [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]  // comment, disk, attributes
                    out.append(littleEndian: offset)
                }
                return out + nameBytes
            }
            bytes += header(0x0403_4B50, central: false) + data
            directory += header(0x0201_4B50, central: true)
        }
        let directoryOffset = UInt32(bytes.count)
        bytes += directory
        bytes.append(littleEndian: UInt32(0x0605_4B50))
        bytes.append(littleEndian: UInt32(0))
        bytes.append(littleEndian: UInt16(members.count))
        bytes.append(littleEndian: UInt16(members.count))
        bytes.append(littleEndian: UInt32(directory.count))
        bytes.append(littleEndian: directoryOffset)
        bytes.append(littleEndian: UInt16(0))
        return bytes
    }

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

extension [UInt8] {
    fileprivate mutating func append<T: FixedWidthInteger>(littleEndian value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
