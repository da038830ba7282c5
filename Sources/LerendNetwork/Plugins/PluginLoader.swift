import Foundation
public import LerendDiagnostics

/// Loads the plugin bundles in a search path. A broken bundle is reported and skipped;
/// it never stops the others from loading.
///
/// Each entry of the search path is a bundle (a folder with `plugin.yaml`) or a folder of
/// bundles; the first bundle of an id wins. Where the search path comes from (options,
/// the environment, the installation) is the front end's business: see
/// `ResourceLocator` in LerendApplication.
public struct PluginLoader: Sendable {
    public var searchPath: [String]

    public init(searchPath: [String]) {
        self.searchPath = searchPath
    }

    /// Every bundle found, and the problems of those that could not be loaded.
    public func load() -> (plugins: [BundlePlugin], problems: [Diagnostic]) {
        var plugins: [BundlePlugin] = []
        var problems: [Diagnostic] = []
        for directory in bundleDirectories() {
            do throws(DiagnosticList) {
                let plugin = try BundlePlugin.load(directory: directory)
                if plugins.contains(where: { $0.id == plugin.id }) { continue }
                plugins.append(plugin)
            } catch {
                problems += error.diagnostics
            }
        }
        return (plugins, problems)
    }

    /// Folders that hold a `plugin.yaml`: each entry of the search path itself, or its
    /// sub-folders, in name order. Hidden sub-folders (a name that starts with a dot, such
    /// as the one a plugin is unpacked into while it is installed) are left out.
    public func bundleDirectories() -> [String] {
        let files = FileManager.default
        var result: [String] = []
        for entry in searchPath {
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: entry, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            if files.fileExists(atPath: entry + "/" + BundlePlugin.manifestName) {
                result.append(entry)
                continue
            }
            let children = ((try? files.contentsOfDirectory(atPath: entry)) ?? []).sorted()
            for child in children
            where !child.hasPrefix(".") && files.fileExists(atPath: entry + "/" + child + "/" + BundlePlugin.manifestName) {
                result.append(entry + "/" + child)
            }
        }
        return result
    }
}
