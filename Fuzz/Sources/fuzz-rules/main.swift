// Fuzzes the rule-set loader of LerendNetwork: the input is the text of a plugin's
// `regels.yaml`, loaded and checked against the schema of the network file; a rule set
// that loads is then run against a sample network, as `lerend check` does.
//
// `range` has a budget, as in fuzz-expressions.
import FuzzSupport
import LerendData
import LerendExpressions
import LerendNetwork

/// A plugin holding only the fuzzed rule set.
struct FuzzPlugin: Plugin {
    let id = "fuzz"
    let name = "Fuzz"
    let ruleSets: [RuleSet]
}

/// The network the rules are checked against: `LEREND_FUZZ_NETWORK`, or the sample
/// `samples/netwerken/kleinschalig-zuid.yaml` of the repository this was built from.
let network: NetworkFile = {
    let path =
        setting("LEREND_FUZZ_NETWORK") ?? repositoryPath("samples/netwerken/kleinschalig-zuid.yaml")
    do {
        return try NetworkFile.load(path: path)
    } catch {
        fatalError("fuzz-rules: het voorbeeldnetwerk '\(path)' laadt niet: \(error)")
    }
}()

let date = LocalDate(year: 2026, month: 3, day: 10)!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    startInput()
    let ruleSet: RuleSet
    do {
        ruleSet = try RuleSetLoader.load(try DataFile.parse(text, path: "regels.yaml"), library: fuzzLibrary)
    } catch {
        for diagnostic in error.diagnostics { _ = diagnostic.description }
        return 0
    }
    let checker = RuleChecker(plugins: [FuzzPlugin(ruleSets: [ruleSet])])
    for finding in checker.check(network, plugins: checker.plugins, on: date) { _ = finding.diagnostic.description }
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    withoutLeakChecks { _ = network }
    warmUp(fuzzRules, with: ["Plugins/kenniz/regels.yaml", "Plugins/waardigheid-en-trots/regels.yaml"])
    return 0
}
