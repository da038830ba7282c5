import Foundation
import Hummingbird
import LerendApplication
import LerendData
import LerendDiagnostics
import LerendExpressions
import LerendNetwork

/// The forms: the network's own fields, its organisations, participants and meetings,
/// the history. Every change is a list of ``NetworkEdit``s applied by ``NetworkDocument``
/// (only the touched lines change, the old version goes into the history, a file changed
/// since the page was loaded is not overwritten, an invalid result is refused).
struct FormRoutes: Sendable {
    let state: WebState

    func add(to router: Router<BasicRequestContext>) {
        router.get("/netwerk/:bestand/bewerken") { request, context in try editNetwork(request, context) }
        router.post("/netwerk/:bestand/bewerken") { request, context in
            try await saveNetwork(request, context)
        }
        for list in EntityList.allCases {
            router.get("/netwerk/:bestand/\(list.rawValue)") { request, context in try listPage(list, request, context) }
            router.get("/netwerk/:bestand/\(list.rawValue)/nieuw") { request, context in
                try itemForm(list, index: nil, request, context)
            }
            router.post("/netwerk/:bestand/\(list.rawValue)/nieuw") { request, context in
                try await saveItem(list, index: nil, request, context)
            }
            router.get("/netwerk/:bestand/\(list.rawValue)/:nummer") { request, context in
                try itemForm(list, index: try index(context), request, context)
            }
            router.post("/netwerk/:bestand/\(list.rawValue)/:nummer") { request, context in
                try await saveItem(list, index: try index(context), request, context)
            }
            router.post("/netwerk/:bestand/\(list.rawValue)/:nummer/verwijderen") { request, context in
                try await removeItem(list, index: try index(context), request, context)
            }
        }
        router.get("/netwerk/:bestand/geschiedenis") { request, context in try historyPage(request, context) }
        router.post("/netwerk/:bestand/geschiedenis/:versie/herstellen") { request, context in
            try await restore(request, context)
        }
    }

    // MARK: The network's own fields

    func editNetwork(_ request: Request, _ context: BasicRequestContext) throws -> Response {
        let (name, document, file) = try open(context)
        let form = SchemaForm(
            schema: NetworkSchema.network, path: "netwerk", node: file.file.root["netwerk"], network: file.network)
        return formPage(name, document: document, file: file, form: form, title: "Netwerk bewerken", action: "bewerken")
    }

    func saveNetwork(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let submitted = try await FormReader(state: state).read(request, context)
        let (name, document, file) = try open(context)
        var form = SchemaForm(
            schema: NetworkSchema.network, path: "netwerk", node: file.file.root["netwerk"], network: file.network)
        form.submitted = submitted
        return try apply(
            form.changes(), form: form, name: name, document: document, file: file, title: "Netwerk bewerken",
            action: "bewerken", version: submitted["versie"], done: "Het netwerk is bewaard.")
    }

    // MARK: Organisations, participants, meetings

    func listPage(_ list: EntityList, _ request: Request, _ context: BasicRequestContext) throws -> Response {
        let (name, document, file) = try open(context)
        let base = NetworkPage.base(name)
        let items = list.items(of: file.network).enumerated().map { index, columns -> [String: Any] in
            ["kolommen": columns, "link": "\(base)/\(list.rawValue)/\(index)", "nummer": index + 1]
        }
        return state.page(
            "lijst",
            [
                "titel": "\(list.title) · \(file.network.name)", "kop1": list.title, "naam": file.network.name,
                "kruimels": [["naam": file.network.name, "link": base], ["naam": list.title]],
                "koppen": list.headings, "items": items, "nieuw": "\(base)/\(list.rawValue)/nieuw",
                "nieuwtekst": list.addLabel, "versie": document.version.description, "leeg": list.emptyText,
                "melding": state.message(for: request) as Any,
            ])
    }

    func itemForm(_ list: EntityList, index: Int?, _ request: Request, _ context: BasicRequestContext) throws -> Response {
        let (name, document, file) = try open(context)
        let form = try itemSchemaForm(list, index: index, file: file)
        return formPage(
            name, document: document, file: file, form: form, title: index == nil ? list.addLabel : list.editLabel,
            action: "\(list.rawValue)/\(index.map(String.init) ?? "nieuw")",
            remove: index.map { "\(list.rawValue)/\($0)/verwijderen" }, removeLabel: list.removeLabel)
    }

    func saveItem(_ list: EntityList, index: Int?, _ request: Request, _ context: BasicRequestContext) async throws
        -> Response
    {
        let submitted = try await FormReader(state: state).read(request, context)
        let (name, document, file) = try open(context)
        var form = try itemSchemaForm(list, index: index, file: file)
        form.submitted = submitted
        let edits: [NetworkEdit]
        if index == nil {
            let entry = form.newEntry()
            edits = entry.pairs.isEmpty ? [] : [.append(NetworkPath([.key(list.key)]), entry)]
        } else {
            edits = form.changes()
        }
        return try apply(
            edits, form: form, name: name, document: document, file: file,
            title: index == nil ? list.addLabel : list.editLabel,
            action: "\(list.rawValue)/\(index.map(String.init) ?? "nieuw")", version: submitted["versie"],
            done: index == nil ? list.addedText : "Bewaard.", next: "\(list.rawValue)")
    }

    func removeItem(_ list: EntityList, index: Int, _ request: Request, _ context: BasicRequestContext) async throws
        -> Response
    {
        let submitted = try await FormReader(state: state).read(request, context)
        let (name, document, file) = try open(context)
        let form = try itemSchemaForm(list, index: index, file: file)
        return try apply(
            [.removeItem(NetworkPath([.key(list.key)]), index: index)], form: form, name: name, document: document,
            file: file, title: list.editLabel, action: "\(list.rawValue)/\(index)", version: submitted["versie"],
            done: list.removedText, next: "\(list.rawValue)")
    }

    private func itemSchemaForm(_ list: EntityList, index: Int?, file: NetworkFile) throws -> SchemaForm {
        var node: DataNode?
        if let index {
            guard case .sequence(let items, _)? = file.file.root[list.key], items.indices.contains(index) else {
                throw HTTPError(.notFound, message: "Dit netwerk heeft geen \(list.singular) \(index + 1).")
            }
            node = items[index]
        }
        let count: Int = {
            if case .sequence(let items, _)? = file.file.root[list.key] { return items.count }
            return 0
        }()
        return SchemaForm(schema: list.schema, path: "\(list.key)[\(index ?? count)]", node: node, network: file.network)
    }

    // MARK: History

    func historyPage(_ request: Request, _ context: BasicRequestContext, problems: [Diagnostic] = []) throws -> Response {
        let (name, document, file) = try open(context)
        let base = NetworkPage.base(name)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "nl_NL")
        formatter.dateFormat = "EEEE d MMMM yyyy 'om' HH:mm:ss"
        let entries = document.history.entries().map { entry -> [String: Any] in
            [
                "id": entry.id, "wanneer": formatter.string(from: entry.date),
                "actie": "\(base)/geschiedenis/\(URLPath.escape(entry.id))/herstellen",
            ]
        }
        return state.page(
            "geschiedenis",
            [
                "titel": "Geschiedenis · \(file.network.name)", "naam": file.network.name,
                "kruimels": [["naam": file.network.name, "link": base], ["naam": "Geschiedenis"]],
                "versies": entries, "versie": document.version.description,
                "meldingen": DiagnosticView.list(problems, folder: state.folder.path),
                "melding": state.message(for: request) as Any,
            ])
    }

    func restore(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let submitted = try await FormReader(state: state).read(request, context)
        let (name, document, _) = try open(context)
        let id = context.parameters.get("versie") ?? ""
        do throws(DiagnosticList) {
            guard let version = FileVersion(submitted["versie"] ?? "") else { throw Self.staleForm(document.path) }
            _ = try NetworkDocument.restore(id, of: document.path, expecting: version)
        } catch {
            state.cache.forget(name)
            return try historyPage(request, context, problems: error.diagnostics)
        }
        state.cache.forget(name)
        return state.redirect(
            to: NetworkPage.base(name) + "/geschiedenis",
            message: "De versie \(id) is teruggezet; de versie van daarvoor staat nu zelf in de geschiedenis.")
    }

    // MARK: Shared

    /// The network file of the address, read now (not from the cache: a form must see
    /// the file as it is).
    func open(_ context: BasicRequestContext) throws -> (String, NetworkDocument, NetworkFile) {
        let name = context.parameters.get("bestand") ?? ""
        guard let path = state.folder.path(of: name) else {
            throw HTTPError(.notFound, message: "Er is geen netwerkbestand '\(name)' in deze map.")
        }
        do throws(DiagnosticList) {
            let document = try NetworkDocument.open(path)
            return (name, document, try document.load())
        } catch {
            throw BrokenNetwork(name: name, diagnostics: error.diagnostics)
        }
    }

    func index(_ context: BasicRequestContext) throws -> Int {
        guard let text = context.parameters.get("nummer"), let index = Int(text), index >= 0 else {
            throw HTTPError(.notFound, message: "Deze pagina bestaat niet.")
        }
        return index
    }

    private func formPage(
        _ name: String, document: NetworkDocument, file: NetworkFile, form: SchemaForm, title: String, action: String,
        remove: String? = nil, removeLabel: String? = nil, problems: [Diagnostic] = [], status: HTTPResponse.Status = .ok
    ) -> Response {
        let base = NetworkPage.base(name)
        var context: [String: Any] = [
            "titel": "\(title) · \(file.network.name)", "kop1": title, "naam": file.network.name,
            "kruimels": [["naam": file.network.name, "link": base], ["naam": title]],
            "actie": "\(base)/\(action)", "terug": base, "versie": document.version.description, "velden": form.fields(),
            "meldingen": DiagnosticView.list(problems, folder: state.folder.path),
        ]
        if let remove {
            context["verwijderen"] = "\(base)/\(remove)"
            context["verwijdertekst"] = removeLabel ?? "Verwijderen"
        }
        return state.page("formulier", context, status: status)
    }

    /// Checks the fields, applies `edits` and goes to the network's page (or `next`);
    /// the form again with the messages when a field or the file refuses.
    private func apply(
        _ edits: [NetworkEdit], form: SchemaForm, name: String, document: NetworkDocument, file: NetworkFile,
        title: String, action: String, version: String?, done: String, next: String? = nil
    ) throws -> Response {
        var form = form
        form.messages = form.fieldProblems()
        guard form.messages.isEmpty else {
            return formPage(
                name, document: document, file: file, form: form, title: title, action: action,
                problems: [Diagnostic(.error, id: "A150", "niet bewaard: verbeter de velden met een melding")],
                status: .unprocessableContent)
        }
        guard !edits.isEmpty else {
            return state.redirect(to: NetworkPage.base(name) + (next.map { "/" + $0 } ?? ""), message: "Er was niets veranderd.")
        }
        do throws(DiagnosticList) {
            guard let version = version.flatMap(FileVersion.init) else { throw Self.staleForm(document.path) }
            _ = try NetworkDocument.apply(edits, to: document.path, expecting: version)
        } catch {
            state.cache.forget(name)
            form.messages = form.messages(for: error.diagnostics)
            return formPage(
                name, document: document, file: file, form: form, title: title, action: action, problems: error.diagnostics,
                status: .conflict)
        }
        state.cache.forget(name)
        return state.redirect(to: NetworkPage.base(name) + (next.map { "/" + $0 } ?? ""), message: done)
    }

    static func staleForm(_ path: String) -> DiagnosticList {
        DiagnosticList([
            Diagnostic(
                .error, id: "A151", "dit formulier hoort bij geen bekende versie van het bestand en is niet verwerkt",
                at: SourceLocation(file: path), hint: "laad de pagina opnieuw en doe je wijziging nog eens")
        ])
    }
}
