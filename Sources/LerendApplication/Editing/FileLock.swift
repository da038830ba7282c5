import Foundation
import LerendDiagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock (`flock`) on a lock file, held while a change reads, checks and
/// writes a network file: two browser tabs and the command line never write at once.
final class FileLock {
    private let descriptor: Int32

    /// How long a change waits for another one to finish before it gives up (A141).
    static let patience: Duration = .seconds(10)

    /// Takes the lock at `path` (made when missing), waiting up to ``patience``.
    init(_ path: String, about file: String) throws(DiagnosticList) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "A145",
                    "kan het slot van '\(file)' niet maken: \(FileLock.reason(errno))", at: SourceLocation(file: path),
                    hint: "controleer of je in de map van het netwerkbestand mag schrijven")
            ])
        }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: Self.patience)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, clock.now < deadline else {
                close(descriptor)
                throw DiagnosticList([
                    Diagnostic(
                        .error, id: "A141", "'\(file)' wordt op dit moment door een ander gewijzigd; er is niets veranderd",
                        at: SourceLocation(file: file), hint: "probeer het zo nog eens")
                ])
            }
            usleep(20_000)
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "geen toestemming"
        case ENOSPC: "de schijf is vol"
        case EROFS: "de schijf is alleen-lezen"
        default: String(cString: strerror(code))
        }
    }
}
