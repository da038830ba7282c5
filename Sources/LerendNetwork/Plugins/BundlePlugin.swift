import Foundation
import LerendData
public import LerendDiagnostics
public import LerendExpressions
public import LerendWorkflow
import OrderedCollections

/// A plugin read from a bundle folder: `plugin.yaml` with the rule files, the workflow,
/// the templates and the texts it names. Loading one needs no compiler.
///
/// ```yaml
/// id: kenniz
/// naam: KenniZ
/// regels: [regels.yaml]
/// werkproces: werkproces.yaml
/// sjablonen:
///   plan: {odt: sjablonen/plan-van-aanpak.odt, docx: sjablonen/plan-van-aanpak.docx}
/// teksten:
///   inleiding: KenniZ ontwikkelt kennisprogramma's ...
/// email:
///   uitnodiging: email/uitnodiging.txt
/// logo: logo.png
/// ```
public struct BundlePlugin: Plugin {
    public let id: String
    public let name: String
    public let ruleSets: [RuleSet]
    public let workflow: Workflow?
    public let templates: [DocumentKind: [String: String]]
    public let texts: Value
    public let mailTemplates: [DocumentKind: String]
    public let programme: YearProgramme?
    /// The bundle folder.
    public let directory: String
    /// The bundle's own version (`versie:`), if the manifest names one.
    public let version: Version?
    /// The Lerend versions the bundle is made for (`lerend:`), if the manifest names them.
    public let lerendVersions: VersionRange?
    /// The examples of its rules and tasks, which `lerend plugin toets` runs.
    public let examples: [PluginExample]
    /// The logo in the bundle (`logo:`), if the manifest names one.
    public let logo: String?

    static let manifestName = "plugin.yaml"
    static let formats = ["odt", "docx"]

    /// Reads the bundle in `directory` for the Lerend of `lerendVersion`; throws every
    /// problem of the bundle at once, also when it is made for another Lerend.
    public static func load(
        directory: String, lerendVersion: Version = LerendVersion.current
    ) throws(DiagnosticList) -> BundlePlugin {
        let manifestPath = directory + "/" + manifestName
        let manifest = try DataFile.load(path: manifestPath)
        var reader = MappingReader(manifest.root, in: manifest, context: "het manifest")
        var problems: [Diagnostic] = []
        let id = reader.text("id", required: true) ?? ""
        let name = reader.text("naam", required: true) ?? id
        _ = reader.text("beschrijving")
        let (version, lerendVersions) = versions(in: manifest, lerendVersion: lerendVersion, reader: &reader)
        var exampleFiles: [DataFile] = []

        var ruleSets: [RuleSet] = []
        for node in reader.sequence("regels") {
            guard let path = existingFile(node, in: directory, manifest: manifest, what: "regelbestand", reader: &reader) else {
                continue
            }
            do throws(DiagnosticList) {
                let file = try DataFile.load(path: path)
                ruleSets.append(try RuleSetLoader.load(file))
                exampleFiles.append(file)
            } catch {
                problems += error.diagnostics
            }
        }
        var workflow: Workflow?
        if let node = reader.value("werkproces"),
            let path = existingFile(node, in: directory, manifest: manifest, what: "werkproces", reader: &reader)
        {
            do throws(DiagnosticList) {
                let file = try DataFile.load(path: path)
                workflow = try WorkflowLoader.load(file)
                exampleFiles.append(file)
                problems += unknownFields(in: workflow!, file: file) + unknownDocuments(in: workflow!, file: file)
            } catch {
                problems += error.diagnostics
            }
        }
        var templates: [DocumentKind: [String: String]] = [:]
        if let node = reader.value("sjablonen") {
            var templateReader = MappingReader(node, in: manifest, context: "'sjablonen'")
            for (kind, value) in Self.byDocumentKind(node, in: manifest, reader: &templateReader) {
                var byFormat: [String: String] = [:]
                var formatReader = MappingReader(value, in: manifest, context: "sjabloon '\(kind.rawValue)'")
                for format in formats {
                    if let fileNode = formatReader.value(format),
                        let path = existingFile(
                            fileNode, in: directory, manifest: manifest, what: "sjabloon", reader: &formatReader)
                    {
                        byFormat[format] = path
                    }
                }
                formatReader.finish()
                for problem in formatReader.problems { templateReader.report(problem) }
                templates[kind] = byFormat
            }
            for problem in templateReader.problems { reader.report(problem) }
        }
        let texts = reader.value("teksten")?.value ?? [:]
        var mailTemplates: [DocumentKind: String] = [:]
        if let node = reader.value("email") {
            var mailReader = MappingReader(node, in: manifest, context: "'email'")
            for (kind, value) in Self.byDocumentKind(node, in: manifest, reader: &mailReader) {
                if let path = existingFile(value, in: directory, manifest: manifest, what: "e-mailtekst", reader: &mailReader) {
                    mailTemplates[kind] = path
                }
            }
            for problem in mailReader.problems { reader.report(problem) }
        }
        let logo = reader.value("logo").flatMap {
            existingFile($0, in: directory, manifest: manifest, what: "logo", reader: &reader)
        }
        var programme: YearProgramme?
        if let node = reader.value("programma") { programme = Self.programme(node, in: manifest, reader: &reader) }
        reader.finish()
        let (examples, exampleProblems) = Self.examples(in: exampleFiles, directory: directory)
        problems = reader.problems + problems + exampleProblems
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return BundlePlugin(
            id: id, name: name, ruleSets: ruleSets, workflow: workflow, templates: templates, texts: texts,
            mailTemplates: mailTemplates, programme: programme, directory: directory, version: version,
            lerendVersions: lerendVersions, examples: examples, logo: logo)
    }

    /// The entries of a mapping keyed by document kind (`sjablonen:`, `email:`), each with
    /// its value; a key that is no kind is P105, reported to `reader`.
    private static func byDocumentKind(
        _ node: DataNode, in manifest: DataFile, reader: inout MappingReader
    ) -> [(kind: DocumentKind, value: DataNode)] {
        guard case .mapping(let pairs, _) = node else { return [] }
        var entries: [(kind: DocumentKind, value: DataNode)] = []
        for pair in pairs {
            guard let kind = DocumentKind(rawValue: pair.key.text) else {
                reader.report(
                    manifest.diagnostic(
                        id: "P105", "'\(pair.key.text)' is geen soort document", atKey: pair.key,
                        hint: Suggestions.hint(for: pair.key.text, in: DocumentKind.allCases.map(\.rawValue))
                            ?? "kies uit "
                            + DutchFormatting.enumeration(DocumentKind.allCases.map(\.rawValue), conjunction: "en")))
                continue
            }
            entries.append((kind, pair.value))
        }
        return entries
    }

    /// The `programma:` of the manifest.
    private static func programme(_ node: DataNode, in manifest: DataFile, reader: inout MappingReader) -> YearProgramme? {
        var programmeReader = MappingReader(node, in: manifest, context: "het programma")
        /// A whole number of `range` (a year has at most 366 meetings, a meeting lasts at
        /// most a day), or a message at its place.
        func bounded(_ node: DataNode, key: String, in range: ClosedRange<Int>) -> Int? {
            if case .int(let number) = node.value, range.contains(number) { return number }
            programmeReader.report(
                manifest.diagnostic(
                    id: "P104", "'\(key)' moet een geheel getal van \(range.lowerBound) tot en met \(range.upperBound) zijn",
                    at: node))
            return nil
        }
        func integer(_ key: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
            guard let node = programmeReader.value(key, required: required) else { return nil }
            return bounded(node, key: key, in: range)
        }
        let meetings = integer("bijeenkomsten", in: 1...366, required: true)
        var byForm: [String: Int] = [:]
        if let node = programmeReader.value("per_vorm"), case .mapping(let pairs, _) = node {
            for pair in pairs {
                if let number = bounded(pair.value, key: "per_vorm.\(pair.key.text)", in: 1...366) {
                    byForm[pair.key.text] = number
                }
            }
        }
        let duration = integer("duur_minuten", in: 1...1440, required: true)
        let firstDuration = integer("eerste_duur_minuten", in: 1...1440)
        let facilitatorAt = programmeReader.sequence("gespreksleider_bij").compactMap { node in
            bounded(node, key: "gespreksleider_bij", in: 1...366)
        }
        let facilitator = programmeReader.text("gespreksleider")
        let evaluation = integer("evaluatie_bij", in: 1...366)
        var rotates = true
        if case .bool(let flag)? = programmeReader.value("gastheer_rouleert")?.value { rotates = flag }
        programmeReader.finish()
        for problem in programmeReader.problems { reader.report(problem) }
        guard let meetings, let duration else { return nil }
        return YearProgramme(
            meetings: meetings, meetingsByForm: byForm, durationMinutes: duration, firstDurationMinutes: firstDuration,
            facilitatorAt: facilitatorAt, facilitator: facilitator, evaluationAt: evaluation, hostRotates: rotates)
    }

    /// The path of a file the manifest names, or a message when it is not there.
    static func existingFile(
        _ node: DataNode, in directory: String, manifest: DataFile, what: String, reader: inout MappingReader
    ) -> String? {
        guard case .scalar(let scalar) = node, !scalar.text.isEmpty else {
            reader.report(manifest.diagnostic(id: "P102", "hier hoort de naam van een \(what)", at: node))
            return nil
        }
        // Every file a bundle names lies inside the bundle, also after following links: a
        // bundle someone sends cannot make Lerend read elsewhere.
        let path = directory + "/" + scalar.text
        if scalar.text.hasPrefix("/") || scalar.text.hasPrefix("~") || scalar.text.contains("\\")
            || scalar.text.split(separator: "/").contains("..") || !InputFile.lies(path, inside: directory)
        {
            reader.report(
                manifest.diagnostic(
                    id: "P107", "\(what) '\(scalar.text)' ligt buiten de bundel", at: node,
                    hint: "noem een bestand in de map van de bundel, zoals sjablonen/brief.odt; een bundel leest niets daarbuiten"
                ))
            return nil
        }
        if FileManager.default.fileExists(atPath: path) { return path }
        let siblings =
            (try? FileManager.default.contentsOfDirectory(
                atPath: (path as NSString).deletingLastPathComponent)) ?? []
        reader.report(
            manifest.diagnostic(
                id: "P103", "\(what) '\(scalar.text)' bestaat niet in de bundel", at: node,
                hint: Suggestions.hint(for: (scalar.text as NSString).lastPathComponent, in: siblings)
                    ?? "zet het bestand in \(directory) of pas de naam aan"))
        return nil
    }

    /// Names under a stage's `documenten:` that are no ``DocumentKind``.
    private static func unknownDocuments(in workflow: Workflow, file: DataFile) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let names = DocumentKind.allCases.map(\.rawValue)
        for (stageIndex, stage) in workflow.stages.enumerated() {
            for (index, name) in stage.documents.enumerated() where DocumentKind(rawValue: name) == nil {
                let node = file.root.descendant(atPath: "fasen.\(stageIndex).documenten.\(index)").node
                problems.append(
                    file.diagnostic(
                        id: "P106", "'\(name)' is geen soort document", at: node,
                        hint: Suggestions.hint(for: name, in: names)
                            ?? "kies uit " + DutchFormatting.enumeration(names, conjunction: "en")))
            }
        }
        return problems
    }

    /// Workflow conditions that read fields the network file does not have.
    private static func unknownFields(in workflow: Workflow, file: DataFile) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func check(_ expression: LerendExpressions.Expression, at path: String) {
            let errors = expression.unknownFields(in: NetworkSchema.shape)
            guard !errors.isEmpty else { return }
            let node = file.root.descendant(atPath: path).node
            problems += errors.map { file.located($0, at: node) }
        }
        for (stageIndex, stage) in workflow.stages.enumerated() {
            for (taskIndex, task) in stage.tasks.enumerated() {
                check(task.condition, at: "fasen.\(stageIndex).taken.\(taskIndex).klaar_als")
            }
            if let completion = stage.completion { check(completion, at: "fasen.\(stageIndex).klaar_als") }
        }
        return problems
    }
}
