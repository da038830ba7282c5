/// A version number of one to three whole numbers, such as `1.2` or `0.3.1`; missing
/// parts count as 0, so `1.2` is `1.2.0`.
public struct Version: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Major, minor and patch.
    public let parts: [Int]

    /// The version `text` means, or `nil` when it is not one to three whole numbers
    /// separated by dots.
    public init?(_ text: String) {
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(pieces.count) else { return nil }
        var parts: [Int] = []
        for piece in pieces {
            guard !piece.isEmpty, piece.count <= 9, piece.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(piece)
            else {
                return nil
            }
            parts.append(number)
        }
        self.parts = parts + Array(repeating: 0, count: 3 - parts.count)
    }

    /// The version as it is usually written: `0.1.0`.
    public var description: String { parts.map(String.init).joined(separator: ".") }

    public static func < (lhs: Version, rhs: Version) -> Bool { lhs.parts.lexicographicallyPrecedes(rhs.parts) }
}

/// The version of this Lerend: what `lerend --version` prints and what a bundle's
/// `lerend:` range is checked against.
public enum LerendVersion: Sendable {
    /// The version text, such as `0.1.0`.
    public static let text = "0.1.0"
    /// ``text`` as a ``Version``.
    public static let current = Version(text)!
}
