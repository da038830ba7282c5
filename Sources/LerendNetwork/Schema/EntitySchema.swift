import Foundation
public import LerendExpressions
internal import OrderedCollections

/// The keys of one kind of object in the network file, such as an organisation.
public struct EntitySchema: Sendable {
    /// One key: its name, kind, whether it must be there, and what it means.
    public struct Field: Sendable {
        public let name: String
        public let kind: FieldKind
        public let isRequired: Bool
        /// What the key means, for documentation.
        public let summary: String

        public init(_ name: String, _ kind: FieldKind, required: Bool = false, _ summary: String) {
            self.name = name
            self.kind = kind
            self.isRequired = required
            self.summary = summary
        }
    }

    /// How the object is called in messages: "een organisatie".
    public let name: String
    public let fields: [Field]
    /// Fields that are not in the file but that Lerend adds for rules and templates,
    /// such as a meeting's `eindtijd`.
    public let derived: [Field]

    public init(name: String, fields: [Field], derived: [Field] = []) {
        self.name = name
        self.fields = fields
        self.derived = derived
    }

    public func field(_ name: String) -> Field? { fields.first { $0.name == name } }

    /// The shape of the object for rules: its own fields and the derived ones.
    public var shape: Shape {
        var members: [String: Shape] = [:]
        for field in fields + derived { members[field.name] = field.kind.shape }
        return .object(members)
    }

    /// `value` with what the schema allows in words turned into values, in nested objects
    /// and lists too: `ja` and `nee` (in any case) in a yes/no key become true and false, a
    /// date or time in quotes a date or time.
    public func normalized(_ value: Value) -> Value {
        guard case .object(var members) = value else { return value }
        for field in fields {
            guard let member = members[field.name] else { continue }
            members[field.name] = field.kind.normalized(member)
        }
        return .object(members)
    }
}

extension FieldKind {
    /// `value` as the kind reads it; see ``EntitySchema/normalized(_:)``.
    func normalized(_ value: Value) -> Value {
        switch self {
        case .boolean: Self.yesOrNo(value).map(Value.bool) ?? value
        case .date: value.dateValue.map(Value.date) ?? value
        case .time: value.timeValue.map(Value.time) ?? value
        case .object(let entity): entity.normalized(value)
        case .list(let element):
            if case .list(let items) = value { .list(items.map { element.normalized($0) }) } else { value }
        default: value
        }
    }

    /// `true` for `ja` and `false` for `nee` (any case, spaces around), the flag itself for
    /// true and false; `nil` for anything else.
    static func yesOrNo(_ value: Value) -> Bool? {
        switch value {
        case .bool(let flag): flag
        case .string(let text):
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "ja": true
            case "nee": false
            default: nil
            }
        default: nil
        }
    }
}
