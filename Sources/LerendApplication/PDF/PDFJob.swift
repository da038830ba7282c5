/// One document to turn into PDF, and what became of it.
struct PDFJob: Sendable {
    /// The document, as an absolute path.
    let document: String
    /// The PDF to write: the document's name with `.pdf`, in its folder.
    let destination: String
    /// The document as the caller named it, for messages.
    let label: String
    /// How often a run of LibreOffice stopped before it reached this document.
    var retries = 0

    /// The PDF's name as LibreOffice writes it into its output folder.
    var outputName: String { String(destination.split(separator: "/").last ?? "") }

    /// What became of a job in one run of LibreOffice.
    enum Outcome: Sendable {
        /// The PDF is complete, in the worker's output folder at this path.
        case converted(String)
        /// This document made LibreOffice fail or hang; why, in Dutch.
        case failed(String)
        /// LibreOffice stopped before it reached this document: it goes back in the queue.
        case retry
    }
}
