import Foundation
public import LerendDiagnostics

/// Finds and loads plugin bundles. A broken bundle is reported and skipped; it never
/// stops the others from loading.
///
/// The search path, first match of an id wins:
/// 1. the folders given with `--plugins` (a bundle, or a folder of bundles);
/// 2. the folders in `LEREND_PLUGINS`, separated by `:`;
/// 3. `Plugins/` in the current folder;
/// 4. `Plugins/` next to the `lerend` program or in a folder above it (so that a
///    build in `.build/release/` finds the bundles of its checkout), and
///    `share/lerend/Plugins` next to its `bin/`.
public struct PluginLoader: Sendable {
    public var searchPath: [String]

    public init(searchPath: [String]) {
        self.searchPath = searchPath
    }

    /// The default search path, with `extra` folders first.
    public static func standard(extra: [String] = []) -> PluginLoader {
        var path = extra
        if let variable = ProcessInfo.processInfo.environment["LEREND_PLUGINS"] {
            path += variable.split(separator: ":").map(String.init)
        }
        path.append(FileManager.default.currentDirectoryPath + "/Plugins")
        var folder = URL(filePath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            path.append(folder.appending(path: "Plugins").path(percentEncoded: false))
            path.append(folder.appending(path: "share/lerend/Plugins").path(percentEncoded: false))
            folder = folder.deletingLastPathComponent()
        }
        var seen = Set<String>()
        return PluginLoader(searchPath: path.filter { seen.insert(($0 as NSString).standardizingPath).inserted })
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
    /// sub-folders, in name order.
    func bundleDirectories() -> [String] {
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
            for child in children where files.fileExists(atPath: entry + "/" + child + "/" + BundlePlugin.manifestName) {
                result.append(entry + "/" + child)
            }
        }
        return result
    }
}
