import Foundation
import LerendDiagnostics

/// Where the command writes: results to standard output, messages to standard error,
/// in colour only when standard error is a terminal (and `NO_COLOR` is not set).
enum Console {
    static let isTerminal = isatty(STDERR_FILENO) == 1
    /// Whether results go to a terminal (colour) or to a file or pipe (plain).
    static let isStandardOutputTerminal = isatty(STDOUT_FILENO) == 1
        && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    static let colored = isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        error(DiagnosticRenderer(colored: colored).render(diagnostics) + "\n")
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// A line that replaces itself on a terminal, such as a progress count.
    static func status(_ text: String) {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    /// A progress bar on a terminal: `uitnodiging [########------------] 40/100`.
    static func progress(_ done: Int, of total: Int, label: String) {
        guard isTerminal, total > 1, done == total || done % max(1, total / 50) == 0 else { return }
        let width = 24
        let filled = width * done / total
        status("\(label) [" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            + "] \(done)/\(total)")
    }

    /// The path of `name` in PATH, if it is there.
    static func findProgram(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func clearStatus() {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    static func print(_ text: String) {
        Swift.print(text)
    }
}

/// Stops the command after its messages were printed.
struct CommandFailed: Error {}

extension Double {
    /// "1,25" : a Dutch decimal.
    func dutch(decimals: Int) -> String {
        String(format: "%.\(decimals)f", self).replacingOccurrences(of: ".", with: ",")
    }
}
