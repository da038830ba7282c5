import Foundation
import Hummingbird
import LerendApplication
import LerendDiagnostics
import LerendDocuments
import LerendExpressions
import LerendNetwork
import Synchronization

/// Importing organisations or participants from a spreadsheet: upload (CSV, XLSX, ODS),
/// map the columns, look at the preview (rows with problems by their row number, which
/// are skipped), then add. The sheet is kept in memory between the steps, never on disk.
struct ImportRoutes: Sendable {
    let state: WebState
    let uploads: UploadStore

    func add(to router: Router<BasicRequestContext>) {
        router.get("/netwerk/:bestand/importeren") { _, context in try uploadPage(context) }
        router.post("/netwerk/:bestand/importeren") { request, context in try await upload(request, context) }
        router.post("/netwerk/:bestand/importeren/kolommen") { request, context in
            try await remap(request, context)
        }
        router.post("/netwerk/:bestand/importeren/toevoegen") { request, context in
            try await addRows(request, context)
        }
    }

    func uploadPage(_ context: BasicRequestContext, problems: [Diagnostic] = [], status: HTTPResponse.Status = .ok) throws
        -> Response
    {
        let (name, _, file) = try FormRoutes(state: state).open(context)
        return state.page(
            "importeren", base(name, file).merging(["meldingen": DiagnosticView.list(problems)]) { $1 }, status: status)
    }

    func upload(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let form = try await FormReader(state: state).read(request, context)
        guard let file = form.uploads["bestand"], !file.bytes.isEmpty else {
            return try uploadPage(
                context, problems: [Diagnostic(.error, id: "A152", "kies eerst een bestand (CSV, XLSX of ODS)")],
                status: .unprocessableContent)
        }
        let id = uploads.keep(file)
        return try preview(context, upload: id, target: ImportTarget(rawValue: form["soort"] ?? ""), choices: [])
    }

    func remap(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let form = try await FormReader(state: state).read(request, context)
        return try preview(
            context, upload: form["upload"] ?? "", target: ImportTarget(rawValue: form["soort"] ?? ""),
            choices: Self.choices(form))
    }

    func addRows(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let form = try await FormReader(state: state).read(request, context)
        let (name, document, file) = try FormRoutes(state: state).open(context)
        let id = form["upload"] ?? ""
        guard let upload = uploads.upload(id) else { return try expired(context) }
        let preview: ImportPreview
        do throws(DiagnosticList) {
            let sheet = try Spreadsheet.read(bytes: upload.bytes, fileName: upload.fileName)
            preview = try NetworkImport.preview(
                sheet, networkFile: file, target: ImportTarget(rawValue: form["soort"] ?? ""), columnChoices: Self.choices(form))
        } catch {
            return try uploadPage(context, problems: error.diagnostics, status: .unprocessableContent)
        }
        guard preview.problems.isEmpty, !preview.entries.isEmpty else {
            return try show(
                preview, upload: id, name: name, file: file, version: document.version.description,
                problems: preview.problems.isEmpty
                    ? [Diagnostic(.error, id: "I220", "geen enkele rij kan worden toegevoegd; er is niets veranderd")]
                    : preview.problems)
        }
        let list = NetworkPath([.key(preview.target.listKey)])
        let note = "geïmporteerd uit \(upload.fileName) op \(state.date.iso)"
        let edits = [NetworkEdit.appendAll(list, preview.entries, comment: note)]
        do throws(DiagnosticList) {
            guard let version = FileVersion(form["versie"] ?? "") else { throw FormRoutes.staleForm(document.path) }
            _ = try NetworkDocument.apply(edits, to: document.path, expecting: version, allowingNewWarnings: true)
        } catch {
            state.cache.forget(name)
            return try show(
                preview, upload: id, name: name, file: file, version: document.version.description, problems: error.diagnostics)
        }
        state.cache.forget(name)
        uploads.forget(id)
        let added = preview.entries.count
        let skipped = preview.skipped.count
        let what =
            preview.target == .organisations
            ? (added == 1 ? "organisatie" : "organisaties") : (added == 1 ? "deelnemer" : "deelnemers")
        var message = "\(added) \(what) toegevoegd uit \(upload.fileName)."
        if skipped > 0 { message += " \(skipped == 1 ? "1 rij is" : "\(skipped) rijen zijn") overgeslagen." }
        return state.redirect(to: NetworkPage.base(name) + "/" + preview.target.listKey, message: message)
    }

    private func preview(_ context: BasicRequestContext, upload id: String, target: ImportTarget?, choices: [String]) throws
        -> Response
    {
        let (name, document, file) = try FormRoutes(state: state).open(context)
        guard let upload = uploads.upload(id) else { return try expired(context) }
        let preview: ImportPreview
        do throws(DiagnosticList) {
            let sheet = try Spreadsheet.read(bytes: upload.bytes, fileName: upload.fileName)
            preview = try NetworkImport.preview(sheet, networkFile: file, target: target, columnChoices: choices)
        } catch {
            return try uploadPage(context, problems: error.diagnostics, status: .unprocessableContent)
        }
        return try show(
            preview, upload: id, name: name, file: file, version: document.version.description, problems: preview.problems)
    }

    private func show(
        _ preview: ImportPreview, upload id: String, name: String, file: NetworkFile, version: String, problems: [Diagnostic]
    ) throws -> Response {
        let keys = preview.target.schema.fields.map(\.name)
        let columns = preview.mapping.columns.map { column -> [String: Any] in
            [
                "index": column.index, "kop": column.header.isEmpty ? "(kolom \(column.letters))" : column.header,
                "letters": column.letters,
                "keuzes": [["waarde": "", "naam": "(niet gebruiken)", "gekozen": column.field == nil]]
                    + keys.map { ["waarde": $0, "naam": SchemaForm.label($0), "gekozen": column.field == $0] },
            ]
        }
        let rows = preview.rows.map { row -> [String: Any] in
            [
                "nummer": row.number, "waarden": row.values, "klaar": row.isReady,
                "problemen": row.problems.map(\.message),
            ]
        }
        var context = base(name, file)
        context.merge([
            "voorbeeld": true, "upload": id, "bestandsnaam": preview.fileName, "versie": version,
            "soort": preview.target.rawValue, "soortnaam": preview.target.listKey,
            "kolommen": columns, "velden": preview.fields.map(SchemaForm.label), "rijen": rows,
            "klaar": preview.entries.count, "overgeslagen": preview.skipped.count,
            "meldingen": DiagnosticView.list(problems),
            "soorten": ImportTarget.allCases.map {
                ["waarde": $0.rawValue, "naam": $0.listKey, "gekozen": $0 == preview.target]
            },
        ]) { $1 }
        return state.page("importeren", context, status: problems.isEmpty ? .ok : .unprocessableContent)
    }

    private func expired(_ context: BasicRequestContext) throws -> Response {
        try uploadPage(
            context,
            problems: [
                Diagnostic(
                    .error, id: "A153",
                    "het rekenblad is niet meer bewaard (Lerend is opnieuw gestart of het is te lang geleden); kies het bestand opnieuw"
                )
            ],
            status: .unprocessableContent)
    }

    private func base(_ name: String, _ file: NetworkFile) -> [String: Any] {
        [
            "titel": "Importeren · \(file.network.name)", "naam": file.network.name,
            "kruimels": [["naam": file.network.name, "link": NetworkPage.base(name)], ["naam": "Importeren"]],
            "actie": NetworkPage.base(name) + "/importeren",
            "soorten": ImportTarget.allCases.map { ["waarde": $0.rawValue, "naam": $0.listKey, "gekozen": false] },
        ]
    }

    /// The organiser's choice per column (`kolom-3=email`) as the import takes it (`D=email`).
    static func choices(_ form: FormData) -> [String] {
        form.fields.compactMap { field in
            guard field.name.hasPrefix("kolom-"), let index = Int(field.name.dropFirst("kolom-".count)), index >= 0,
                index < 16_384
            else { return nil }
            return "\(ColumnName.letters(index))=\(field.value)"
        }
    }
}

/// Uploaded sheets between the steps of an import, in memory, by a random key; the
/// oldest go when more than a few are kept.
final class UploadStore: Sendable {
    private let stored = Mutex<[(id: String, upload: FormData.Upload)]>([])
    private let limit = 8

    func keep(_ upload: FormData.Upload) -> String {
        let id = FormToken().value
        stored.withLock { list in
            list.append((id, upload))
            if list.count > limit { list.removeFirst(list.count - limit) }
        }
        return id
    }

    func upload(_ id: String) -> FormData.Upload? { stored.withLock { $0.first { $0.id == id }?.upload } }

    func forget(_ id: String) { stored.withLock { $0.removeAll { $0.id == id } } }
}
