public import LerendDiagnostics
import LerendExpressions
public import LerendNetwork

/// What `lerend plugin toets` found in a bundle: its load problems, the result of every
/// example, and the rules and tasks without an example of each kind.
///
/// The JSON form (``json()``) has stable Dutch keys: `map`, `plugin`, `versie`,
/// `geslaagd`, `laadfouten`, `voorbeelden`, `zonder_voorbeeld`, `samenvatting`.
public struct PluginTestReport: Sendable {
    /// A rule or task that lacks an example of some kind.
    public struct Gap: Sendable {
        public let subject: PluginExample.Subject
        public let missing: [PluginExample.Expectation]
        /// Whether it is a rule (rules must have both kinds with `--volledig`).
        public var isRule: Bool {
            if case .rule = subject { return true }
            return false
        }
    }

    /// The bundle folder as the user named it.
    public let directory: String
    /// The bundle, when it loaded.
    public let plugin: BundlePlugin?
    /// Why the bundle did not load, or warnings about its manifest.
    public let problems: [Diagnostic]
    public let results: [ExampleRunner.Result]
    public let gaps: [Gap]
    /// Whether a rule without an example of each kind counts as a failure.
    public let requiresEveryKind: Bool

    /// Loads the bundle in `directory` and runs every example of it.
    public static func run(directory: String, requireEveryKind: Bool = false) -> PluginTestReport {
        let directory = PluginPackage.bundleFolder(directory)
        let plugin: BundlePlugin
        do throws(DiagnosticList) {
            plugin = try BundlePlugin.load(directory: directory)
        } catch {
            return PluginTestReport(
                directory: directory, plugin: nil, problems: error.diagnostics, results: [], gaps: [],
                requiresEveryKind: requireEveryKind)
        }
        var warnings: [Diagnostic] = []
        if let missing = PluginPackage.missingVersions(of: plugin) {
            var warning = missing
            warning.severity = .warning
            warnings.append(warning)
        }
        let runner = ExampleRunner(plugin: plugin)
        return PluginTestReport(
            directory: directory, plugin: plugin, problems: warnings, results: runner.run(),
            gaps: runner.missingExamples().map { Gap(subject: $0.subject, missing: $0.missing) },
            requiresEveryKind: requireEveryKind)
    }

    /// The examples that failed.
    public var failures: [ExampleRunner.Result] { results.filter { !$0.passed } }

    /// Rules without an example of each kind, which fail the run with `--volledig`.
    public var failingGaps: [Gap] { requiresEveryKind ? gaps.filter(\.isRule) : [] }

    /// Whether the bundle loaded and every example came out as it says.
    public var passed: Bool {
        plugin != nil && !problems.contains { $0.severity == .error } && failures.isEmpty && failingGaps.isEmpty
    }

    /// "kenniz: 32 voorbeelden, 32 goed, 0 fout; elke regel heeft een voorbeeld van elke soort".
    public var summary: String {
        guard let plugin else {
            let count = problems.filter { $0.severity == .error }.count
            return "\(directory): de bundel laadt niet (\(count) \(count == 1 ? "fout" : "fouten"))"
        }
        let ruleGaps = gaps.filter(\.isRule).count
        let taskGaps = gaps.count - ruleGaps
        var text =
            "\(plugin.id): \(results.count) \(results.count == 1 ? "voorbeeld" : "voorbeelden"), "
            + "\(results.count - failures.count) goed, \(failures.count) fout"
        func count(_ number: Int, _ one: String, _ many: String) -> String { "\(number) \(number == 1 ? one : many)" }
        switch (ruleGaps, taskGaps) {
        case (0, 0): text += "; elke regel en taak heeft een voorbeeld van elke soort"
        case (0, _): text += "; elke regel heeft een voorbeeld van elke soort, " + count(taskGaps, "taak", "taken") + " niet"
        case (_, 0): text += "; " + count(ruleGaps, "regel", "regels") + " zonder voorbeeld van elke soort"
        default:
            text +=
                "; " + count(ruleGaps, "regel", "regels") + " en " + count(taskGaps, "taak", "taken")
                + " zonder voorbeeld van elke soort"
        }
        return text
    }

    /// One line about an example: `goed  KZ-01 gaat af  regels.yaml:12:7  vijf organisaties`.
    public static func line(_ result: ExampleRunner.Result, relativeTo directory: String) -> String {
        let example = result.example
        var place = example.location.description
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        if place.hasPrefix(prefix) { place.removeFirst(prefix.count) }
        var text = "\(result.passed ? "goed" : "FOUT")  \(example.subject) \(example.expectation.rawValue)  \(place)"
        if let label = example.label { text += "  \(label)" }
        return text
    }

    /// The report as JSON, for other programs.
    public func json() -> String {
        struct Place: Encodable {
            let bestand: String
            let regel: Int?
            let kolom: Int?
        }
        struct Problem: Encodable {
            let id: String?
            let ernst, melding: String
            let plaats: Place?
            let hint: String?
            let opmerkingen: [String]
        }
        struct Example: Encodable {
            let onderwerp, verwacht, peildatum: String
            let uitleg: String?
            let plaats: Place
            let goed: Bool
            let fout: Problem?
        }
        struct Missing: Encodable {
            let onderwerp: String
            let ontbreekt: [String]
        }
        struct Form: Encodable {
            let map: String
            let plugin, versie: String?
            let geslaagd: Bool
            let laadfouten: [Problem]
            let voorbeelden: [Example]
            let zonderVoorbeeld: [Missing]
            let samenvatting: String

            enum CodingKeys: String, CodingKey {
                case map, plugin, versie, geslaagd, laadfouten, voorbeelden, samenvatting
                case zonderVoorbeeld = "zonder_voorbeeld"
            }
        }
        func place(_ location: SourceLocation?) -> Place? {
            location.map { Place(bestand: $0.file, regel: $0.line, kolom: $0.column) }
        }
        func problem(_ diagnostic: Diagnostic) -> Problem {
            Problem(
                id: diagnostic.id, ernst: diagnostic.severity.key, melding: diagnostic.message,
                plaats: place(diagnostic.location), hint: diagnostic.hint, opmerkingen: diagnostic.notes)
        }
        let form = Form(
            map: directory, plugin: plugin?.id, versie: plugin?.version?.description, geslaagd: passed,
            laadfouten: problems.map(problem),
            voorbeelden: results.map { result in
                Example(
                    onderwerp: result.example.subject.description, verwacht: result.example.expectation.rawValue,
                    peildatum: result.example.date.iso, uitleg: result.example.label,
                    plaats: place(result.example.location)!, goed: result.passed, fout: result.failure.map(problem))
            },
            zonderVoorbeeld: gaps.map { Missing(onderwerp: $0.subject.description, ontbreekt: $0.missing.map(\.rawValue)) },
            samenvatting: summary)
        return JSONText.encode(form)
    }
}
