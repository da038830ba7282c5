public import LerendDiagnostics

/// One change to a network file, as a form or an import asks for it.
///
/// Edits name places with a ``NetworkPath``; ``NetworkTextEditor`` applies them to the
/// text so that only the lines they touch change.
public enum NetworkEdit: Sendable, Hashable {
    /// Sets the scalar at the path, making the key (and the mappings above it) when it is
    /// not there. A text with line breaks becomes a block scalar.
    case set(NetworkPath, String)
    /// Removes the key at the path with its value.
    case remove(NetworkPath)
    /// Makes the list at the path hold these texts (`netwerk.themas`), keeping the style
    /// of the list (on one line or one element a line); a new list is written on one line.
    case setList(NetworkPath, [String])
    /// Adds an element at the end of the list at the path (`deelnemers`), making the list
    /// when it is not there. `comment` is written on a line of its own above it.
    case append(NetworkPath, NetworkEntry, comment: String? = nil)
    /// Adds elements at the end of the list at the path in one change, as an import adds
    /// its rows: the file is read back once, not once per element.
    case appendAll(NetworkPath, [NetworkEntry], comment: String? = nil)
    /// Makes the element `index` of the list hold exactly the keys of the entry: changed
    /// values are set, missing keys removed, new keys added at its end.
    case replace(NetworkPath, index: Int, NetworkEntry)
    /// Removes the element `index` of the list at the path.
    case removeItem(NetworkPath, index: Int)
}

/// An element of a list in the network file, such as a participant or a meeting: keys
/// with values, in order.
public struct NetworkEntry: Sendable, Hashable {
    /// The value of one key of an entry.
    public indirect enum Value: Sendable, Hashable {
        case text(String)
        case list([String])
        case entry(NetworkEntry)
    }

    public var pairs: [(key: String, value: Value)]

    public init(_ pairs: [(key: String, value: Value)]) {
        self.pairs = pairs
    }

    /// An entry of texts only, as a row of a spreadsheet gives it.
    public init(texts: [(String, String)]) {
        self.pairs = texts.map { (key: $0.0, value: .text($0.1)) }
    }

    public static func == (lhs: NetworkEntry, rhs: NetworkEntry) -> Bool {
        lhs.pairs.count == rhs.pairs.count && zip(lhs.pairs, rhs.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for pair in pairs {
            hasher.combine(pair.key)
            hasher.combine(pair.value)
        }
    }

    /// The value of `key`.
    public subscript(key: String) -> Value? {
        pairs.first { $0.key == key }?.value
    }
}

extension NetworkEdit {
    /// `netwerk.naam=Nieuw` as a ``set(_:_:)``, as `lerend wijzig` takes it; N140 when
    /// the text has no `=` or the part before it is no path.
    public static func assignment(_ text: String) throws(DiagnosticList) -> NetworkEdit {
        guard let equals = text.firstIndex(of: "=") else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "N140", "'\(text)' is geen wijziging", hint: "schrijf PAD=WAARDE, zoals netwerk.naam=\"Nieuw\"")
            ])
        }
        return .set(try NetworkPath.parse(String(text[..<equals])), String(text[text.index(after: equals)...]))
    }
}
