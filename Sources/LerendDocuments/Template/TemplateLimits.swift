/// How much of a template package Lerend reads: limits against zip bombs and broken
/// files, generous for real documents.
///
/// A template of Word or LibreOffice has a few dozen parts of a few kB to a few MB
/// (pictures); these limits are far above that and far below what would exhaust memory.
/// Each is a located error with its own id (T207, T208, T209).
public struct TemplateLimits: Sendable, Hashable {
    /// The most members a package may have.
    public var entryCount: Int
    /// The largest uncompressed size of one member, declared and actual.
    public var partSize: Int
    /// The largest uncompressed size of all members together.
    public var totalSize: Int

    public init(entryCount: Int = 10_000, partSize: Int = 256 * 1_048_576, totalSize: Int = 1_024 * 1_048_576) {
        self.entryCount = entryCount
        self.partSize = partSize
        self.totalSize = totalSize
    }

    /// 10,000 members, 256 MB per member, 1 GB in all.
    public static let standard = TemplateLimits()
}
