import Foundation

@testable import LerendDocuments

/// Writes zip archives byte by byte, with whatever a test needs in them: names that no
/// word processor writes, wrong CRCs, unknown methods, sizes that lie. Local headers and
/// central directory agree, so that only the planted fault is wrong.
enum HandZip {
    struct Entry {
        var name: [UInt8]
        var method: UInt16 = 0
        /// The data as stored (deflated when `method` is 8).
        var data: [UInt8]
        var crc32: UInt32
        /// The uncompressed size the headers declare.
        var size: UInt32

        /// A stored member whose CRC and size are right.
        static func stored(_ name: String, _ text: String) -> Entry {
            stored(Array(name.utf8), Array(text.utf8))
        }

        static func stored(_ name: [UInt8], _ bytes: [UInt8]) -> Entry {
            Entry(
                name: name, data: bytes, crc32: bytes.withUnsafeBytes { Deflater.crc32($0) }, size: UInt32(bytes.count))
        }

        var text: String { String(decoding: name, as: UTF8.self) }
    }

    /// The members of a real template, as stored.
    static func entries(ofTemplate file: String) throws -> [Entry] {
        let archive = try ZipArchive(bytes: TestPackage.bytes(of: TestPackage.templatePath(file)))
        return try archive.entries.map {
            Entry(
                name: $0.rawName, method: $0.compressionMethod, data: try archive.rawContents(of: $0), crc32: $0.crc32,
                size: UInt32($0.size))
        }
    }

    /// A real template with `change` applied to its members.
    static func template(_ file: String, _ change: (inout [Entry]) throws -> Void) throws -> [UInt8] {
        var entries = try entries(ofTemplate: file)
        try change(&entries)
        return archive(entries)
    }

    static func archive(_ entries: [Entry]) -> [UInt8] {
        var bytes: [UInt8] = []
        var directory: [UInt8] = []
        for entry in entries {
            let offset = UInt32(bytes.count)
            // Bit 11 (UTF-8) only for a name that is UTF-8; other names are legacy code page 437.
            let isUTF8 = entry.name.contains { $0 >= 0x80 } && String(validating: entry.name, as: UTF8.self) != nil
            let flags: UInt16 = isUTF8 ? 0x0800 : 0
            bytes.appendLittleEndian(UInt32(0x0403_4B50))
            bytes.appendLittleEndian(UInt16(20))
            bytes.appendLittleEndian(flags)
            bytes.appendLittleEndian(entry.method)
            bytes.appendLittleEndian(UInt16(0))
            bytes.appendLittleEndian(UInt16(0x21))
            bytes.appendLittleEndian(entry.crc32)
            bytes.appendLittleEndian(UInt32(entry.data.count))
            bytes.appendLittleEndian(entry.size)
            bytes.appendLittleEndian(UInt16(entry.name.count))
            bytes.appendLittleEndian(UInt16(0))
            bytes += entry.name
            bytes += entry.data
            directory.appendLittleEndian(UInt32(0x0201_4B50))
            directory.appendLittleEndian(UInt16(0x031E))
            directory.appendLittleEndian(UInt16(20))
            directory.appendLittleEndian(flags)
            directory.appendLittleEndian(entry.method)
            directory.appendLittleEndian(UInt16(0))
            directory.appendLittleEndian(UInt16(0x21))
            directory.appendLittleEndian(entry.crc32)
            directory.appendLittleEndian(UInt32(entry.data.count))
            directory.appendLittleEndian(entry.size)
            directory.appendLittleEndian(UInt16(entry.name.count))
            directory += [0, 0, 0, 0, 0, 0, 0, 0]  // extra, comment, disk, internal attributes
            directory.appendLittleEndian(UInt32(0o100644) << 16)
            directory.appendLittleEndian(offset)
            directory += entry.name
        }
        let directoryOffset = UInt32(bytes.count)
        bytes += directory
        bytes.appendLittleEndian(UInt32(0x0605_4B50))
        bytes += [0, 0, 0, 0]
        bytes.appendLittleEndian(UInt16(entries.count))
        bytes.appendLittleEndian(UInt16(entries.count))
        bytes.appendLittleEndian(UInt32(directory.count))
        bytes.appendLittleEndian(directoryOffset)
        bytes += [0, 0]
        return bytes
    }

    /// A deflate stream of `megabytes` MB of zeros, made without holding them: one MB of
    /// zeros deflated up to a full flush (about 1 kB), repeated, then an empty final
    /// block. With the CRC-32 of the whole.
    static func zeroBomb(megabytes: Int) throws -> (data: [UInt8], crc32: UInt32) {
        let zeros = [UInt8](repeating: 0, count: 1_048_576)
        let piece = try zeros.withUnsafeBytes { try Deflater.deflatedStart($0, level: 9) }
        let pieceCRC = zeros.withUnsafeBytes { Deflater.crc32($0) }
        var data: [UInt8] = []
        data.reserveCapacity(piece.count * megabytes + 2)
        var crc = pieceCRC
        for index in 0..<megabytes {
            data += piece
            if index > 0 { crc = Deflater.combine(crc, pieceCRC, secondLength: zeros.count) }
        }
        data += [0x03, 0x00]  // a final block of fixed codes holding only its end
        return (data, crc)
    }
}
