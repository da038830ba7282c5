import Foundation
import LerendData
public import LerendDiagnostics
import LerendExpressions
public import LerendNetwork

/// The bundles in every place of a ``ResourceLocator`` (`lerend plugin lijst`), and
/// removing one from the user's own folder (`lerend plugin verwijder`).
public struct PluginCatalog: Sendable {
    /// One bundle found.
    public struct Entry: Sendable {
        public let id: String
        public let name: String?
        public let version: Version?
        public let lerendVersions: VersionRange?
        /// The bundle folder.
        public let path: String
        public let place: ResourceLocator.Place
        /// Whether this is the bundle networks get: the first of its id in search order.
        public let isActive: Bool
        /// Why the bundle does not load, if it does not: the first problem.
        public let problem: Diagnostic?
    }

    public let locator: ResourceLocator

    public init(locator: ResourceLocator) {
        self.locator = locator
    }

    /// Every bundle in every place, in search order.
    public func entries() -> [Entry] {
        var result: [Entry] = []
        var seen = Set<String>()
        for place in locator.pluginPlaces {
            for directory in PluginLoader(searchPath: [place.path]).bundleDirectories() {
                let entry: Entry
                do throws(DiagnosticList) {
                    let plugin = try BundlePlugin.load(directory: directory)
                    entry = Entry(
                        id: plugin.id, name: plugin.name, version: plugin.version, lerendVersions: plugin.lerendVersions,
                        path: directory, place: place, isActive: !seen.contains(plugin.id), problem: nil)
                } catch {
                    let manifest = try? DataFile.load(path: directory + "/plugin.yaml")
                    let id = manifest?.root["id"]?.value.stringValue ?? (directory as NSString).lastPathComponent
                    entry = Entry(
                        id: id, name: manifest?.root["naam"]?.value.stringValue,
                        version: (manifest?.root["versie"]?.value.stringValue).flatMap(Version.init), lerendVersions: nil,
                        path: directory, place: place, isActive: false,
                        problem: error.diagnostics.first { $0.severity == .error })
                }
                if entry.problem == nil { seen.insert(entry.id) }
                result.append(entry)
            }
        }
        return result
    }

    /// Removes the bundle `id` from the user's plugin folder, and says where it was; a
    /// bundle elsewhere is never touched.
    public func remove(_ id: String) throws(DiagnosticList) -> Entry {
        let all = entries()
        let folder = locator.userPluginFolder
        guard let entry = all.first(where: { $0.id == id && $0.place.origin == .userFolder }) else {
            let elsewhere = all.filter { $0.id == id }
            let own = all.filter { $0.place.origin == .userFolder }.map(\.id)
            var diagnostic = Diagnostic(
                .error, id: "P137",
                elsewhere.isEmpty
                    ? "plugin '\(id)' staat niet in je eigen pluginmap"
                    : "plugin '\(id)' staat niet in je eigen pluginmap, maar in \(elsewhere[0].path) (\(elsewhere[0].place.origin.label))",
                at: SourceLocation(file: folder),
                hint: elsewhere.isEmpty
                    ? (Suggestions.hint(for: id, in: own)
                        ?? (own.isEmpty
                            ? "je eigen pluginmap is leeg" : "in je eigen pluginmap staan: " + own.joined(separator: ", ")))
                    : "lerend verwijdert alleen wat 'lerend plugin installeer' in je eigen pluginmap zette")
            diagnostic.notes = ["er is niets verwijderd"]
            throw DiagnosticList([diagnostic])
        }
        let manager = FileManager.default
        let trash = folder + "/.lerend-verwijderen-\(UUID().uuidString)"
        do {
            try manager.moveItem(atPath: entry.path, toPath: trash)
        } catch {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "P139", "kan \(entry.path) niet verwijderen: \(SystemErrorText.dutch(error) ?? "\(error)")",
                    at: SourceLocation(file: entry.path))
            ])
        }
        try? manager.removeItem(atPath: trash)
        return entry
    }
}
