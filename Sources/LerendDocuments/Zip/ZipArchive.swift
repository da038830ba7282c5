internal import CLibZip

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A zip archive opened for reading with libzip: the package of an ODT or DOCX file.
///
/// Owns the libzip handle and closes it when released. Not shared between threads.
final class ZipArchive {
    /// One member of the archive, as its central directory describes it.
    struct Entry: Sendable {
        let index: UInt64
        let name: String
        /// The name's bytes as stored, written back unchanged.
        let rawName: [UInt8]
        let compressionMethod: UInt16
        let crc32: UInt32
        let size: Int
        let compressedSize: Int
        var isDirectory: Bool { name.hasSuffix("/") }
    }

    private let handle: OpaquePointer
    /// The bytes an archive opened from memory reads from; freed after the handle.
    private let buffer: UnsafeMutableRawBufferPointer?
    let entries: [Entry]

    /// Opens the archive at `path`.
    convenience init(path: String) throws(ZipArchiveError) {
        var code: Int32 = 0
        guard let handle = zip_open(path, ZIP_RDONLY, &code) else {
            var error = zip_error_t()
            zip_error_init_with_code(&error, code)
            defer { zip_error_fini(&error) }
            throw ZipArchiveError(code: code, detail: String(cString: zip_error_strerror(&error)))
        }
        try self.init(handle: handle, buffer: nil)
    }

    /// Opens an archive held in memory.
    convenience init(bytes: [UInt8]) throws(ZipArchiveError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 8)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(buffer.baseAddress, UInt64(bytes.count), 0, &error) else {
            buffer.deallocate()
            throw ZipArchiveError(code: zip_error_code_zip(&error), detail: String(cString: zip_error_strerror(&error)))
        }
        guard let handle = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)
            buffer.deallocate()
            throw ZipArchiveError(code: zip_error_code_zip(&error), detail: String(cString: zip_error_strerror(&error)))
        }
        try self.init(handle: handle, buffer: buffer)
    }

    private init(handle: OpaquePointer, buffer: UnsafeMutableRawBufferPointer?) throws(ZipArchiveError) {
        self.handle = handle
        self.buffer = buffer
        var entries: [Entry] = []
        let count = zip_get_num_entries(handle, 0)
        for index in 0..<UInt64(max(0, count)) {
            var stat = zip_stat_t()
            guard zip_stat_index(handle, index, 0, &stat) == 0, let namePointer = zip_get_name(handle, index, ZIP_FL_ENC_RAW)
            else { continue }
            if stat.valid & UInt64(ZIP_STAT_ENCRYPTION_METHOD) != 0, stat.encryption_method != UInt16(ZIP_EM_NONE) {
                zip_discard(handle)
                buffer?.deallocate()
                throw ZipArchiveError(code: ZIP_ER_ENCRNOTSUPP, detail: "versleuteld onderdeel")
            }
            let rawName = Array(
                UnsafeBufferPointer(
                    start: UnsafeRawPointer(namePointer).assumingMemoryBound(to: UInt8.self),
                    count: strlen(namePointer)))
            entries.append(
                Entry(
                    index: index, name: String(decoding: rawName, as: UTF8.self), rawName: rawName,
                    compressionMethod: stat.comp_method, crc32: stat.crc, size: Int(stat.size),
                    compressedSize: Int(stat.comp_size)))
        }
        self.entries = entries
    }

    deinit {
        zip_discard(handle)
        buffer?.deallocate()
    }

    func entry(named name: String) -> Entry? { entries.first { $0.name == name } }

    /// The member's contents, decompressed.
    func contents(of entry: Entry) throws(ZipArchiveError) -> [UInt8] {
        try read(entry, flags: 0, count: entry.size)
    }

    /// The member's bytes as stored in the archive (still compressed), for copying
    /// unchanged parts without recompressing them.
    func rawContents(of entry: Entry) throws(ZipArchiveError) -> [UInt8] {
        try read(entry, flags: ZIP_FL_COMPRESSED, count: entry.compressedSize)
    }

    private func read(_ entry: Entry, flags: UInt32, count: Int) throws(ZipArchiveError) -> [UInt8] {
        guard let file = zip_fopen_index(handle, entry.index, flags) else {
            throw ZipArchiveError(code: zip_error_code_zip(zip_get_error(handle)), detail: "kan '\(entry.name)' niet lezen")
        }
        defer { zip_fclose(file) }
        var bytes = [UInt8](repeating: 0, count: count)
        var total = 0
        while total < count {
            let read = bytes.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress! + total, UInt64(count - total)) }
            guard read > 0 else { break }
            total += Int(read)
        }
        guard total == count else {
            throw ZipArchiveError(code: ZIP_ER_READ, detail: "'\(entry.name)' is beschadigd (\(total) van \(count) bytes)")
        }
        return bytes
    }
}

/// Why an archive could not be read.
struct ZipArchiveError: Error {
    let code: Int32
    let detail: String

    /// A Dutch explanation for a user.
    var explanation: String {
        switch code {
        case ZIP_ER_NOENT: "het bestand bestaat niet"
        case ZIP_ER_NOZIP: "het is geen ODT- of DOCX-bestand (geen zip-archief)"
        case ZIP_ER_INCONS, ZIP_ER_CRC: "het bestand is beschadigd (\(detail))"
        case ZIP_ER_OPEN, ZIP_ER_READ: "het bestand kan niet worden gelezen (\(detail))"
        case ZIP_ER_ENCRNOTSUPP: "het bestand is met een wachtwoord beveiligd"
        default: detail
        }
    }
}
