import OrderedCollections

extension Value {
    /// This object with `key` set to `value` (an object is made when this is not one).
    public func setting(_ key: String, to value: Value) -> Value {
        guard case .object(var members) = self else { return .object([key: value]) }
        members[key] = value
        return .object(members)
    }
}
