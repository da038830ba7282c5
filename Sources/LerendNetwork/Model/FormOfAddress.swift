import LerendData
import LerendExpressions

/// How a letter addresses its reader: "je" after "Beste ...", "u" after "Geachte ...".
/// The greeting decides, so that a letter never opens with "Geachte heer Janssen," and
/// goes on with "Graag nodig ik je uit".
public enum FormOfAddress: String, Sendable {
    /// je, jouw: after "Beste ...", "Hoi ...", and every greeting that is not "Geachte".
    case informal = "je"
    /// u, uw: after "Geachte ...".
    case formal = "u"

    /// The form that follows `greeting`.
    public init(greeting: String) {
        let words = greeting.split(whereSeparator: \.isWhitespace)
        self = words.first?.lowercased() == "geachte" ? .formal : .informal
    }
}

extension Participant {
    /// The greeting of the participant's letters: `aanhef` from the file, else "Beste" and
    /// the first name.
    public var greeting: String { node.value("aanhef")?.stringValue ?? "Beste \(firstName)" }

    /// The form of address that goes with ``greeting``.
    public var formOfAddress: FormOfAddress { FormOfAddress(greeting: greeting) }
}
