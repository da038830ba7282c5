import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary files this process has open, so that an interrupted run (SIGINT,
/// SIGTERM) can remove them before it exits, and so that a run never removes the
/// temporary files of another run that is still going.
///
/// Each name holds the process id: `.lerend-<pid>-XXXXXX.tmp`.
package enum TemporaryFiles {
    private static let open = Mutex<Set<String>>([])

    /// The prefix of this process's temporary files.
    static var prefix: String { "\(AtomicFile.temporaryPrefix)\(getpid())-" }

    /// Makes a temporary file from `template` (`mkstemps` with a 4-character suffix) and
    /// records it, under the lock, so that no file is made while an interrupted run is
    /// removing its files. Returns the descriptor and the path, or `nil` with `errno` set.
    static func make(_ template: String) -> (descriptor: Int32, path: String)? {
        open.withLock { paths in
            var bytes = Array(template.utf8CString)
            let descriptor = bytes.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
            guard descriptor >= 0 else { return nil }
            let path = String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            paths.insert(path)
            return (descriptor, path)
        }
    }

    static func unregister(_ path: String) { _ = open.withLock { $0.remove(path) } }

    /// Removes every temporary file this process still has, then runs `end`, which ends
    /// the process, still holding the lock: no other thread can make a file in between.
    /// For a signal handler that runs outside the signal context (a dispatch source).
    package static func removeAll(thenEnd end: () -> Never) -> Never {
        open.withLock { paths in
            for path in paths { unlink(path) }
            end()
        }
    }

    /// Whether a temporary file called `name` belongs to a run that has ended: its process
    /// id is not alive, or it has no process id (an older Lerend wrote it).
    static func isLeftover(_ name: String) -> Bool {
        guard name.hasPrefix(AtomicFile.temporaryPrefix), name.hasSuffix(".tmp") else { return false }
        let rest = name.dropFirst(AtomicFile.temporaryPrefix.count)
        guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]) else { return true }
        if pid == getpid() { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
