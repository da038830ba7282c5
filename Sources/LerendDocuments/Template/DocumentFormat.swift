/// The two word-processor formats the engine reads and writes.
public enum DocumentFormat: String, Sendable, CaseIterable {
    /// OpenDocument Text (LibreOffice, also written by Word).
    case odt
    /// Office Open XML WordprocessingML (Word, also written by LibreOffice).
    case docx

    /// The usual file extension, without the dot.
    public var fileExtension: String { rawValue }
}
