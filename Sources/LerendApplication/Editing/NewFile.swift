import Foundation
import LerendDiagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file that must not exist yet: a temporary file, on disk (`fsync`), then
/// `link(2)` to its name, which fails instead of replacing a file that is there.
enum NewFile {
    enum Outcome {
        case written
        case exists
    }

    static func write(_ bytes: [UInt8], to path: String, permissions: UInt32 = 0o644) throws(DiagnosticList) -> Outcome {
        let directory = (path as NSString).deletingLastPathComponent
        var template = Array("\(directory.isEmpty ? "." : directory)/.lerend-nieuw-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure(path, errno) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(temporary) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + written, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                throw failure(path, code)
            }
            written += result
        }
        fchmod(descriptor, mode_t(permissions))
        guard fsync(descriptor) == 0, close(descriptor) == 0 else { throw failure(path, errno) }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { return .exists }
            throw failure(path, errno)
        }
        return .written
    }

    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(descriptor, buffer, count)
        #elseif canImport(Darwin)
            Darwin.write(descriptor, buffer, count)
        #endif
    }

    private static func failure(_ path: String, _ code: Int32) -> DiagnosticList {
        DiagnosticList([
            Diagnostic(
                .error, id: "O001", "kan '\(path)' niet schrijven: \(FileLock.reason(code))", at: SourceLocation(file: path),
                hint: "controleer of de map bestaat en of je er mag schrijven")
        ])
    }
}
