import Foundation
import Hummingbird
import LerendApplication
import LerendDiagnostics
import LerendDocuments
import LerendNetwork

/// The documents of a network as downloads, made by the code of `lerend export`: one
/// document as it is, many as a zip that is streamed document by document, or merged
/// (`--samenvoegen`) in a temporary folder that is removed once sent. Nothing is left
/// half on disk.
struct Downloads: Sendable {
    let state: WebState

    func response(
        _ session: NetworkSession, network name: String, kind: DocumentKind, format: DocumentFormat, merged: Bool
    ) -> Response {
        let plan: ExportPlan
        do throws(DiagnosticList) {
            plan = try session.exportPlan(ExportRequest(kinds: [kind], format: format))
        } catch {
            return problems(name, error.diagnostics)
        }
        let errors = plan.problems.filter { $0.severity == .error }
        guard plan.documentCount > 0 else {
            return problems(
                name,
                plan.problems.isEmpty
                    ? [Diagnostic(.warning, id: "W102", "er zijn geen \(kind.pluralLabel) te maken voor dit netwerk")]
                    : plan.problems)
        }
        if !errors.isEmpty, plan.documentCount == 0 { return problems(name, errors) }
        let stem = (name as NSString).deletingPathExtension
        if merged { return mergedResponse(plan, stem: stem, kind: kind, network: name) }
        if plan.documentCount == 1 {
            var document: DocumentExporter.FinishedDocument?
            let failures = DocumentExporter().documents(plan) { document = $0 }
            guard let document else { return problems(name, failures) }
            return file(document.bytes, name: (document.path as NSString).lastPathComponent, format: format)
        }
        return zipResponse(plan, name: "\(stem) \(kind.pluralLabel).zip")
    }

    /// Every document of `plan` in a zip, each sent as soon as it is made; documents that
    /// could not be made are listed in `niet gemaakt.txt` at the end.
    private func zipResponse(_ plan: ExportPlan, name: String) -> Response {
        let (stream, continuation) = AsyncStream.makeStream(of: ByteBuffer.self)
        Thread.detachNewThread {
            var zip = StoredZipStream()
            let failures = DocumentExporter().documents(plan) { document in
                if let bytes = zip.add(name: document.path, bytes: document.bytes) {
                    continuation.yield(ByteBuffer(bytes: bytes))
                }
            }
            let remarks = (plan.problems + failures).map { Self.plainText($0) }
            if !remarks.isEmpty, let bytes = zip.add(name: "niet gemaakt.txt", bytes: Array(remarks.joined(separator: "\n\n").utf8)) {
                continuation.yield(ByteBuffer(bytes: bytes))
            }
            if let end = zip.finish() { continuation.yield(ByteBuffer(bytes: end)) }
            continuation.finish()
        }
        return Response(
            status: .ok, headers: [.contentType: "application/zip", .contentDisposition: Self.disposition(name)],
            body: ResponseBody(asyncSequence: stream))
    }

    /// The merged documents of `plan`, made in a temporary folder and removed once read.
    private func mergedResponse(_ plan: ExportPlan, stem: String, kind: DocumentKind, network: String) -> Response {
        let folder = FileManager.default.temporaryDirectory.appending(path: "lerend-web-\(UUID().uuidString)")
            .path(percentEncoded: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result: DocumentExporter.Result
        do throws(DiagnosticList) {
            result = try DocumentExporter().writeMerged(plan, into: folder)
        } catch {
            return problems(network, error.diagnostics)
        }
        let files = result.written.compactMap { path -> (String, [UInt8])? in
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            return (String(path.dropFirst(folder.count + 1)), Array(data))
        }
        guard !files.isEmpty else { return problems(network, plan.problems + result.failures) }
        if files.count == 1 {
            return file(files[0].1, name: (files[0].0 as NSString).lastPathComponent, format: plan.batches.first.map(\.template.format) ?? .odt)
        }
        var zip = StoredZipStream()
        var bytes: [UInt8] = []
        for (name, contents) in files { bytes += zip.add(name: name, bytes: contents) ?? [] }
        bytes += zip.finish() ?? []
        return Response(
            status: .ok,
            headers: [.contentType: "application/zip", .contentDisposition: Self.disposition("\(stem) \(kind.pluralLabel) samengevoegd.zip")],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private func file(_ bytes: [UInt8], name: String, format: DocumentFormat) -> Response {
        let type =
            format == .docx
            ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            : "application/vnd.oasis.opendocument.text"
        return Response(
            status: .ok, headers: [.contentType: type, .contentDisposition: Self.disposition(name)],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private func problems(_ name: String, _ diagnostics: [Diagnostic]) -> Response {
        state.page(
            "fout",
            [
                "titel": "Geen documenten gemaakt", "kruimels": [["naam": name, "link": NetworkPage.base(name)]],
                "tekst": "De documenten konden niet gemaakt worden:",
                "meldingen": DiagnosticView.list(diagnostics, folder: state.folder.path),
            ], status: .unprocessableContent)
    }

    static func plainText(_ diagnostic: Diagnostic) -> String {
        var lines = ["\(diagnostic.severity.label): \(diagnostic.message)"]
        if let location = diagnostic.location { lines.append("  bij \(DiagnosticView.place(location, folder: nil))") }
        lines += diagnostic.notes.map { "  \($0)" }
        if let hint = diagnostic.hint { lines.append("  tip: \(hint)") }
        return lines.joined(separator: "\n")
    }

    /// `attachment` with the name as ASCII and as UTF-8 (RFC 6266), so that every browser
    /// keeps "uitnodiging Anaïs.odt".
    static func disposition(_ name: String) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        let encoded = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
