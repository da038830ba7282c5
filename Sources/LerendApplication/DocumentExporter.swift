import Foundation
public import LerendDiagnostics
import LerendDocuments
public import LerendNetwork

/// Makes the documents of an ``ExportPlan``: into a folder, on several threads, or one by
/// one as finished files for a front end that streams them.
public struct DocumentExporter: Sendable {
    /// How many documents are made at the same time.
    public let workers: Int

    public init(workers: Int = 1) {
        self.workers = max(1, workers)
    }

    /// What a written export gives.
    public struct Result: Sendable {
        /// The paths of the documents written.
        public var written: [String] = []
        /// Documents that failed, each with "bij <label>" as a note.
        public var failures: [Diagnostic] = []
        /// How many documents failed.
        public var failedCount = 0
    }

    /// A document made in memory: its path inside the export and its bytes.
    public struct FinishedDocument: Sendable {
        public let kind: DocumentKind
        /// Such as "uitnodigingen/uitnodiging bijeenkomst 1 Anna Bakker.odt".
        public let path: String
        public let bytes: [UInt8]
    }

    /// Writes every document of `plan` into `folder` (created when missing). Each file
    /// appears whole or not at all; a document that fails is reported and the others go
    /// on; no document is written over one of `inputs`.
    ///
    /// - Parameter progress: called with the kind, the documents done and the total of
    ///   that kind.
    public func write(
        _ plan: ExportPlan, into folder: String, inputs: [String] = [],
        progress: (@Sendable (DocumentKind, Int, Int) -> Void)? = nil
    ) throws(DiagnosticList) -> Result {
        var result = Result()
        let protected = Set(inputs.map(OutputGuard.canonical))
        for batch in plan.batches {
            let directory = batch.folder.isEmpty ? folder : folder + "/" + batch.folder
            try OutputGuard.makeDirectory(directory)
            // File names are plain names made by SafeFileName: the folder is made canonical
            // once, not every file (a batch has thousands).
            let canonicalDirectory = OutputGuard.canonical(directory)
            let clashes = Set(
                batch.fileNames.indices.filter { protected.contains(canonicalDirectory + "/" + batch.fileNames[$0]) })
            for index in clashes.sorted() {
                result.failures.append(
                    Diagnostic(
                        .error, id: "O005", "'\(batch.fileNames[index])' zou een invoerbestand vervangen en is niet geschreven",
                        at: SourceLocation(file: directory + "/" + batch.fileNames[index]),
                        hint: "kies een andere map voor de documenten", notes: ["bij \(batch.labels[index])"]))
            }
            let indices = batch.fileNames.indices.filter { !clashes.contains($0) }
            let merge = MailMerge(
                template: batch.template, directory: directory, options: RenderOptions(imageFolders: batch.imageFolders),
                workers: workers)
            let report = merge.run(
                count: indices.count,
                job: { position in
                    let index = indices[position]
                    return MailMerge.Job(
                        data: batch.data(at: index), fileName: batch.fileNames[index], label: batch.labels[index])
                },
                progress: { done in progress?(batch.kind, done, indices.count) })
            for failure in report.failures {
                var diagnostics = failure.diagnostics
                if let first = diagnostics.indices.first { diagnostics[first].notes.append("bij \(failure.label)") }
                result.failures += diagnostics
            }
            result.failedCount += report.failures.count + clashes.count
            let failed = Set(report.failures.compactMap(\.fileName))
            result.written += indices.map { batch.fileNames[$0] }.filter { !failed.contains($0) }.map { directory + "/" + $0 }
        }
        return result
    }

    /// Makes every document of `plan` in memory, one after the other, and hands each to
    /// `body` as soon as it is finished. Returns the documents that failed.
    public func documents(
        _ plan: ExportPlan, _ body: (FinishedDocument) throws -> Void
    ) rethrows -> [Diagnostic] {
        var failures: [Diagnostic] = []
        for batch in plan.batches {
            let renderer = DocumentRenderer(template: batch.template)
            for index in 0..<batch.count {
                let path = batch.folder.isEmpty ? batch.fileNames[index] : batch.folder + "/" + batch.fileNames[index]
                let bytes: [UInt8]
                do throws(DiagnosticList) {
                    bytes = try renderer.render(
                        batch.data(at: index), options: RenderOptions(imageFolders: batch.imageFolders), documentName: path)
                } catch {
                    var diagnostics = error.diagnostics
                    if let first = diagnostics.indices.first { diagnostics[first].notes.append("bij \(batch.labels[index])") }
                    failures += diagnostics
                    continue
                }
                try body(FinishedDocument(kind: batch.kind, path: path, bytes: bytes))
            }
        }
        return failures
    }
}
