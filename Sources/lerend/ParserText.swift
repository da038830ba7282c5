/// The fixed English texts of swift-argument-parser, in Dutch.
enum ParserText {
    /// Longest first, so that a longer phrase wins over a part of it.
    static let replacements: [(String, String)] = [
        ("Missing expected argument", "ontbrekend argument"),
        ("Missing value for", "geen waarde bij"),
        ("Unknown option", "onbekende optie"),
        ("Unexpected arguments", "onverwachte argumenten"),
        ("Unexpected argument", "onverwacht argument"),
        ("The value", "De waarde"),
        ("is invalid for", "past niet bij"),
        ("Did you mean", "Bedoel je"),
        ("for more information.", "voor meer uitleg."),
        ("Show help information.", "Toon deze uitleg."),
        ("Show the version.", "Toon het versienummer."),
        ("(default: ", "(standaard: "),
        ("OVERVIEW:", "OVERZICHT:"),
        ("USAGE:", "GEBRUIK:"),
        ("ARGUMENTS:", "ARGUMENTEN:"),
        ("OPTIONS:", "OPTIES:"),
        ("SUBCOMMANDS:", "OPDRACHTEN:"),
        ("Usage:", "Gebruik:"),
        ("Help:", "Uitleg:"),
        ("Error:", "fout:"),
        ("See 'lerend help <subcommand>' for detailed help.", "Zie 'lerend help <opdracht>' voor uitleg per opdracht."),
        ("See '", "Zie '"),
        ("<subcommand>", "<opdracht>"),
    ]

    static func dutch(_ text: String) -> String {
        var result = text
        for (english, dutch) in replacements { result = result.replacing(english, with: dutch) }
        return result
    }
}
