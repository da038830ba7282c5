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
    /// The largest uncompressed size of a part that is parsed into a tree: one that may
    /// hold tags (body, headers, footers, notes) and `[Content_Types].xml`. A tree takes
    /// up to 25 times the size of its XML; a body of 16 MB is thousands of pages.
    public var textPartSize: Int

    /// Limits with the defaults of ``standard`` for what is not given.
    public init(
        entryCount: Int = 10_000, partSize: Int = 256 * 1_048_576, totalSize: Int = 1_024 * 1_048_576,
        textPartSize: Int = 16 * 1_048_576
    ) {
        self.entryCount = entryCount
        self.partSize = partSize
        self.totalSize = totalSize
        self.textPartSize = textPartSize
    }

    /// 10,000 members, 256 MB per member, 1 GB in all, 16 MB per part with text.
    public static let standard = TemplateLimits()
}
