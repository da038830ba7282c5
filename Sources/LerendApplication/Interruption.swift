import Dispatch
import Foundation
import LerendDocuments
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a run does when it is interrupted (Ctrl-C, `kill`, a closed terminal): it removes
/// the temporary files it is writing, then ends as the signal would have ended it. A
/// document is then either whole or not there; nothing hidden stays behind.
public enum Interruption: Sendable {
    /// The signals handled: SIGINT, SIGTERM and SIGHUP.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private static let sources = Mutex<[any DispatchSourceSignal]>([])

    /// The work folders of this run, removed when it is interrupted.
    private static let folders = Mutex<Set<String>>([])

    /// Removes `folder` (and all it holds) if the run is interrupted.
    static func remember(_ folder: String) { _ = folders.withLock { $0.insert(folder) } }

    /// Stops removing `folder` on an interruption (the run removed it itself).
    static func forget(_ folder: String) { _ = folders.withLock { $0.remove(folder) } }

    /// Installs the handlers, once per process, before any thread or file is made.
    ///
    /// The signals are blocked in this thread, and so in every thread made after it, and
    /// read by dispatch sources instead: the handlers then run on a queue, not in the
    /// signal's context, so removing the files may take locks and allocate. After that the
    /// signal ends the process as it would have. Programs the run started (LibreOffice)
    /// are stopped and its work folders removed first.
    public static func removeTemporaryFilesOnSignal() {
        sources.withLock { sources in
            guard sources.isEmpty else { return }
            var blocked = sigset_t()
            sigemptyset(&blocked)
            for number in signals { sigaddset(&blocked, number) }
            pthread_sigmask(SIG_BLOCK, &blocked, nil)
            let queue = DispatchQueue(label: "lerend.interruption")
            for number in signals {
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler {
                    ChildProcess.stopAll()
                    folders.withLock { folders in
                        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
                    }
                    TemporaryFiles.removeAll {
                        var only = sigset_t()
                        sigemptyset(&only)
                        sigaddset(&only, number)
                        signal(number, SIG_DFL)
                        pthread_sigmask(SIG_UNBLOCK, &only, nil)
                        raise(number)
                        // Not reached: the signal's default action ends the process.
                        _exit(128 + number)
                    }
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
