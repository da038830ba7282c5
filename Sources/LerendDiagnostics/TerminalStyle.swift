/// ANSI colours for a terminal, in one place for every text Lerend prints.
public struct TerminalStyle: Sendable {
    /// A colour or weight.
    public enum Tint: String, Sendable {
        case bold = "1"
        case dim = "2"
        case green = "32"
        case boldRed = "1;31"
        case boldYellow = "1;33"
        case boldCyan = "1;36"
        case boldBlue = "1;34"
    }

    /// Whether to paint at all; off for files, pipes and `NO_COLOR`.
    public var isEnabled: Bool

    public init(isEnabled: Bool) { self.isEnabled = isEnabled }

    /// `text` in `tint`, or `text` as it is when colour is off.
    public func paint(_ text: String, _ tint: Tint) -> String {
        isEnabled ? "\u{1B}[\(tint.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// The tint of a severity.
    public static func tint(for severity: Severity) -> Tint {
        switch severity {
        case .error: .boldRed
        case .warning: .boldYellow
        case .advice: .boldCyan
        case .note: .boldBlue
        }
    }
}
