import ArgumentParser
import Foundation
import LerendApplication
import LerendData
import LerendDiagnostics
import LerendDocuments
import LerendExpressions

extension RenderCommand {
    /// `--per PATH --één-document OUT`: every element of the list in one document.
    func renderMerged(
        _ compiled: DocumentTemplate, dataFile: DataFile, listPath: String, into document: String, options: RenderOptions
    ) throws {
        let (records, labels) = try records(in: dataFile, at: listPath)
        guard !records.isEmpty else {
            Console.report([
                Diagnostic(
                    .error, id: "O022", "--per \(listPath) is een lege lijst; er is niets om samen te voegen",
                    at: SourceLocation(file: dataFile.path), hint: "zet minstens één element in de lijst")
            ])
            throw ExitCode.failure
        }
        let path = try outputPath(for: compiled)
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let merge = DocumentMerge(template: compiled, options: options, requiresEveryRecord: allOrNothing)
        let started = ContinuousClock.now
        let total = records.count
        let report: DocumentMerge.Report
        let shared = dataFile.value
        do throws(DiagnosticList) {
            report = try merge.write(
                count: total,
                record: { index in
                    DocumentMerge.Record(
                        data: MailMerge.recordData(records[index], shared: shared, binding: binding),
                        label: labels[index])
                }, to: path,
                progress: { done in if done % 50 == 0 || done == total { Console.status("\(done) van \(total) records") } })
        } catch {
            Console.clearStatus()
            Console.report(error.diagnostics)
            Console.error("geen document geschreven")
            throw ExitCode.failure
        }
        Console.clearStatus()
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        for failure in report.failures {
            var diagnostics = failure.diagnostics
            if let first = diagnostics.indices.first { diagnostics[first].notes.append("bij \(failure.label)") }
            Console.report(diagnostics)
        }
        if report.written {
            Console.print(
                "\(report.mergedCount.counted("record", "records")) samengevoegd in \(path) (\(seconds.dutch(decimals: 2)) s)")
        } else {
            Console.error("geen document geschreven")
        }
        if !report.failures.isEmpty {
            let reason = allOrNothing ? "" : "; de andere staan erin"
            Console.error("\(report.failures.count) van \(total) records niet samengevoegd\(reason); zie de meldingen hierboven")
            throw ExitCode.failure
        }
        if !report.written { throw ExitCode.failure }
    }
}
