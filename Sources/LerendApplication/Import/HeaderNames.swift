import Foundation
import LerendNetwork

/// The Dutch (and a few English) ways a header row names the keys of organisations and
/// participants, compared without case, accents, spaces or punctuation.
enum HeaderNames {
    /// `"E-mail adres"` and `"e-mailadres"` both as `emailadres`; `"Cliënten"` as `clienten`.
    static func normalized(_ header: String) -> String {
        String(
            header.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
                .unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    static func field(for header: String, target: ImportTarget) -> String? {
        let key = normalized(header)
        guard !key.isEmpty else { return nil }
        let names = target == .organisations ? organisation : participant
        for (field, variants) in names where variants.contains(key) { return field }
        return target.schema.fields.first { normalized($0.name) == key }?.name
    }

    private static let shared: [(String, Set<String>)] = [
        ("plaats", ["plaats", "vestigingsplaats", "woonplaats", "stad", "city"]),
        ("telefoon", ["telefoon", "telefoonnummer", "tel", "telnr", "telefoonnr", "mobiel", "mobielnummer", "phone"]),
        ("email", ["email", "emailadres", "mail", "mailadres", "emailaddress"]),
    ]

    private static let organisation: [(String, Set<String>)] =
        [
            ("naam", ["naam", "organisatie", "organisatienaam", "naamorganisatie", "zorgorganisatie", "name", "organisation"]),
            ("rechtspersoon", ["rechtspersoon", "juridischenaam", "statutairenaam"]),
            ("bestuur", ["bestuur", "raadvanbestuur", "rvb", "directie", "bestuurder"]),
            ("aantal_clienten", ["aantalclienten", "clienten", "aantalclient"]),
            ("regio", ["regio", "provincie"]),
            ("sector", ["sector", "branche"]),
            ("adres", ["adres", "bezoekadres", "straat", "straatenhuisnummer", "address"]),
            ("postcode", ["postcode", "zipcode"]),
        ] + shared.filter { $0.0 == "plaats" }

    private static let participant: [(String, Set<String>)] =
        [
            ("naam", ["naam", "volledigenaam", "naamdeelnemer", "deelnemer", "name"]),
            ("aanhef", ["aanhef", "briefaanhef"]),
            ("functie", ["functie", "functietitel", "rol", "functienaam"]),
            ("organisatie", ["organisatie", "organisatienaam", "werkgever", "zorgorganisatie", "organisation"]),
            ("brengt", ["brengt", "komtbrengen"]),
            ("haalt", ["haalt", "komthalen"]),
        ] + shared.filter { $0.0 != "plaats" }
}
