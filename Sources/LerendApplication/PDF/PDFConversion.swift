public import LerendDiagnostics

/// What a ``PDFConverter`` made of a set of documents.
public struct PDFConversion: Sendable {
    /// The PDFs written, in the order of the documents.
    public let converted: [String]
    /// A located error for each document that has no PDF, with the reason.
    public let failures: [Diagnostic]
}
