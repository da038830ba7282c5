/// Writes a zip archive into memory: members copied raw from a template, and rendered
/// parts deflated on the way in.
///
/// The format is the plain one every reader knows: local headers with sizes and CRC up
/// front (no data descriptors), no extra fields, no zip64, a fixed timestamp so that the
/// same input gives the same bytes. What does not fit that format (a part of 4 GiB,
/// more than 65,534 parts) is a ``ZipWriterError``.
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

    /// The largest values the plain zip format holds. A size, offset or count of all ones
    /// (0xFFFF_FFFF, 0xFFFF) means "see the zip64 record", which this writer does not
    /// write, so the largest usable value is one less.
    struct Limits: Sendable {
        /// The largest size of a part, compressed or not, and the largest offset in the archive.
        var size = 0xFFFF_FFFE
        /// The most parts an archive can have.
        var entryCount = 0xFFFE
        /// The longest name of a part, in bytes.
        var nameLength = 0xFFFF

        /// What every document is written with; tests make smaller limits.
        static let zip = Limits()
    }

    /// 1 January 1980, 00:00, the earliest DOS time: output does not depend on the clock.
    static let dosTime: UInt16 = 0
    static let dosDate: UInt16 = 0x21

    let limits: Limits
    private(set) var bytes: [UInt8] = []
    private var centralDirectory: [UInt8] = []
    private var count = 0
    /// Bytes handed out by ``takeBytes()`` already: the archive so far is those and ``bytes``.
    private var emitted = 0

    init(capacity: Int = 32 * 1024, limits: Limits = .zip) {
        self.limits = limits
        bytes.reserveCapacity(capacity)
        centralDirectory.reserveCapacity(2048)
    }

    /// Starts a new archive, keeping the memory of the previous one. After an error the
    /// archive is not whole: start again from here.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        centralDirectory.removeAll(keepingCapacity: true)
        count = 0
        emitted = 0
    }

    /// The bytes written since the last call, to send on while the archive grows (a
    /// download streamed member by member); offsets keep counting from the start.
    mutating func takeBytes() -> [UInt8] {
        let taken = bytes
        emitted += taken.count
        bytes.removeAll(keepingCapacity: true)
        return taken
    }

    /// Prepares a member whose data is already in its stored form (compressed or not).
    static func prepare(
        name: [UInt8], method: UInt16, crc32: UInt32, size: Int, data: [UInt8], limits: Limits = .zip
    ) throws(ZipWriterError) -> PreparedEntry {
        let nameLength = try checkedNameLength(name, limits: limits)
        let compressedSize = try checkedSize(data.count, of: name, limits: limits)
        let size = try checkedSize(size, of: name, limits: limits)
        let flags = flags(for: name)
        var record: [UInt8] = []
        record.reserveCapacity(30 + name.count + data.count)
        appendLocalHeader(
            to: &record, name: name, nameLength: nameLength, method: method, flags: flags, crc32: crc32,
            compressedSize: compressedSize, size: size)
        record += data
        return PreparedEntry(
            name: name, method: method, crc32: crc32, compressedSize: compressedSize, size: size, flags: flags,
            localRecord: record)
    }

    mutating func add(_ entry: PreparedEntry) throws(ZipWriterError) {
        let nameLength = try Self.checkedNameLength(entry.name, limits: limits)
        let offset = try nextEntryOffset(for: entry.name)
        appendCentralRecord(
            name: entry.name, nameLength: nameLength, method: entry.method, flags: entry.flags, crc32: entry.crc32,
            compressedSize: entry.compressedSize, size: entry.size, offset: offset)
        bytes += entry.localRecord
        count += 1
    }

    /// Adds a member from its uncompressed bytes, deflating them with `deflater`; a
    /// `prefix` that was deflated beforehand comes first.
    mutating func add(
        name: [UInt8], prefix: DeflatedPrefix? = nil, contents: UnsafeRawBufferPointer, deflater: Deflater
    ) throws(ZipWriterError) {
        let nameLength = try Self.checkedNameLength(name, limits: limits)
        let size = try Self.checkedSize(contents.count + (prefix?.size ?? 0), of: name, limits: limits)
        let offset = try nextEntryOffset(for: name)
        var crc = Deflater.crc32(contents)
        if let prefix { crc = Deflater.combine(prefix.crc32, crc, secondLength: contents.count) }
        do throws(DeflateError) {
            try deflater.deflate(contents)
        } catch {
            throw .compressionFailed(part: Self.text(name), error)
        }
        let compressedSize = try Self.checkedSize(
            (prefix?.deflated.count ?? 0) + deflater.outputCount, of: name, limits: limits)
        let flags = Self.flags(for: name)
        Self.appendLocalHeader(
            to: &bytes, name: name, nameLength: nameLength, method: 8, flags: flags, crc32: crc,
            compressedSize: compressedSize, size: size)
        if let prefix { bytes += prefix.deflated }
        deflater.output.withUnsafeBufferPointer { bytes.append(contentsOf: $0.prefix(deflater.outputCount)) }
        appendCentralRecord(
            name: name, nameLength: nameLength, method: 8, flags: flags, crc32: crc, compressedSize: compressedSize,
            size: size, offset: offset)
        count += 1
    }

    /// Appends the central directory and its end record; ``bytes`` is then a whole archive.
    mutating func finish() throws(ZipWriterError) {
        guard emitted + bytes.count <= limits.size, let offset = UInt32(exactly: emitted + bytes.count),
            centralDirectory.count <= limits.size, let directorySize = UInt32(exactly: centralDirectory.count)
        else { throw .documentTooLarge(part: nil, limit: limits.size) }
        guard count <= limits.entryCount, let entryCount = UInt16(exactly: count) else {
            throw .tooManyParts(limit: limits.entryCount)
        }
        bytes += centralDirectory
        bytes.appendLittleEndian(UInt32(0x0605_4B50))
        bytes.appendLittleEndian(UInt16(0))  // this disk
        bytes.appendLittleEndian(UInt16(0))  // disk with the central directory
        bytes.appendLittleEndian(entryCount)
        bytes.appendLittleEndian(entryCount)
        bytes.appendLittleEndian(directorySize)
        bytes.appendLittleEndian(offset)
        bytes.appendLittleEndian(UInt16(0))  // comment length
    }

    /// The offset of a member that starts now, when there is room for one more.
    private func nextEntryOffset(for name: [UInt8]) throws(ZipWriterError) -> UInt32 {
        guard count < limits.entryCount else { throw .tooManyParts(limit: limits.entryCount) }
        guard emitted + bytes.count <= limits.size, let offset = UInt32(exactly: emitted + bytes.count) else {
            throw .documentTooLarge(part: Self.text(name), limit: limits.size)
        }
        return offset
    }

    /// `size` as a 32-bit field of the member `name`, when it fits.
    private static func checkedSize(_ size: Int, of name: [UInt8], limits: Limits) throws(ZipWriterError) -> UInt32 {
        guard size <= limits.size, let field = UInt32(exactly: size) else {
            throw .partTooLarge(part: text(name), size: size, limit: limits.size)
        }
        return field
    }

    private static func checkedNameLength(_ name: [UInt8], limits: Limits) throws(ZipWriterError) -> UInt16 {
        guard name.count <= limits.nameLength, let length = UInt16(exactly: name.count) else {
            throw .nameTooLong(part: text(name), limit: limits.nameLength)
        }
        return length
    }

    private static func text(_ name: [UInt8]) -> String { String(decoding: name, as: UTF8.self) }

    /// Bit 11 says the name is UTF-8; only needed when it is not plain ASCII.
    private static func flags(for name: [UInt8]) -> UInt16 {
        name.contains { $0 >= 0x80 } ? 0x0800 : 0
    }

    private static func appendLocalHeader(
        to bytes: inout [UInt8], name: [UInt8], nameLength: UInt16, method: UInt16, flags: UInt16, crc32: UInt32,
        compressedSize: UInt32, size: UInt32
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
        bytes.appendLittleEndian(nameLength)
        bytes.appendLittleEndian(UInt16(0))  // no extra field
        bytes += name
    }

    private mutating func appendCentralRecord(
        name: [UInt8], nameLength: UInt16, method: UInt16, flags: UInt16, crc32: UInt32, compressedSize: UInt32,
        size: UInt32, offset: UInt32
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
        centralDirectory.appendLittleEndian(nameLength)
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
