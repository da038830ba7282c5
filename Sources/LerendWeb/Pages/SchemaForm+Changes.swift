import Foundation
import LerendData
import LerendDiagnostics
import LerendExpressions
import LerendMail
import LerendNetwork

extension SchemaForm {
    /// One input of the form: its path, its field and the value in the file.
    struct Input {
        let path: String
        let field: EntitySchema.Field
        let current: DataNode?
    }

    /// Every input, nested ones included, in the order of the form.
    func inputs() -> [Input] { inputs(of: schema, at: path, node: node) }

    private func inputs(of schema: EntitySchema, at base: String, node: DataNode?) -> [Input] {
        schema.fields.flatMap { field -> [Input] in
            guard !Self.skipped.contains(field.name) else { return [] }
            let path = base + "." + field.name
            if case .object(let inner) = field.kind { return inputs(of: inner, at: path, node: node?[field.name]) }
            if case .list(.object) = field.kind { return [] }
            return [Input(path: path, field: field, current: node?[field.name])]
        }
    }

    /// The edits that make the file hold what was submitted: a changed value is set, an
    /// emptied one removed, a list set line by line. Untouched fields are not edited.
    func changes() -> [NetworkEdit] {
        guard let submitted else { return [] }
        return inputs().compactMap { input -> NetworkEdit? in
            guard let typed = submitted[input.path], let path = NetworkPath(input.path) else { return nil }
            let value = Self.cleaned(typed, kind: input.field.kind)
            let current = Self.text(of: input.current, kind: input.field.kind)
            guard value != current else { return nil }
            if value.isEmpty { return input.current == nil ? nil : .remove(path) }
            if case .list = input.field.kind { return .setList(path, Self.lines(value)) }
            return .set(path, value)
        }
    }

    /// A new list item from what was submitted: every filled field, nested objects as
    /// entries of their own.
    func newEntry() -> NetworkEntry { entry(of: schema, at: path) }

    private func entry(of schema: EntitySchema, at base: String) -> NetworkEntry {
        var pairs: [(key: String, value: NetworkEntry.Value)] = []
        for field in schema.fields where !Self.skipped.contains(field.name) {
            let path = base + "." + field.name
            switch field.kind {
            case .object(let inner):
                let nested = entry(of: inner, at: path)
                if !nested.pairs.isEmpty { pairs.append((field.name, .entry(nested))) }
            case .list(.object): continue
            case .list:
                let lines = Self.lines(submitted?[path] ?? "")
                if !lines.isEmpty { pairs.append((field.name, .list(lines))) }
            default:
                let value = Self.cleaned(submitted?[path] ?? "", kind: field.kind)
                if !value.isEmpty { pairs.append((field.name, .text(value))) }
            }
        }
        return NetworkEntry(pairs)
    }

    /// What is wrong with a submitted field by its kind, before the file is touched: the
    /// loader's own words ("geen datum (JJJJ-MM-DD)").
    func fieldProblems() -> [String: [String]] {
        guard let submitted else { return [:] }
        var problems: [String: [String]] = [:]
        for input in inputs() {
            let value = Self.cleaned(submitted[input.path] ?? "", kind: input.field.kind)
            if value.isEmpty {
                if input.field.isRequired, submitted[input.path] != nil {
                    problems[input.path, default: []].append("\(Self.label(input.field.name)) is verplicht")
                }
                continue
            }
            if let problem = Self.problem(value, kind: input.field.kind) { problems[input.path, default: []].append(problem) }
        }
        return problems
    }

    static func problem(_ value: String, kind: FieldKind) -> String? {
        switch kind {
        case .date: return LocalDate(iso: value) == nil ? "'\(value)' is geen datum; kies een datum (JJJJ-MM-DD)" : nil
        case .time: return LocalTime(value) == nil ? "'\(value)' is geen tijd; schrijf UU:MM, zoals 13:30" : nil
        case .integer(let range):
            guard let number = Int(value) else { return "'\(value)' is geen heel getal" }
            return range.contains(number) ? nil : "\(number) ligt niet tussen \(range.lowerBound) en \(range.upperBound)"
        case .choice(let words): return words.contains(value) ? nil : "kies een van: \(words.joined(separator: ", "))"
        case .emailAddress:
            return MailAddress.isValid(value) ? nil : "'\(value)' is geen e-mailadres waar een mail heen kan"
        default: return nil
        }
    }

    /// Messages of a refused change placed at the fields they are about (by the path in
    /// the message's place), the others stay at the top of the form.
    func messages(for diagnostics: [Diagnostic]) -> [String: [String]] {
        var messages = fieldProblems()
        let paths = Set(inputs().map(\.path))
        for diagnostic in diagnostics {
            if let detail = diagnostic.location?.detail, paths.contains(detail) {
                messages[detail, default: []].append(diagnostic.message)
            }
        }
        return messages
    }

    /// The text as the file gets it: trimmed, a time as UU:MM, lines trimmed.
    static func cleaned(_ text: String, kind: FieldKind) -> String {
        let trimmed = text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if case .list = kind { return lines(trimmed).joined(separator: "\n") }
        if case .time = kind, trimmed.count == 8, trimmed.hasSuffix(":00") { return String(trimmed.prefix(5)) }
        return trimmed
    }

    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
