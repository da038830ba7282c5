import Foundation
import LerendDiagnostics
import LerendExpressions
import LerendNetwork
import Testing

/// The examples of a bundle (`voorbeelden:`), as `lerend plugin toets` runs them: each way
/// an example can fail, and each way one can be written wrong, with its place.
@Suite struct ExampleTests {
    static let manifest = """
        id: oost
        naam: Oost
        versie: "1.0.0"
        lerend: ">=0.1 <1.0"
        regels: [regels.yaml]
        werkproces: werkproces.yaml
        """

    static let network = """
        netwerk: {naam: Voorbeeld, plugin: oost}
        organisaties: [{naam: A}, {naam: B}, {naam: C}]
        bijeenkomsten:
          - {datum: 2026-03-10, duur_minuten: 150}
          - {datum: 2026-05-12, duur_minuten: 150}
        """

    /// A rule file with the rule ZO-01 (no meetings on Friday) and `examples` under it.
    static func rules(_ examples: String, condition: String = "weekday(b.datum) == 5") -> String {
        """
        regelset: Oost
        versie: "2026"
        bron: Afspraken
        voorbeelden:
          peildatum: 2026-01-15
          netwerk: voorbeelden/netwerk.yaml
        regels:
          - id: ZO-01
            ernst: waarschuwing
            voor_elk: b in bijeenkomsten
            wanneer: \(condition)
            melding: "Bijeenkomst {{ b.nummer }} valt op een vrijdag."
            bron: We vergaderen niet op vrijdag.
            voorbeelden:
        \(examples)
        """
    }

    static func workflow(_ examples: String) -> String {
        """
        naam: Stappen
        voorbeelden: {peildatum: 2026-01-15}
        fasen:
          - id: start
            naam: Start
            taken:
              - naam: Schrijf het doel op
                klaar_als: netwerk.doel
                voorbeelden:
        \(examples)
        """
    }

    static let goodRuleExamples = """
              - {verwacht: gaat af, wijzig: {bijeenkomsten.1.datum: 2026-03-13}}
              - {verwacht: gaat niet af}
        """
    static let goodTaskExamples = """
                  - {verwacht: klaar, wijzig: {netwerk.doel: Leren}}
                  - {verwacht: niet klaar}
        """

    /// The bundle with these rule and task examples, loaded; or its problems as text.
    static func load(
        rules ruleExamples: String = goodRuleExamples, tasks taskExamples: String = goodTaskExamples,
        condition: String = "weekday(b.datum) == 5"
    ) throws -> Result<BundlePlugin, DiagnosticList> {
        let directory = try BundleTests.folder([
            "oost/plugin.yaml": manifest, "oost/regels.yaml": rules(ruleExamples, condition: condition),
            "oost/werkproces.yaml": workflow(taskExamples), "oost/voorbeelden/netwerk.yaml": network,
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do throws(DiagnosticList) {
            return .success(try BundlePlugin.load(directory: directory + "/oost"))
        } catch {
            return .failure(
                DiagnosticList(
                    error.diagnostics.map { diagnostic in
                        var relative = diagnostic
                        relative.location?.file = diagnostic.location?.file.replacing(directory + "/", with: "") ?? ""
                        return relative
                    }))
        }
    }

    /// The failures of the examples, rendered with the bundle's folder left out.
    static func failures(_ plugin: BundlePlugin) -> [String] {
        let root = (plugin.directory as NSString).deletingLastPathComponent + "/"
        return ExampleRunner(plugin: plugin).run().compactMap(\.failure).map {
            DiagnosticRenderer().render($0).replacing(root, with: "")
        }
    }

    /// Runs the examples while the bundle's files are still there.
    static func run(
        rules ruleExamples: String = goodRuleExamples, tasks taskExamples: String = goodTaskExamples,
        condition: String = "weekday(b.datum) == 5"
    ) throws -> [String] {
        let directory = try BundleTests.folder([
            "oost/plugin.yaml": manifest, "oost/regels.yaml": rules(ruleExamples, condition: condition),
            "oost/werkproces.yaml": workflow(taskExamples), "oost/voorbeelden/netwerk.yaml": network,
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let plugin = try BundlePlugin.load(directory: directory + "/oost")
        return failures(plugin)
    }

    @Test func goodExamplesPassAndCoverEveryKind() throws {
        let directory = try BundleTests.folder([
            "oost/plugin.yaml": Self.manifest, "oost/regels.yaml": Self.rules(Self.goodRuleExamples),
            "oost/werkproces.yaml": Self.workflow(Self.goodTaskExamples), "oost/voorbeelden/netwerk.yaml": Self.network,
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let plugin = try BundlePlugin.load(directory: directory + "/oost")
        #expect(plugin.version == Version("1.0.0"))
        #expect(plugin.lerendVersions?.text == ">=0.1 <1.0")
        #expect(plugin.examples.map(\.expectation) == [.fires, .quiet, .done, .notDone])
        #expect(plugin.examples.first?.date == LocalDate(iso: "2026-01-15"))
        let runner = ExampleRunner(plugin: plugin)
        #expect(runner.run().allSatisfy { $0.passed })
        #expect(runner.missingExamples().isEmpty)
    }

    @Test func aRuleThatDoesNotGoOffWhereItShould() throws {
        let failures = try Self.run(condition: "weekday(b.datum) == 4")
        #expect(
            failures == [
                """
                oost/regels.yaml:15:9: fout[P120]: ZO-01 gaat niet af in dit voorbeeld, maar zou af moeten gaan
                 15 |       - {verwacht: gaat af, wijzig: {bijeenkomsten.1.datum: 2026-03-13}}
                    |         ^
                   hint: controleer 'wanneer' van ZO-01, of maak het voorbeeld zo dat de regel er wel over gaat
                   opmerking: peildatum 2026-01-15
                """
            ])
    }

    @Test func aRuleThatGoesOffWhereItShouldNot() throws {
        let failures = try Self.run(
            rules: """
                      - {verwacht: gaat niet af, uitleg: op vrijdag, wijzig: {bijeenkomsten.2.datum: 2026-05-15}}
                """)
        #expect(failures.count == 1)
        #expect(
            failures[0].hasPrefix(
                "oost/regels.yaml:15:9: fout[P121]: ZO-01 gaat af in dit voorbeeld, maar zou niet af moeten gaan"))
        #expect(failures[0].contains("opmerking: peildatum 2026-01-15; op vrijdag"))
        #expect(failures[0].contains("opmerking: melding: Bijeenkomst 2 valt op een vrijdag."))
    }

    @Test func anExampleOnADateOutsideTheRuleSetsPeriodSaysSo() throws {
        let rules = Self.rules(Self.goodRuleExamples).replacing(
            "versie: \"2026\"\n", with: "versie: \"2026\"\ngeldig_van: 2027-01-01\n")
        let directory = try BundleTests.folder([
            "oost/plugin.yaml": Self.manifest, "oost/regels.yaml": rules,
            "oost/werkproces.yaml": Self.workflow(Self.goodTaskExamples), "oost/voorbeelden/netwerk.yaml": Self.network,
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let failures = Self.failures(try BundlePlugin.load(directory: directory + "/oost"))
        #expect(failures.count == 1)
        #expect(failures.first?.contains("fout[P120]") == true)
        #expect(
            failures.first?.contains("opmerking: de regelset 'Oost' geldt niet op de peildatum (zie geldig_van en geldig_tot)")
                == true, "\(failures)")
    }

    @Test func aTaskThatIsNotDoneWhereItShouldBe() throws {
        let failures = try Self.run(tasks: "              - {verwacht: klaar}")
        #expect(failures.count == 1)
        #expect(
            failures[0].hasPrefix(
                "oost/werkproces.yaml:10:17: fout[P122]: taak 'Schrijf het doel op' is in dit voorbeeld niet klaar, maar zou klaar moeten zijn"
            ), "\(failures)")
        #expect(failures[0].contains("hint: controleer 'klaar_als: netwerk.doel', of het voorbeeld"))
    }

    @Test func aTaskThatIsDoneWhereItShouldNotBe() throws {
        let failures = try Self.run(tasks: "              - {verwacht: niet klaar, wijzig: {netwerk.doel: Leren}}")
        #expect(failures.count == 1)
        #expect(
            failures[0].contains(
                "fout[P123]: taak 'Schrijf het doel op' is in dit voorbeeld klaar, maar zou niet klaar moeten zijn"))
    }

    @Test func aConditionThatCannotBeEvaluatedInTheExample() throws {
        let failures = try Self.run(
            rules: "          - {verwacht: gaat af, wijzig: {bijeenkomsten.1.duur_minuten: 150}}",
            condition: "b.duur_minuten + 'x' > 1")
        #expect(failures.count == 1)
        #expect(failures[0].contains("fout[P124]: regel ZO-01 kon in dit voorbeeld niet worden gecontroleerd"), "\(failures)")
    }

    @Test func anExampleWhoseNetworkDoesNotLoad() throws {
        let failures = try Self.run(rules: "          - {verwacht: gaat af, wijzig: {bijeenkomsten.1.gastheer: Onbekend}}")
        #expect(failures.count == 1)
        #expect(failures[0].contains("fout[P111]: het netwerk van dit voorbeeld laadt niet"), "\(failures)")
        #expect(failures[0].contains("[N112] onbekende organisatie 'Onbekend'"), "\(failures)")
    }

    @Test func aChangeThatDoesNotFitTheNetwork() throws {
        let failures = try Self.run(rules: "          - {verwacht: gaat af, wijzig: {bijeenkomsten.5.datum: 2026-03-13}}")
        #expect(failures.count == 1)
        #expect(
            failures[0].hasPrefix(
                "oost/regels.yaml:15:42: fout[P112]: 'bijeenkomsten.5.datum' past niet op het netwerk van dit voorbeeld"),
            "\(failures)")
    }

    @Test func changesAddAndRemoveElements() throws {
        let failures = try Self.run(
            rules: """
                      - {verwacht: gaat af, wijzig: {bijeenkomsten.3: {datum: 2026-06-12}}}
                      - {verwacht: gaat niet af, wijzig: {bijeenkomsten.1: null, bijeenkomsten.2: null}}
                """)
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test(arguments: [
        (
            "          - {verwacht: gaat soms af}",
            "oost/regels.yaml:15:24: fout[P110]: 'verwacht' moet 'gaat af' of 'gaat niet af' zijn, niet 'gaat soms af'"
        ),
        ("          - {verwacht: klaar}", "fout[P110]: 'verwacht' moet 'gaat af' of 'gaat niet af' zijn, niet 'klaar'"),
        ("          - {verwacht: gaat af, peildatum: morgen}", "fout[P110]: 'peildatum' moet een datum zijn (JJJJ-MM-DD)"),
        (
            "          - {verwacht: gaat af, wijzig: {bijeenkomsten.0.datum: 2026-03-13}}",
            "fout[P112]: 'bijeenkomsten.0.datum' is geen pad"
        ),
        (
            "          - {verwacht: gaat af, netwerk: ../buiten.yaml}",
            "fout[P107]: netwerkbestand '../buiten.yaml' ligt buiten de bundel"
        ),
        ("          - {verwacht: gaat af, netwerk: voorbeelden/netwrek.yaml}", "hint: bedoel je 'netwerk.yaml'?"),
        ("          - {verwacht: gaat af, wijzg: {}}", "fout[D214]: onbekende sleutel 'wijzg' in een voorbeeld van ZO-01"),
    ])
    func anExampleWrittenWrongIsALoadErrorAtItsPlace(examples: String, message: String) throws {
        guard case .failure(let problems) = try Self.load(rules: examples) else {
            Issue.record("the bundle loaded")
            return
        }
        let text = DiagnosticRenderer().render(problems.diagnostics)
        #expect(text.contains(message), "\(text)")
    }

    @Test func anExampleWithoutADateSaysWhereToPutOne() throws {
        let directory = try BundleTests.folder([
            "oost/plugin.yaml": "id: oost\nnaam: Oost\nwerkproces: werkproces.yaml\n",
            "oost/werkproces.yaml": Self.workflow(Self.goodTaskExamples).replacing(
                "voorbeelden: {peildatum: 2026-01-15}\n", with: ""),
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: DiagnosticList.self) { try BundlePlugin.load(directory: directory + "/oost") }
        do throws(DiagnosticList) {
            _ = try BundlePlugin.load(directory: directory + "/oost")
        } catch {
            #expect(error.diagnostics.map(\.id) == ["P110", "P110"])
            #expect(error.diagnostics.first?.hint?.contains("peildatum: JJJJ-MM-DD") == true)
        }
    }

    @Test func rulesAndTasksWithoutAnExampleOfEachKindAreListed() throws {
        let directory = try BundleTests.folder([
            "oost/plugin.yaml": Self.manifest, "oost/regels.yaml": Self.rules("          - {verwacht: gaat niet af}"),
            "oost/werkproces.yaml": Self.workflow("              []"), "oost/voorbeelden/netwerk.yaml": Self.network,
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let plugin = try BundlePlugin.load(directory: directory + "/oost")
        let gaps = ExampleRunner(plugin: plugin).missingExamples()
        #expect(gaps.map(\.subject) == [.rule("ZO-01"), .task(stage: "start", name: "Schrijf het doel op")])
        #expect(gaps.map(\.missing) == [[.fires], [.done, .notDone]])
    }
}
