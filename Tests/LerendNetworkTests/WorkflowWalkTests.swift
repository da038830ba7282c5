import LerendExpressions
import LerendNetwork
import LerendWorkflow
import Testing

/// Both workflows walked from an empty network to the end: at each point the current
/// stage and the first thing to do.
@Suite struct WorkflowWalkTests {
    static func plugin(_ id: String) throws -> BundlePlugin {
        try #require(RuleTests.loaded.first { $0.id == id })
    }

    static func status(_ network: Value, plugin id: String, on date: String) throws -> WorkflowStatus {
        let file = try NetworkFile.parse(NetworkFixtures.yaml(network), path: "netwerk.yaml")
        let workflow = try #require(try plugin(id).workflow)
        return WorkflowEvaluator(workflow: workflow).status(of: file.value(on: LocalDate(iso: date)!))
    }

    struct Step {
        let change: (Value) -> Value
        let date: String
        let stage: String?
        let next: String?
    }

    static func walk(_ plugin: String, from start: Value, _ steps: [Step]) throws {
        var network = start
        for (index, step) in steps.enumerated() {
            network = step.change(network)
            let status = try status(network, plugin: plugin, on: step.date)
            #expect(status.problems.isEmpty, "step \(index): \(status.problems)")
            #expect(status.current?.stage.id == step.stage, "step \(index)")
            #expect(status.current?.openTasks.first?.name == step.next, "step \(index)")
            let finished = status.isFinished
            #expect(finished == (step.stage == nil), "step \(index)")
        }
    }

    @Test func waardigheidEnTrotsFromEmptyToTheEnd() throws {
        let empty: Value = ["netwerk": ["naam": "Nieuw", "plugin": "waardigheid-en-trots"]]
        let first = NetworkFixtures.meeting("2026-02-10", minutes: 90, host: 1, preparers: [1, 2])
        try Self.walk(
            "waardigheid-en-trots", from: empty,
            [
                Step(change: { $0 }, date: "2026-01-05", stage: "waarom", next: "Schrijf het doel van het netwerk op"),
                Step(
                    change: { $0.setting(path: "netwerk.doel", to: "Leren") }, date: "2026-01-05",
                    stage: "waarom", next: "Noteer de vragen waar je mee zit"),
                Step(
                    change: { $0.setting(path: "netwerk.leervragen", to: ["Hoe?"]) }, date: "2026-01-05",
                    stage: "met-wie", next: "Beschrijf wie je wilt uitnodigen"),
                Step(
                    change: {
                        $0.setting(path: "netwerk.wie_uitnodigen", to: "Collega's").setting(
                            path: "organisaties", to: NetworkFixtures.organisations(3))
                    },
                    date: "2026-01-05", stage: "uitnodigen", next: "Vind 3 of 4 deelnemers van 3 verschillende organisaties"),
                Step(
                    change: { $0.setting(path: "deelnemers", to: NetworkFixtures.participants(3, organisations: 3)) },
                    date: "2026-01-05",
                    stage: "uitnodigen", next: "Prik een datum voor de eerste bijeenkomst"),
                Step(
                    change: { $0.setting(path: "bijeenkomsten", to: [first]) }, date: "2026-01-05",
                    stage: "eerste-bijeenkomst", next: "Maak de agenda van de eerste bijeenkomst"),
                Step(
                    change: { $0.setting(path: "bijeenkomsten.0.agenda", to: [["titel": "Kennismakingsrondje"]]) },
                    date: "2026-01-05",
                    stage: "eerste-bijeenkomst", next: "Houd de eerste bijeenkomst"),
                Step(change: { $0 }, date: "2026-02-11", stage: "eerste-bijeenkomst", next: "Kies de eerste thema's"),
                Step(
                    change: { $0.setting(path: "netwerk.themas", to: ["Dagbesteding"]) }, date: "2026-02-11",
                    stage: "eerste-bijeenkomst", next: "Prik een nieuwe datum, met thema en het tweetal dat voorbereidt"),
                Step(
                    change: {
                        $0.setting(
                            path: "bijeenkomsten.1", to: NetworkFixtures.meeting("2026-04-14", host: 2, preparers: [2, 3]))
                    },
                    date: "2026-02-11", stage: "vervolg", next: "Kies de vorm van het netwerk"),
                Step(
                    change: { $0.setting(path: "netwerk.vorm", to: "themabijeenkomsten") }, date: "2026-02-11",
                    stage: "vervolg", next: "Plan het jaar"),
                Step(
                    change: {
                        $0.setting(
                            path: "bijeenkomsten.2", to: NetworkFixtures.meeting("2026-06-16", host: 3, preparers: [3, 1]))
                    },
                    date: "2026-02-11", stage: "vervolg",
                    next: "Herijk na 2 of 3 bijeenkomsten of het netwerk aan de verwachtingen voldoet"),
                Step(
                    change: { $0.setting(path: "besluiten", to: ["vervolg_na_evaluatie": true]) }, date: "2026-06-20",
                    stage: nil, next: nil),
            ])
    }

    @Test func kennizFromEmptyToTheEnd() throws {
        let empty: Value = [
            "netwerk": ["naam": "Nieuw", "plugin": "kenniz"], "organisaties": NetworkFixtures.organisations(6),
            "deelnemers": NetworkFixtures.participants(6, organisations: 6),
        ]
        let meetings = NetworkFixtures.kenniz.value(atPath: "bijeenkomsten")!.listValue
        func adding(_ range: ClosedRange<Int>) -> (Value) -> Value {
            { network in range.reduce(network) { $0.setting(path: "bijeenkomsten.\($1)", to: meetings[$1]) } }
        }
        try Self.walk(
            "kenniz", from: empty,
            [
                Step(
                    change: { $0 }, date: "2026-01-05", stage: "eerste-bijeenkomst",
                    next: "Plan de eerste bijeenkomst, met een gespreksleider van KenniZ"),
                Step(change: adding(0...0), date: "2026-01-05", stage: "eerste-bijeenkomst", next: "Houd de eerste bijeenkomst"),
                Step(change: { $0 }, date: "2026-02-06", stage: "commitment", next: "Leg het commitment van de deelnemers vast"),
                Step(
                    change: { $0.setting(path: "besluiten", to: ["commitment": true]) }, date: "2026-02-06",
                    stage: "planning-2-4", next: "Leg datum, locatie en thema van bijeenkomst 2, 3 en 4 vast"),
                Step(change: adding(1...3), date: "2026-02-06", stage: "bijeenkomsten-2-4", next: "Houd bijeenkomst 2, 3 en 4"),
                Step(change: { $0 }, date: "2026-05-29", stage: "evaluatie", next: "Leg het besluit over het vervolg vast"),
                Step(
                    change: { $0.setting(path: "besluiten.vervolg_na_evaluatie", to: true) }, date: "2026-05-29",
                    stage: "planning-5-7", next: "Leg datum, locatie en thema van bijeenkomst 5, 6 en 7 vast"),
                Step(
                    change: adding(4...6), date: "2026-05-29", stage: "bijeenkomsten-5-7",
                    next: "Houd bijeenkomst 5, 6 en 7, de laatste met een gespreksleider van KenniZ"),
                Step(change: { $0 }, date: "2026-11-27", stage: "uitkomst", next: "Publiceer de uitkomst"),
                Step(
                    change: { $0.setting(path: "besluiten.uitkomst_gepubliceerd", to: true) }, date: "2026-11-27", stage: nil,
                    next: nil),
            ])
    }
}
