import Hummingbird

/// Turns what a route throws into a Dutch page: a network file that does not load shows
/// its messages; a refused or unknown request says why.
struct ErrorPages<Context: RequestContext>: RouterMiddleware {
    let state: WebState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let broken as BrokenNetwork {
            return state.page(
                "fout",
                [
                    "titel": "\(broken.name) kan niet gelezen worden", "kruimels": [["naam": broken.name]],
                    "tekst": "Dit netwerkbestand kan niet gelezen worden. Verbeter het bestand (in een teksteditor) en laad deze pagina opnieuw.",
                    "meldingen": DiagnosticView.list(broken.diagnostics, folder: state.folder.path),
                ], status: .unprocessableContent)
        } catch let error as HTTPError {
            let text = error.body ?? (error.status == .notFound ? "Deze pagina bestaat niet." : "Dit verzoek is niet verwerkt.")
            return state.page("fout", ["titel": error.status == .notFound ? "Niet gevonden" : "Niet verwerkt", "tekst": text], status: error.status)
        }
    }
}
