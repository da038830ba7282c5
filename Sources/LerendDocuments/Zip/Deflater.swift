internal import CLibZip

/// Compresses parts with zlib's raw deflate, reusing one stream for every part.
///
/// Setting up a deflate stream allocates and clears about 256 KB; resetting it clears only
/// its 64 KB hash table, which matters when thousands of documents are written. Not shared between
/// threads: each worker has its own.
///
/// Level 1 by default: on the invitation template it deflates about three times as fast
/// as level 6 and the documents are 2.6 % larger (29,4 against 28,6 KB).
///
/// A zlib error is a ``DeflateError``; a stream zlib could not set up (no memory) throws
/// its error at the first ``deflate(_:)``. After an error, make a new deflater.
final class Deflater {
    private let stream: UnsafeMutablePointer<z_stream>
    /// What `deflateInit2` returned: `Z_OK` or the error every call reports.
    private let setupStatus: Int32
    private(set) var output: [UInt8] = []

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

    /// Deflates `input`; the result is in ``output`` until the next call.
    func deflate(_ input: UnsafeRawBufferPointer) throws(DeflateError) {
        guard setupStatus == Z_OK else { throw .zlib(status: setupStatus) }
        let reset = deflateReset(stream)
        guard reset == Z_OK else { throw .zlib(status: reset) }
        let bound = Int(deflateBound(stream, UInt(input.count))) + 16
        if output.count < bound { output = [UInt8](repeating: 0, count: bound) }
        outputCount = 0
        outputCount = try run(input, into: &output, flush: Z_FINISH, expecting: Z_STREAM_END)
    }

    /// Runs the stream over all of `input` into `output` and returns how many bytes it
    /// wrote; `output` is large enough (deflateBound).
    private func run(
        _ input: UnsafeRawBufferPointer, into output: inout [UInt8], flush: Int32, expecting: Int32
    ) throws(DeflateError) -> Int {
        // zlib counts in 32 bits; ZipWriter refuses larger parts before they get here.
        guard let inputCount = uInt(exactly: input.count), let outputCapacity = uInt(exactly: output.count) else {
            throw .inputTooLarge(size: input.count)
        }
        let status = output.withUnsafeMutableBytes { out in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = inputCount
            stream.pointee.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = outputCapacity
            return CLibZip.deflate(stream, flush)
        }
        guard status == expecting else { throw .zlib(status: status < 0 ? status : Z_BUF_ERROR) }
        // Input left over means the output was full: deflateBound was not enough.
        guard stream.pointee.avail_in == 0 else { throw .zlib(status: Z_BUF_ERROR) }
        return Int(stream.pointee.total_out)
    }

    /// How many bytes of ``output`` the last call produced.
    private(set) var outputCount = 0

    /// Deflates `input` as the start of a longer stream: the output ends on a full flush
    /// (byte-aligned, no final block, no back-references beyond it), so that the raw
    /// deflate of what follows, from a reset stream, can be appended to it.
    static func deflatedStart(_ input: UnsafeRawBufferPointer, level: Int32 = 6) throws(DeflateError) -> [UInt8] {
        let deflater = Deflater(level: level)
        guard deflater.setupStatus == Z_OK else { throw .zlib(status: deflater.setupStatus) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(deflater.stream, UInt(input.count))) + 64)
        let produced = try deflater.run(input, into: &output, flush: Z_FULL_FLUSH, expecting: Z_OK)
        return Array(output.prefix(produced))
    }

    /// The CRC-32 of two pieces joined, from the CRC-32 of each and the second's length.
    static func combine(_ first: UInt32, _ second: UInt32, secondLength: Int) -> UInt32 {
        UInt32(crc32_combine(uLong(first), uLong(second), .init(secondLength)))
    }

    /// The CRC-32 of `bytes`, as zip stores it.
    static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        UInt32(CLibZip.crc32(0, bytes.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
    }
}
