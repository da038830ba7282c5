import Foundation
import Hummingbird
import LerendApplication
import LerendDiagnostics
import LerendDocuments
import LerendExpressions
import LerendNetwork

/// The addresses of the application and what answers them. Each page asks
/// LerendApplication what the CLI asks; nothing here decides about a network.
struct WebRoutes: Sendable {
    let state: WebState

    func add(to router: Router<BasicRequestContext>) {
        router.get("/static/lerend.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(bytes: PackageResources.lerend_css)))
        }
        router.get("/") { request, _ in overview(request) }
        router.get("/netwerk/:bestand") { request, context in try network(request, context) }
        router.get("/netwerk/:bestand/agenda.ics") { _, context in try calendar(context) }
        router.get("/netwerk/:bestand/download") { request, context in try download(request, context) }
        router.get("/netwerk/:bestand/plannen") { _, context in try planPage(context) }
        router.post("/netwerk/:bestand/plannen") { request, context in try await acceptPlan(request, context) }
        FormRoutes(state: state).add(to: router)
        StartRoutes(state: state).add(to: router)
        ImportRoutes(state: state, uploads: state.uploads).add(to: router)
    }

    func overview(_ request: Request) -> Response {
        let date = state.date
        var context = OverviewPage.context(state.cache.all(on: date), folder: state.folder, date: date)
        context["melding"] = state.message(for: request) as Any
        return state.page("overzicht", context)
    }

    func network(_ request: Request, _ context: BasicRequestContext) throws -> Response {
        let (name, opened) = try openedNetwork(context)
        var page = NetworkPage.context(name, opened, folder: state.folder)
        page["melding"] = state.message(for: request) as Any
        return state.page("netwerk", page)
    }

    func calendar(_ context: BasicRequestContext) throws -> Response {
        let (name, opened) = try openedNetwork(context)
        let text = opened.session.calendar().text
        let stem = (name as NSString).deletingPathExtension
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/calendar; charset=utf-8; method=REQUEST",
                .contentDisposition: Downloads.disposition("\(stem).ics"),
            ], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func download(_ request: Request, _ context: BasicRequestContext) throws -> Response {
        let (name, opened) = try openedNetwork(context)
        let query = request.uri.queryParameters
        guard let kind = query["soort"].flatMap({ DocumentKind(rawValue: String($0)) }) else {
            return state.page(
                "fout", ["titel": "Onbekend document", "tekst": "Kies een document uit de lijst."], status: .badRequest)
        }
        let format: DocumentFormat = query["formaat"] == "docx" ? .docx : .odt
        let merged = query["vorm"] == "samengevoegd"
        return Downloads(state: state).response(
            opened.session, network: name, kind: kind, format: format, merged: merged)
    }

    func planPage(_ context: BasicRequestContext, problems: [Diagnostic] = []) throws -> Response {
        let (name, opened) = try openedNetwork(context)
        let proposal: PlanProposal
        do throws(DiagnosticList) {
            proposal = try opened.session.planProposal()
        } catch {
            return state.page(
                "plannen",
                PlanPage.context(name, opened, proposal: nil, problems: error.diagnostics, version: version(name)))
        }
        return state.page(
            "plannen", PlanPage.context(name, opened, proposal: proposal, problems: problems, version: version(name)))
    }

    func acceptPlan(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let form = try await FormReader(state: state).read(request, context)
        let (name, opened) = try openedNetwork(context)
        let proposal: PlanProposal
        do throws(DiagnosticList) { proposal = try opened.session.planProposal() } catch {
            return try planPage(context, problems: error.diagnostics)
        }
        let chosen = Set(form.all("neem").compactMap(Int.init))
        let meetings = proposal.plan.proposed.enumerated().filter { chosen.contains($0.offset) }.map(\.element)
        guard !meetings.isEmpty else {
            return try planPage(
                context,
                problems: [Diagnostic(.warning, id: "A154", "er is geen bijeenkomst gekozen; er is niets veranderd")])
        }
        do throws(DiagnosticList) {
            guard let version = FileVersion(form["versie"] ?? "") else { throw FormRoutes.staleForm(opened.session.path) }
            let note = "voorgesteld door lerend plan op \(opened.session.date.iso), overgenomen in lerend web"
            _ = try NetworkDocument.apply(
                [.appendAll(NetworkPath([.key("bijeenkomsten")]), meetings.map(\.entry), comment: note)],
                to: opened.session.path, expecting: version, allowingNewWarnings: true)
        } catch {
            state.cache.forget(name)
            return try planPage(context, problems: error.diagnostics)
        }
        state.cache.forget(name)
        let count = meetings.count
        return state.redirect(
            to: NetworkPage.base(name),
            message: count == 1 ? "1 bijeenkomst toegevoegd." : "\(count) bijeenkomsten toegevoegd.")
    }

    /// The network of the address's `:bestand`, opened; 404 for a name that is not a
    /// network file of the folder, and the file's messages when it does not load.
    func openedNetwork(_ context: BasicRequestContext) throws -> (String, OpenedNetwork) {
        let name = context.parameters.get("bestand") ?? ""
        guard let entry = state.cache.entry(name, on: state.date) else {
            throw HTTPError(.notFound, message: "Er is geen netwerkbestand '\(name)' in deze map.")
        }
        switch entry.outcome {
        case .opened(let opened): return (name, opened)
        case .broken(let diagnostics): throw BrokenNetwork(name: name, diagnostics: diagnostics)
        }
    }

    /// The version of the file `name` that a form carries (the lost-update check).
    func version(_ name: String) -> String {
        guard let path = state.folder.path(of: name) else { return "" }
        return (try? NetworkDocument.open(path).version.description) ?? ""
    }
}

/// A network file that does not load, shown as a page with its messages.
struct BrokenNetwork: Error {
    let name: String
    let diagnostics: [Diagnostic]
}
