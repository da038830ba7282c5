package import LerendDiagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file could not be written.
struct FileWriteError: Error {
    let reason: String

    /// A Dutch reason for the usual `errno` values, the system's text for the rest.
    static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT: "de map bestaat niet"
        case EACCES, EPERM: "geen toestemming om daar te schrijven"
        case ENOSPC: "de schijf is vol"
        case EDQUOT: "de schijfruimte van deze gebruiker is op"
        case EROFS: "de schijf is alleen-lezen"
        case EISDIR: "er staat een map met die naam"
        case ENAMETOOLONG: "de naam is te lang"
        case ENOTDIR: "een deel van het pad is geen map"
        default: String(cString: strerror(code))
        }
    }
}

/// Writes files so that they appear whole or not at all.
package enum AtomicFile {
    /// The prefix of temporary files; a batch removes leftovers of runs that were killed
    /// (``TemporaryFiles``).
    static let temporaryPrefix = ".lerend-"

    /// Writes `bytes` to a temporary file next to `path`, then renames it to `path`.
    ///
    /// `synchronize`: the bytes are on disk (`fsync`) before the rename, and the rename
    /// is before this returns, for a file that replaces one a person wrote.
    static func write(
        _ bytes: UnsafeRawBufferPointer, to path: String, permissions: UInt32 = 0o644, synchronize: Bool = false
    ) throws(FileWriteError) {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        guard
            let (descriptor, temporary) = TemporaryFiles.make(
                "\(directory.isEmpty ? "/" : directory)/\(TemporaryFiles.prefix)XXXXXX.tmp")
        else { throw FileWriteError(reason: FileWriteError.describe(errno)) }
        defer { TemporaryFiles.unregister(temporary) }
        var written = 0
        while written < bytes.count {
            let result = systemWrite(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                let reason = FileWriteError.describe(errno)
                close(descriptor)
                unlink(temporary)
                throw FileWriteError(reason: reason)
            }
            written += result
        }
        fchmod(descriptor, mode_t(permissions))
        if synchronize, fsync(descriptor) != 0 {
            let reason = FileWriteError.describe(errno)
            close(descriptor)
            unlink(temporary)
            throw FileWriteError(reason: reason)
        }
        guard close(descriptor) == 0 else {
            let reason = FileWriteError.describe(errno)
            unlink(temporary)
            throw FileWriteError(reason: reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = FileWriteError.describe(errno)
            unlink(temporary)
            throw FileWriteError(reason: reason)
        }
        if synchronize {
            let folder = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY)
            if folder >= 0 {
                fsync(folder)
                close(folder)
            }
        }
    }

    /// The C library's `write(2)`, named by its module: a plain `write` here would be this
    /// type's own ``write(_:to:)``.
    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(descriptor, buffer, count)
        #elseif canImport(Darwin)
            Darwin.write(descriptor, buffer, count)
        #endif
    }

    /// Removes temporary files of earlier runs that were killed before they could rename
    /// them; those of runs still going (another export into the same folder) stay.
    static func removeLeftovers(in directory: String) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if TemporaryFiles.isLeftover(name) { unlink(directory + "/" + name) }
        }
    }
}

extension AtomicFile {
    /// Writes `bytes` whole or not at all, as the buffer variant does; a failure is the
    /// message O001 about `path`, the same for every writer of Lerend.
    package static func write(
        _ bytes: [UInt8], to path: String, permissions: UInt32 = 0o644, synchronize: Bool = false
    ) throws(DiagnosticList) {
        var failure: FileWriteError?
        bytes.withUnsafeBytes { buffer in
            do throws(FileWriteError) {
                try write(buffer, to: path, permissions: permissions, synchronize: synchronize)
            } catch { failure = error }
        }
        guard let failure else { return }
        throw DiagnosticList([
            Diagnostic(
                .error, id: "O001", "kan '\(path)' niet schrijven: \(failure.reason)", at: SourceLocation(file: path),
                hint: "controleer of de map bestaat en of je er mag schrijven")
        ])
    }
}
