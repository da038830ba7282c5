/// Writes a zip archive into memory: members copied raw from a template, and rendered
/// parts deflated on the way in.
///
/// The format is the plain one every reader knows: local headers with sizes and CRC up
/// front (no data descriptors), no extra fields, no zip64, a fixed timestamp so that the
/// same input gives the same bytes.
struct ZipWriter {
    /// A member whose local header and data are ready to copy as they are.
    struct PreparedEntry: Sendable {
        let name: [UInt8]
        let method: UInt16
        let crc32: UInt32
        let compressedSize: UInt32
        let size: UInt32
        let flags: UInt16
        /// Local file header, name and data.
        let localRecord: [UInt8]
    }

    /// 1 January 1980, 00:00, the earliest DOS time: output does not depend on the clock.
    static let dosTime: UInt16 = 0
    static let dosDate: UInt16 = 0x21

    private(set) var bytes: [UInt8] = []
    private var centralDirectory: [UInt8] = []
    private var count = 0

    init(capacity: Int = 32 * 1024) {
        bytes.reserveCapacity(capacity)
        centralDirectory.reserveCapacity(2048)
    }

    /// Starts a new archive, keeping the memory of the previous one.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        centralDirectory.removeAll(keepingCapacity: true)
        count = 0
    }

    /// Prepares a member whose data is already in its stored form (compressed or not).
    static func prepare(
        name: [UInt8], method: UInt16, crc32: UInt32, size: Int, data: [UInt8]
    ) -> PreparedEntry {
        let flags = flags(for: name)
        var record: [UInt8] = []
        record.reserveCapacity(30 + name.count + data.count)
        appendLocalHeader(
            to: &record, name: name, method: method, flags: flags, crc32: crc32, compressedSize: UInt32(data.count),
            size: UInt32(size))
        record += data
        return PreparedEntry(
            name: name, method: method, crc32: crc32, compressedSize: UInt32(data.count), size: UInt32(size), flags: flags,
            localRecord: record)
    }

    mutating func add(_ entry: PreparedEntry) {
        appendCentralRecord(
            name: entry.name, method: entry.method, flags: entry.flags, crc32: entry.crc32,
            compressedSize: entry.compressedSize, size: entry.size, offset: UInt32(bytes.count))
        bytes += entry.localRecord
        count += 1
    }

    /// Adds a member from its uncompressed bytes, deflating them with `deflater`; a
    /// `prefix` that was deflated beforehand comes first.
    mutating func add(
        name: [UInt8], prefix: DeflatedPrefix? = nil, contents: UnsafeRawBufferPointer, deflater: Deflater
    ) {
        var crc = Deflater.crc32(contents)
        var size = contents.count
        if let prefix {
            crc = Deflater.combine(prefix.crc32, crc, secondLength: contents.count)
            size += prefix.size
        }
        deflater.deflate(contents)
        let compressedSize = UInt32((prefix?.deflated.count ?? 0) + deflater.outputCount)
        let offset = UInt32(bytes.count)
        let flags = Self.flags(for: name)
        Self.appendLocalHeader(
            to: &bytes, name: name, method: 8, flags: flags, crc32: crc, compressedSize: compressedSize, size: UInt32(size))
        if let prefix { bytes += prefix.deflated }
        deflater.output.withUnsafeBufferPointer { bytes.append(contentsOf: $0.prefix(deflater.outputCount)) }
        appendCentralRecord(
            name: name, method: 8, flags: flags, crc32: crc, compressedSize: compressedSize, size: UInt32(size),
            offset: offset)
        count += 1
    }

    /// Appends the central directory and its end record; ``bytes`` is then a whole archive.
    mutating func finish() {
        let offset = UInt32(bytes.count)
        bytes += centralDirectory
        bytes.appendLittleEndian(UInt32(0x0605_4B50))
        bytes.appendLittleEndian(UInt16(0))  // this disk
        bytes.appendLittleEndian(UInt16(0))  // disk with the central directory
        bytes.appendLittleEndian(UInt16(count))
        bytes.appendLittleEndian(UInt16(count))
        bytes.appendLittleEndian(UInt32(centralDirectory.count))
        bytes.appendLittleEndian(offset)
        bytes.appendLittleEndian(UInt16(0))  // comment length
    }

    /// Bit 11 says the name is UTF-8; only needed when it is not plain ASCII.
    private static func flags(for name: [UInt8]) -> UInt16 {
        name.contains { $0 >= 0x80 } ? 0x0800 : 0
    }

    private static func appendLocalHeader(
        to bytes: inout [UInt8], name: [UInt8], method: UInt16, flags: UInt16, crc32: UInt32, compressedSize: UInt32,
        size: UInt32
    ) {
        bytes.appendLittleEndian(UInt32(0x0403_4B50))
        bytes.appendLittleEndian(UInt16(20))  // version needed: 2.0
        bytes.appendLittleEndian(flags)
        bytes.appendLittleEndian(method)
        bytes.appendLittleEndian(dosTime)
        bytes.appendLittleEndian(dosDate)
        bytes.appendLittleEndian(crc32)
        bytes.appendLittleEndian(compressedSize)
        bytes.appendLittleEndian(size)
        bytes.appendLittleEndian(UInt16(name.count))
        bytes.appendLittleEndian(UInt16(0))  // no extra field
        bytes += name
    }

    private mutating func appendCentralRecord(
        name: [UInt8], method: UInt16, flags: UInt16, crc32: UInt32, compressedSize: UInt32, size: UInt32, offset: UInt32
    ) {
        centralDirectory.appendLittleEndian(UInt32(0x0201_4B50))
        centralDirectory.appendLittleEndian(UInt16(0x031E))  // made by: Unix, 3.0
        centralDirectory.appendLittleEndian(UInt16(20))
        centralDirectory.appendLittleEndian(flags)
        centralDirectory.appendLittleEndian(method)
        centralDirectory.appendLittleEndian(Self.dosTime)
        centralDirectory.appendLittleEndian(Self.dosDate)
        centralDirectory.appendLittleEndian(crc32)
        centralDirectory.appendLittleEndian(compressedSize)
        centralDirectory.appendLittleEndian(size)
        centralDirectory.appendLittleEndian(UInt16(name.count))
        centralDirectory.appendLittleEndian(UInt16(0))  // extra
        centralDirectory.appendLittleEndian(UInt16(0))  // comment
        centralDirectory.appendLittleEndian(UInt16(0))  // disk
        centralDirectory.appendLittleEndian(UInt16(0))  // internal attributes
        centralDirectory.appendLittleEndian(UInt32(0o100644) << 16)  // external: regular file, rw-r--r--
        centralDirectory.appendLittleEndian(offset)
        centralDirectory += name
    }
}

extension [UInt8] {
    mutating func appendLittleEndian(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func appendLittleEndian(_ value: UInt32) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
        append(UInt8(truncatingIfNeeded: value >> 16))
        append(UInt8(truncatingIfNeeded: value >> 24))
    }
}
