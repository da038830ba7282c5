import LerendData
import LerendDiagnostics
import LerendExpressions
import LerendWorkflow
import Testing

@Suite struct WorkflowTests {
    static let definition = """
        naam: Drie stappen
        fasen:
          - id: waarom
            naam: Waarom
            taken:
              - naam: Schrijf het doel op
                klaar_als: netwerk.doel
                hint: vul 'doel' in
              - naam: Noteer leervragen
                klaar_als: count(netwerk.leervragen) >= 1
          - id: wie
            naam: Met wie
            taken:
              - naam: Minstens drie organisaties
                klaar_als: count(organisaties) >= 3
            documenten: [plan]
          - id: bijeen
            naam: Eerste bijeenkomst
            klaar_als: any(bijeenkomsten, b => b.datum < vandaag)
        """

    static func workflow() throws -> Workflow {
        try WorkflowLoader.load(DataFile.parse(definition, path: "werkproces.yaml"))
    }

    static func status(_ yaml: String) throws -> WorkflowStatus {
        let data = try DataFile.parse(yaml, path: "netwerk.yaml").value
            .setting("vandaag", to: .date(LocalDate(year: 2026, month: 6, day: 1)!))
        return WorkflowEvaluator(workflow: try workflow()).status(of: data)
    }

    @Test func emptyNetworkIsAtTheFirstStage() throws {
        let status = try Self.status("netwerk: {naam: Test}")
        #expect(status.stages.map(\.state) == [.current, .todo, .todo])
        #expect(status.current?.openTasks.map(\.name) == ["Schrijf het doel op", "Noteer leervragen"])
        #expect(status.current?.openTasks.first?.hint == "vul 'doel' in")
        #expect(status.problems.isEmpty)
    }

    @Test func walksToTheEnd() throws {
        let second = try Self.status("netwerk: {doel: Leren, leervragen: [Hoe?]}")
        #expect(second.stages.map(\.state) == [.done, .current, .todo])
        #expect(second.current?.stage.documents == ["plan"])

        let third = try Self.status(
            """
            netwerk: {doel: Leren, leervragen: [Hoe?]}
            organisaties: [{naam: A}, {naam: B}, {naam: C}]
            bijeenkomsten: [{datum: 2026-07-01}]
            """)
        #expect(third.stages.map(\.state) == [.done, .done, .current])

        let finished = try Self.status(
            """
            netwerk: {doel: Leren, leervragen: [Hoe?]}
            organisaties: [{naam: A}, {naam: B}, {naam: C}]
            bijeenkomsten: [{datum: 2026-03-01}]
            """)
        #expect(finished.isFinished)
        #expect(finished.current == nil)
    }

    @Test func laterStagesStayToDoWhileAnEarlierOneIsOpen() throws {
        let status = try Self.status(
            """
            netwerk: {doel: Leren}
            organisaties: [{naam: A}, {naam: B}, {naam: C}]
            """)
        #expect(status.stages.map(\.state) == [.current, .todo, .todo])
        #expect(status.stages[1].tasks.map(\.isDone) == [true])
    }

    @Test func conditionOnDataOfTheWrongKindIsAProblemNotACrash() throws {
        let status = try Self.status("netwerk: {doel: Leren, leervragen: 12}")
        #expect(status.stages.first?.state == .current)
        #expect(status.problems.count == 1)
    }

    @Test func brokenDefinitionIsReportedWithPlaces() throws {
        let text = """
            naam: Kapot
            fasen:
              - id: een
                naam: Een
                taken:
                  - naam: Tel
                    klaar_als: cont(organisaties) >= 3
                  - naam: Haakje
                    klaar_als: "count(organisaties >= 3"
              - id: een
                nam: Twee
                klaar_als: waar
            """
        let error = try #require(throws: DiagnosticList.self) {
            try WorkflowLoader.load(DataFile.parse(text, path: "werkproces.yaml"))
        }
        let rendered = DiagnosticRenderer().render(error.diagnostics)
        #expect(
            rendered.contains(
                """
                werkproces.yaml:7:20: fout[E104]: onbekende functie 'cont'
                  7 |         klaar_als: cont(organisaties) >= 3
                    |                    ^~~~
                   hint: bedoel je 'count'?
                """), "\(rendered)")
        #expect(rendered.contains("werkproces.yaml:9:"), "the unclosed parenthesis is placed in the quoted text")
        #expect(rendered.contains("werkproces.yaml:10:9: fout[W101]: fase 'een' komt twee keer voor"))
        #expect(rendered.contains("werkproces.yaml:11:5: fout[D214]: onbekende sleutel 'nam' in een fase"))
        #expect(rendered.contains("hint: bedoel je 'naam'?"))
    }
}
