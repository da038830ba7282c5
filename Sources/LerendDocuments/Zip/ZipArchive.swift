internal import CLibZip

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A zip archive opened for reading with libzip: the package of an ODT or DOCX file.
///
/// The archive is held in memory (a template file is read whole, after the caller has
/// checked its size). Owns the libzip handle and closes it when released. Not shared
/// between threads.
final class ZipArchive {
    /// One member of the archive, as its central directory describes it.
    struct Entry: Sendable {
        let index: UInt64
        let name: String
        /// The name's bytes as stored, written back unchanged.
        let rawName: [UInt8]
        let compressionMethod: UInt16
        let crc32: UInt32
        /// The declared sizes; nothing is allocated from them.
        let size: Int
        let compressedSize: Int
        var isDirectory: Bool { name.hasSuffix("/") }
    }

    /// What ``read(_:keepingContents:limit:)`` found: the member as stored, and its
    /// decompressed bytes when they were asked for.
    struct Member {
        let raw: [UInt8]
        let contents: [UInt8]?
    }

    private let handle: OpaquePointer
    /// The bytes the archive reads from; freed after the handle.
    private let buffer: UnsafeMutableRawBufferPointer
    private lazy var inflater = Inflater()
    let entries: [Entry]

    /// Reads the file at `path` into memory and opens it.
    convenience init(path: String) throws(ZipArchiveError) {
        let (buffer, count) = try Self.readFile(path)
        try self.init(owning: buffer, count: count)
    }

    /// Opens an archive held in memory (a copy of `bytes`).
    convenience init(bytes: [UInt8]) throws(ZipArchiveError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 8)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        try self.init(owning: buffer, count: bytes.count)
    }

    /// Opens the archive in the first `count` bytes of `buffer`, which it then owns (and
    /// frees, also when it throws). libzip checks that every local header agrees with
    /// the central directory (`ZIP_CHECKCONS`): a reader that goes by the local headers
    /// must see the same members. It also refuses a name that occurs twice; such an
    /// archive is opened without the check, so that ``PackageValidator`` can name the
    /// duplicates.
    private init(owning buffer: UnsafeMutableRawBufferPointer, count: Int) throws(ZipArchiveError) {
        var opened = Self.openArchive(buffer, count: count, flags: ZIP_RDONLY | ZIP_CHECKCONS)
        if case .failure(let error) = opened, error.code == ZIP_ER_EXISTS {
            opened = Self.openArchive(buffer, count: count, flags: ZIP_RDONLY)
        }
        let handle: OpaquePointer
        switch opened {
        case .success(let opened): handle = opened
        case .failure(let error):
            buffer.deallocate()
            throw error
        }
        self.handle = handle
        self.buffer = buffer
        do throws(ZipArchiveError) {
            entries = try Self.listEntries(
                handle, storedNames: CentralDirectory.rawNames(in: UnsafeRawBufferPointer(rebasing: buffer[0..<count])))
        } catch {
            zip_discard(handle)
            buffer.deallocate()
            throw error
        }
    }

    deinit {
        zip_discard(handle)
        buffer.deallocate()
    }

    private static func openArchive(
        _ buffer: UnsafeMutableRawBufferPointer, count: Int, flags: Int32
    ) -> Result<OpaquePointer, ZipArchiveError> {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(buffer.baseAddress, UInt64(count), 0, &error) else {
            return .failure(ZipArchiveError(code: zip_error_code_zip(&error)))
        }
        guard let handle = zip_open_from_source(source, flags, &error) else {
            zip_source_free(source)
            return .failure(ZipArchiveError(code: zip_error_code_zip(&error)))
        }
        return .success(handle)
    }

    private static func listEntries(_ handle: OpaquePointer, storedNames: [[UInt8]]?) throws(ZipArchiveError) -> [Entry] {
        var entries: [Entry] = []
        let count = zip_get_num_entries(handle, 0)
        let stored = storedNames?.count == Int(count) ? storedNames : nil
        for index in 0..<UInt64(max(0, count)) {
            var stat = zip_stat_t()
            guard zip_stat_index(handle, index, 0, &stat) == 0, let namePointer = zip_get_name(handle, index, ZIP_FL_ENC_RAW)
            else { throw ZipArchiveError(code: ZIP_ER_INCONS) }
            if stat.valid & UInt64(ZIP_STAT_ENCRYPTION_METHOD) != 0, stat.encryption_method != UInt16(ZIP_EM_NONE) {
                throw ZipArchiveError(code: ZIP_ER_ENCRNOTSUPP)
            }
            var rawName = Array(
                UnsafeBufferPointer(
                    start: UnsafeRawPointer(namePointer).assumingMemoryBound(to: UInt8.self), count: strlen(namePointer)))
            // libzip shows a NUL in a name as a space; keep the name as stored, so that the
            // checks see the NUL.
            if let stored, stored[Int(index)].map({ $0 == 0 ? 0x20 : $0 }) == rawName { rawName = stored[Int(index)] }
            entries.append(
                Entry(
                    index: index, name: String(decoding: rawName, as: UTF8.self), rawName: rawName,
                    compressionMethod: stat.comp_method, crc32: stat.crc, size: Int(exactly: stat.size) ?? Int.max,
                    compressedSize: Int(exactly: stat.comp_size) ?? Int.max))
        }
        return entries
    }

    func entry(named name: String) -> Entry? { entries.first { $0.name == name } }

    /// Reads `entry` and checks it against its central directory record: stored or
    /// deflated only, decompressed in chunks and never past its declared size (nor past
    /// `limit`), its size and CRC-32 compared with the record. The decompressed bytes
    /// are kept only when asked for; otherwise they pass through a small buffer.
    func read(_ entry: Entry, keepingContents: Bool, limit: Int) throws(PackageProblem) -> Member {
        guard entry.compressionMethod == 0 || entry.compressionMethod == 8 else {
            throw .unsupportedMethod(part: entry.name, method: entry.compressionMethod)
        }
        guard entry.size <= limit else { throw .partTooLarge(part: entry.name, size: entry.size, limit: limit) }
        let raw: [UInt8]
        do throws(ZipArchiveError) {
            raw = try rawContents(of: entry)
        } catch {
            throw .unreadable(part: entry.name, error)
        }
        let crc: UInt32
        let size: Int
        let contents: [UInt8]?
        if entry.compressionMethod == 0 {
            crc = raw.withUnsafeBytes { Deflater.crc32($0) }
            (size, contents) = (raw.count, keepingContents ? raw : nil)
        } else {
            do throws(Inflater.Failure) {
                let output = try inflater.inflate(raw, limit: entry.size, keeping: keepingContents)
                (crc, size, contents) = (output.crc32, output.size, output.bytes)
            } catch {
                switch error {
                case .exceedsLimit: throw .damaged(part: entry.name, .longerThanDeclared(size: entry.size))
                case .truncated: throw .damaged(part: entry.name, .truncated)
                case .invalidData: throw .damaged(part: entry.name, .invalidData)
                case .zlib: throw .unreadable(part: entry.name, ZipArchiveError(code: ZIP_ER_MEMORY))
                }
            }
        }
        guard size == entry.size else { throw .damaged(part: entry.name, .sizeMismatch(declared: entry.size, actual: size)) }
        guard crc == entry.crc32 else { throw .badChecksum(part: entry.name) }
        return Member(raw: raw, contents: contents)
    }

    /// The member's contents, decompressed and checked, within the standard limit of a part.
    func contents(of entry: Entry) throws(PackageProblem) -> [UInt8] {
        try read(entry, keepingContents: true, limit: TemplateLimits.standard.partSize).contents ?? []
    }

    /// The member's bytes as stored in the archive (still compressed, not checked), for
    /// copying unchanged parts without recompressing them. Read in chunks: a declared
    /// size larger than the archive allocates nothing.
    func rawContents(of entry: Entry) throws(ZipArchiveError) -> [UInt8] {
        guard let file = zip_fopen_index(handle, entry.index, ZIP_FL_COMPRESSED) else {
            throw ZipArchiveError(
                code: zip_error_code_zip(zip_get_error(handle)),
                detail: "kan '\(PackageProblem.printable(entry.name))' niet lezen")
        }
        defer { zip_fclose(file) }
        let count = entry.compressedSize
        guard count > 0 else { return [] }
        // Reserving is not touching: only what is read takes memory.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(count, buffer.count))
        var chunk = [UInt8](repeating: 0, count: min(count, 1 << 16))
        while bytes.count < count {
            let wanted = min(chunk.count, count - bytes.count)
            let read = chunk.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress!, UInt64(wanted)) }
            guard read > 0 else { break }
            bytes += chunk[0..<Int(read)]
        }
        let total = bytes.count
        guard total == count else {
            throw ZipArchiveError(
                code: ZIP_ER_EOF, detail: "'\(PackageProblem.printable(entry.name))': \(total) van \(count) bytes")
        }
        return bytes
    }

    /// The whole file at `path`, in a buffer the caller owns, and how much of it was
    /// filled. Opened without waiting (a pipe would block) and read only when it is a
    /// regular file.
    private static func readFile(_ path: String) throws(ZipArchiveError) -> (UnsafeMutableRawBufferPointer, Int) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let error = errno
            throw ZipArchiveError(
                code: error == ENOENT ? ZIP_ER_NOENT : ZIP_ER_OPEN, detail: error == EACCES ? "geen toestemming" : nil)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & mode_t(S_IFMT) == mode_t(S_IFREG) else {
            throw ZipArchiveError(code: ZIP_ER_OPNOTSUPP)
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, Int(status.st_size)), alignment: 8)
        var filled = 0
        while filled < Int(status.st_size) {
            let count = readBytes(descriptor, UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<Int(status.st_size)]))
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else {
                buffer.deallocate()
                throw ZipArchiveError(code: ZIP_ER_READ)
            }
            if count == 0 { break }
            filled += count
        }
        return (buffer, filled)
    }
}

/// `read(2)`, outside ``ZipArchive`` whose own `read` would hide it.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
    read(descriptor, buffer.baseAddress, buffer.count)
}
