import Foundation
import LerendData
import LerendExpressions
import LerendNetwork

/// The lists of a network file that have a page of their own.
enum EntityList: String, CaseIterable, Sendable {
    case organisations = "organisaties"
    case participants = "deelnemers"
    case meetings = "bijeenkomsten"

    /// The key of the list in the file.
    var key: String { rawValue }

    var schema: EntitySchema {
        switch self {
        case .organisations: NetworkSchema.organisation
        case .participants: NetworkSchema.participant
        case .meetings: NetworkSchema.meeting
        }
    }

    var title: String {
        switch self {
        case .organisations: "Organisaties"
        case .participants: "Deelnemers"
        case .meetings: "Bijeenkomsten"
        }
    }

    var singular: String {
        switch self {
        case .organisations: "organisatie"
        case .participants: "deelnemer"
        case .meetings: "bijeenkomst"
        }
    }

    var addLabel: String { "\(article.capitalizedFirst) \(singular) toevoegen".replacingOccurrences(of: "De ", with: "Een ") }
    var editLabel: String { "\(singular.capitalizedFirst) bewerken" }
    var removeLabel: String { "Deze \(singular) verwijderen" }
    var addedText: String { "De \(singular) is toegevoegd." }
    var removedText: String { "De \(singular) is verwijderd." }
    var emptyText: String { "Nog geen \(title.lowercased())." }
    private var article: String { "een" }

    var headings: [String] {
        switch self {
        case .organisations: ["Naam", "Plaats", "Rechtspersoon", "Bestuur"]
        case .participants: ["Naam", "Organisatie", "Functie", "E-mailadres"]
        case .meetings: ["Datum", "Gastheer", "Thema", "Vorm"]
        }
    }

    /// The columns of every item, as the list page shows them.
    func items(of network: Network) -> [[String]] {
        switch self {
        case .organisations:
            network.organisations.map {
                [$0.name, $0.place ?? "", $0.node.text("rechtspersoon") ?? "", $0.node.text("bestuur") ?? ""]
            }
        case .participants:
            network.participants.map { [$0.name, $0.organisation, $0.node.text("functie") ?? "", $0.email ?? ""] }
        case .meetings:
            network.meetings.map {
                [DutchFormatting.date($0.date, style: "lang"), $0.host ?? "", $0.theme ?? "", $0.form ?? ""]
            }
        }
    }
}
