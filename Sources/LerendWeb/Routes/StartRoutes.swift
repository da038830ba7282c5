import Foundation
import Hummingbird
import LerendApplication
import LerendDiagnostics
import LerendExpressions
import LerendNetwork
import LerendWorkflow

/// The guided start (`/nieuw`): a new network file in the folder, asking what the seeds
/// ask at the start: the way of working (the plugin and its steps), the why (doel,
/// leervragen), the who (wie uitnodigen, the contact person), how and how often, and
/// the first meeting.
struct StartRoutes: Sendable {
    let state: WebState

    /// The groups of the guided start: a title, what the step asks, and its keys.
    static let groups: [(title: String, text: String, keys: [String])] = [
        ("Waarom", "Waarom begint het netwerk, en met welke vragen? (stap 1)", ["naam", "doel", "leervragen", "themas"]),
        ("Met wie", "Wie nodig je uit, en wie coördineert? (stap 2)", ["wie_uitnodigen", "contactpersoon"]),
        (
            "Hoe en hoe vaak", "Welke vorm kiest het netwerk, en wanneer komt het bij elkaar?",
            ["vorm", "bijeenkomsten_per_jaar", "voorkeuren"]
        ),
    ]

    func add(to router: Router<BasicRequestContext>) {
        router.get("/nieuw") { _, _ in page(form(nil)) }
        router.post("/nieuw") { request, context in try await create(request, context) }
    }

    private func form(_ submitted: FormData?) -> SchemaForm {
        var form = SchemaForm(
            schema: NetworkSchema.network, path: "netwerk", node: nil,
            network: nil)
        form.submitted = submitted
        return form
    }

    func page(_ form: SchemaForm, problems: [Diagnostic] = [], status: HTTPResponse.Status = .ok) -> Response {
        let fields = form.fields()
        let byKey = Dictionary(
            fields.compactMap { view -> (String, [String: Any])? in
                if let name = view["naam"] as? String { return (String(name.dropFirst("netwerk.".count)), view) }
                if let legend = view["sleutel"] as? String { return (legend, view) }
                return nil
            }, uniquingKeysWith: { first, _ in first })
        let chosen = form.submitted?["netwerk.plugin"] ?? ""
        let plugins = state.cache.catalog.plugins.filter { $0.workflow != nil || $0.programme != nil }.map {
            plugin -> [String: Any] in
            [
                "id": plugin.id, "naam": plugin.name, "gekozen": plugin.id == chosen,
                "stappen": plugin.workflow?.stages.map(\.name) ?? [],
            ]
        }
        let checks = state.cache.catalog.plugins.filter { $0.workflow == nil && $0.programme == nil && !$0.ruleSets.isEmpty }
            .map { plugin -> [String: Any] in
                [
                    "id": plugin.id, "naam": plugin.name,
                    "gekozen": form.submitted?.all("netwerk.toetsen_aan").contains(plugin.id) ?? false,
                ]
            }
        var context: [String: Any] = [
            "titel": "Nieuw netwerk", "kruimels": [["naam": "Nieuw netwerk"]],
            "werkwijzen": plugins, "regelsets": checks,
            "groepen": Self.groups.map { group in
                ["titel": group.title, "tekst": group.text, "velden": group.keys.compactMap { byKey[$0] }]
            },
            "meldingen": DiagnosticView.list(problems, folder: state.folder.path),
            "bestandsnaam": form.submitted?["bestandsnaam"] ?? "",
            "eerste_datum": form.submitted?["eerste.datum"] ?? "", "eerste_tijd": form.submitted?["eerste.begintijd"] ?? "",
        ]
        if let problems = form.messages["netwerk.plugin"] { context["pluginfout"] = problems }
        if let problems = form.messages["eerste.datum"] { context["datumfout"] = problems }
        return state.page("nieuw", context, status: status)
    }

    func create(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let submitted = try await FormReader(state: state).read(request, context)
        var form = form(submitted)
        form.messages = form.fieldProblems()
        let plugin = submitted["netwerk.plugin"] ?? ""
        if state.cache.catalog.plugin(plugin) == nil { form.messages["netwerk.plugin"] = ["kies de werkwijze van het netwerk"] }
        let firstDate = submitted["eerste.datum"].map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        if !firstDate.isEmpty, LocalDate(iso: firstDate) == nil {
            form.messages["eerste.datum"] = ["'\(firstDate)' is geen datum; kies een datum (JJJJ-MM-DD)"]
        }
        guard form.messages.isEmpty else {
            return page(
                form, problems: [Diagnostic(.error, id: "A150", "niet bewaard: verbeter de velden met een melding")],
                status: .unprocessableContent)
        }
        var entry = form.newEntry()
        entry.pairs.removeAll { $0.key == "plugin" || $0.key == "toetsen_aan" }
        let extra = submitted.all("netwerk.toetsen_aan").filter { state.cache.catalog.plugin($0) != nil }
        if !extra.isEmpty { entry.pairs.append((key: "toetsen_aan", value: .list(extra))) }
        let name = (submitted["bestandsnaam"].flatMap { $0.isEmpty ? nil : $0 }) ?? (submitted["netwerk.naam"] ?? "")
        do throws(DiagnosticList) {
            let document = try NetworkDocument.create(in: state.folder.path, name: name, network: entry, plugin: plugin)
            if !firstDate.isEmpty {
                var meeting: [(key: String, value: NetworkEntry.Value)] = [("datum", .text(firstDate))]
                let time = submitted["eerste.begintijd"]?.trimmingCharacters(in: .whitespaces) ?? ""
                if !time.isEmpty { meeting.append(("begintijd", .text(String(time.prefix(5))))) }
                _ = try NetworkDocument.apply(
                    [.append(NetworkPath([.key("bijeenkomsten")]), NetworkEntry(meeting))], to: document.path,
                    expecting: document.version, allowingNewWarnings: true)
            }
            let fileName = (document.path as NSString).lastPathComponent
            return state.redirect(
                to: NetworkPage.base(fileName),
                message: "Het netwerk is aangemaakt in \(fileName). Voeg nu de organisaties en deelnemers toe, of importeer ze.")
        } catch {
            return page(form, problems: error.diagnostics, status: .conflict)
        }
    }
}
