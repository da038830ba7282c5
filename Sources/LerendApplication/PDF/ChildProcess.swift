import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program started in a process group of its own, so that it and everything it starts
/// (LibreOffice's `soffice` script starts `oosplash`, which starts `soffice.bin`) can be
/// stopped at once. Its output goes to a log file. An interrupted run stops it too
/// (``Interruption``).
final class ChildProcess {
    /// How a child ended.
    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
    }

    let pid: pid_t
    private var ending: Ending?

    /// The process groups of the children that run now, for ``Interruption``.
    private static let running = Mutex<Set<pid_t>>([])

    /// Starts `program` with `arguments`; standard input is empty and standard output and
    /// error go to `log`. The child gets the default signal mask and handlers, not the
    /// signals this process blocks for ``Interruption``.
    init(program: String, arguments: [String], log: String) throws(SystemError) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var handled = sigset_t()
        sigemptyset(&handled)
        for number in Interruption.signals + [SIGPIPE] { sigaddset(&handled, number) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &handled)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([program] + arguments).map { strdup($0) }
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        // Registered under the lock, so that an interruption cannot miss a child it started.
        // ETXTBSY: another thread forked while `program` was open for writing (a script
        // just written); that passes as soon as the other child has called exec.
        var result = ETXTBSY
        for attempt in 0..<20 where result == ETXTBSY {
            if attempt > 0 { usleep(10_000) }
            result = Self.running.withLock { running in
                let result = (argv + [nil]).withUnsafeBufferPointer { argvBuffer in
                    posix_spawn(&child, program, &actions, &attributes, argvBuffer.baseAddress!, environ)
                }
                if result == 0 { running.insert(child) }
                return result
            }
        }
        guard result == 0 else { throw SystemError(code: result) }
        pid = child
    }

    deinit {
        if ending == nil {
            stop()
            _ = wait(timeout: .seconds(5))
        }
    }

    /// How the child ended, or `nil` while it runs. Once it has ended, whatever is left of
    /// its process group is stopped before the child is reaped, so no part of it lives on.
    func poll() -> Ending? {
        if let ending { return ending }
        // Without a child that ended, Linux leaves `info` zeroed; WNOWAIT keeps the child
        // a zombie, so that its process group cannot be taken by another process yet.
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0, info.si_signo == SIGCHLD else {
            return nil
        }
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        Self.running.withLock { _ = $0.remove(pid) }
        let signal = status & 0x7f
        ending = signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
        return ending
    }

    /// Stops the child and everything it started (SIGKILL to the process group).
    func stop() {
        guard ending == nil else { return }
        kill(-pid, SIGKILL)
    }

    /// Waits until the child has ended, at most `timeout`; `nil` if it still runs.
    func wait(timeout: Duration) -> Ending? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let ending = poll() { return ending }
            usleep(20_000)
        }
        return poll()
    }

    /// Stops every child that runs now; for an interrupted run.
    static func stopAll() {
        running.withLock { running in
            for pid in running { kill(-pid, SIGKILL) }
        }
    }
}

/// An `errno` value from a system call.
struct SystemError: Error {
    let code: Int32

    var text: String { String(cString: strerror(code)) }
}
