package import LerendDiagnostics
import LerendExpressions

/// Reads the keys of one mapping in a data file, collecting located problems: a
/// missing required key, a value of the wrong kind, and (when done) every key nobody
/// asked for, with a did-you-mean.
///
/// ```swift
/// var reader = MappingReader(node, in: file, context: "een fase")
/// let name = reader.text("naam", required: true)
/// let tasks = reader.sequence("taken")
/// reader.finish()          // unknown keys
/// problems += reader.problems
/// ```
package struct MappingReader {
    package let file: DataFile
    package let node: DataNode
    /// What the mapping is, for messages: "een fase", "de regel 'KZ-01'".
    package let context: String
    public private(set) var problems: [Diagnostic] = []
    private var asked: [String] = []

    package init(_ node: DataNode, in file: DataFile, context: String) {
        self.file = file
        self.node = node
        self.context = context
        if case .mapping = node { return }
        problems.append(
            file.diagnostic(
                id: "D210", "\(context) moet een object met sleutels zijn, maar dit is een \(node.kindName)", at: node,
                hint: "schrijf 'sleutel: waarde' op een eigen regel, ingesprongen onder de vorige"))
    }

    /// The node under `key`, or `nil`; a missing required key is reported at the mapping.
    package mutating func value(_ key: String, required: Bool = false) -> DataNode? {
        asked.append(key)
        guard case .mapping = node else { return nil }
        if let value = node[key], !(value.isEmptyScalar && required) { return value }
        if required {
            problems.append(
                file.diagnostic(
                    id: "D211", "\(context) mist de sleutel '\(key)'", at: node.location,
                    hint: "voeg '\(key): ...' toe"))
        }
        return nil
    }

    /// A text under `key`.
    package mutating func text(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key, required: required) else { return nil }
        guard case .scalar(let scalar) = value else {
            problems.append(
                file.diagnostic(
                    id: "D212", "'\(key)' moet een tekst zijn, maar dit is een \(value.kindName)", at: value))
            return nil
        }
        return scalar.text.isEmpty ? nil : scalar.text
    }

    /// A list under `key` (a single value counts as a list of one).
    package mutating func sequence(_ key: String, required: Bool = false) -> [DataNode] {
        guard let value = value(key, required: required) else { return [] }
        switch value {
        case .sequence(let items, _): return items
        case .scalar(let scalar) where scalar.text.isEmpty && !scalar.isQuoted: return []
        case .scalar: return [value]
        case .mapping:
            problems.append(
                file.diagnostic(
                    id: "D213", "'\(key)' moet een lijst zijn, maar dit is een \(value.kindName)", at: value,
                    hint: "zet voor elk element '- ' op een eigen regel"))
            return []
        }
    }

    /// Adds a problem found by the caller.
    package mutating func report(_ diagnostic: Diagnostic) { problems.append(diagnostic) }

    /// Reports every key that was not asked for, with the closest known key as a hint.
    package mutating func finish() {
        guard case .mapping(let pairs, _) = node else { return }
        for pair in pairs where !asked.contains(pair.key.text) {
            problems.append(
                file.diagnostic(
                    id: "D214", "onbekende sleutel '\(pair.key.text)' in \(context)", atKey: pair.key,
                    hint: Suggestions.hint(for: pair.key.text, in: asked) ?? "bekende sleutels: " + asked.joined(separator: ", "))
            )
        }
    }
}

extension DataNode {
    /// An unquoted empty value (`sleutel:` with nothing after it).
    package var isEmptyScalar: Bool {
        if case .scalar(let scalar) = self { return scalar.text.isEmpty && !scalar.isQuoted }
        return false
    }
}
