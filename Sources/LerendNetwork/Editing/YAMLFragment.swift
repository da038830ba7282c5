import LerendData

/// A value Lerend writes into the file: a scalar, a mapping, a list of scalars on one
/// line, or a list of entries one under the other.
indirect enum YAMLFragment {
    /// `asText`: the key holds a text, so a text that YAML would read as something else
    /// is quoted.
    case scalar(String, asText: Bool)
    case mapping([(key: String, value: YAMLFragment)])
    case flowList([YAMLFragment])
    case blockList([YAMLFragment], comment: String?)

    /// The fragment of an entry, with the kinds of its keys taken from `kind`.
    static func entry(_ entry: NetworkEntry, kind: FieldKind?) -> YAMLFragment {
        .mapping(entry.pairs.map { (key: $0.key, value: value($0.value, kind: kind?.member($0.key))) })
    }

    static func value(_ value: NetworkEntry.Value, kind: FieldKind?) -> YAMLFragment {
        switch value {
        case .text(let text): .scalar(text, asText: kind?.holdsText ?? true)
        case .list(let texts): list(texts, kind: kind)
        case .entry(let nested): entry(nested, kind: kind)
        }
    }

    static func list(_ texts: [String], kind: FieldKind?) -> YAMLFragment {
        let element = kind?.element
        return .flowList(texts.map { .scalar($0, asText: element?.holdsText ?? true) })
    }
}

/// How the file is indented, so that new lines look like the old ones.
struct YAMLLayout {
    /// The spaces one level deeper indents (2 or 4).
    var unit = 2
    /// How much deeper than its key the `-` of a list stands: 0 or `unit`.
    var sequenceOffset = 2

    init(text: YAMLText, root: YAMLPlace) {
        for line in 0..<text.lineCount where !text.isBlankOrComment(line) {
            let indent = text.indentation(ofLine: line)
            if indent > 0 {
                unit = min(indent, 8)
                break
            }
        }
        // The way most lists of the file are written; indented when there are none.
        var counts: [Int: Int] = [:]
        Self.countSequenceOffsets(in: root, text: text, into: &counts)
        let indented = counts.filter { $0.key > 0 }.values.reduce(0, +)
        sequenceOffset = (counts[0] ?? 0) > indented ? 0 : (counts.filter { $0.key > 0 }.max { $0.value < $1.value }?.key ?? unit)
    }

    private static func countSequenceOffsets(in place: YAMLPlace, text: YAMLText, into counts: inout [Int: Int]) {
        guard case .mapping = place.node, !text.isFlowStart(place.start), let pairs = text.pairs(of: place) else { return }
        for pair in pairs {
            if case .sequence = pair.place.node, let key = pair.place.key, let first = text.items(of: pair.place)?.first,
                let dash = first.dash
            {
                counts[max(0, text.column(of: dash) - text.column(of: key.start)), default: 0] += 1
            } else {
                countSequenceOffsets(in: pair.place, text: text, into: &counts)
            }
        }
    }
}

/// Writing fragments as YAML text.
struct YAMLFragmentWriter {
    let layout: YAMLLayout

    /// The text after `key:` for a key at column `keyColumn`: it starts with a space or
    /// a line break.
    func afterKey(_ fragment: YAMLFragment, keyColumn: Int, inFlow: Bool) -> String {
        switch fragment {
        case .scalar(let text, let asText):
            return YAMLScalarWriter.value(
                text, indent: keyColumn + layout.unit, inFlow: inFlow, asText: asText, preferred: .plain)
        case .mapping(let pairs):
            if inFlow || pairs.isEmpty { return " " + flow(fragment) }
            let column = keyColumn + layout.unit
            return pairs.map { "\n" + pad(column) + $0.key + ":" + afterKey($0.value, keyColumn: column, inFlow: false) }
                .joined()
        case .flowList:
            return " " + flow(fragment)
        case .blockList(let items, let comment):
            if inFlow || items.isEmpty { return " " + flow(.flowList(items)) }
            return "\n" + self.items(items, dashColumn: keyColumn + layout.sequenceOffset, comment: comment, asFlow: false)
        }
    }

    /// List elements one under the other, the first without a line break before it.
    func items(_ items: [YAMLFragment], dashColumn: Int, comment: String?, asFlow: Bool) -> String {
        var lines: [String] = []
        if let comment { lines.append(pad(dashColumn) + "# " + comment) }
        for item in items { lines.append(pad(dashColumn) + "-" + afterDash(item, dashColumn: dashColumn, asFlow: asFlow)) }
        return lines.joined(separator: "\n")
    }

    /// The text after the `-` of a list element.
    func afterDash(_ item: YAMLFragment, dashColumn: Int, asFlow: Bool) -> String {
        let column = dashColumn + 2
        switch item {
        case .mapping(let pairs) where !asFlow && !pairs.isEmpty:
            return " "
                + pairs.enumerated().map { index, pair in
                    (index == 0 ? "" : "\n" + pad(column)) + pair.key + ":"
                        + afterKey(pair.value, keyColumn: column, inFlow: false)
                }.joined()
        case .scalar(let text, let asText):
            return YAMLScalarWriter.value(text, indent: column, inFlow: false, asText: asText, preferred: .plain)
        default:
            return " " + flow(item)
        }
    }

    /// A fragment on one line, as inside `[ ]` or `{ }`.
    func flow(_ fragment: YAMLFragment) -> String {
        switch fragment {
        case .scalar(let text, let asText): YAMLScalarWriter.inline(text, inFlow: true, asText: asText)
        case .mapping(let pairs): "{" + pairs.map { $0.key + ": " + flow($0.value) }.joined(separator: ", ") + "}"
        case .flowList(let items), .blockList(let items, _): "[" + items.map(flow).joined(separator: ", ") + "]"
        }
    }

    func pad(_ count: Int) -> String { String(repeating: " ", count: max(0, count)) }
}

extension FieldKind {
    /// The kind of the key `name` of an object kind.
    func member(_ name: String) -> FieldKind? {
        switch self {
        case .object(let entity): entity.field(name)?.kind
        case .list(let element): element.member(name)
        default: nil
        }
    }

    /// The kind of the elements of a list kind.
    var element: FieldKind? {
        if case .list(let element) = self { return element }
        return nil
    }

    /// Whether a value of this kind is a text, so that `2026` or `ja` must stay one.
    var holdsText: Bool {
        switch self {
        case .text, .emailAddress, .choice, .organisationName, .participantName: true
        default: false
        }
    }
}

extension NetworkSchema {
    /// The kind of the value at `path`, or `nil` when the schema does not know the key.
    static func kind(at path: NetworkPath) -> FieldKind? {
        var kind: FieldKind = .object(file)
        for step in path.steps {
            switch step {
            case .key(let key):
                guard let member = kind.member(key) else { return nil }
                kind = member
            case .index:
                guard let element = kind.element else { return nil }
                kind = element
            }
        }
        return kind
    }
}
