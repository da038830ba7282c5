import Testing
import LerendExpressions

/// The examples of Docs/expressietaal.md, so that the documentation stays true.
@Suite struct DocExamplesTests {
    static let data: Value = [
        "dag": .date(LocalDate(year: 2023, month: 3, day: 14)!), "tijd": .time(LocalTime(hour: 13, minute: 30)!),
        "organisaties": [["naam": "De Linde", "aantal_clienten": 180], ["naam": "Het Baken", "aantal_clienten": 30]],
        "netwerk": ["naam": "Zorg Dichtbij"], "deelnemer": ["voornaam": "Anna"],
        "bijeenkomsten": [["vorm": "fysiek"], ["vorm": "online"]],
        "deelnemers": [["naam": "Bo", "voornaam": "Bo"], ["naam": "Anna", "voornaam": "Anna"]],
        "kwaliteit": ["uitwisseling": ["bezoek", "intervisie"]],
    ]

    @Test(arguments: [
        ("dag | datum", "dinsdag 14 maart 2023"), ("dag | datum('middel')", "14 maart 2023"), ("dag | datum('kort')", "14-03-2023"),
        ("dag | datum('dag')", "di 14 mrt"), ("dag | datum('maand')", "maart 2023"), ("dag | datum('dddd d-M-jj')", "dinsdag 14-3-23"),
        ("tijd | tijd", "13.30 uur"), ("tijd | tijd('kort')", "13.30"), ("tijd | tijd('dubbelepunt')", "13:30"), ("2.5", "2,5"),
        ("1234567 | getal", "1.234.567"), ("1234.5 | bedrag", "€ 1.234,50"), ("['Anna', 'Bo', 'Cas'] | opsomming", "Anna, Bo en Cas"),
        ("' ijsselmonde' | trim | hoofdletter", "IJsselmonde"), ("organisaties.0.naam", "De Linde"), ("organisaties[0].naam", "De Linde"),
        ("organisaties[-1].naam", "Het Baken"), ("netwerk['naam']", "Zorg Dichtbij"), ("7 / 2", "3,5"),
        ("'Beste ' ~ deelnemer.voornaam", "Beste Anna"), ("'intervisie' in kwaliteit.uitwisseling", "ja"),
        ("count(organisaties, o => o.aantal_clienten >= 50)", "1"), ("sum(organisaties, o => o.aantal_clienten | standaard(0))", "210"),
        ("any(bijeenkomsten, b => b.vorm == 'online')", "ja"), ("map(sort(deelnemers, d => d.naam), d => d.voornaam) | opsomming", "Anna en Bo"),
        ("datum(dag, 'kort')", "14-03-2023"), ("none is none", "ja"), ("true and not false", "ja"), ("[] is empty", "ja"),
        ("date('2026-03-10') | datum('iso')", "2026-03-10"), ("'ja' if 1 > 0 else 'nee'", "ja"),
    ] as [(String, String)])
    func documentedExampleHolds(source: String, expected: String) throws {
        #expect(try Expression(source).printed(in: EvaluationContext(root: Self.data)) == expected)
    }
}
