import Foundation

/// Where Lerend finds the plugin bundles and the default templates, for every command
/// and every front end.
///
/// The places, first match wins:
/// 1. plugin folders the user names (`--plugins`), then `LEREND_PLUGINS` (`:`-separated);
/// 2. the user's own plugin folder, `$XDG_DATA_HOME/lerend/plugins`
///    (`~/.local/share/lerend/plugins`);
/// 3. `LEREND_HOME`: a folder with `Plugins/` and `Templates/`;
/// 4. the installation: `../share/lerend` next to the real executable
///    (`/usr/bin/lerend` finds `/usr/share/lerend`);
/// 5. the source tree the executable was built in (`.build/debug/lerend` finds the
///    checkout's `Plugins/` and `Templates/`).
///
/// The locator never reads the environment or the command line itself: a front end hands
/// them in, so that tests and the web application can say exactly where to look.
public struct ResourceLocator: Sendable {
    /// One place the locator looks in, with where it came from.
    public struct Place: Sendable, Hashable, CustomStringConvertible {
        public let path: String
        public let origin: Origin

        public var description: String { "\(path) (\(origin.label))" }
    }

    /// Where a place came from, as the message about a missing resource names it.
    public enum Origin: Sendable, Hashable {
        case option, pluginsVariable, userFolder, homeVariable, installation, sourceTree

        public var label: String {
            switch self {
            case .option: "--plugins"
            case .pluginsVariable: "LEREND_PLUGINS"
            case .userFolder: "je eigen pluginmap"
            case .homeVariable: "LEREND_HOME"
            case .installation: "naast het programma"
            case .sourceTree: "de broncode"
            }
        }
    }

    /// Folders that hold a bundle or bundles, in search order, each once.
    public let pluginPlaces: [Place]
    /// Folders that hold the default templates, in search order, each once.
    public let templatePlaces: [Place]
    /// The folder the user's own plugins are installed in.
    public let userPluginFolder: String
    /// Folders besides the network file's own that its templates (`netwerk.sjablonen`)
    /// may lie in, such as those of `--sjablonen`.
    public let templateFolders: [String]

    /// A locator for a program at `executablePath` in `environment`.
    ///
    /// - Parameters:
    ///   - pluginFolders: folders the user named, such as those of `--plugins`.
    ///   - environment: the process environment (`LEREND_PLUGINS`, `LEREND_HOME`,
    ///     `XDG_DATA_HOME`, `HOME`).
    ///   - executablePath: the running program; links are followed.
    ///   - templateFolders: folders the user named for a network file's own templates.
    public init(
        pluginFolders: [String] = [], environment: [String: String], executablePath: String?, templateFolders: [String] = []
    ) {
        self.templateFolders = templateFolders.map(Self.absolute)
        var plugins = pluginFolders.map { Place(path: Self.absolute($0), origin: .option) }
        if let variable = environment["LEREND_PLUGINS"] {
            plugins += variable.split(separator: ":").map { Place(path: Self.absolute(String($0)), origin: .pluginsVariable) }
        }
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"].map { $0 + "/.local/share" } ?? NSHomeDirectory() + "/.local/share")
        userPluginFolder = dataHome + "/lerend/plugins"
        plugins.append(Place(path: userPluginFolder, origin: .userFolder))

        var homes: [Place] = []
        if let home = environment["LEREND_HOME"], !home.isEmpty {
            homes.append(Place(path: Self.absolute(home), origin: .homeVariable))
        }
        if let executablePath {
            let folder = URL(filePath: Self.absolute(executablePath)).resolvingSymlinksInPath().deletingLastPathComponent()
            homes.append(
                Place(
                    path: folder.deletingLastPathComponent().appending(path: "share/lerend").path(percentEncoded: false),
                    origin: .installation))
            if let tree = Self.sourceTree(above: folder) { homes.append(Place(path: tree, origin: .sourceTree)) }
        }
        plugins += homes.map { Place(path: $0.path + "/Plugins", origin: $0.origin) }
        pluginPlaces = Self.once(plugins)
        templatePlaces = Self.once(homes.map { Place(path: $0.path + "/Templates", origin: $0.origin) })
    }

    /// The path of the running program: `/proc/self/exe` where there is one, else
    /// `argument0` looked up in `PATH`.
    public static func runningExecutable(argument0: String, environment: [String: String]) -> String? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        if argument0.contains("/") { return argument0 }
        return ProgramSearch.find(argument0, in: environment["PATH"] ?? "/usr/bin:/bin")
    }

    /// The default template file `name` (such as `uitnodiging.odt`) in the first
    /// template place that has it.
    public func defaultTemplate(named name: String) -> String? {
        templatePlaces.map { $0.path + "/" + name }.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The checkout that holds the executable: the nearest folder above it with
    /// `Package.swift`, `Plugins/` and `Templates/`.
    private static func sourceTree(above folder: URL) -> String? {
        var candidate = folder
        for _ in 0..<6 {
            let path = candidate.path(percentEncoded: false)
            let files = FileManager.default
            if files.fileExists(atPath: path + "/Package.swift"), files.fileExists(atPath: path + "/Plugins"),
                files.fileExists(atPath: path + "/Templates")
            {
                return (path as NSString).standardizingPath
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { break }
            candidate = parent
        }
        return nil
    }

    private static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (full as NSString).standardizingPath
    }

    /// Each path once, at its first place.
    private static func once(_ places: [Place]) -> [Place] {
        var seen = Set<String>()
        return places.filter { seen.insert($0.path).inserted }
    }
}
