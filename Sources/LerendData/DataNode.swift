public import LerendDiagnostics
public import LerendExpressions
import OrderedCollections

/// A node of a YAML or JSON data file, with the place it was written.
///
/// Keeping the place of every node lets loaders point at the exact key or value that is
/// wrong, the way a compiler does.
public indirect enum DataNode: Sendable {
    case scalar(Scalar)
    case mapping([(key: Scalar, value: DataNode)], SourceLocation)
    case sequence([DataNode], SourceLocation)

    /// A single value: a text, number, date, ... as it was written.
    public struct Scalar: Sendable, Hashable {
        /// The text as written (without quotes).
        public var text: String
        /// Whether the text was quoted: a quoted `"12"` stays a text.
        public var isQuoted: Bool
        public var location: SourceLocation

        public init(text: String, isQuoted: Bool, location: SourceLocation) {
            self.text = text
            self.isQuoted = isQuoted
            self.location = location
        }
    }

    public var location: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.location
        case .mapping(_, let location), .sequence(_, let location): location
        }
    }

    /// The Dutch name of the kind of node, for messages.
    public var kindName: String {
        switch self {
        case .scalar(let scalar): scalar.resolved.kindName
        case .mapping: "object (sleutels met waarden)"
        case .sequence: "lijst"
        }
    }

    /// The member `key` of a mapping.
    public subscript(key: String) -> DataNode? {
        guard case .mapping(let pairs, _) = self else { return nil }
        return pairs.first { $0.key.text == key }?.value
    }

    /// The node as a value for templates and rules.
    public var value: Value {
        switch self {
        case .scalar(let scalar):
            return scalar.resolved
        case .sequence(let items, _):
            return .list(items.map(\.value))
        case .mapping(let pairs, _):
            var members: [(String, Value)] = []
            members.reserveCapacity(pairs.count)
            for pair in pairs { members.append((pair.key.text, pair.value.value)) }
            return Value.objectFromPairs(members)
        }
    }
}

extension Value {
    /// An object from pairs in order; a later duplicate key replaces an earlier one.
    static func objectFromPairs(_ pairs: [(String, Value)]) -> Value {
        var members = OrderedDictionary<String, Value>(minimumCapacity: pairs.count)
        for (key, value) in pairs { members[key] = value }
        return .object(members)
    }
}

extension DataNode.Scalar {
    /// The value of the scalar, read the way a person writing the file means it.
    ///
    /// Quoted text stays text. Unquoted: empty, `~` and `null` are empty; `true`/`false`
    /// are yes/no; whole numbers without a leading zero or `+` are integers (so the phone
    /// numbers `0612345678` and `+31612345678` stay text); `2.5` is a decimal; `2024-03-14` is a date; `13:30` is a
    /// time (not YAML 1.1's sexagesimal 810); anything else is text.
    public var resolved: Value {
        if isQuoted { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        // A leading '+' keeps the text: `+31612345678` is a phone number, not 31612345678.
        if text.first == "+" { return .string(text) }
        let body = text.first == "-" ? text.dropFirst() : Substring(text)
        if !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) {
            if body.count > 1, body.first == "0" { return .string(text) }
            if let number = Int(text) { return .int(number) }
            return .string(text)
        }
        if let dot = body.firstIndex(of: "."), body.filter({ $0 == "." }).count == 1,
            body[..<dot].allSatisfy({ $0.isASCII && $0.isNumber }),
            !body[body.index(after: dot)...].isEmpty,
            body[body.index(after: dot)...].allSatisfy({ $0.isASCII && $0.isNumber }),
            let number = Double(text)
        {
            return .double(number)
        }
        if text.count == 10, let date = LocalDate(iso: text) { return .date(date) }
        if text.count <= 5, text.contains(":"), let time = LocalTime(text) { return .time(time) }
        return .string(text)
    }
}

extension DataNode {
    /// The node at a dotted path such as `netwerk.deelnemers` or `bijeenkomsten.0`,
    /// or the deepest node reached and the step that was not found.
    public func descendant(atPath path: String) -> (node: DataNode, missingStep: String?) {
        var node = self
        for step in path.split(separator: ".").map(String.init) {
            switch node {
            case .mapping:
                guard let next = node[step] else { return (node, step) }
                node = next
            case .sequence(let items, _):
                guard let index = Int(step), items.indices.contains(index) else { return (node, step) }
                node = items[index]
            case .scalar:
                return (node, step)
            }
        }
        return (node, nil)
    }

    /// The keys of a mapping, for suggestions.
    public var keys: [String] {
        guard case .mapping(let pairs, _) = self else { return [] }
        return pairs.map(\.key.text)
    }
}
