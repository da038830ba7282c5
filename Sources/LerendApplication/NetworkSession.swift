import LerendData
public import LerendDiagnostics
public import LerendExpressions
public import LerendNetwork
import LerendWorkflow

/// A network file opened with the plugins it uses, on a reference date: what every
/// command and every page starts from.
///
/// ```swift
/// let locator = ResourceLocator(environment: environment, executablePath: executable)
/// let session = try NetworkSession.open("netwerk.yaml", locator: locator, date: today)
/// let report = session.checkReport()
/// ```
public struct NetworkSession: Sendable {
    /// The path of the network file, as given.
    public let path: String
    public let networkFile: NetworkFile
    /// The network's own plugin (`netwerk.plugin`).
    public let plugin: any Plugin
    /// The network's own plugin and those it names under `toetsen_aan`.
    public let plugins: [any Plugin]
    public let checker: RuleChecker
    /// The reference date ("today") of every answer.
    public let date: LocalDate
    public let locator: ResourceLocator
    /// What loading found that does not stop the work: warnings of the network file,
    /// plugin bundles that were skipped.
    public let warnings: [Diagnostic]

    public var network: Network { networkFile.network }

    /// Opens the network file at `path` and the plugins it names.
    ///
    /// Throws every problem of the file at once, or the plugins that are not found
    /// (with the places searched).
    public static func open(_ path: String, locator: ResourceLocator, date: LocalDate) throws(DiagnosticList) -> NetworkSession {
        try open(path, plugins: LoadedPlugins(locator: locator), date: date)
    }

    /// Opens the network file at `path` with plugins loaded before, as a front end that
    /// opens many files does (the web application's overview).
    public static func open(_ path: String, plugins catalog: LoadedPlugins, date: LocalDate) throws(DiagnosticList)
        -> NetworkSession
    {
        let networkFile = try NetworkFile.load(path: path)
        return try open(networkFile, path: path, plugins: catalog, date: date)
    }

    /// A session for a network file already loaded (or parsed from a text, such as a
    /// change the web application is about to write).
    public static func open(_ networkFile: NetworkFile, path: String, plugins catalog: LoadedPlugins, date: LocalDate)
        throws(DiagnosticList) -> NetworkSession
    {
        let locator = catalog.locator
        let checker = catalog.checker
        let selection = checker.selection(for: networkFile.network, in: networkFile.file)
        let warnings = networkFile.warnings + catalog.skipped
        guard selection.problems.isEmpty,
            let plugin = selection.plugins.first(where: { $0.id == networkFile.network.plugin })
        else {
            throw DiagnosticList(warnings + locator.pluginsMissing(selection.problems, found: catalog.plugins.map(\.id)))
        }
        return NetworkSession(
            path: path, networkFile: networkFile, plugin: plugin, plugins: selection.plugins, checker: checker, date: date,
            locator: locator, warnings: warnings)
    }

    /// Every finding of the rule sets, on the reference date.
    public func findings() -> [Finding] {
        checker.check(networkFile, plugins: plugins, on: date)
    }

    /// The error that the network's plugin has no `what` ("werkproces"), at
    /// `netwerk.plugin` in the file.
    func pluginLacks(_ what: String, id: String, hint: String) -> DiagnosticList {
        DiagnosticList([
            networkFile.file.diagnostic(
                id: id, "plugin '\(plugin.id)' heeft geen \(what)",
                at: networkFile.file.root.descendant(atPath: "netwerk.plugin").node, hint: hint)
        ])
    }

    /// The data the document templates read.
    /// The network's own logo is left out when it cannot be used; ``exportPlan(_:)``
    /// reports why (A111, A112).
    public var documentData: DocumentData {
        DocumentData(networkFile: networkFile, plugin: plugin, date: date, logo: try? LogoResolver(session: self).ownLogo())
    }
}
