import Foundation
import LerendData
import LerendExpressions
import LerendNetwork

/// A form made from a part of the network schema: a field per key with the input its
/// kind needs (a date picker for a date, a list of the organisations for an
/// organisation), the current value from the file, the schema's description as help and
/// a message next to a field that was refused.
///
/// Field names are the dotted paths of the file (`netwerk.contactpersoon.naam`,
/// `deelnemers.3.email`), so a submitted form says exactly what changes.
struct SchemaForm {
    /// Keys that the form leaves to the file: lists of objects and the templates.
    static let skipped: Set<String> = ["sjablonen", "agenda", "niet_in", "plugin", "toetsen_aan", "logo"]
    /// Text keys that get a larger box.
    static let longTexts: Set<String> = ["doel", "wie_uitnodigen", "brengt", "haalt", "toelichting"]

    let schema: EntitySchema
    /// The path of the entity in the file: `netwerk`, `organisaties.2`; for a new item,
    /// the path it will get.
    let path: String
    /// The entity as it is in the file, or nil for a new one.
    let node: DataNode?
    /// The network the names of organisations and participants come from; nil for a new one.
    let network: Network?
    /// What the user typed, shown again after a refusal.
    var submitted: FormData?
    /// Messages by field path.
    var messages: [String: [String]] = [:]

    /// The fields, nested fieldsets included, as the template `formulier` shows them.
    func fields() -> [[String: Any]] { fields(of: schema, at: path, node: node) }

    private func fields(of schema: EntitySchema, at base: String, node: DataNode?) -> [[String: Any]] {
        schema.fields.compactMap { field -> [String: Any]? in
            guard !Self.skipped.contains(field.name) else { return nil }
            let path = base + "." + field.name
            let current = node?[field.name]
            if case .object(let inner) = field.kind {
                return [
                    "groep": true, "sleutel": field.name, "legenda": field.summary.capitalizedFirst,
                    "velden": fields(of: inner, at: path, node: current),
                ]
            }
            if case .list(.object) = field.kind { return nil }
            return input(field, path: path, current: current)
        }
    }

    private func input(_ field: EntitySchema.Field, path: String, current: DataNode?) -> [String: Any] {
        let value = submitted?[path] ?? Self.text(of: current, kind: field.kind)
        var view: [String: Any] = [
            "naam": path, "id": "veld-" + String(path.map { $0.isLetter || $0.isNumber ? $0 : "-" }), "label": Self.label(field.name),
            "uitleg": field.summary, "waarde": value, "verplicht": field.isRequired,
        ]
        if let messages = messages[path], !messages.isEmpty {
            view["fouten"] = messages
            view["fout"] = true
        }
        switch field.kind {
        case .text: view[Self.longTexts.contains(field.name) || value.contains("\n") ? "tekstvak" : "tekst"] = true
        case .emailAddress: view["email"] = true
        case .integer(let range):
            view["getal"] = true
            view["min"] = range.lowerBound
            view["max"] = range.upperBound
        case .date: view["datum"] = true
        case .time: view["tijd"] = true
        case .boolean: view["keuzes"] = Self.options(["ja", "nee"], selected: value, labels: ["ja": "ja", "nee": "nee"])
        case .choice(let words): view["keuzes"] = Self.options(words, selected: value)
        case .organisationName: view["keuzes"] = Self.options(network?.organisations.map(\.name) ?? [], selected: value)
        case .participantName: view["keuzes"] = Self.options(network?.participants.map(\.name) ?? [], selected: value)
        case .list:
            view["lijst"] = true
            view["uitleg"] = field.summary + " (één per regel)"
        case .object: break
        }
        return view
    }

    static func options(_ values: [String], selected: String, labels: [String: String] = [:]) -> [[String: Any]] {
        [["waarde": "", "naam": "(niet ingevuld)", "gekozen": selected.isEmpty]]
            + values.map { ["waarde": $0, "naam": labels[$0] ?? $0, "gekozen": $0 == selected] }
    }

    /// The value of a node as a form shows it: dates as JJJJ-MM-DD, booleans as ja/nee,
    /// lists one item per line.
    static func text(of node: DataNode?, kind: FieldKind) -> String {
        guard let node else { return "" }
        switch node {
        case .scalar(let scalar):
            if case .boolean = kind {
                switch scalar.resolved {
                case .bool(true): return "ja"
                case .bool(false): return "nee"
                default: return scalar.text
                }
            }
            return scalar.text
        case .sequence(let items, _):
            return items.compactMap { if case .scalar(let scalar) = $0 { scalar.text } else { nil } }.joined(separator: "\n")
        case .mapping: return ""
        }
    }

    /// "wie_uitnodigen" → "Wie uitnodigen"; a few keys get their Dutch spelling.
    static func label(_ key: String) -> String {
        let known = [
            "email": "E-mailadres", "themas": "Thema's", "aantal_clienten": "Aantal cliënten",
            "duur_minuten": "Duur (minuten)", "online_link": "Link voor online deelname",
            "bijeenkomsten_per_jaar": "Bijeenkomsten per jaar",
        ]
        return known[key] ?? key.replacingOccurrences(of: "_", with: " ").capitalizedFirst
    }
}
