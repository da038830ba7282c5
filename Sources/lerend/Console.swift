import Foundation
import LerendDiagnostics

/// Where the command writes: results to standard output, messages to standard error,
/// in colour only on a terminal (and when `NO_COLOR` is not set).
enum Console {
    private static let noColor = ProcessInfo.processInfo.environment["NO_COLOR"] != nil
    /// Whether messages go to a terminal (progress bars, colour).
    static let isTerminal = isatty(STDERR_FILENO) == 1
    /// Colours of the results on standard output.
    static let output = TerminalStyle(isEnabled: isatty(STDOUT_FILENO) == 1 && !noColor)
    /// Colours of the messages on standard error.
    static let messages = TerminalStyle(isEnabled: isTerminal && !noColor)

    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        error(DiagnosticRenderer(colored: messages.isEnabled).render(diagnostics) + "\n")
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
        status(
            "\(label) [" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
                + "] \(done)/\(total)")
    }

    static func clearStatus() {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    static func print(_ text: String) {
        Swift.print(text)
    }
}

extension Double {
    /// "1,25" : a Dutch decimal.
    func dutch(decimals: Int) -> String {
        String(format: "%.\(decimals)f", self).replacingOccurrences(of: ".", with: ",")
    }
}

extension Int {
    /// "1 document", "3 documenten".
    func counted(_ one: String, _ many: String) -> String { "\(self) \(self == 1 ? one : many)" }
}
