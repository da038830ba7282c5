import Foundation
import LerendDiagnostics
import LerendExpressions
import LerendNetwork
import Testing

/// The rules of the built-in plugins: their examples hold (`voorbeelden:` in the bundles), and
/// what the checker does with periods, messages and places.
@Suite struct RuleTests {
    static let loaded: [BundlePlugin] = {
        let (plugins, problems) = PluginLoader(searchPath: [NetworkFixtures.plugins]).load()
        precondition(problems.isEmpty, "\(problems)")
        return plugins
    }()

    /// `count` organisations with one participant each; meetings are moved to the first
    /// two, so that every name they use still exists.
    static func organisations(_ count: Int, clients: Int = 40) -> @Sendable (Value) -> Value {
        { network in
            var result = network.setting(path: "organisaties", to: NetworkFixtures.organisations(count, clients: clients))
                .setting(path: "deelnemers", to: NetworkFixtures.participants(max(count, 2), organisations: count))
            let meetings = network.value(atPath: "bijeenkomsten")?.listValue ?? []
            for index in meetings.indices {
                result = result.setting(
                    path: "bijeenkomsten.\(index).gastheer", to: .string("Organisatie \(index % min(count, 2) + 1)")
                )
                .setting(path: "bijeenkomsten.\(index).voorbereiders", to: ["Deelnemer 1", "Deelnemer 2"])
            }
            return result
        }
    }

    static func findings(_ network: Value, on date: String) throws -> [Finding] {
        let file = try NetworkFile.parse(NetworkFixtures.yaml(network), path: "netwerk.yaml")
        let checker = RuleChecker(plugins: loaded)
        let selection = checker.selection(for: file.network, in: file.file)
        #expect(selection.problems.isEmpty)
        return checker.check(file, plugins: selection.plugins, on: LocalDate(iso: date)!)
    }

    @Test func baseNetworksBreakNoRule() throws {
        for (network, date) in [
            (NetworkFixtures.kwaliteitskader, "2023-06-01"), (NetworkFixtures.waardigheidEnTrots, "2026-06-20"),
            (NetworkFixtures.kenniz, "2026-06-20"),
        ] {
            let found = try Self.findings(network, on: date)
            #expect(found.isEmpty, "\(found.map { "\($0.ruleID): \($0.message)" })")
        }
    }

    @Test func everyExampleOfTheBuiltInBundlesHolds() {
        for plugin in Self.loaded {
            for result in ExampleRunner(plugin: plugin).run() where !result.passed {
                Issue.record("\(plugin.id): \(result.failure.map { DiagnosticRenderer().render($0) } ?? "")")
            }
        }
    }

    /// What this suite checked in Swift until the bundles carried their own examples: every
    /// rule once where it goes off and once where it does not (`lerend plugin toets`).
    @Test func everyRuleOfTheBuiltInBundlesHasAnExampleOfEachKind() {
        for plugin in Self.loaded {
            let gaps = ExampleRunner(plugin: plugin).missingExamples()
            #expect(gaps.isEmpty, "\(plugin.id): \(gaps.map { "\($0.subject) \($0.missing.map(\.rawValue))" })")
            #expect(plugin.examples.count >= 2 * plugin.ruleSets.flatMap(\.rules).count)
        }
    }

    @Test func messagesQuoteTheData() throws {
        let found = try Self.findings(Self.organisations(2, clients: 70)(NetworkFixtures.kwaliteitskader), on: "2023-06-01")
        let message = try #require(found.first { $0.ruleID == "KK-01" }).message
        #expect(
            message
                == "Het netwerk telt 2 zorgorganisaties; het Kwaliteitskader vraagt er minstens 3: de eigen en tenminste twee collega-zorgorganisaties."
        )
        #expect(found.first { $0.ruleID == "KK-01" }?.source?.document == "001_0beed793cee44f1f.txt")
    }

    @Test func expiredRuleSetTellsWhatAppliesNowAndLowersItsFindings() throws {
        let network = Self.organisations(2, clients: 70)(NetworkFixtures.kwaliteitskader)
        let found = try Self.findings(network, on: "2024-07-01")
        let period = try #require(found.first { $0.ruleID == "kwaliteitskader-2017-periode" })
        #expect(period.severity == .advice)
        #expect(period.message.contains("gold tot en met 30 juni 2024"))
        #expect(period.message.contains("Generiek Kompas"))
        #expect(found.first { $0.ruleID == "KK-01" }?.severity == .advice)
        let stillValid = try Self.findings(network, on: "2024-06-30")
        #expect(stillValid.first { $0.ruleID == "KK-01" }?.severity == .error)
        #expect(!stillValid.contains { $0.ruleID == "kwaliteitskader-2017-periode" })
    }

    @Test func findingAboutOneMeetingPointsAtItInTheFile() throws {
        let network = NetworkFixtures.kenniz.setting(path: "bijeenkomsten.2.duur_minuten", to: 120)
        let found = try Self.findings(network, on: "2026-06-20")
        let finding = try #require(found.first { $0.ruleID == "KZ-08" })
        #expect(finding.message.hasPrefix("Bijeenkomst 3 (16 april 2026) duurt 120 minuten"))
        #expect(finding.location?.line == 1)
        #expect(finding.location?.column != nil)
    }

    /// "tenminste twee verschillende collega zorgorganisaties die onder een andere
    /// rechtspersoon vallen en een andere Raad van Bestuur hebben" holds per organisation,
    /// for both at once, with names compared as the organiser means them.
    @Test func everyOrganisationNeedsTwoColleaguesThatDifferInEntityAndInBoard() throws {
        let organisations: Value = [
            ["naam": "De Linde", "rechtspersoon": "Stichting Zorg Noord", "bestuur": "RvB Noord", "aantal_clienten": 50],
            ["naam": "Het Baken", "rechtspersoon": "stichting  zorg-noord.", "bestuur": "RvB Baken", "aantal_clienten": 50],
            ["naam": "'t Anker", "rechtspersoon": "Stichting Anker", "bestuur": "rvb noord", "aantal_clienten": 50],
            ["naam": "IJsselhof", "rechtspersoon": "Stichting IJssel", "bestuur": "RvB IJssel", "aantal_clienten": 50],
        ]
        var network = NetworkFixtures.kwaliteitskader.setting(path: "organisaties", to: organisations)
            .setting(path: "deelnemers", to: [["naam": "Deelnemer 1", "organisatie": "De Linde"]])
        network = network.setting(path: "bijeenkomsten", to: .list([]))
        let found = try Self.findings(network, on: "2023-06-01").filter { $0.ruleID == "KK-02" }
        // Three entities and three boards in all, as the counts apart saw it; but De Linde
        // shares its entity with Het Baken and its board with 't Anker.
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("De Linde heeft in het netwerk maar één collega-zorgorganisatie") == true)
        #expect(found.first?.location?.column != nil)

        let missing = try Self.findings(network.setting(path: "organisaties.3.bestuur", to: .null), on: "2023-06-01")
        #expect(
            missing.filter { $0.ruleID == "KK-03" }.map { $0.message }.first?.hasPrefix(
                "Van IJsselhof ontbreekt de Raad van Bestuur") == true)
    }

    /// "ja of nee (true of false)", as the message about a yes/no key says: `ja` and `nee`
    /// in any case are yes and no for the rules, not texts (a text "nee" would count as yes).
    @Test func yesAndNoInWordsAreYesAndNo() throws {
        let yes = NetworkFixtures.kwaliteitskader.setting(path: "kwaliteit.kwaliteitsplan", to: "Ja")
            .setting(path: "kwaliteit.meelopen", to: "ja")
        #expect(try Self.findings(yes, on: "2023-06-01").isEmpty)
        let no = NetworkFixtures.kwaliteitskader.setting(path: "kwaliteit.kwaliteitsplan", to: "nee")
            .setting(path: "kwaliteit.meelopen", to: " NEE ")
        let found = Set(try Self.findings(no, on: "2023-06-01").map(\.ruleID))
        #expect(found == ["KK-05", "KK-09"])
        let wrong = NetworkFixtures.kwaliteitskader.setting(path: "kwaliteit.meelopen", to: "misschien")
        #expect(throws: DiagnosticList.self) { try NetworkFile.parse(NetworkFixtures.yaml(wrong), path: "netwerk.yaml") }
    }

    /// A meeting written by hand on a holiday, in a weekend or in a period kept free is
    /// said by the check, with the holiday's or the period's name, at its date in the file.
    @Test func aMeetingOnAHolidayInAWeekendOrInAFreePeriodIsAWarningAtItsDate() throws {
        let network = NetworkFixtures.kenniz
            .setting(path: "bijeenkomsten.0.datum", to: .date(LocalDate(iso: "2026-04-06")!))
            .setting(path: "bijeenkomsten.1.datum", to: .date(LocalDate(iso: "2026-04-18")!))
            .setting(path: "bijeenkomsten.2.datum", to: .date(LocalDate(iso: "2026-07-21")!))
            .setting(
                path: "netwerk.voorkeuren",
                to: ["niet_in": [["naam": "zomervakantie regio noord", "van": "2026-07-04", "tot_en_met": "2026-08-16"]]])
        let found = try Self.findings(network, on: "2026-01-10").filter { $0.ruleID.hasPrefix("N13") }
        #expect(found.map(\.ruleID).sorted() == ["N130", "N131", "N132"])
        #expect(found.allSatisfy { $0.severity == .warning && $0.location?.column != nil })
        #expect(found.first { $0.ruleID == "N130" }?.message.contains("valt op Tweede Paasdag, een feestdag") == true)
        #expect(found.first { $0.ruleID == "N131" }?.message.contains("zaterdag 18 april 2026") == true)
        #expect(found.first { $0.ruleID == "N132" }?.message.contains("'zomervakantie regio noord'") == true)
        // The fixture's own dates are working days outside any free period.
        #expect(try Self.findings(NetworkFixtures.kenniz, on: "2026-01-10").filter { $0.ruleID.hasPrefix("N13") }.isEmpty)
    }

    /// "a malformed e-mail address is an error at its line": a warning at the address, so
    /// that the other participants still get their letters and mails.
    @Test func anAddressThatCannotBeSentToIsSaidAtItsPlace() throws {
        let network = NetworkFixtures.kenniz.setting(path: "deelnemers.1.email", to: "anna bakker@zorg.nl")
            .setting(path: "netwerk.contactpersoon", to: ["naam": "Els Verbeek", "email": "els@zorg"])
        let file = try NetworkFile.parse(NetworkFixtures.yaml(network), path: "netwerk.yaml")
        let warnings = file.warnings.filter { $0.id == "N108" }
        #expect(
            warnings.map(\.message).sorted() == [
                "'anna bakker@zorg.nl' is geen geldig e-mailadres", "'els@zorg' is geen geldig e-mailadres",
            ])
        #expect(warnings.allSatisfy { $0.severity == .warning && $0.location?.column != nil })
        #expect(try NetworkFile.parse(NetworkFixtures.yaml(NetworkFixtures.kenniz), path: "netwerk.yaml").warnings.isEmpty)
    }
}

extension Value {
    var listValue: [Value] {
        if case .list(let items) = self { return items }
        return []
    }
}
