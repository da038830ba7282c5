import Hummingbird
import LerendApplication
import LerendDiagnostics
import LerendNetwork

/// The forms: editing a network, its organisations, participants and meetings, a new
/// network, an import, the history.
struct FormRoutes: Sendable {
    let state: WebState

    func add(to router: Router<BasicRequestContext>) {
    }
}
