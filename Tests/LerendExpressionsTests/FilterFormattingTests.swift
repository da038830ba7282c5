import LerendExpressions
import Testing

/// Dutch formatting of dates, times, numbers, amounts and lists, and the text filters.
@Suite struct FilterFormattingTests {
    static let data: Value = [
        "dag": Check.date("2023-03-14"), "nieuwjaar": Check.date("2026-01-01"), "zondag": Check.date("2023-03-19"),
        "tijd": Check.time(13, 30), "vroeg": Check.time(9, 5), "middernacht": Check.time(0, 0),
        "bedrag": 1234.5, "groot": 1_234_567, "half": 2.5, "negatief": -1234.5,
        "namen": ["Anna", "Bo", "Cas"], "twee": ["Anna", "Bo"], "een": ["Anna"], "geen": [],
        "tekst": "  ijsselmonde en de zorg  ", "organisaties": [["naam": "De Linde"]],
    ]

    @Test(
        arguments: [
            ("dag | datum", "dinsdag 14 maart 2023"),
            ("dag | datum('lang')", "dinsdag 14 maart 2023"),
            ("dag | datum('long')", "dinsdag 14 maart 2023"),
            ("dag | datum('middel')", "14 maart 2023"),
            ("dag | datum('medium')", "14 maart 2023"),
            ("dag | datum('kort')", "14-03-2023"),
            ("dag | datum('short')", "14-03-2023"),
            ("dag | datum('dag')", "di 14 mrt"),
            ("dag | datum('maand')", "maart 2023"),
            ("dag | datum('iso')", "2023-03-14"),
            ("datum(dag, 'kort')", "14-03-2023"),
            ("dag", "14 maart 2023"),
            ("dag | datum('d MMMM jjjj')", "14 maart 2023"),
            ("dag | datum('dddd d-M-jj')", "dinsdag 14-3-23"),
            ("dag | datum('ddd dd/MM/yyyy')", "di 14/03/2023"),
            ("dag | datum('d MMM yy')", "14 mrt 23"),
            ("nieuwjaar | datum('d-M')", "1-1"),
            ("nieuwjaar | datum('dd-MM')", "01-01"),
            ("dag | datum(\"'week van' d MMMM\")", "week van 14 maart"),
            ("dag | datum(\"'dag' d\")", "dag 14"),
            ("nieuwjaar | datum", "donderdag 1 januari 2026"),
            ("zondag | datum('dag')", "zo 19 mrt"),
            ("'2023-03-14' | datum", "dinsdag 14 maart 2023"),
            ("date('2024-02-29') | datum('middel')", "29 februari 2024"),
            ("date('2023-12-25') | datum('lang')", "maandag 25 december 2023"),
        ] as [(String, String)])
    func dates(source: String, expected: String) throws {
        #expect(try Check.printed(source, Self.data) == expected)
    }

    @Test(arguments: Array(zip(1...12, DutchFormatting.monthNames)))
    func everyMonthHasItsDutchName(month: Int, name: String) throws {
        let date = try #require(LocalDate(year: 2024, month: month, day: 1))
        #expect(DutchFormatting.date(date, style: "middel") == "1 \(name) 2024")
    }

    @Test(arguments: [
        ("2024-03-11", "maandag"), ("2024-03-12", "dinsdag"), ("2024-03-13", "woensdag"), ("2024-03-14", "donderdag"),
        ("2024-03-15", "vrijdag"), ("2024-03-16", "zaterdag"), ("2024-03-17", "zondag"),
    ])
    func weekdayNames(iso: String, name: String) throws {
        #expect(try Check.printed("'\(iso)' | datum('dddd')") == name)
    }

    @Test(
        arguments: [
            ("tijd | tijd", "13.30 uur"),
            ("tijd | tijd('lang')", "13.30 uur"),
            ("tijd | tijd('kort')", "13.30"),
            ("tijd | tijd('dubbelepunt')", "13:30"),
            ("tijd | time('colon')", "13:30"),
            ("vroeg | tijd", "9.05 uur"),
            ("vroeg | tijd('kort')", "9.05"),
            ("vroeg | tijd('dubbelepunt')", "09:05"),
            ("middernacht | tijd", "0.00 uur"),
            ("tijd", "13.30"),
            ("'13:30' | tijd", "13.30 uur"),
            ("'9.05' | tijd('dubbelepunt')", "09:05"),
            ("'13.30 uur' | tijd('kort')", "13.30"),
        ] as [(String, String)])
    func times(source: String, expected: String) throws {
        #expect(try Check.printed(source, Self.data) == expected)
    }

    @Test(
        arguments: [
            ("half", "2,5"),
            ("0.1", "0,1"),
            ("2.0", "2"),
            ("bedrag", "1234,5"),
            ("groot", "1234567"),
            ("groot | getal", "1.234.567"),
            ("bedrag | getal", "1.234,5"),
            ("bedrag | getal(2)", "1.234,50"),
            ("bedrag | getal(0)", "1.235"),
            ("half | getal(0)", "3"),
            ("-2.5 | getal(0)", "-3"),
            ("2.125 | getal(2)", "2,13"),
            ("999.996 | getal(2)", "1.000,00"),
            ("-0.001 | getal(2)", "0,00"),
            ("negatief | getal", "-1.234,5"),
            ("123 | getal", "123"),
            ("1000 | number", "1.000"),
            ("1234.5 | bedrag", "€ 1.234,50"),
            ("bedrag | currency", "€ 1.234,50"),
            ("5 | bedrag", "€ 5,00"),
            ("0.5 | bedrag", "€ 0,50"),
            ("negatief | bedrag", "-€ 1.234,50"),
            ("1234567.891 | bedrag", "€ 1.234.567,89"),
        ] as [(String, String)])
    func numbers(source: String, expected: String) throws {
        #expect(try Check.printed(source, Self.data) == expected)
    }

    @Test(
        arguments: [
            ("namen | opsomming", "Anna, Bo en Cas"),
            ("namen | opsomming('of')", "Anna, Bo of Cas"),
            ("namen | enumerate", "Anna, Bo en Cas"),
            ("twee | opsomming", "Anna en Bo"),
            ("een | opsomming", "Anna"),
            ("geen | opsomming", ""),
            ("namen", "Anna, Bo en Cas"),
            ("[1, 2.5, true]", "1, 2,5 en ja"),
            ("namen | join(', ')", "Anna, Bo, Cas"),
            ("namen | join", "AnnaBoCas"),
        ] as [(String, String)])
    func lists(source: String, expected: String) throws {
        #expect(try Check.printed(source, Self.data) == expected)
    }

    @Test(
        arguments: [
            ("tekst | trim", "ijsselmonde en de zorg"),
            ("tekst | trim | hoofdletter", "IJsselmonde en de zorg"),
            ("tekst | trim | capitalize", "IJsselmonde en de zorg"),
            ("'anna' | hoofdletter", "Anna"),
            ("'' | hoofdletter", ""),
            ("tekst | trim | hoofdletters", "IJSSELMONDE EN DE ZORG"),
            ("'AnNa' | upper", "ANNA"),
            ("'AnNa' | kleine_letters", "anna"),
            ("'AnNa' | lower", "anna"),
            ("tekst | trim | title", "IJsselmonde En De Zorg"),
            ("'\u{00A0}zacht\u{00A0}' | trim", "zacht"),
            ("'a-b-c' | replace('-', ' / ')", "a / b / c"),
            ("'a,b,,c' | split(',') | length", "4"),
            ("'a,b' | split(',') | opsomming", "a en b"),
            ("'Zorg Dichtbij' | startswith('Zorg')", "ja"),
            ("'Zorg Dichtbij' | endswith('Zorg')", "nee"),
            ("3.5 | string", "3,5"),
            ("true | tekst", "ja"),
            ("'42' | int", "42"),
            ("' 42 ' | int", "42"),
            ("3.9 | int", "3"),
            ("-3.9 | int", "-3"),
            ("2.5 | round", "3"),
            ("-2.5 | round", "-3"),
            ("2.4 | round", "2"),
            ("2.125 | round(2)", "2,13"),
            ("-4 | abs", "4"),
            ("-2.5 | abs", "2,5"),
            ("'regel\\nnieuw'", "regel\nnieuw"),
            ("'it\\'s'", "it's"),
        ] as [(String, String)])
    func textFilters(source: String, expected: String) throws {
        #expect(try Check.printed(source, Self.data) == expected)
    }

    @Test(
        arguments: [
            ("onbekend | standaard('n.v.t.')", "n.v.t."),
            ("onbekend.dieper | default('-')", "-"),
            ("'' | standaard('leeg')", "leeg"),
            ("none | standaard('geen')", "geen"),
            ("0 | standaard(5)", "0"),
            ("false | standaard('x')", "nee"),
            ("'Anna' | standaard('x')", "Anna"),
            ("onbekend | standaard(onbekend2) | standaard('laatste')", "laatste"),
        ] as [(String, String)])
    func defaults(source: String, expected: String) throws {
        #expect(try Check.printed(source, Self.data) == expected)
    }

    @Test(
        arguments: [
            ("dag | datum('onzin')", "onbekende datumstijl 'onzin'"),
            ("tijd | tijd('middel')", "onbekende tijdstijl 'middel'"),
            ("bedrag | getal(11)", "het aantal decimalen moet tussen 0 en 10 liggen"),
            ("organisaties | opsomming", "een lijst van objecten kan niet als opsomming"),
            ("organisaties | join(', ')", "een lijst van objecten kan niet worden samengevoegd"),
            ("'abc' | int", "'abc' is geen geheel getal"),
            ("'abc' | replace('', 'x')", "de te vervangen tekst is leeg"),
            ("'abc' | split('')", "de scheiding is leeg"),
        ] as [(String, String)])
    func invalidArguments(source: String, message: String) throws {
        let error = try #require(Check.error(source, Self.data))
        #expect(error.id == "E204")
        #expect(error.message == message)
    }

    @Test func unknownDateStyleListsTheStyles() throws {
        let error = try #require(Check.error("dag | datum('onzin')", Self.data))
        #expect(
            error.hint
                == "kies uit 'lang' (dinsdag 14 maart 2023), 'middel' (14 maart 2023), 'kort' (14-03-2023), 'dag' (di 14 mrt), 'maand' (maart 2023), 'iso' (2023-03-14)"
        )
        #expect(error.span == SourceSpan(start: 12, length: 7), "the span is the style argument")
    }

    @Test(
        arguments: [
            ("'14-03-2023' | datum", "'datum' verwacht een datum (JJJJ-MM-DD), maar kreeg tekst"),
            ("42 | tijd", "'tijd' verwacht een tijd (UU:MM), maar kreeg geheel getal"),
            ("'veel' | bedrag", "'bedrag' verwacht een getal, maar kreeg tekst"),
            ("'a' | opsomming", "'opsomming' verwacht een lijst, maar kreeg tekst"),
            ("organisaties.0 | hoofdletters", "'hoofdletters' verwacht een tekst, maar kreeg object"),
            ("'a' | round", "'round' verwacht een getal, maar kreeg tekst"),
            ("dag | datum(3)", "'datum' verwacht een tekst, maar kreeg geheel getal"),
        ] as [(String, String)])
    func wrongKinds(source: String, message: String) throws {
        let error = try #require(Check.error(source, Self.data))
        #expect(error.id == "E202")
        #expect(error.message == message)
    }

    @Test func formattingHelpersDirectly() {
        #expect(DutchFormatting.enumeration(["a", "b", "c"], conjunction: "of") == "a, b of c")
        #expect(DutchFormatting.enumeration([], conjunction: "en") == "")
        #expect(DutchFormatting.capitalized("ijs") == "IJs")
        #expect(DutchFormatting.capitalized("") == "")
        #expect(DutchFormatting.number(1_234_567.5, decimals: 1) == "1.234.567,5")
        #expect(DutchFormatting.number(1_234_567.5, decimals: 1, grouping: false) == "1234567,5")
        #expect(DutchFormatting.number(.nan, decimals: nil) == "geen getal")
        #expect(DutchFormatting.time(LocalTime(hour: 7, minute: 0)!, style: "dubbelepunt") == "07:00")
    }
}
