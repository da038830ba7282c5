import LerendApplication
import LerendDiagnostics
import LerendExpressions
import Synchronization

/// The opened network files of the work folder, each with its check and status, kept until
/// the file changes on disk (a new ``FileStamp``) or the reference date moves on: the
/// overview of a folder of 100 networks does not read 100 files for every page.
final class NetworkCache: Sendable {
    /// A network file as the pages show it.
    struct Entry: Sendable {
        let name: String
        let stamp: FileStamp
        let date: LocalDate
        let outcome: Outcome
    }

    enum Outcome: Sendable {
        /// The file loaded with its plugins.
        case opened(OpenedNetwork)
        /// The file did not load: every message, located.
        case broken([Diagnostic])
    }

    let folder: WorkFolder
    let catalog: LoadedPlugins
    private let entries = Mutex<[String: Entry]>([:])

    init(folder: WorkFolder, catalog: LoadedPlugins) {
        self.folder = folder
        self.catalog = catalog
    }

    /// The network file `name` of the folder on `date`, opened again only when it changed.
    func entry(_ name: String, on date: LocalDate) -> Entry? {
        guard let path = folder.path(of: name) else { return nil }
        return entry(name, path: path, on: date)
    }

    /// The file `name` at `path`, which the caller found in the folder's list.
    private func entry(_ name: String, path: String, on date: LocalDate) -> Entry? {
        guard let stamp = folder.stamp(of: name) else { return nil }
        if let cached = entries.withLock({ $0[name] }), cached.stamp == stamp, cached.date == date { return cached }
        let outcome: Outcome
        do throws(DiagnosticList) {
            let session = try NetworkSession.open(path, plugins: catalog, date: date)
            outcome = .opened(OpenedNetwork(session: session))
        } catch {
            outcome = .broken(error.diagnostics)
        }
        let entry = Entry(name: name, stamp: stamp, date: date, outcome: outcome)
        entries.withLock { $0[name] = entry }
        return entry
    }

    /// Every network file of the folder on `date`, in the folder's order.
    func all(on date: LocalDate) -> [Entry] {
        let names = folder.networkFiles()
        entries.withLock { cached in
            for name in cached.keys where !names.contains(name) { cached[name] = nil }
        }
        // The folder is listed once here, not once per file.
        return names.compactMap { entry($0, path: folder.path + "/" + $0, on: date) }
    }

    /// Forgets `name`, after the application itself wrote it.
    func forget(_ name: String) {
        _ = entries.withLock { $0.removeValue(forKey: name) }
    }
}

/// A network file opened with its plugins, with what every page of it shows.
struct OpenedNetwork: Sendable {
    let session: NetworkSession
    let check: CheckReport
    /// The status, or why there is none (a plugin without a workflow).
    let status: Result<StatusReport, DiagnosticList>

    init(session: NetworkSession) {
        self.session = session
        self.check = session.checkReport()
        do throws(DiagnosticList) {
            self.status = .success(try session.statusReport())
        } catch {
            self.status = .failure(error)
        }
    }
}
