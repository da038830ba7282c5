import Foundation
import LerendDiagnostics
import LerendExpressions
import LerendNetwork
import LerendWorkflow
import Testing

/// Plugin bundles written by organisations: loaded without a compiler, and reported
/// with their place when broken, without stopping the others.
@Suite struct BundleTests {
    /// A folder with the given files (path → text), removed by the caller.
    static func folder(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appending(path: "lerend-bundle-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root.path(percentEncoded: false)
    }

    static let manifest = """
        id: zorggroep-oost
        naam: Zorggroep Oost
        regels: [regels.yaml]
        sjablonen:
          uitnodiging: {odt: sjablonen/uitnodiging.odt}
        """

    static let rules = """
        regelset: Eigen afspraken Zorggroep Oost
        versie: "2026"
        bron: Afsprakennotitie netwerken 2026
        regels:
          - id: ZO-01
            ernst: waarschuwing
            voor_elk: b in bijeenkomsten
            wanneer: weekday(b.datum) == 5
            melding: "Bijeenkomst {{ b.nummer }} valt op een vrijdag; bij Zorggroep Oost vergaderen we niet op vrijdag."
            bron: We plannen geen netwerkbijeenkomsten op vrijdag.
        """

    static let network = """
        netwerk: {naam: Netwerk Oost, plugin: zorggroep-oost}
        organisaties: [{naam: A}, {naam: B}, {naam: C}]
        bijeenkomsten:
          - datum: 2026-03-13
          - datum: 2026-03-17
        """

    @Test func newOrganisationsBundleWorksWithoutRebuilding() throws {
        let directory = try Self.folder([
            "zorggroep-oost/plugin.yaml": Self.manifest, "zorggroep-oost/regels.yaml": Self.rules,
            "zorggroep-oost/sjablonen/uitnodiging.odt": "(een sjabloon)",
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (plugins, problems) = PluginLoader(searchPath: [directory]).load()
        #expect(problems.isEmpty, "\(problems)")
        let plugin = try #require(plugins.first)
        #expect(plugin.templates[.invitation]?["odt"]?.hasSuffix("zorggroep-oost/sjablonen/uitnodiging.odt") == true)

        let file = try NetworkFile.parse(Self.network, path: "netwerk.yaml")
        let checker = RuleChecker(plugins: plugins)
        let findings = checker.check(
            file, plugins: checker.selection(for: file.network, in: file.file).plugins,
            on: LocalDate(iso: "2026-01-01")!)
        #expect(findings.map(\.ruleID) == ["ZO-01"])
        #expect(findings.first?.message == "Bijeenkomst 1 valt op een vrijdag; bij Zorggroep Oost vergaderen we niet op vrijdag.")
        #expect(findings.first?.location?.line == 4)
    }

    /// One broken bundle next to a good one: the message, and that the good one loads.
    static func loadBroken(_ files: [String: String]) throws -> (plugins: [String], problems: String) {
        var all = files
        all["goed/plugin.yaml"] = "id: goed\nnaam: Goed\nregels: [regels.yaml]\n"
        all["goed/regels.yaml"] = Self.rules.replacing("zorggroep-oost", with: "goed")
        let directory = try folder(all)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (plugins, problems) = PluginLoader(searchPath: [directory]).load()
        let text = DiagnosticRenderer().render(problems).replacing(directory + "/", with: "")
        return (plugins.map(\.id), text)
    }

    @Test func badManifestIsReportedAndTheOthersLoad() throws {
        let result = try Self.loadBroken(["kapot/plugin.yaml": "id: kapot\nnaam: Kapot\nregles: [regels.yaml]\n"])
        #expect(result.plugins == ["goed"])
        #expect(
            result.problems.contains(
                """
                kapot/plugin.yaml:3:1: fout[D214]: onbekende sleutel 'regles' in het manifest
                  3 | regles: [regels.yaml]
                    | ^~~~~~
                   hint: bedoel je 'regels'?
                """), "\(result.problems)")
    }

    @Test func yamlSyntaxErrorInAManifest() throws {
        let result = try Self.loadBroken(["kapot/plugin.yaml": "id: kapot\nnaam: [Kapot\n"])
        #expect(result.plugins == ["goed"])
        #expect(result.problems.hasPrefix("kapot/plugin.yaml:"), "\(result.problems)")
        #expect(result.problems.contains("fout[D103]"))
    }

    @Test func unknownFunctionInARule() throws {
        let rules = Self.rules.replacing("weekday(b.datum)", with: "weekdag(b.datum)")
        let result = try Self.loadBroken([
            "kapot/plugin.yaml": "id: kapot\nnaam: Kapot\nregels: [regels.yaml]\n",
            "kapot/regels.yaml": rules,
        ])
        #expect(result.plugins == ["goed"])
        #expect(
            result.problems.contains(
                """
                kapot/regels.yaml:8:14: fout[E104]: onbekende functie 'weekdag'
                  8 |     wanneer: weekdag(b.datum) == 5
                    |              ^~~~~~~
                   hint: bedoel je 'weekday'?
                """), "\(result.problems)")
    }

    @Test func syntaxErrorInARule() throws {
        let rules = Self.rules.replacing("weekday(b.datum) == 5", with: "weekday(b.datum == 5")
        let result = try Self.loadBroken([
            "kapot/plugin.yaml": "id: kapot\nnaam: Kapot\nregels: [regels.yaml]\n",
            "kapot/regels.yaml": rules,
        ])
        #expect(result.plugins == ["goed"])
        #expect(result.problems.hasPrefix("kapot/regels.yaml:8:"), "\(result.problems)")
        #expect(result.problems.contains("fout[E103]"))
    }

    @Test func ruleAboutAFieldThatDoesNotExist() throws {
        let rules = Self.rules.replacing("weekday(b.datum)", with: "weekday(b.dag)")
        let result = try Self.loadBroken([
            "kapot/plugin.yaml": "id: kapot\nnaam: Kapot\nregels: [regels.yaml]\n",
            "kapot/regels.yaml": rules,
        ])
        #expect(result.plugins == ["goed"])
        #expect(
            result.problems.contains(
                """
                kapot/regels.yaml:8:22: fout[E109]: onbekend veld 'dag' in 'b.dag'
                  8 |     wanneer: weekday(b.dag) == 5
                    |                      ^~~~~
                   hint: bekende velden: aanwezig, agenda, begintijd, datum, duur_minuten, eindtijd, evaluatie, gastheer, \
                gespreksleider, is_geweest, locatie, nummer, online_link, plant_volgende, thema, uitkomsten, voorbereiders, vorm
                """), "\(result.problems)")
    }

    @Test func missingTemplate() throws {
        let result = try Self.loadBroken([
            "kapot/plugin.yaml": "id: kapot\nnaam: Kapot\nsjablonen:\n  agenda: {docx: sjablonen/agenda.docx}\n",
            "kapot/sjablonen/agende.docx": "x",
        ])
        #expect(result.plugins == ["goed"])
        #expect(
            result.problems.contains(
                """
                kapot/plugin.yaml:4:18: fout[P103]: sjabloon 'sjablonen/agenda.docx' bestaat niet in de bundel
                  4 |   agenda: {docx: sjablonen/agenda.docx}
                    |                  ^~~~~~~~~~~~~~~~~~~~~
                   hint: bedoel je 'agende.docx'?
                """), "\(result.problems)")
    }

    @Test func templateOfAKindOfDocumentThatDoesNotExist() throws {
        let result = try Self.loadBroken([
            "kapot/plugin.yaml": "id: kapot\nnaam: Kapot\nsjablonen:\n  uitnodigingen: {odt: brief.odt}\n",
            "kapot/brief.odt": "x",
        ])
        #expect(result.plugins == ["goed"])
        #expect(
            result.problems.contains(
                """
                kapot/plugin.yaml:4:3: fout[P105]: 'uitnodigingen' is geen soort document
                  4 |   uitnodigingen: {odt: brief.odt}
                    |   ^~~~~~~~~~~~~
                   hint: bedoel je 'uitnodiging'?
                """), "\(result.problems)")
    }

    @Test func workflowThatCallsForADocumentLerendCannotMake() throws {
        let workflow = """
            naam: Kort
            fasen:
              - id: start
                naam: Start
                taken:
                  - {naam: Een naam, klaar_als: "netwerk.naam != ''"}
                documenten: [uitnodigingen, notulen]
            """
        let result = try Self.loadBroken([
            "kapot/plugin.yaml": "id: kapot\nnaam: Kapot\nwerkproces: werkproces.yaml\n",
            "kapot/werkproces.yaml": workflow,
        ])
        #expect(result.plugins == ["goed"])
        #expect(
            result.problems.contains(
                """
                kapot/werkproces.yaml:7:18: fout[P106]: 'uitnodigingen' is geen soort document
                  7 |     documenten: [uitnodigingen, notulen]
                    |                  ^~~~~~~~~~~~~
                   hint: bedoel je 'uitnodiging'?
                """), "\(result.problems)")
        #expect(result.problems.contains("fout[P106]: 'notulen' is geen soort document"))
        #expect(result.problems.contains("hint: kies uit plan, uitnodiging, agenda en presentielijst"))
    }

    @Test func everyWorkflowOfTheBuiltInBundlesNamesKindsOfDocument() {
        let (plugins, _) = PluginLoader(searchPath: [NetworkFixtures.plugins]).load()
        for plugin in plugins {
            for stage in plugin.workflow?.stages ?? [] {
                #expect(stage.documentKinds.map(\.rawValue) == stage.documents, "\(plugin.id), \(stage.id)")
            }
        }
        #expect(plugins.contains { $0.workflow?.stages.contains { $0.documentKinds.contains(.invitation) } == true })
    }

    @Test func programmeNumbersOutsideTheirBoundsAreReportedAndTheOthersLoad() throws {
        let manifest = """
            id: kapot
            naam: Kapot
            programma:
              bijeenkomsten: 9223372036854775807
              per_vorm: {intervisie: -3}
              duur_minuten: 150
              gespreksleider_bij: [1, 100000]
            """
        let result = try Self.loadBroken(["kapot/plugin.yaml": manifest])
        #expect(result.plugins == ["goed"])
        #expect(
            result.problems.contains(
                "kapot/plugin.yaml:4:18: fout[P104]: 'bijeenkomsten' moet een geheel getal van 1 tot en met 366 zijn"))
        #expect(result.problems.contains("fout[P104]: 'per_vorm.intervisie' moet een geheel getal van 1 tot en met 366 zijn"))
        #expect(result.problems.contains("fout[P104]: 'gespreksleider_bij' moet een geheel getal van 1 tot en met 366 zijn"))
    }

    @Test(arguments: ["/etc/passwd", "../buiten.yaml", "sjablonen/../../buiten.yaml", "link.yaml", "~/regels.yaml"])
    func aBundleCannotNameAFileOutsideItself(path: String) throws {
        var all = [
            "kapot/plugin.yaml": "id: kapot\nnaam: Kapot\nregels: [\"\(path)\"]\n",
            "kapot/sjablonen/leeg.txt": "",
            "buiten.yaml": "geheim: dit mag niet in een melding staan\n",
        ]
        all["goed/plugin.yaml"] = "id: goed\nnaam: Goed\nregels: [regels.yaml]\n"
        all["goed/regels.yaml"] = Self.rules.replacing("zorggroep-oost", with: "goed")
        let directory = try Self.folder(all)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createSymbolicLink(
            atPath: directory + "/kapot/link.yaml", withDestinationPath: directory + "/buiten.yaml")
        let (plugins, problems) = PluginLoader(searchPath: [directory]).load()
        let text = DiagnosticRenderer().render(problems)
        #expect(plugins.map(\.id) == ["goed"])
        #expect(text.contains("fout[P107]: regelbestand '\(path)' ligt buiten de bundel"), "\(text)")
        #expect(!text.contains("geheim"))
    }

    @Test func builtInBundlesLoadCleanly() {
        let (plugins, problems) = PluginLoader(searchPath: [NetworkFixtures.plugins]).load()
        #expect(problems.isEmpty, "\(DiagnosticRenderer().render(problems))")
        #expect(plugins.map(\.id).sorted() == ["kenniz", "kwaliteitskader-2017", "waardigheid-en-trots"])
    }
}
