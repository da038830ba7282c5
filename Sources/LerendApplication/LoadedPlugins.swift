public import LerendDiagnostics
public import LerendNetwork

/// The plugin bundles in a locator's places, loaded once: what a front end that opens
/// many network files (the web application) keeps, instead of reading every bundle again
/// for each file.
public struct LoadedPlugins: Sendable {
    /// Where the bundles were found.
    public let locator: ResourceLocator
    /// Every bundle that loaded.
    public let plugins: [any Plugin]
    /// Bundles that did not load, as warnings: the other plugins work as usual.
    public let skipped: [Diagnostic]
    let checker: RuleChecker

    /// Loads every bundle in `locator`'s plugin places.
    public init(locator: ResourceLocator) {
        let (bundles, problems) = PluginLoader(searchPath: locator.pluginPlaces.map(\.path)).load()
        self.locator = locator
        self.plugins = bundles
        self.skipped = problems.map { problem in
            var warning = problem
            if warning.severity == .error { warning.severity = .warning }
            warning.notes.append("deze plugin is overgeslagen; de andere plugins werken gewoon")
            return warning
        }
        self.checker = RuleChecker(plugins: bundles)
    }

    /// The bundle with the id `id`.
    public func plugin(_ id: String) -> (any Plugin)? { plugins.first { $0.id == id } }
}
