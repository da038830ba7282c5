import Foundation
import LerendDiagnostics
import LerendExpressions
import LerendNetwork
import Testing

/// Every rule of the built-in plugins, once where it fires and once where it does not.
@Suite struct RuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: String
        let base: Value
        let date: String
        /// Makes the base network break the rule.
        let fires: @Sendable (Value) -> Value
        /// A change that stays just within the rule (the boundary), or nothing.
        let quiet: @Sendable (Value) -> Value

        var testDescription: String { rule }
    }

    static let loaded: [BundlePlugin] = {
        let (plugins, problems) = PluginLoader(searchPath: [NetworkFixtures.plugins]).load()
        precondition(problems.isEmpty, "\(problems)")
        return plugins
    }()

    static func kk(
        _ rule: String, fires: @escaping @Sendable (Value) -> Value, quiet: @escaping @Sendable (Value) -> Value = { $0 }
    ) -> Case {
        Case(rule: rule, base: NetworkFixtures.kwaliteitskader, date: "2023-06-01", fires: fires, quiet: quiet)
    }
    static func wt(
        _ rule: String, fires: @escaping @Sendable (Value) -> Value, quiet: @escaping @Sendable (Value) -> Value = { $0 }
    ) -> Case {
        Case(rule: rule, base: NetworkFixtures.waardigheidEnTrots, date: "2026-06-20", fires: fires, quiet: quiet)
    }
    static func kz(
        _ rule: String, fires: @escaping @Sendable (Value) -> Value, quiet: @escaping @Sendable (Value) -> Value = { $0 }
    ) -> Case {
        Case(rule: rule, base: NetworkFixtures.kenniz, date: "2026-06-20", fires: fires, quiet: quiet)
    }
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

    static let cases: [Case] = [
        kk("KK-01", fires: organisations(2, clients: 70), quiet: organisations(3, clients: 40)),
        kk("KK-02", fires: { $0.setting(path: "organisaties.2.rechtspersoon", to: "Stichting 1") }),
        kk("KK-03", fires: { $0.setting(path: "organisaties.2.bestuur", to: "Bestuur 1") }),
        kk("KK-04", fires: organisations(3, clients: 39), quiet: organisations(3, clients: 40)),
        kk("KK-05", fires: { $0.setting(path: "kwaliteit.kwaliteitsplan", to: false) }),
        kk("KK-06", fires: { $0.setting(path: "kwaliteit.verbeterparagraaf", to: false) }),
        kk("KK-07", fires: { $0.setting(path: "kwaliteit.uitwisseling", to: []) }),
        kk("KK-08", fires: { $0.setting(path: "kwaliteit.uitwisseling_voor", to: ["medewerkers"]) }),
        kk("KK-09", fires: { $0.setting(path: "kwaliteit.meelopen", to: false) }),

        wt("WT-01", fires: { $0.setting(path: "netwerk.leervragen", to: []) }),
        wt("WT-02", fires: { $0.setting(path: "netwerk.wie_uitnodigen", to: "") }),
        wt(
            "WT-03", fires: { $0.setting(path: "deelnemers", to: NetworkFixtures.participants(6, organisations: 2)) },
            quiet: { $0.setting(path: "deelnemers", to: NetworkFixtures.participants(6, organisations: 3)) }),
        wt("WT-04", fires: organisations(4), quiet: organisations(7)),
        wt("WT-05", fires: organisations(11), quiet: organisations(10)),
        wt("WT-06", fires: { $0.setting(path: "bijeenkomsten.0.duur_minuten", to: 120) }),
        wt("WT-07", fires: { $0.setting(path: "bijeenkomsten.0.agenda.1.titel", to: "Koffie") }),
        wt("WT-08", fires: { $0.setting(path: "bijeenkomsten.1.duur_minuten", to: 120) }),
        wt(
            "WT-09", fires: { $0.setting(path: "bijeenkomsten.2.voorbereiders", to: ["Deelnemer 3"]) },
            quiet: { $0.setting(path: "bijeenkomsten.1.voorbereiders", to: ["Deelnemer 3"]) }),
        wt("WT-10", fires: { $0.setting(path: "netwerk.vorm", to: "") }),
        wt(
            "WT-11", fires: { $0.setting(path: "netwerk.bijeenkomsten_per_jaar", to: 6) },
            quiet: { $0.setting(path: "netwerk.bijeenkomsten_per_jaar", to: 3) }),
        wt("WT-12", fires: { $0.setting(path: "bijeenkomsten.1.gastheer", to: "Organisatie 1") }),
        wt(
            "WT-13",
            fires: { $0.setting(path: "netwerk.vorm", to: "werkgroep").setting(path: "netwerk.bijeenkomsten_per_jaar", to: 6) },
            quiet: { $0.setting(path: "netwerk.vorm", to: "werkgroep").setting(path: "netwerk.bijeenkomsten_per_jaar", to: 10) }),
        wt(
            "WT-14",
            fires: { $0.setting(path: "netwerk.vorm", to: "werkgroep").setting(path: "netwerk.bijeenkomsten_per_jaar", to: 2) },
            quiet: { $0.setting(path: "netwerk.vorm", to: "intervisie").setting(path: "netwerk.bijeenkomsten_per_jaar", to: 2) }),
        wt(
            "WT-15", fires: { $0.setting(path: "bijeenkomsten.2.datum", to: NetworkFixtures.date("2026-05-01")) },
            quiet: {
                $0.setting(path: "bijeenkomsten.2.datum", to: NetworkFixtures.date("2026-05-01"))
                    .setting(path: "besluiten", to: ["vervolg_na_evaluatie": true])
            }),
        wt(
            "WT-16",
            fires: {
                $0.setting(path: "bijeenkomsten.1.datum", to: NetworkFixtures.date("2026-07-01"))
                    .setting(path: "besluiten", to: ["vervolg_na_evaluatie": true])
            },
            quiet: { $0.setting(path: "besluiten", to: ["vervolg_na_evaluatie": true]) }),
        wt("WT-17", fires: { $0.setting(path: "netwerk.themas", to: []) }),
        wt("WT-18", fires: { $0.setting(path: "netwerk.contactpersoon.naam", to: "") }),
        wt("WT-19", fires: { $0.setting(path: "deelnemers.3.haalt", to: "") }),
        wt("WT-20", fires: { $0.setting(path: "bijeenkomsten.1.uitkomsten", to: []) }),
        wt(
            "WT-21", fires: { $0.setting(path: "bijeenkomsten.2.gespreksleider", to: "") },
            quiet: { $0.setting(path: "bijeenkomsten.1.gespreksleider", to: "") }),

        kz("KZ-01", fires: organisations(5), quiet: organisations(6)),
        kz("KZ-02", fires: organisations(11), quiet: organisations(10)),
        kz(
            "KZ-03", fires: { $0.setting(path: "netwerk.themas", to: ["A", "B", "C"]) },
            quiet: { $0.setting(path: "netwerk.themas", to: ["A", "B"]) }),
        kz("KZ-04", fires: { $0.setting(path: "netwerk.themas", to: []) }),
        kz(
            "KZ-05",
            fires: { $0.setting(path: "bijeenkomsten.7", to: NetworkFixtures.meeting("2026-12-10", host: 2, preparers: [2, 4])) }),
        kz(
            "KZ-06",
            fires: {
                $0.setting(path: "bijeenkomsten", to: .list(Array(($0.value(atPath: "bijeenkomsten")!.listValue).prefix(6))))
            }),
        kz(
            "KZ-07", fires: { $0.setting(path: "bijeenkomsten.6.datum", to: NetworkFixtures.date("2027-02-06")) },
            quiet: { $0.setting(path: "bijeenkomsten.6.datum", to: NetworkFixtures.date("2027-02-05")) }),
        kz("KZ-08", fires: { $0.setting(path: "bijeenkomsten.2.duur_minuten", to: 149) }),
        kz(
            "KZ-09", fires: { $0.setting(path: "bijeenkomsten.6.gespreksleider", to: "") },
            quiet: { $0.setting(path: "bijeenkomsten.5.gespreksleider", to: "") }),
        kz("KZ-10", fires: { $0.setting(path: "bijeenkomsten.2.thema", to: "") }),
        kz("KZ-11", fires: { $0.setting(path: "bijeenkomsten.3.evaluatie", to: false) }),
        kz("KZ-12", fires: { $0.setting(path: "bijeenkomsten.3.datum", to: NetworkFixtures.date("2026-06-25")) }),
        kz(
            "KZ-13", fires: { $0.setting(path: "organisaties.5.aangesloten_na_bijeenkomst", to: 2) },
            quiet: {
                $0.setting(path: "organisaties.5.aangesloten_na_bijeenkomst", to: 2)
                    .setting(path: "besluiten.toestemmingen", to: [["organisatie": "Organisatie 6", "hele_groep": true]])
            }),
        kz("KZ-14", fires: { $0.setting(path: "besluiten.commitment", to: false) }),
        kz(
            "KZ-15", fires: { $0.setting(path: "bijeenkomsten.4.vorm", to: "online") },
            quiet: { $0.setting(path: "bijeenkomsten.4.vorm", to: "hybride") }),
        kz(
            "KZ-16",
            fires: {
                $0.setting(path: "bijeenkomsten.6.datum", to: NetworkFixtures.date("2026-06-18"))
                    .setting(path: "bijeenkomsten.4.datum", to: NetworkFixtures.date("2026-06-04"))
                    .setting(path: "bijeenkomsten.5.datum", to: NetworkFixtures.date("2026-06-11"))
            }),
    ]

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

    @Test(arguments: cases)
    func ruleFiresWhenBrokenAndNotAtTheBoundary(_ test: Case) throws {
        let fired = try Self.findings(test.fires(test.base), on: test.date)
        #expect(fired.map(\.ruleID).contains(test.rule), "\(test.rule) did not fire: \(fired.map(\.ruleID))")
        #expect(!fired.contains { $0.message.contains("kon niet worden gecontroleerd") }, "\(fired.map(\.message))")
        let quiet = try Self.findings(test.quiet(test.base), on: test.date)
        #expect(!quiet.map(\.ruleID).contains(test.rule), "\(test.rule) fired at the boundary: \(quiet.map(\.message))")
    }

    @Test func everyRuleOfEveryBundleHasACase() {
        let tested = Set(Self.cases.map(\.rule))
        let all = Self.loaded.flatMap { $0.ruleSets.flatMap { $0.rules.map(\.id) } }
        #expect(Set(all) == tested, "untested: \(Set(all).subtracting(tested).sorted())")
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
}

extension Value {
    var listValue: [Value] {
        if case .list(let items) = self { return items }
        return []
    }
}
