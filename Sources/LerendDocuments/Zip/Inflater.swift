internal import CLibZip

/// Decompresses zip members (raw deflate) with zlib, in chunks, and never further than
/// a limit: the size a member declares decides nothing that is allocated up front.
///
/// One stream is reused for every member, as ``Deflater`` does. Not shared between
/// threads.
final class Inflater {
    /// What came out of one member.
    struct Output {
        let crc32: UInt32
        let size: Int
        /// The decompressed bytes, when they were asked for.
        let bytes: [UInt8]?
    }

    enum Failure: Error, Equatable {
        /// More came out than `limit` bytes; decompressing stopped there.
        case exceedsLimit
        /// The deflate data ends before the end of its stream.
        case truncated
        /// The data is not a valid deflate stream.
        case invalidData
        /// zlib could not work (no memory).
        case zlib(status: Int32)
    }

    private static let chunkSize = 64 * 1024
    private let stream: UnsafeMutablePointer<z_stream>
    private let setupStatus: Int32
    private let chunk: UnsafeMutableRawBufferPointer

    init() {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // inflateInit2 is a macro; -15: raw deflate, as zip stores it.
        setupStatus = inflateInit2_(stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 8)
    }

    deinit {
        if setupStatus == Z_OK { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
        chunk.deallocate()
    }

    /// Decompresses `input`, a raw deflate stream; stops with ``Failure/exceedsLimit`` as
    /// soon as the output passes `limit` bytes. The CRC-32 and size are of everything
    /// that came out; the bytes are kept only when `keeping` is set.
    func inflate(_ input: [UInt8], limit: Int, keeping: Bool) throws(Failure) -> Output {
        guard setupStatus == Z_OK else { throw .zlib(status: setupStatus) }
        let reset = inflateReset(stream)
        guard reset == Z_OK else { throw .zlib(status: reset) }
        guard let inputCount = uInt(exactly: input.count) else { throw .exceedsLimit }
        var kept: [UInt8] = []
        if keeping { kept.reserveCapacity(min(limit, 1 << 20)) }
        var crc = CLibZip.crc32(0, nil, 0)
        var total = 0
        let outcome: Failure? = input.withUnsafeBytes { bytes in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = inputCount
            defer {
                stream.pointee.next_in = nil
                stream.pointee.avail_in = 0
            }
            while true {
                stream.pointee.next_out = chunk.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = uInt(Self.chunkSize)
                let status = CLibZip.inflate(stream, Z_NO_FLUSH)
                let produced = Self.chunkSize - Int(stream.pointee.avail_out)
                if produced > 0 {
                    total += produced
                    if total > limit { return .exceedsLimit }
                    let piece = UnsafeRawBufferPointer(rebasing: chunk[0..<produced])
                    crc = CLibZip.crc32(crc, piece.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(produced))
                    if keeping { kept.append(contentsOf: piece) }
                }
                switch status {
                case Z_STREAM_END: return nil
                case Z_OK: continue
                case Z_BUF_ERROR: if produced == 0 { return .truncated } else { continue }
                case Z_DATA_ERROR, Z_NEED_DICT: return .invalidData
                default: return .zlib(status: status)
                }
            }
        }
        if let outcome { throw outcome }
        return Output(crc32: UInt32(crc), size: total, bytes: keeping ? kept : nil)
    }
}
