internal import CLibZip

/// The main part of a merged document, deflated as it is written: records go in one
/// after the other and only the compressed bytes are kept, so that memory grows with the
/// compressed size of the batch, not with its XML.
///
/// The part's start (root element, styles) is known only after the last record; it is
/// deflated on its own, ending on a full flush, and put in front of the stream, as
/// ``DeflatedPrefix`` does for a template's leading bytes.
final class MergedPartStream {
    private let stream: UnsafeMutablePointer<z_stream>
    private let setupStatus: Int32
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    /// The deflated bytes so far.
    private(set) var deflated: [UInt8] = []
    /// The uncompressed size and CRC-32 of everything written.
    private(set) var size = 0
    private(set) var crc32: UInt32 = 0
    private var failed: Int32?

    init(level: Int32 = 1) {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        setupStatus = lerend_deflate_init(stream, level)
    }

    deinit {
        if setupStatus == Z_OK { deflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    func write(_ bytes: [UInt8]) throws(DeflateError) {
        // `withUnsafeBytes` rethrows untyped, so the error is carried out as a result.
        let result = bytes.withUnsafeBytes { buffer in Result { () throws(DeflateError) in try write(buffer) } }
        try result.get()
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(DeflateError) {
        guard !bytes.isEmpty else { return }
        size += bytes.count
        crc32 = UInt32(
            CLibZip.crc32(uLong(crc32), bytes.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
        try run(bytes, flush: Z_NO_FLUSH)
    }

    /// Ends the stream; ``deflated`` is then whole.
    func finish() throws(DeflateError) {
        try run(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH)
    }

    private func run(_ input: UnsafeRawBufferPointer, flush: Int32) throws(DeflateError) {
        guard setupStatus == Z_OK else { throw .zlib(status: setupStatus) }
        if let failed { throw .zlib(status: failed) }
        guard let count = uInt(exactly: input.count) else { throw .inputTooLarge(size: input.count) }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = count
        defer {
            stream.pointee.next_in = nil
            stream.pointee.avail_in = 0
        }
        let chunkSize = chunk.count
        while true {
            let (status, produced) = chunk.withUnsafeMutableBytes { out in
                stream.pointee.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = uInt(chunkSize)
                let status = CLibZip.deflate(stream, flush)
                return (status, chunkSize - Int(stream.pointee.avail_out))
            }
            if produced > 0 { deflated.append(contentsOf: chunk[0..<produced]) }
            if status == Z_STREAM_END { return }
            guard status == Z_OK || status == Z_BUF_ERROR else {
                failed = status
                throw .zlib(status: status)
            }
            // Done when all input is taken and zlib had room to spare.
            if flush == Z_NO_FLUSH, stream.pointee.avail_in == 0, stream.pointee.avail_out > 0 { return }
        }
    }

    /// The member: `prefix` deflated on its own, then the stream.
    func entry(name: [UInt8], prefix: [UInt8]) throws(ZipWriterError) -> ZipWriter.PreparedEntry {
        let text = String(decoding: name, as: UTF8.self)
        let start: [UInt8]
        do throws(DeflateError) {
            let result = prefix.withUnsafeBytes { buffer in
                Result { () throws(DeflateError) in try Deflater.deflatedStart(buffer, level: 1) }
            }
            start = try result.get()
        } catch {
            throw .compressionFailed(part: text, error)
        }
        let prefixCRC = prefix.withUnsafeBytes { Deflater.crc32($0) }
        let crc = Deflater.combine(prefixCRC, crc32, secondLength: size)
        return try ZipWriter.prepare(
            name: name, method: 8, crc32: crc, size: prefix.count + size, data: start + deflated)
    }
}
