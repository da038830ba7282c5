import Foundation
import LerendDiagnostics
import LerendDocuments
import LerendExpressions
import LerendMail
import LerendNetwork

/// Checks the rows of an import one by one, as the network loader would check the
/// entries: required keys, kinds, e-mail addresses, organisations that exist, and names
/// that are already in the network or in an earlier row.
struct RowChecker {
    let target: ImportTarget
    let fileName: String
    let fields: [EntitySchema.Field]
    let mapping: ColumnMapping
    let network: Network
    let organisations: [String]
    private var earlierRows: [String: Int] = [:]
    private let existing: Set<String>
    private let knownOrganisations: [String: String]

    init(
        target: ImportTarget, fileName: String, fields: [EntitySchema.Field], mapping: ColumnMapping, network: Network,
        alsoAdded: [String]
    ) {
        self.target = target
        self.fileName = fileName
        self.fields = fields
        self.mapping = mapping
        self.network = network
        organisations = network.organisations.map(\.name) + alsoAdded
        existing = Set(
            (target == .organisations ? network.organisations.map(\.name) : network.participants.map(\.name)).map {
                $0.lowercased()
            })
        var known: [String: String] = [:]
        for name in organisations { known[name.lowercased()] = known[name.lowercased()] ?? name }
        knownOrganisations = known
    }

    /// The row as a preview row; `nil` when every used column of it is empty.
    mutating func check(_ row: Spreadsheet.Row) -> ImportPreview.Row? {
        var values: [String] = []
        var problems: [Diagnostic] = []
        var entry: [(String, String)] = []
        for field in fields {
            let column = mapping.column(for: field.name)!
            let value = Self.trimmed(row[column.index])
            let location = Location(file: fileName, row: row.number, column: column)
            var text = value
            if value.isEmpty {
                if field.isRequired {
                    problems.append(
                        Diagnostic(
                            .error, id: "I210",
                            "de \(target.singular) mist '\(field.name)' (kolom \(column.letters), '\(column.header)')",
                            at: location.value, hint: "vul de cel in, of laat de rij weg"))
                }
            } else if let (normalized, problem) = Self.checked(value, field: field, at: location) {
                text = normalized
                if let problem { problems.append(problem) }
            }
            if field.kind.isOrganisationName, !value.isEmpty {
                if let name = knownOrganisations[value.lowercased()] {
                    text = name
                } else {
                    problems.append(
                        Diagnostic(
                            .error, id: "I212", "onbekende organisatie '\(value)'", at: location.value,
                            hint: Suggestions.hint(for: value, in: organisations)
                                ?? (organisations.isEmpty
                                    ? "importeer eerst de organisaties"
                                    : "bekende organisaties: " + organisations.joined(separator: ", "))))
                }
            }
            values.append(text)
            if !text.isEmpty { entry.append((field.name, text)) }
        }
        guard values.contains(where: { !$0.isEmpty }) else { return nil }
        var claimed: String?
        if let nameIndex = fields.firstIndex(where: { $0.name == "naam" }), !values[nameIndex].isEmpty {
            let name = values[nameIndex]
            let column = mapping.column(for: "naam")!
            let location = SourceLocation(file: fileName, detail: "rij \(row.number), kolom \(column.letters)")
            if existing.contains(name.lowercased()) {
                problems.append(
                    Diagnostic(
                        .error, id: "I213", "de \(target.singular) '\(name)' staat al in het netwerkbestand", at: location,
                        hint: "deze rij wordt overgeslagen; wijzig de \(target.singular) in het netwerkbestand zelf"))
            } else if let earlier = earlierRows[name.lowercased()] {
                problems.append(
                    Diagnostic(
                        .error, id: "I214", "de \(target.singular) '\(name)' staat ook in rij \(earlier)", at: location,
                        hint: "alleen rij \(earlier) wordt toegevoegd; voeg de rijen samen of geef ze verschillende namen"))
            } else {
                claimed = name.lowercased()
            }
        }
        // Only a row that is added claims its name: a later row of the same name is then a
        // duplicate, one after a skipped row is not.
        if let claimed, problems.isEmpty { earlierRows[claimed] = row.number }
        return ImportPreview.Row(
            number: row.number, values: values, entry: problems.isEmpty ? NetworkEntry(texts: entry) : nil,
            problems: problems)
    }

    /// Where a problem of a cell is, made only when there is one.
    struct Location {
        let file: String
        let row: Int
        let column: ColumnMapping.Column

        var value: SourceLocation { SourceLocation(file: file, detail: "rij \(row), kolom \(column.letters)") }
    }

    /// `text` without white space around it; most cells have none.
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `value` as the key's kind reads it, and a problem when it is not of that kind.
    static func checked(_ value: String, field: EntitySchema.Field, at location: Location) -> (String, Diagnostic?)? {
        func wrong(_ expected: String) -> (String, Diagnostic?) {
            (
                value,
                Diagnostic(
                    .error, id: "I215", "'\(value)' is geen geldige waarde voor '\(field.name)': dat moet \(expected) zijn",
                    at: location.value, hint: "verbeter de cel, of laat de kolom weg")
            )
        }
        switch field.kind {
        case .emailAddress:
            guard MailAddress.isValid(value) else {
                return (
                    value,
                    Diagnostic(
                        .error, id: "I211", "'\(value)' is geen geldig e-mailadres", at: location.value,
                        hint: "schrijf het als naam@organisatie.nl, of laat de cel leeg")
                )
            }
            return (value, nil)
        case .integer(let range):
            let digits = value.replacing(".", with: "")
            guard let number = Int(digits), range.contains(number) else { return wrong(field.kind.description) }
            return (String(number), nil)
        case .boolean:
            switch value.lowercased() {
            case "ja", "true", "waar", "1": return ("ja", nil)
            case "nee", "false", "onwaar", "0": return ("nee", nil)
            default: return wrong(field.kind.description)
            }
        case .date:
            return LocalDate(iso: value) == nil ? wrong(field.kind.description) : (value, nil)
        case .choice(let words):
            return words.contains(value.lowercased()) ? (value.lowercased(), nil) : wrong(field.kind.description)
        default:
            return nil
        }
    }
}

extension FieldKind {
    var isOrganisationName: Bool {
        if case .organisationName = self { return true }
        return false
    }
}
