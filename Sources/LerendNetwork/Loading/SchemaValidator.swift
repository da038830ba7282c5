import LerendData
import LerendDiagnostics
import LerendExpressions

/// Checks a data file against an ``EntitySchema``, collecting every problem with its
/// place: unknown keys (with did-you-mean), missing keys, values of the wrong kind,
/// dates that do not exist, words that are not one of the choices.
///
/// Names of organisations and participants are collected for ``CrossReferences``, which
/// checks them once the whole file is read.
struct SchemaValidator {
    let file: DataFile
    var problems: [Diagnostic] = []
    /// Every place that names an organisation or a participant.
    var organisationReferences: [DataNode.Scalar] = []
    /// Every e-mail address, for the loader to check (a bad one is a warning, not an error).
    var emailAddresses: [DataNode.Scalar] = []
    var participantReferences: [DataNode.Scalar] = []

    init(file: DataFile) {
        self.file = file
    }

    mutating func validate(_ node: DataNode, as entity: EntitySchema) {
        guard case .mapping(let pairs, _) = node else {
            if node.isEmptyScalar { return }
            problems.append(
                file.diagnostic(
                    id: "N101", "\(entity.name) moet een object met sleutels zijn, maar dit is een \(node.kindName)", at: node,
                    hint: "schrijf 'sleutel: waarde', elk op een eigen regel en ingesprongen"))
            return
        }
        let known = entity.fields.map(\.name)
        for pair in pairs {
            guard let field = entity.field(pair.key.text) else {
                let derived = entity.derived.contains { $0.name == pair.key.text }
                problems.append(
                    file.diagnostic(
                        id: "N102", "onbekende sleutel '\(pair.key.text)' in \(entity.name)", atKey: pair.key,
                        hint: derived
                            ? "'\(pair.key.text)' rekent Lerend zelf uit; haal de regel weg"
                            : Suggestions.hint(for: pair.key.text, in: known) ?? "bekende sleutels: "
                                + known.joined(separator: ", ")))
                continue
            }
            validate(pair.value, as: field.kind, key: pair.key.text)
        }
        for field in entity.fields where field.isRequired {
            let value = pairs.first { $0.key.text == field.name }?.value
            if value == nil || value!.isEmptyScalar {
                problems.append(
                    file.diagnostic(
                        id: "N103", "\(entity.name) mist '\(field.name)' (\(field.summary))", at: value ?? node,
                        hint: "voeg '\(field.name): ...' toe"))
            }
        }
    }

    mutating func validate(_ node: DataNode, as kind: FieldKind, key: String) {
        if node.isEmptyScalar { return }
        switch kind {
        case .object(let entity):
            validate(node, as: entity)
        case .list(let element):
            guard case .sequence(let items, _) = node else {
                wrongKind(node, key: key, expected: kind, hint: "zet elk element op een eigen regel met '- ' ervoor")
                return
            }
            for item in items { validate(item, as: element, key: key) }
        default:
            guard case .scalar(let scalar) = node else {
                wrongKind(node, key: key, expected: kind, hint: nil)
                return
            }
            validate(scalar, node: node, as: kind, key: key)
        }
    }

    private mutating func validate(_ scalar: DataNode.Scalar, node: DataNode, as kind: FieldKind, key: String) {
        let value = scalar.resolved
        // `vorm: ""` counts as not filled in; only a text can be empty.
        if scalar.text.isEmpty, !kind.allowsEmptyText { return }
        switch kind {
        case .text:
            return
        case .emailAddress:
            emailAddresses.append(scalar)
        case .organisationName:
            organisationReferences.append(scalar)
        case .participantName:
            participantReferences.append(scalar)
        case .integer(let range):
            guard case .int(let number) = value else {
                wrongKind(node, key: key, expected: kind, hint: "schrijf alleen cijfers, zonder punt of komma")
                return
            }
            if range.contains(number) { return }
            problems.append(
                file.diagnostic(
                    id: "N107",
                    "'\(key)' is \(scalar.text), maar moet tussen \(DutchFormatting.number(Double(range.lowerBound), decimals: 0)) en "
                        + "\(DutchFormatting.number(Double(range.upperBound), decimals: 0)) liggen",
                    at: node, hint: Self.boundHint(key: key, range: range)))
        case .boolean:
            if FieldKind.yesOrNo(value) != nil { return }
            wrongKind(node, key: key, expected: kind, hint: "schrijf ja of nee (of true of false)")
        case .date:
            if case .date = value { return }
            // A date in quotes ("2026-03-10") is still a date.
            if LocalDate(iso: scalar.text) != nil { return }
            if let problem = Self.impossibleDate(scalar.text) {
                problems.append(
                    file.diagnostic(
                        id: "N105", "'\(scalar.text)' is geen bestaande datum: \(problem)", at: node,
                        hint: "schrijf de datum als JJJJ-MM-DD"))
            } else {
                wrongKind(node, key: key, expected: kind, hint: "schrijf de datum als JJJJ-MM-DD, zonder aanhalingstekens")
            }
        case .time:
            if case .time = value { return }
            if LocalTime(scalar.text) != nil { return }
            wrongKind(node, key: key, expected: kind, hint: "schrijf de tijd als 13:30")
        case .choice(let words):
            if words.contains(scalar.text) { return }
            problems.append(
                file.diagnostic(
                    id: "N106", "'\(scalar.text)' is geen geldige waarde voor '\(key)'", at: node,
                    hint: Suggestions.hint(for: scalar.text, in: words) ?? "kies uit: " + words.joined(separator: ", ")))
        case .list, .object:
            wrongKind(node, key: key, expected: kind, hint: nil)
        }
    }

    private mutating func wrongKind(_ node: DataNode, key: String, expected: FieldKind, hint: String?) {
        problems.append(
            file.diagnostic(
                id: "N104", "'\(key)' moet \(expected.description) zijn, maar dit is \(Self.article(node.kindName))", at: node,
                hint: hint))
    }

    /// What a value out of bounds usually means.
    static func boundHint(key: String, range: ClosedRange<Int>) -> String {
        key == "duur_minuten"
            ? "een duur staat in minuten: 2,5 uur is 150"
            : "controleer het getal; \(DutchFormatting.number(Double(range.upperBound), decimals: 0)) is de grens"
    }

    static func article(_ kindName: String) -> String {
        kindName.hasPrefix("een ") ? kindName : "een \(kindName)"
    }

    /// Why a text shaped like a date (2026-02-30) is not one, or nil when it is not
    /// shaped like a date at all.
    static func impossibleDate(_ text: String) -> String? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
            Int(parts[2]) != nil
        else { return nil }
        guard (1...12).contains(month) else { return "er is geen maand \(month)" }
        let last = (28...31).last { LocalDate(year: year, month: month, day: $0) != nil } ?? 28
        return "\(DutchFormatting.monthNames[month - 1]) \(year) heeft \(last) dagen"
    }
}
