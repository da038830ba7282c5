/// Reads the names in a zip archive's central directory without libzip.
///
/// libzip turns a NUL byte in a name into a space, which would hide it from the name
/// checks of ``PackageValidator``; this reads the names as stored. Anything it does not
/// understand gives `nil`, and the names libzip reports are used instead.
enum CentralDirectory {
    static func rawNames(in bytes: UnsafeRawBufferPointer) -> [[UInt8]]? {
        let count = bytes.count
        guard count >= 22 else { return nil }
        let lowest = max(0, count - 22 - 0xFFFF)
        var end = count - 22
        while end >= lowest, read32(bytes, end) != 0x0605_4B50 { end -= 1 }
        guard end >= lowest else { return nil }
        var entries = UInt64(read16(bytes, end + 10))
        var offset = UInt64(read32(bytes, end + 16))
        if entries == 0xFFFF || offset == 0xFFFF_FFFF {
            // zip64: the locator just before the end record points at the zip64 end record.
            let locator = end - 20
            guard locator >= 0, read32(bytes, locator) == 0x0706_4B50,
                let record = Int(exactly: read64(bytes, locator + 8)), record >= 0, record <= count - 56,
                read32(bytes, record) == 0x0606_4B50
            else { return nil }
            entries = read64(bytes, record + 32)
            offset = read64(bytes, record + 48)
        }
        guard var position = Int(exactly: offset), position <= count else { return nil }
        var names: [[UInt8]] = []
        var remaining = entries
        while remaining > 0 {
            // Every record takes at least 46 bytes, so a false count ends at the archive's end.
            guard position <= count - 46, read32(bytes, position) == 0x0201_4B50 else { return nil }
            let nameLength = Int(read16(bytes, position + 28))
            let extraLength = Int(read16(bytes, position + 30))
            let commentLength = Int(read16(bytes, position + 32))
            guard position + 46 + nameLength <= count else { return nil }
            names.append(Array(bytes[(position + 46)..<(position + 46 + nameLength)]))
            position += 46 + nameLength + extraLength + commentLength
            remaining -= 1
        }
        return names
    }

    private static func read16(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt16 {
        UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    private static func read32(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
        UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    private static func read64(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
