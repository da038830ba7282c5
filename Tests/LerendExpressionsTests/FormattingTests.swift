import Testing
import LerendExpressions

/// Dutch formatting of dates, times, numbers, amounts and lists.
@Suite struct FormattingTests {
    static let data: Value = [
        "dag": .date(LocalDate(year: 2023, month: 3, day: 14)!), "nieuwjaar": .date(LocalDate(year: 2026, month: 1, day: 1)!),
        "tijd": .time(LocalTime(hour: 13, minute: 30)!), "vroeg": .time(LocalTime(hour: 9, minute: 5)!),
        "bedrag": 1234.5, "groot": 1234567, "half": 2.5, "namen": ["Anna", "Bo", "Cas"], "twee": ["Anna", "Bo"],
        "een": ["Anna"], "tekst": "  ijsselmonde en de zorg  ",
    ]

    @Test(arguments: [
        ("dag | datum", "dinsdag 14 maart 2023"),
        ("dag | datum('lang')", "dinsdag 14 maart 2023"),
        ("dag | datum('middel')", "14 maart 2023"),
        ("dag | datum('kort')", "14-03-2023"),
        ("dag | datum('dag')", "di 14 mrt"),
        ("dag | datum('maand')", "maart 2023"),
        ("dag | datum('iso')", "2023-03-14"),
        ("dag | datum('d MMMM jjjj')", "14 maart 2023"),
        ("dag | datum('dddd d-M-jj')", "dinsdag 14-3-23"),
        ("nieuwjaar | datum", "donderdag 1 januari 2026"),
        ("tijd | tijd", "13.30 uur"),
        ("tijd | tijd('kort')", "13.30"),
        ("vroeg | tijd('dubbelepunt')", "09:05"),
        ("vroeg | tijd('kort')", "9.05"),
        ("half", "2,5"),
        ("groot | getal", "1.234.567"),
        ("bedrag | getal(2)", "1.234,50"),
        ("bedrag | bedrag", "€ 1.234,50"),
        ("namen | opsomming", "Anna, Bo en Cas"),
        ("namen | opsomming('of')", "Anna, Bo of Cas"),
        ("twee | opsomming", "Anna en Bo"),
        ("een | opsomming", "Anna"),
        ("tekst | trim | hoofdletter", "IJsselmonde en de zorg"),
        ("tekst | trim | hoofdletters", "IJSSELMONDE EN DE ZORG"),
        ("'AnNa' | kleine_letters", "anna"),
        ("tekst | trim | title", "IJsselmonde En De Zorg"),
        ("onbekend | standaard('n.v.t.')", "n.v.t."),
        ("date('2024-02-29') | datum('middel')", "29 februari 2024"),
    ] as [(String, String)])
    func formats(source: String, expected: String) throws {
        #expect(try Expression(source).printed(in: EvaluationContext(root: Self.data)) == expected)
    }
}
