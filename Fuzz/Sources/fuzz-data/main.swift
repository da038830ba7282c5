// Fuzzes the YAML and JSON data loader of LerendData: the input is the text of a data
// file, read into data nodes (with their places) and converted to values; the messages of
// a file that does not parse are rendered as the CLI prints them.
//
// The same text is then loaded as a network file (schema check and network model of
// LerendNetwork); a network that loads is checked against the rule sets of the plugins in
// `Plugins/` it selects, and planned with their year programme, as `lerend check` and
// `lerend plan` do.
import FuzzSupport
import LerendData
import LerendExpressions
import LerendNetwork

/// The bundles in `Plugins/` of the repository this was built from (`LEREND_FUZZ_PLUGINS`
/// names another folder).
let plugins: [BundlePlugin] = {
    let folder =
        setting("LEREND_FUZZ_PLUGINS") ?? repositoryPath("Plugins")
    let (plugins, problems) = PluginLoader(searchPath: [folder]).load()
    guard problems.isEmpty, !plugins.isEmpty else {
        fatalError("fuzz-data: de plugins in '\(folder)' laden niet: \(problems)")
    }
    return plugins
}()

let date = LocalDate(year: 2026, month: 3, day: 10)!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzData(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    do {
        let file = try DataFile.parse(text, path: "fuzz.yaml")
        _ = file.value
        _ = file.root.value("netwerk.naam")
    } catch {
        for diagnostic in error.diagnostics { _ = diagnostic.description }
        return 0
    }
    let networkFile: NetworkFile
    do {
        networkFile = try NetworkFile.parse(text, path: "fuzz.yaml")
        _ = networkFile.value(on: date)
    } catch {
        for diagnostic in error.diagnostics { _ = diagnostic.description }
        return 0
    }
    let checker = RuleChecker(plugins: plugins)
    let (selected, problems) = checker.selection(for: networkFile.network, in: networkFile.file)
    for problem in problems { _ = problem.description }
    for finding in checker.check(networkFile, plugins: selected, on: date) { _ = finding.diagnostic.description }
    for plugin in selected {
        guard let programme = plugin.programme else { continue }
        let plan = YearPlanner(programme: programme, facilitatorProvider: plugin.name).plan(networkFile.network, today: date)
        _ = try? networkFile.text(adding: plan.proposed, note: "fuzz")
    }
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    withoutLeakChecks { _ = plugins }
    warmUp(fuzzData, with: ["samples/netwerken/kleinschalig-zuid.yaml", "samples/netwerken/zorg-dichtbij.yaml"])
    return 0
}
