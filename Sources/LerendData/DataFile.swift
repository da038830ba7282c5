import Foundation
public import LerendDiagnostics
public import LerendExpressions
import Yams

/// A YAML or JSON file read into ``DataNode``s, keeping its text for messages.
public struct DataFile: Sendable {
    /// The path as the user gave it, used in messages.
    public let path: String
    public let text: String
    public let root: DataNode
    private let lines: [Substring]

    /// Reads and parses the file at `path`.
    /// The largest YAML or JSON file read: a network of 100,000 participants is about
    /// 15 MB.
    public static let sizeLimit = 64 * 1_048_576

    public static func load(path: String) throws(DiagnosticList) -> DataFile {
        if let problem = InputFile.problem(path, what: "gegevensbestand", limit: sizeLimit, ids: ("D107", "D108")) {
            throw DiagnosticList([problem])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "D101", exists ? "kan '\(path)' niet lezen" : "bestand '\(path)' bestaat niet",
                    at: SourceLocation(file: path),
                    hint: exists ? "controleer de rechten van het bestand" : "controleer de naam en de map")
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "D102", "'\(path)' is geen UTF-8-tekst", at: SourceLocation(file: path),
                    hint: "sla het bestand op als UTF-8 (in Kladblok: Opslaan als, codering UTF-8)")
            ])
        }
        return try parse(text, path: path)
    }

    /// Parses `text` as YAML (JSON is read as YAML too).
    public static func parse(_ text: String, path: String) throws(DiagnosticList) -> DataFile {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // "\r\n" is one Character in Swift, so it must be named to split Windows lines.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map {
            $0.last == "\r" ? $0.dropLast() : $0
        }
        // The parser stays alive while the nodes are converted: it holds the anchors, which
        // the nodes hold only weakly, and the converter counts what aliases repeat.
        var parser: Yams.Parser
        let node: Yams.Node?
        do {
            parser = try Yams.Parser(yaml: text, resolver: .basic)
            node = try parser.singleRoot()
        } catch {
            if let spaced = jsonWithTabsAsSpaces(text), let retriedParser = try? Yams.Parser(yaml: spaced, resolver: .basic),
                let retried = try? retriedParser.singleRoot()
            {
                parser = retriedParser
                node = retried
            } else {
                throw DiagnosticList(YAMLErrorTranslation.diagnostics(for: error, path: path, lines: lines))
            }
        }
        let root: DataNode
        if let node {
            var converter = Converter(path: path, lines: lines)
            root = try withExtendedLifetime(parser) { () throws(DiagnosticList) in try converter.convert(node) }
            if !converter.problems.isEmpty { throw DiagnosticList(converter.problems) }
        } else {
            root = .mapping([], SourceLocation(file: path, line: 1, column: 1))
        }
        return DataFile(path: path, text: text, root: root, lines: lines)
    }

    /// For JSON (text that starts with `{` or `[`), the text with every tab that indents a
    /// line replaced by one space: JSON allows tabs there, YAML does not. One space per tab
    /// keeps lines and columns the same. `nil` for any other text.
    static func jsonWithTabsAsSpaces(_ text: String) -> String? {
        guard let first = text.first(where: { !$0.isWhitespace }), first == "{" || first == "[", text.contains("\t") else {
            return nil
        }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var atLineStart = true
        for character in text {
            if character == "\n" || character == "\r\n" {
                atLineStart = true
            } else if atLineStart, character == "\t" {
                result.append(" ")
                continue
            } else if character != " " {
                atLineStart = false
            }
            result.append(character)
        }
        return result
    }

    private init(path: String, text: String, root: DataNode, lines: [Substring]) {
        self.path = path
        self.text = text
        self.root = root
        self.lines = lines
    }

    /// The text of line `number` (from 1), for a message.
    public func line(_ number: Int) -> String? {
        lines.indices.contains(number - 1) ? String(lines[number - 1]) : nil
    }

    /// A message about `location` in this file, with its source line and a caret.
    public func diagnostic(
        _ severity: Severity = .error, id: String, _ message: String, at location: SourceLocation, length: Int = 1,
        hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            severity, id: id, message, at: location, sourceLine: location.line.flatMap(line), length: length, hint: hint)
    }

    /// A message about `node`, underlining it when it is a scalar.
    public func diagnostic(
        _ severity: Severity = .error, id: String, _ message: String, at node: DataNode, hint: String? = nil
    ) -> Diagnostic {
        var length = 1
        if case .scalar(let scalar) = node { length = scalar.text.count + (scalar.isQuoted ? 2 : 0) }
        return diagnostic(severity, id: id, message, at: node.location, length: length, hint: hint)
    }

    /// A message about a key.
    public func diagnostic(
        _ severity: Severity = .error, id: String, _ message: String, atKey key: DataNode.Scalar, hint: String? = nil
    ) -> Diagnostic {
        diagnostic(severity, id: id, message, at: key.location, length: key.text.count, hint: hint)
    }

    /// The whole file as a value.
    public var value: Value { root.value }
}

/// Turns Yams nodes into ``DataNode``s.
private struct Converter {
    let path: String
    let lines: [Substring]
    var problems: [Diagnostic] = []
    /// The most values that aliases may repeat in one file together.
    static let expansionLimit = 100_000
    private var seenAnchors: Set<ObjectIdentifier> = []
    private var expansionDepth = 0
    private var expandedNodes = 0
    private var expandedAnchor = ""

    init(path: String, lines: [Substring]) {
        self.path = path
        self.lines = lines
    }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: path, line: mark?.line, column: mark?.column)
    }

    mutating func convert(_ node: Yams.Node) throws(DiagnosticList) -> DataNode {
        // A node with an anchor seen before is the value of an alias (`*naam`): the nodes it
        // repeats are counted, so a few lines cannot grow into billions ("billion laughs").
        // The parser keeps the anchors alive while this runs; the nodes hold them weakly.
        var expands = false
        if let anchor = node.anchor, !seenAnchors.insert(ObjectIdentifier(anchor)).inserted, expansionDepth == 0 {
            expands = true
            expandedAnchor = anchor.rawValue
        }
        if expands { expansionDepth += 1 }
        defer { if expands { expansionDepth -= 1 } }
        if expansionDepth > 0 {
            expandedNodes += 1
            if expandedNodes > Self.expansionLimit {
                let place = location(node.mark)
                throw DiagnosticList([
                    Diagnostic(
                        .error, id: "D109",
                        "de verwijzingen (*\(expandedAnchor)) herhalen samen meer dan \(DutchFormatting.number(Double(Self.expansionLimit), decimals: 0)) waarden",
                        at: place,
                        sourceLine: place.line.flatMap { lines.indices.contains($0 - 1) ? String(lines[$0 - 1]) : nil },
                        hint: "schrijf de waarden uit, of verwijs naar een kleiner deel")
                ])
            }
        }
        switch node {
        case .scalar(let scalar):
            return .scalar(
                DataNode.Scalar(
                    text: scalar.string, isQuoted: scalar.style != .plain && scalar.style != .any,
                    location: location(scalar.mark)))
        case .sequence(let sequence):
            var items: [DataNode] = []
            for item in sequence { items.append(try convert(item)) }
            return .sequence(items, location(sequence.mark))
        case .mapping(let mapping):
            var pairs: [(key: DataNode.Scalar, value: DataNode)] = []
            var seen: [String: SourceLocation] = [:]
            for (keyNode, valueNode) in mapping {
                guard case .scalar(let key) = keyNode else {
                    let place = location(keyNode.mark)
                    problems.append(
                        Diagnostic(
                            .error, id: "D104", "een sleutel moet een tekst zijn", at: place,
                            sourceLine: place.line.flatMap { lines.indices.contains($0 - 1) ? String(lines[$0 - 1]) : nil },
                            hint: "schrijf 'sleutel: waarde'"))
                    continue
                }
                let keyScalar = DataNode.Scalar(text: key.string, isQuoted: key.style != .plain, location: location(key.mark))
                if let earlier = seen[key.string] {
                    problems.append(
                        Diagnostic(
                            .error, id: "D105", "sleutel '\(key.string)' komt twee keer voor", at: keyScalar.location,
                            sourceLine: keyScalar.location.line.flatMap {
                                lines.indices.contains($0 - 1) ? String(lines[$0 - 1]) : nil
                            }, length: key.string.count,
                            hint: "de eerste staat op regel \(earlier.line ?? 0); haal een van beide weg"))
                    continue
                }
                seen[key.string] = keyScalar.location
                pairs.append((keyScalar, try convert(valueNode)))
            }
            return .mapping(pairs, location(mapping.mark))
        case .alias(let alias):
            let place = location(alias.mark)
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "D106", "verwijzingen (*naam) worden niet ondersteund", at: place,
                    sourceLine: place.line.flatMap { lines.indices.contains($0 - 1) ? String(lines[$0 - 1]) : nil },
                    hint: "schrijf de waarde uit")
            ])
        }
    }
}
