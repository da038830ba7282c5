public import LerendNetwork

/// What a spreadsheet is imported as: organisations or participants of the network.
public enum ImportTarget: String, Sendable, Hashable, CaseIterable {
    case organisations = "organisaties"
    case participants = "deelnemers"

    /// The list of the network file the entries go under.
    public var listKey: String { rawValue }

    /// The keys an entry may have, from ``NetworkSchema``.
    public var schema: EntitySchema {
        switch self {
        case .organisations: NetworkSchema.organisation
        case .participants: NetworkSchema.participant
        }
    }

    /// `organisatie` or `deelnemer`, for messages.
    public var singular: String {
        switch self {
        case .organisations: "organisatie"
        case .participants: "deelnemer"
        }
    }

    /// The target a sheet with this header row is most likely meant for: participants
    /// when a column names an organisation next to a column only people have (an e-mail
    /// address, a function, a phone number, a salutation), else organisations.
    public static func guess(header: [String]) -> ImportTarget {
        let fields = Set(ColumnMapping.suggested(header: header, target: .participants).columns.compactMap(\.field))
        let personal: Set<String> = ["email", "functie", "telefoon", "aanhef", "brengt", "haalt"]
        return fields.contains("organisatie") && !fields.isDisjoint(with: personal) ? .participants : .organisations
    }
}
