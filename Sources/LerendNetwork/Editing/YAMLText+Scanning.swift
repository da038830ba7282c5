import LerendData

/// Where a node of the file stands in its text, with what an edit needs to know around it.
struct YAMLPlace {
    var node: DataNode
    /// The offset of the node's first character (for an empty value: just after `:` or `-`).
    var start: Int
    /// The offset just after the node's last character; a trailing comment is not part of it.
    var end: Int
    /// Whether the node stands inside a collection written with `[ ]` or `{ }`.
    var inFlow: Bool
    /// The column of the key or `-` that holds the node; -1 for the whole file.
    var parentIndent: Int
    /// The key, when the node is the value of a key.
    var key: KeySpan?
    /// The offset of the `-` of a block list element.
    var dash: Int?

    /// A key of a mapping: where it starts and ends, and just after its `:`.
    struct KeySpan {
        var start: Int
        var end: Int
        var colonEnd: Int
    }

    /// Whether the node is an empty value (`naam:` with nothing after it).
    var isEmptyValue: Bool {
        if case .scalar(let scalar) = node { return scalar.text.isEmpty && !scalar.isQuoted && start == end }
        return false
    }
}

/// Finding where nodes end: the loader gives only where they start.
extension YAMLText {
    /// The place of the whole file.
    func rootPlace(_ root: DataNode) -> YAMLPlace? {
        guard let start = offset(root.location) else { return nil }
        var place = YAMLPlace(node: root, start: start, end: start, inFlow: false, parentIndent: -1)
        guard let end = end(of: place) else { return nil }
        place.end = end
        if case .mapping(let pairs, _) = root, pairs.isEmpty, !isFlowStart(start) { place.end = start }
        return place
    }

    func isFlowStart(_ offset: Int) -> Bool { self[offset] == "[" || self[offset] == "{" }

    /// The places of the pairs of a mapping: each key and its value.
    func pairs(of place: YAMLPlace) -> [(key: String, place: YAMLPlace)]? {
        guard case .mapping(let pairs, _) = place.node else { return nil }
        var result: [(key: String, place: YAMLPlace)] = []
        result.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let value = self.place(of: pair, in: place) else { return nil }
            result.append((pair.key.text, value))
        }
        return result
    }

    /// The place of the value of one pair of the mapping at `place`, with its key.
    private func place(of pair: (key: DataNode.Scalar, value: DataNode), in place: YAMLPlace) -> YAMLPlace? {
        let flow = place.inFlow || isFlowStart(place.start)
        guard let keyStart = offset(pair.key.location) else { return nil }
        let keyEnd = scalarEnd(from: keyStart, flow: flow, parentIndent: -1, isKey: true)
        let colon = skipSpaces(from: keyEnd)
        guard self[colon] == ":" else { return nil }
        let keySpan = YAMLPlace.KeySpan(start: keyStart, end: keyEnd, colonEnd: colon + 1)
        guard let valueStart = offset(pair.value.location) else { return nil }
        var value = YAMLPlace(
            node: pair.value, start: max(valueStart, colon + 1), end: valueStart, inFlow: flow,
            parentIndent: flow ? place.parentIndent : column(of: keyStart), key: keySpan)
        guard let end = end(of: value) else { return nil }
        value.end = end
        return value
    }

    /// The places of the elements of a list.
    func items(of place: YAMLPlace) -> [YAMLPlace]? {
        guard case .sequence(let items, _) = place.node else { return nil }
        var result: [YAMLPlace] = []
        result.reserveCapacity(items.count)
        for item in items {
            guard let value = self.place(ofItem: item, in: place) else { return nil }
            result.append(value)
        }
        return result
    }

    /// The place of one element of the list at `place`, with its `-`.
    private func place(ofItem item: DataNode, in place: YAMLPlace) -> YAMLPlace? {
        let flow = place.inFlow || isFlowStart(place.start)
        guard let start = offset(item.location) else { return nil }
        var dash: Int?
        if !flow {
            // The `-` stands before the element, on its line or an earlier one.
            var index = start - 1
            while index >= 0, let scalar = self[index], scalar == " " || scalar == "\n" || scalar == "\r" {
                index -= 1
            }
            guard index >= 0, self[index] == "-" else { return nil }
            dash = index
        }
        var value = YAMLPlace(
            node: item, start: start, end: start, inFlow: flow,
            parentIndent: dash.map { column(of: $0) } ?? place.parentIndent, dash: dash)
        guard let end = end(of: value) else { return nil }
        value.end = end
        return value
    }

    /// The offset just after the node's last character: only the last child of each
    /// collection is looked at.
    func end(of place: YAMLPlace) -> Int? {
        switch place.node {
        case .scalar(let scalar):
            // An empty value (`naam:`) starts and ends just after its `:` or `-`.
            if scalar.text.isEmpty, !scalar.isQuoted { return place.start }
            return scalarEnd(from: place.start, flow: place.inFlow, parentIndent: place.parentIndent, isKey: false)
        case .mapping(let pairs, _):
            let last: Int?
            if let pair = pairs.last {
                guard let value = self.place(of: pair, in: place) else { return nil }
                last = value.end
            } else {
                last = nil
            }
            if isFlowStart(place.start) { return flowEnd(after: last ?? place.start + 1) }
            return last ?? place.start
        case .sequence(let items, _):
            let last: Int?
            if let item = items.last {
                guard let value = self.place(ofItem: item, in: place) else { return nil }
                last = value.end
            } else {
                last = nil
            }
            if isFlowStart(place.start) { return flowEnd(after: last ?? place.start + 1) }
            return last ?? place.start
        }
    }

    /// Just after the `]` or `}` that closes a collection whose last element ends at
    /// `offset` (a comma after the last element is allowed).
    private func flowEnd(after offset: Int) -> Int? {
        var index = skipTrivia(from: offset)
        if self[index] == "," { index = skipTrivia(from: index + 1) }
        guard self[index] == "]" || self[index] == "}" else { return nil }
        return index + 1
    }

    /// The end of the scalar that starts at `start`.
    func scalarEnd(from start: Int, flow: Bool, parentIndent: Int, isKey: Bool) -> Int {
        switch self[start] {
        case "\"":
            var index = start + 1
            while index < count {
                if self[index] == "\\" {
                    index += 2
                    continue
                }
                if self[index] == "\"" { return index + 1 }
                index += 1
            }
            return count
        case "'":
            var index = start + 1
            while index < count {
                if self[index] == "'" {
                    if self[index + 1] == "'" {
                        index += 2
                        continue
                    }
                    return index + 1
                }
                index += 1
            }
            return count
        case "|",
            ">" where !isKey:
            return blockScalarEnd(from: start, parentIndent: parentIndent)
        default:
            return plainEnd(from: start, flow: flow, parentIndent: parentIndent, isKey: isKey)
        }
    }

    private func blockScalarEnd(from start: Int, parentIndent: Int) -> Int {
        var line = line(of: start)
        // The header (`|-`, `>2`) ends before a comment.
        var end = start + 1
        while end < lineContentEnd(line), let scalar = self[end], scalar != " ", scalar != "#" { end += 1 }
        var next = line + 1
        while next < lineCount {
            if isBlank(next) {
                next += 1
                continue
            }
            guard indentation(ofLine: next) > parentIndent else { break }
            line = next
            end = lineContentEnd(line)
            next += 1
        }
        return end
    }

    private func plainEnd(from start: Int, flow: Bool, parentIndent: Int, isKey: Bool) -> Int {
        var (end, stoppedByComment) = plainLineEnd(from: start, flow: flow, isKey: isKey)
        if flow || isKey || stoppedByComment || end < lineContentEnd(line(of: start)) { return end }
        // A plain text may go on on lines indented deeper than its key.
        var next = line(of: start) + 1
        while next < lineCount {
            if isBlank(next) {
                next += 1
                continue
            }
            let indent = indentation(ofLine: next)
            guard indent > parentIndent, self[lineStart(next) + indent] != "#" else { break }
            (end, stoppedByComment) = plainLineEnd(from: lineStart(next) + indent, flow: false, isKey: false)
            if stoppedByComment { break }
            next += 1
        }
        return end
    }

    /// Where a plain scalar ends on its line, and whether a comment ended it.
    private func plainLineEnd(from start: Int, flow: Bool, isKey: Bool) -> (Int, Bool) {
        let lineEnd = lineContentEnd(line(of: start))
        var index = start
        var comment = false
        while index < lineEnd {
            let scalar = self[index]!
            if scalar == "#", index > start, self[index - 1] == " " || self[index - 1] == "\t" {
                comment = true
                break
            }
            if scalar == ":" {
                let next = index + 1 < lineEnd ? self[index + 1]! : " "
                if next == " " || next == "\t" || (flow && ",[]{}".unicodeScalars.contains(next)) {
                    if isKey || flow { break }
                }
            }
            if flow, ",[]{}".unicodeScalars.contains(scalar) { break }
            index += 1
        }
        while index > start, self[index - 1] == " " || self[index - 1] == "\t" { index -= 1 }
        return (index, comment)
    }
}
