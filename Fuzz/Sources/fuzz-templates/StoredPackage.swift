/// A zip of uncompressed members with correct CRCs, made around one fuzzed XML part, so
/// that mutations of the XML reach the parser and the compiler instead of failing the
/// package's CRC check.
enum StoredPackage {
    /// The package around `xml`: `content.xml` (or `styles.xml`) of a small ODT when
    /// the XML is ODF, else `word/document.xml` of a small DOCX.
    static func wrapping(_ xml: [UInt8]) -> [UInt8] {
        let odfNamespace = Array("urn:oasis:names:tc:opendocument".utf8)
        guard contains(xml, odfNamespace) else {
            return zip([
                ("[Content_Types].xml", Array(docxContentTypes.utf8)), ("_rels/.rels", Array(docxRelationships.utf8)),
                ("word/document.xml", xml),
            ])
        }
        let styles = contains(xml, Array("document-styles".utf8))
        return zip(
            [
                ("mimetype", Array("application/vnd.oasis.opendocument.text".utf8)),
                ("META-INF/manifest.xml", Array(odtManifest.utf8)),
                ("content.xml", styles ? Array(odtContent.utf8) : xml),
            ] + (styles ? [("styles.xml", xml)] : []))
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// The bytes of a zip archive holding `members`, stored (method 0).
    static func zip(_ members: [(name: String, data: [UInt8])]) -> [UInt8] {
        var output: [UInt8] = []
        var directory: [UInt8] = []
        func append16(_ value: Int, to bytes: inout [UInt8]) {
            bytes += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)]
        }
        func append32(_ value: UInt32, to bytes: inout [UInt8]) {
            bytes += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
        }
        for member in members {
            let name = Array(member.name.utf8)
            let crc = crc32(member.data)
            let offset = UInt32(output.count)
            append32(0x0403_4B50, to: &output)
            for value in [20, 0, 0, 0, 0x5C21] { append16(value, to: &output) }
            append32(crc, to: &output)
            append32(UInt32(member.data.count), to: &output)
            append32(UInt32(member.data.count), to: &output)
            append16(name.count, to: &output)
            append16(0, to: &output)
            output += name + member.data

            append32(0x0201_4B50, to: &directory)
            for value in [20, 20, 0, 0, 0, 0x5C21] { append16(value, to: &directory) }
            append32(crc, to: &directory)
            append32(UInt32(member.data.count), to: &directory)
            append32(UInt32(member.data.count), to: &directory)
            for value in [name.count, 0, 0, 0, 0] { append16(value, to: &directory) }
            append32(0, to: &directory)
            append32(offset, to: &directory)
            directory += name
        }
        let directoryOffset = UInt32(output.count)
        output += directory
        append32(0x0605_4B50, to: &output)
        for value in [0, 0, members.count, members.count] { append16(value, to: &output) }
        append32(UInt32(directory.count), to: &output)
        append32(directoryOffset, to: &output)
        append16(0, to: &output)
        return output
    }

    private static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    static let docxContentTypes = """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """

    static let docxRelationships = """
        <?xml version="1.0" encoding="UTF-8"?><Relationships \
        xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="word/document.xml"/></Relationships>
        """

    static let odtManifest = """
        <?xml version="1.0" encoding="UTF-8"?><manifest:manifest \
        xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">\
        <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>\
        <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
        <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>
        """

    static let odtContent = """
        <?xml version="1.0" encoding="UTF-8"?><office:document-content \
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body>\
        <office:text><text:p>{{ netwerk.naam }}</text:p></office:text></office:body></office:document-content>
        """
}
