/// Which content a file had: a 64-bit FNV-1a hash of its bytes and their number.
///
/// A page keeps the version it was loaded with and hands it back with a change, so
/// that a change to a file that changed since is refused instead of lost.
public struct FileVersion: Sendable, Hashable, CustomStringConvertible {
    public let hash: UInt64
    public let size: Int

    /// The version of `bytes`.
    public init(of bytes: some Collection<UInt8>) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        self.hash = hash
        self.size = bytes.count
    }

    /// A version as ``description`` writes it: `3f2a9c0d11e4b7a2-2048`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 16, let hash = UInt64(parts[0], radix: 16), let size = Int(parts[1]),
            size >= 0
        else { return nil }
        self.hash = hash
        self.size = size
    }

    /// Sixteen hexadecimal digits, a dash and the size in bytes.
    public var description: String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits + "-\(size)"
    }
}
