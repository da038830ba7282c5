import Foundation
public import LerendDiagnostics
import LerendDocuments
public import LerendNetwork

extension DocumentExporter {
    /// Writes `plan` into `folder` as ``write(_:into:inputs:progress:)`` does, but the
    /// documents of each ``ExportMerge`` as one file (each starting on a new page): the
    /// invitations of a meeting, the agendas. A kind that has no merges (the plan) is
    /// written as always.
    ///
    /// A document that fails is reported with its label and left out of its file; the
    /// others go in. A file that cannot be made at all (too large, not writable) is
    /// reported and the other files are still made.
    public func writeMerged(
        _ plan: ExportPlan, into folder: String, inputs: [String] = [],
        progress: (@Sendable (DocumentKind, Int, Int) -> Void)? = nil
    ) throws(DiagnosticList) -> Result {
        var result = Result()
        let protected = Set(inputs.map(OutputGuard.canonical))
        for batch in plan.batches {
            guard !batch.merges.isEmpty else {
                let single = try write(
                    ExportPlan(batches: [batch], problems: [], skippedCount: 0), into: folder, inputs: inputs,
                    progress: progress)
                result.written += single.written
                result.failures += single.failures
                result.failedCount += single.failedCount
                continue
            }
            let directory = batch.folder.isEmpty ? folder : folder + "/" + batch.folder
            try OutputGuard.makeDirectory(directory)
            let total = batch.merges.reduce(0) { $0 + $1.indices.count }
            var done = 0
            for merge in batch.merges {
                let path = directory + "/" + merge.fileName
                if protected.contains(OutputGuard.canonical(path)) {
                    result.failures.append(
                        Diagnostic(
                            .error, id: "O005", "'\(merge.fileName)' zou een invoerbestand vervangen en is niet geschreven",
                            at: SourceLocation(file: path), hint: "kies een andere map voor de documenten",
                            notes: ["bij \(merge.label)"]))
                    result.failedCount += merge.indices.count
                    continue
                }
                let report: DocumentMerge.Report
                do throws(DiagnosticList) {
                    let start = done
                    report = try DocumentMerge(template: batch.template, options: RenderOptions(imageFolders: batch.imageFolders))
                        .write(
                            count: merge.indices.count,
                            record: { position in
                                let index = merge.indices[position]
                                return DocumentMerge.Record(data: batch.data(at: index), label: batch.labels[index])
                            }, to: path, progress: { progress?(batch.kind, start + $0, total) })
                } catch {
                    var diagnostics = error.diagnostics
                    if let first = diagnostics.indices.first { diagnostics[first].notes.append("bij \(merge.label)") }
                    result.failures += diagnostics
                    result.failedCount += merge.indices.count
                    done += merge.indices.count
                    continue
                }
                done += merge.indices.count
                for failure in report.failures {
                    var diagnostics = failure.diagnostics
                    if let first = diagnostics.indices.first { diagnostics[first].notes.append("bij \(failure.label)") }
                    result.failures += diagnostics
                }
                result.failedCount += report.failures.count
                if report.written { result.written.append(path) }
            }
        }
        return result
    }
}
