/// Where in the user's input a message points.
///
/// Text files are pointed at by line and column (both counted from 1). Word-processor
/// templates have no useful line numbers, so they name a ``detail`` instead, such as
/// `word/document.xml, alinea 12`, and the column counts characters in that paragraph.
public struct SourceLocation: Sendable, Hashable {
    /// The file as the user named it.
    public var file: String
    /// The line, counted from 1; `nil` when the input has no lines worth naming.
    public var line: Int?
    /// The column in characters, counted from 1.
    public var column: Int?
    /// A place inside the file that is not a line, such as a part and paragraph.
    public var detail: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, detail: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.detail = detail
    }

    /// `file:line:col`, or `file (detail)`, as the start of a message.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        if let detail { text += " (\(detail))" }
        return text
    }
}
