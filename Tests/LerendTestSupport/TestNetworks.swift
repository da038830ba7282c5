/// Network files that tests make at run time.
public enum TestNetworks: Sendable {
    /// A network of `participants` participants over 6 organisations, with one meeting.
    public static func network(
        participants: Int, names: (Int) -> String = { "Deelnemer \($0)" }, email: (Int) -> String? = { "d\($0)@zorg.nl" }
    ) -> String {
        var text = """
            netwerk:
              naam: Netwerk Test
              plugin: kenniz
              contactpersoon: {naam: Anna Bakker, email: a.bakker@zorg.nl}
            organisaties:

            """
        for number in 1...6 { text += "  - {naam: Organisatie \(number), plaats: Zwolle}\n" }
        text += "deelnemers:\n"
        for number in 1...participants {
            text += "  - naam: \"\(names(number))\"\n    organisatie: Organisatie \(number % 6 + 1)\n"
            if let address = email(number) { text += "    email: \(address)\n" }
        }
        text += """
            bijeenkomsten:
              - datum: 2026-03-10
                begintijd: "13:30"
                duur_minuten: 150
                gastheer: Organisatie 1
                thema: Familie
                voorbereiders: ["\(names(1))", "\(names(2))"]

            """
        return text
    }
}
