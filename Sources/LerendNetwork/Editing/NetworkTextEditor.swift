public import LerendData
public import LerendDiagnostics
import LerendExpressions
import OrderedCollections

/// Applies ``NetworkEdit``s to the text of a network file so that only the lines they
/// touch change: comments, blank lines, the order of keys, indentation, quotes and line
/// endings of everything else stay as the organiser wrote them.
///
/// Every step is read back: when the text no longer parses, or reads back as something
/// else than was asked, the edit is refused (N143). ``NetworkFile/applying(_:)`` then
/// loads the result as a network file, so a change that would make the file invalid is
/// refused with the loader's own messages.
public struct NetworkTextEditor: Sendable {
    /// The path of the file, for messages.
    public let path: String
    private var text: YAMLText
    private var file: DataFile
    /// The value of ``file``, kept to compare with the value after a change.
    private var rootValue: Value

    /// An editor of `text`, which must be YAML.
    public init(text: String, path: String) throws(DiagnosticList) {
        self.path = path
        self.text = YAMLText(text)
        self.file = try DataFile.parse(self.text.body, path: path)
        self.rootValue = file.root.value
    }

    /// The edited text, as it is written to disk.
    public var result: String { text.text }

    /// Applies the edits in order; the text is unchanged when one is refused.
    public mutating func apply(_ edits: [NetworkEdit]) throws(DiagnosticList) {
        var copy = self
        for edit in edits { try copy.apply(edit) }
        self = copy
    }

    /// Applies one edit.
    public mutating func apply(_ edit: NetworkEdit) throws(DiagnosticList) {
        switch edit {
        case .set(let path, let value):
            try setScalar(path, value)
        case .remove(let path):
            try removeKey(path)
        case .setList(let path, let texts):
            try setList(path, texts)
        case .append(let path, let entry, let comment):
            try append(path, [.entry(entry, kind: NetworkSchema.kind(at: path)?.element)], comment: comment)
        case .appendAll(let path, let entries, let comment):
            guard !entries.isEmpty else { return }
            let kind = NetworkSchema.kind(at: path)?.element
            try append(path, entries.map { .entry($0, kind: kind) }, comment: comment)
        case .replace(let path, let index, let entry):
            try replaceMapping(path.appending(.index(index)), entry)
        case .removeItem(let path, let index):
            try removeItem(path, index: index)
        }
    }

    // MARK: - Finding places

    private struct Resolution {
        /// The places from the file down to the last step found.
        var chain: [YAMLPlace]
        /// The steps that are not in the file.
        var missing: ArraySlice<NetworkPath.Step>
        var last: YAMLPlace { chain[chain.count - 1] }
    }

    private func resolve(_ path: NetworkPath) throws(DiagnosticList) -> Resolution {
        guard let root = text.rootPlace(file.root) else { throw unsupported(path) }
        var chain = [root]
        for (number, step) in path.steps.enumerated() {
            let current = chain[chain.count - 1]
            switch (step, current.node) {
            case (.key(let key), .mapping):
                guard let pairs = text.pairs(of: current) else { throw unsupported(path) }
                guard let pair = pairs.first(where: { $0.key == key }) else {
                    return Resolution(chain: chain, missing: path.steps[number...])
                }
                chain.append(pair.place)
            case (.index(let index), .sequence(let items, _)):
                guard items.indices.contains(index) else {
                    throw refusal(
                        "N142", path,
                        "'\(NetworkPath(Array(path.steps[...number])))' bestaat niet: de lijst heeft \(items.count) \(items.count == 1 ? "element" : "elementen")",
                        hint: "tel vanaf 0: het eerste element is [0]", at: current.node.location)
                }
                guard let places = text.items(of: current) else { throw unsupported(path) }
                chain.append(places[index])
            case (.key, _) where current.isEmptyValue:
                return Resolution(chain: chain, missing: path.steps[number...])
            default:
                throw refusal(
                    "N141", path,
                    "'\(NetworkPath(Array(path.steps[..<number])))' is \(current.node.kindName.withArticle), geen \(step.expected)",
                    hint: nil, at: current.node.location)
            }
        }
        return Resolution(chain: chain, missing: [])
    }

    // MARK: - The edits

    private mutating func setScalar(_ path: NetworkPath, _ value: String) throws(DiagnosticList) {
        let layout = self.layout
        let resolution = try resolve(path)
        let asText = NetworkSchema.kind(at: path)?.holdsText ?? true
        guard resolution.missing.isEmpty else {
            try insert(resolution, fragment: .scalar(value, asText: asText), path: path)
            return try check(path) { $0.scalarText == value }
        }
        let place = resolution.last
        guard case .scalar = place.node, resolution.chain.count > 1 else {
            throw refusal(
                "N141", path, "'\(path)' is \(place.node.kindName.withArticle), geen enkele waarde",
                hint: "kies een sleutel die één waarde heeft, of wijzig de lijst als geheel")
        }
        let preferred = place.isEmptyValue ? .plain : YAMLScalarWriter.style(of: text[place.start])
        var indent = place.parentIndent + (place.dash == nil ? layout.unit : 2)
        if preferred == .literal || preferred == .folded, text.line(of: place.end) > text.line(of: place.start) {
            indent = text.indentation(ofLine: text.line(of: place.start) + 1)
        }
        if place.key == nil && place.dash == nil && !place.inFlow { throw unsupported(path) }
        var rendered = YAMLScalarWriter.value(value, indent: indent, inFlow: place.inFlow, asText: asText, preferred: preferred)
        if !place.isEmptyValue || place.inFlow { rendered.removeFirst() }
        try change(place.start..<place.end, to: rendered, path: path, expected: { $0.scalarText == value })
    }

    private mutating func removeKey(_ path: NetworkPath) throws(DiagnosticList) {
        let resolution = try resolve(path)
        guard resolution.missing.isEmpty, let key = resolution.last.key, resolution.chain.count >= 2 else {
            if !resolution.missing.isEmpty { return }  // Already gone.
            throw refusal(
                "N141", path, "'\(path)' is geen sleutel",
                hint: "een element van een lijst haal je weg als element, niet als sleutel")
        }
        let mapping = resolution.chain[resolution.chain.count - 2]
        guard let pairs = text.pairs(of: mapping), let index = pairs.firstIndex(where: { $0.place.key?.start == key.start })
        else { throw unsupported(path) }
        let place = resolution.last
        let range: Range<Int>
        let replacement = ""
        if pairs.count == 1 {
            // The last key of a mapping: the mapping becomes `{}`.
            return try replaceValue(mapping, with: "{}", path: path)
        } else if text.isFlowStart(mapping.start) {
            if index + 1 < pairs.count {
                range = key.start..<pairs[index + 1].place.key!.start
            } else {
                range = pairs[index - 1].place.end..<place.end
            }
        } else if text.isFirstOnLine(key.start) {
            let first = text.line(of: key.start)
            let last = text.line(of: place.end)
            range = text.lineStart(first)..<text.nextLineStart(last)
            if text.nextLineStart(last) == text.count, first > 0 {
                // The last line of a file without a final line break: take the break before it.
                let start = text.lineContentEnd(first - 1)
                try change(start..<text.count, to: replacement, path: path, expected: nil)
                return
            }
        } else {
            // The first key after `- `: the next key moves up onto the line of the `-`.
            range = key.start..<pairs[index + 1].place.key!.start
        }
        try change(range, to: replacement, path: path, expected: nil)
    }

    private mutating func setList(_ path: NetworkPath, _ texts: [String]) throws(DiagnosticList) {
        let resolution = try resolve(path)
        let kind = NetworkSchema.kind(at: path)
        guard resolution.missing.isEmpty else {
            try insert(resolution, fragment: YAMLFragment.list(texts, kind: kind), path: path)
            return try check(path) { $0.scalarTexts == texts }
        }
        let place = resolution.last
        guard case .sequence(let items, _) = place.node else {
            if case .mapping = place.node { throw refusal("N141", path, "'\(path)' is een object, geen lijst", hint: nil) }
            let rendered = YAMLFragmentWriter(layout: layout).flow(YAMLFragment.list(texts, kind: kind))
            try replaceValue(place, with: rendered, path: path)
            return try check(path) { $0.scalarTexts == texts }
        }
        // Element by element, so that comments after unchanged elements stay.
        for (index, value) in texts.enumerated() where index < items.count {
            if case .scalar(let scalar) = items[index], scalar.text == value { continue }
            try setScalar(path.appending(.index(index)), value)
        }
        if items.count > texts.count {
            for index in (texts.count..<items.count).reversed() { try removeItem(path, index: index) }
        }
        for value in texts.dropFirst(items.count) {
            try append(path, [.scalar(value, asText: kind?.element?.holdsText ?? true)], comment: nil)
        }
    }

    private mutating func append(_ path: NetworkPath, _ added: [YAMLFragment], comment: String?) throws(DiagnosticList) {
        let layout = self.layout
        let resolution = try resolve(path)
        let before = file.root.value(path)
        let count: Int
        if case .list(let old)? = before { count = old.count } else { count = 0 }
        let expected: (DataNode) -> Bool = { node in
            guard case .sequence(let items, _) = node, items.count == count + added.count else { return false }
            return zip(items[count...], added).allSatisfy { $0.matches($1) }
        }
        guard resolution.missing.isEmpty else {
            try insert(resolution, fragment: .blockList(added, comment: comment), path: path)
            return try check(path, expected)
        }
        let place = resolution.last
        let writer = YAMLFragmentWriter(layout: layout)
        let isEntry: Bool
        if case .mapping? = added.first { isEntry = true } else { isEntry = false }
        switch place.node {
        case .sequence(let items, _) where items.isEmpty && isEntry && !place.inFlow && place.key != nil:
            // `deelnemers: []` becomes a list one element a line.
            let column = text.column(of: place.key!.start)
            let lines = writer.items(added, dashColumn: column + layout.sequenceOffset, comment: comment, asFlow: false)
            let lineEnd = text.lineContentEnd(text.line(of: place.end))
            let rest = text.string(place.end..<lineEnd)
            try change(place.key!.colonEnd..<lineEnd, to: rest + "\n" + lines, path: path, expected: expected)
        case .sequence where text.isFlowStart(place.start):
            guard let items = text.items(of: place) else { throw unsupported(path) }
            if let last = items.last {
                try change(
                    last.end..<last.end, to: added.map { ", " + writer.flow($0) }.joined(), path: path, expected: expected)
            } else {
                try change(
                    place.start + 1..<place.end - 1, to: added.map(writer.flow).joined(separator: ", "), path: path,
                    expected: expected)
            }
        case .sequence:
            guard let items = text.items(of: place), let last = items.last, let dash = last.dash else {
                throw unsupported(path)
            }
            let asFlow: Bool
            if case .mapping = last.node { asFlow = text.isFlowStart(last.start) } else { asFlow = false }
            let at = text.lineContentEnd(text.line(of: last.end))
            let lines = writer.items(added, dashColumn: text.column(of: dash), comment: comment, asFlow: asFlow)
            try change(at..<at, to: "\n" + lines, path: path, expected: expected)
        case .scalar where place.isEmptyValue && place.key != nil && !place.inFlow:
            let column = text.column(of: place.key!.start)
            let lines = writer.items(added, dashColumn: column + layout.sequenceOffset, comment: comment, asFlow: false)
            try change(place.start..<place.end, to: "\n" + lines, path: path, expected: expected)
        default:
            throw refusal("N141", path, "'\(path)' is \(place.node.kindName.withArticle), geen lijst", hint: nil)
        }
    }

    private mutating func removeItem(_ path: NetworkPath, index: Int) throws(DiagnosticList) {
        let resolution = try resolve(path.appending(.index(index)))
        let list = resolution.chain[resolution.chain.count - 2]
        guard let items = text.items(of: list) else { throw unsupported(path) }
        let item = items[index]
        var expectedList: [Value] = []
        if case .list(let old)? = file.root.value(path) {
            expectedList = old
            expectedList.remove(at: index)
        }
        let expected: (DataNode) -> Bool = { $0.value == .list(expectedList) }
        if items.count == 1 {
            try replaceValue(list, with: "[]", path: path)
            return try check(path, expected)
        }
        if text.isFlowStart(list.start) {
            let range = index + 1 < items.count ? item.start..<items[index + 1].start : items[index - 1].end..<item.end
            return try change(range, to: "", path: path, expected: expected)
        }
        guard let dash = item.dash, text.isFirstOnLine(dash) else { throw unsupported(path) }
        let first = text.line(of: dash)
        let last = text.line(of: item.end)
        if text.nextLineStart(last) == text.count, first > 0 {
            return try change(text.lineContentEnd(first - 1)..<text.count, to: "", path: path, expected: expected)
        }
        try change(text.lineStart(first)..<text.nextLineStart(last), to: "", path: path, expected: expected)
    }

    /// Makes the mapping at `path` hold the keys of `entry`, key by key.
    private mutating func replaceMapping(_ path: NetworkPath, _ entry: NetworkEntry) throws(DiagnosticList) {
        let resolution = try resolve(path)
        guard resolution.missing.isEmpty else {
            return try insert(resolution, fragment: .entry(entry, kind: NetworkSchema.kind(at: path)), path: path)
        }
        guard case .mapping(let pairs, _) = resolution.last.node else {
            throw refusal("N141", path, "'\(path)' is \(resolution.last.node.kindName.withArticle), geen object", hint: nil)
        }
        for (key, value) in entry.pairs {
            let old = pairs.first { $0.key.text == key }?.value
            switch value {
            case .text(let text):
                if case .scalar(let scalar)? = old, scalar.text == text { continue }
                try setScalar(path.appending(key), text)
            case .list(let texts):
                if old?.scalarTexts == texts { continue }
                try setList(path.appending(key), texts)
            case .entry(let nested):
                try replaceMapping(path.appending(key), nested)
            }
        }
        for pair in pairs where entry[pair.key.text] == nil {
            try removeKey(path.appending(pair.key.text))
        }
    }

    // MARK: - Writing

    private var layout: YAMLLayout {
        YAMLLayout(
            text: text,
            root: text.rootPlace(file.root) ?? YAMLPlace(node: file.root, start: 0, end: 0, inFlow: false, parentIndent: -1))
    }

    /// Adds the missing keys of `resolution` with `fragment` as the value of the last.
    private mutating func insert(_ resolution: Resolution, fragment: YAMLFragment, path: NetworkPath) throws(DiagnosticList) {
        let layout = self.layout
        var keys: [String] = []
        for step in resolution.missing {
            guard case .key(let key) = step else { throw unsupported(path) }
            keys.append(key)
        }
        var value = fragment
        for key in keys.dropFirst().reversed() { value = .mapping([(key: key, value: value)]) }
        let key = keys[0]
        let place = resolution.last
        let writer = YAMLFragmentWriter(layout: layout)
        let isRoot = resolution.chain.count == 1
        if place.isEmptyValue {
            if place.inFlow {
                return try change(place.start..<place.end, to: " {\(key): \(writer.flow(value))}", path: path, expected: nil)
            }
            let column = place.parentIndent + (place.dash == nil ? layout.unit : 2)
            let rendered = "\n" + writer.pad(column) + key + ":" + writer.afterKey(value, keyColumn: column, inFlow: false)
            return try change(place.start..<place.end, to: rendered, path: path, expected: nil)
        }
        guard case .mapping(let pairs, _) = place.node, let placedPairs = text.pairs(of: place) else { throw unsupported(path) }
        if text.isFlowStart(place.start) {
            let rendered = key + ": " + writer.flow(value)
            if let last = placedPairs.last {
                try change(last.place.end..<last.place.end, to: ", " + rendered, path: path, expected: nil)
            } else {
                try change(place.start + 1..<place.end - 1, to: rendered, path: path, expected: nil)
            }
        } else if pairs.isEmpty {
            // An empty file, or one with only comments: the key goes at its end.
            var prefix = text.count == 0 || text[text.count - 1] == "\n" ? "" : "\n"
            if isRoot, text.count > 0 { prefix += "\n" }
            let rendered = prefix + key + ":" + writer.afterKey(value, keyColumn: 0, inFlow: false) + "\n"
            try change(text.count..<text.count, to: rendered, path: path, expected: nil)
        } else {
            let column = text.column(of: placedPairs[0].place.key!.start)
            let at = text.lineContentEnd(text.line(of: place.end))
            let blank = isRoot && value.isMultiLine ? "\n" : ""
            let rendered =
                "\n" + blank + writer.pad(column) + key + ":" + writer.afterKey(value, keyColumn: column, inFlow: false)
            try change(at..<at, to: rendered, path: path, expected: nil)
        }
    }

    /// Replaces the value `place` (of a key or a list) with a text on one line.
    private mutating func replaceValue(_ place: YAMLPlace, with replacement: String, path: NetworkPath) throws(DiagnosticList) {
        if place.isEmptyValue {
            return try change(place.start..<place.end, to: " " + replacement, path: path, expected: nil)
        }
        if text.isFlowStart(place.start) || place.inFlow {
            return try change(place.start..<place.end, to: replacement, path: path, expected: nil)
        }
        if let key = place.key {
            return try change(key.colonEnd..<place.end, to: " " + replacement, path: path, expected: nil)
        }
        if let dash = place.dash { return try change(dash + 1..<place.end, to: " " + replacement, path: path, expected: nil) }
        throw unsupported(path)
    }

    /// Replaces `range` and reads the text back; `expected` checks the node at `path`.
    private mutating func change(
        _ range: Range<Int>, to replacement: String, path: NetworkPath, expected: ((DataNode) -> Bool)?
    ) throws(DiagnosticList) {
        var edited = text
        edited.replace(range, with: replacement)
        let reread: DataFile
        do {
            reread = try DataFile.parse(edited.body, path: self.path)
        } catch {
            throw refusal(
                "N143", path, "de wijziging van '\(path)' kon niet veilig in het bestand worden geschreven",
                hint: "wijzig dit deel van het bestand met de hand", notes: error.diagnostics.map(\.message))
        }
        // Everything outside the edited place reads back as before.
        let scope = Self.scope(of: path, in: file.root)
        let rereadValue = reread.root.value
        guard rootValue.stripping(scope) == rereadValue.stripping(scope) else {
            throw refusal(
                "N143", path, "de wijziging van '\(path)' kon niet veilig in het bestand worden geschreven",
                hint: "wijzig dit deel van het bestand met de hand")
        }
        if let expected {
            let (node, missing) = reread.root.descendant(at: path)
            guard missing == false, expected(node) else {
                throw refusal(
                    "N143", path, "de wijziging van '\(path)' kon niet veilig in het bestand worden geschreven",
                    hint: "wijzig dit deel van het bestand met de hand")
            }
        }
        text = edited
        file = reread
        rootValue = rereadValue
    }

    /// Checks the node at `path` after an edit made of several changes.
    private func check(_ path: NetworkPath, _ expected: (DataNode) -> Bool) throws(DiagnosticList) {
        let (node, missing) = file.root.descendant(at: path)
        guard !missing, expected(node) else {
            throw refusal(
                "N143", path, "de wijziging van '\(path)' kon niet veilig in het bestand worden geschreven",
                hint: "wijzig dit deel van het bestand met de hand")
        }
    }

    /// The steps of `path` up to the first one the file does not have yet: what an edit
    /// of `path` may change.
    private static func scope(of path: NetworkPath, in root: DataNode) -> ArraySlice<NetworkPath.Step> {
        var node = root
        for (number, step) in path.steps.enumerated() {
            let (next, missing) = node.descendant(at: NetworkPath([step]))
            if missing { return path.steps[...number] }
            node = next
        }
        return path.steps[...]
    }

    // MARK: - Messages

    private func refusal(
        _ id: String, _ path: NetworkPath, _ message: String, hint: String?, notes: [String] = [],
        at location: SourceLocation? = nil
    ) -> DiagnosticList {
        let location = location ?? file.root.descendant(at: path).0.location
        var diagnostic = file.diagnostic(id: id, message, at: location, hint: hint)
        diagnostic.notes = notes
        return DiagnosticList([diagnostic])
    }

    private func unsupported(_ path: NetworkPath) -> DiagnosticList {
        DiagnosticList([
            Diagnostic(
                .error, id: "N143", "de wijziging van '\(path)' kon niet veilig in het bestand worden geschreven",
                at: SourceLocation(file: self.path), hint: "wijzig dit deel van het bestand met de hand")
        ])
    }
}

extension NetworkPath.Step {
    fileprivate var expected: String {
        switch self {
        case .key(let key): "object met de sleutel '\(key)'"
        case .index: "lijst"
        }
    }
}

extension String {
    /// "een lijst", "een object", "een tekst".
    fileprivate var withArticle: String {
        let word = split(separator: " ").first.map(String.init) ?? self
        return word == "leeg" ? "leeg" : "een \(self)"
    }
}

extension YAMLFragment {
    var isMultiLine: Bool {
        switch self {
        case .scalar(let text, _): text.contains("\n")
        case .mapping(let pairs): !pairs.isEmpty
        case .flowList: false
        case .blockList(let items, _): !items.isEmpty
        }
    }
}

extension DataNode {
    /// The node at `path`, or the deepest node reached and `true` when a step is missing.
    func descendant(at path: NetworkPath) -> (DataNode, Bool) {
        var node = self
        for step in path.steps {
            switch (step, node) {
            case (.key(let key), .mapping):
                guard let next = node[key] else { return (node, true) }
                node = next
            case (.index(let index), .sequence(let items, _)):
                guard items.indices.contains(index) else { return (node, true) }
                node = items[index]
            default:
                return (node, true)
            }
        }
        return (node, false)
    }

    /// The value at `path`, or `nil`.
    func value(_ path: NetworkPath) -> Value? {
        let (node, missing) = descendant(at: path)
        return missing ? nil : node.value
    }

    var scalarText: String? {
        if case .scalar(let scalar) = self { return scalar.text }
        return nil
    }

    var scalarTexts: [String]? {
        guard case .sequence(let items, _) = self else { return nil }
        let texts = items.compactMap(\.scalarText)
        return texts.count == items.count ? texts : nil
    }

    /// Whether the node reads back as the fragment that was written.
    func matches(_ fragment: YAMLFragment) -> Bool {
        switch (fragment, self) {
        case (.scalar(let text, _), .scalar(let scalar)):
            return scalar.text == text
        case (.mapping(let pairs), .mapping(let nodes, _)):
            return pairs.count == nodes.count
                && zip(pairs, nodes).allSatisfy { $0.key == $1.key.text && $1.value.matches($0.value) }
        case (.flowList(let items), .sequence(let nodes, _)), (.blockList(let items, _), .sequence(let nodes, _)):
            return items.count == nodes.count && zip(items, nodes).allSatisfy { $1.matches($0) }
        default:
            return false
        }
    }
}

extension Value {
    /// The value without what is at `steps` (a key is removed, an element emptied).
    fileprivate func stripping(_ steps: ArraySlice<NetworkPath.Step>) -> Value {
        guard let step = steps.first else { return .null }
        switch (step, self) {
        case (.key(let key), .object(var members)):
            if steps.count == 1 {
                members.removeValue(forKey: key)
            } else if let member = members[key] {
                members[key] = member.stripping(steps.dropFirst())
            }
            return .object(members)
        case (.index(let index), .list(var items)) where items.indices.contains(index):
            items[index] = items[index].stripping(steps.dropFirst())
            return .list(items)
        default:
            return self
        }
    }
}
