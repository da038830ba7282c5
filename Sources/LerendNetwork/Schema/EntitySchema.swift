public import LerendExpressions

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
}
