/// The start of a zip member, deflated once: its size, its CRC-32 and the deflate
/// output up to a full flush, to which the deflate of the rest is appended.
struct DeflatedPrefix: Sendable {
    let size: Int
    let crc32: UInt32
    let deflated: [UInt8]

    init(_ bytes: UnsafeRawBufferPointer) throws(DeflateError) {
        size = bytes.count
        crc32 = Deflater.crc32(bytes)
        deflated = try Deflater.deflatedStart(bytes)
    }
}
