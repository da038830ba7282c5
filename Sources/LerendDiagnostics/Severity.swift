/// How serious a message is; the order is from most to least serious.
public enum Severity: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case error = 0
    case warning = 1
    case advice = 2
    case note = 3

    /// The Dutch word shown to users.
    public var label: String {
        switch self {
        case .error: "fout"
        case .warning: "waarschuwing"
        case .advice: "advies"
        case .note: "opmerking"
        }
    }

    /// The plural, for headings ("3 fouten").
    public var pluralLabel: String {
        switch self {
        case .error: "fouten"
        case .warning: "waarschuwingen"
        case .advice: "adviezen"
        case .note: "opmerkingen"
        }
    }

    /// The key used in machine-readable output.
    public var key: String {
        switch self {
        case .error: "error"
        case .warning: "warning"
        case .advice: "advice"
        case .note: "note"
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
}
