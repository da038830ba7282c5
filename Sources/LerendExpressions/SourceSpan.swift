/// A stretch of an expression's text, in characters from its start.
public struct SourceSpan: Sendable, Hashable {
    public var start: Int
    public var length: Int

    public init(start: Int, length: Int) {
        self.start = start
        self.length = max(1, length)
    }

    /// The span from the start of `self` to the end of `other`.
    func through(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: start, length: max(1, other.start + other.length - start))
    }
}
