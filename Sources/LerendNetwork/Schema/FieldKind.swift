public import LerendExpressions

/// The kind of value a key of the network file holds.
public indirect enum FieldKind: Sendable {
    case text
    /// An e-mail address (`naam@organisatie.nl`); one that cannot be sent to is a warning.
    case emailAddress
    /// A whole number within bounds that make sense for the key: a duration is never
    /// more than a day, a count never more than a network can hold.
    case integer(ClosedRange<Int>)
    case date
    case time
    case boolean
    /// One of a few words, such as `fysiek`, `online` or `hybride`.
    case choice([String])
    /// The name of an organisation of the network.
    case organisationName
    /// The name of a participant of the network.
    case participantName
    case list(FieldKind)
    case object(EntitySchema)

    /// How the kind is called in messages: "een datum (JJJJ-MM-DD)".
    public var description: String {
        switch self {
        case .text: "een tekst"
        case .emailAddress: "een e-mailadres (naam@organisatie.nl)"
        case .integer(let range):
            "een geheel getal van \(DutchFormatting.number(Double(range.lowerBound), decimals: 0)) tot en met \(DutchFormatting.number(Double(range.upperBound), decimals: 0))"
        case .date: "een datum (JJJJ-MM-DD, bijvoorbeeld 2026-03-10)"
        case .time: "een tijd (UU:MM, bijvoorbeeld 13:30)"
        case .boolean: "ja of nee (true of false)"
        case .choice(let words): "een van: " + words.joined(separator: ", ")
        case .organisationName: "de naam van een organisatie uit 'organisaties'"
        case .participantName: "de naam van een deelnemer uit 'deelnemers'"
        case .list(let element): "een lijst van \(element.pluralDescription)"
        case .object: "een object met sleutels"
        }
    }

    var pluralDescription: String {
        switch self {
        case .text, .organisationName, .participantName, .choice: "teksten"
        case .emailAddress: "e-mailadressen"
        case .integer: "getallen"
        case .date: "datums"
        case .time: "tijden"
        case .boolean: "ja/nee-waarden"
        case .list: "lijsten"
        case .object: "objecten"
        }
    }

    /// Whether `""` is a value of this kind (a text), rather than "not filled in".
    var allowsEmptyText: Bool {
        if case .text = self { return true }
        return false
    }

    /// The shape rules and templates may read.
    public var shape: Shape {
        switch self {
        case .list(let element): .list(element.shape)
        case .object(let entity): entity.shape
        default: .scalar
        }
    }
}
