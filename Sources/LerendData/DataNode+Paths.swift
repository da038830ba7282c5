public import LerendExpressions

/// Reading values at dotted paths, for loaders.
extension DataNode {
    /// The value at a dotted path, or nil when a step is not there.
    public func value(_ path: String) -> Value? {
        let (node, missing) = descendant(atPath: path)
        // Not `missing == nil ? node.value : nil`: Value takes the nil literal, so that
        // would be `.null` wrapped in an optional instead of no value.
        guard missing == nil else { return nil }
        return node.value
    }

    /// The text (or whole number, as text) at a dotted path; nil when absent or empty.
    public func text(_ path: String) -> String? {
        guard case .string(let text)? = value(path), !text.isEmpty else {
            if case .int(let number)? = value(path) { return String(number) }
            return nil
        }
        return text
    }

    /// The whole number at a dotted path.
    public func integer(_ path: String) -> Int? {
        if case .int(let number)? = value(path) { return number }
        return nil
    }

    /// The texts of the list at a dotted path.
    public func texts(_ path: String) -> [String] {
        guard case .list(let items)? = value(path) else { return [] }
        return items.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }
}
