/// One new item of a list of the network file, such as an organisation or a
/// participant: its keys and texts in the order they are written.
///
/// The value an editor of network files takes; the texts are as the organiser wrote
/// them (trimmed), not yet quoted for YAML.
public struct NetworkEntry: Sendable, Hashable {
    /// One key and its text.
    public struct Field: Sendable, Hashable {
        public let key: String
        public let text: String

        public init(key: String, text: String) {
            self.key = key
            self.text = text
        }
    }

    public var fields: [Field]

    public init(fields: [Field]) { self.fields = fields }

    /// The text of `key`, if the entry has it.
    public subscript(key: String) -> String? { fields.first { $0.key == key }?.text }
}
