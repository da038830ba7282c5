/// The Lerend versions a bundle is made for, such as `>=0.1 <1.0`: one or more
/// conditions separated by spaces, every one of which must hold.
///
/// A condition is an operator (`>=`, `>`, `<=`, `<`, `=`) and a ``Version``; a bare
/// version means `=`.
public struct VersionRange: Sendable, Hashable, CustomStringConvertible {
    /// One condition of the range.
    public struct Condition: Sendable, Hashable {
        /// How the version of Lerend compares with ``version``.
        public enum Operator: String, Sendable, CaseIterable {
            // Two-character operators first, so that `>=` is not read as `>`.
            case atLeast = ">="
            case atMost = "<="
            case above = ">"
            case below = "<"
            case exactly = "="
        }
        public let `operator`: Operator
        /// The version compared with.
        public let version: Version

        func holds(for candidate: Version) -> Bool {
            switch `operator` {
            case .atLeast: candidate >= version
            case .atMost: candidate <= version
            case .above: candidate > version
            case .below: candidate < version
            case .exactly: candidate == version
            }
        }
    }

    public let conditions: [Condition]
    /// The range as written.
    public let text: String

    /// The range `text` means, or `nil` when a part of it is not a condition.
    public init?(_ text: String) {
        var conditions: [Condition] = []
        for word in text.split(separator: " ") {
            var rest = Substring(word)
            var found = Condition.Operator.exactly
            for candidate in Condition.Operator.allCases where rest.hasPrefix(candidate.rawValue) {
                found = candidate
                rest = rest.dropFirst(candidate.rawValue.count)
                break
            }
            guard let version = Version(String(rest)) else { return nil }
            conditions.append(Condition(operator: found, version: version))
        }
        guard !conditions.isEmpty else { return nil }
        self.conditions = conditions
        self.text = text
    }

    /// Whether `version` lies in the range.
    public func contains(_ version: Version) -> Bool { conditions.allSatisfy { $0.holds(for: version) } }

    public var description: String { text }
}
