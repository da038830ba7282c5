import Foundation
import LerendData
public import LerendDiagnostics
public import LerendNetwork

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A network file on disk as a page or a command edits it: its text and the version
/// the change is made against.
///
/// Every change goes through ``apply(_:to:expecting:)``: under a lock, the file is read
/// again and compared with the version the page was loaded with (A140 when it changed:
/// no lost update), the edits are applied to the text (``NetworkFile/applying(_:to:path:allowingNewWarnings:)``,
/// refused when the result would not be a valid network file), the old version is kept
/// in the ``NetworkHistory``, and the new text replaces the file atomically with the
/// permissions it had.
public struct NetworkDocument: Sendable {
    /// The path as it was given, used in messages.
    public let path: String
    public let text: String
    public let version: FileVersion

    /// Reads the file at `path`.
    public static func open(_ path: String) throws(DiagnosticList) -> NetworkDocument {
        let bytes = try read(path)
        return NetworkDocument(path: path, text: String(decoding: bytes, as: UTF8.self), version: FileVersion(of: bytes))
    }

    /// The file as a network, or its problems.
    public func load() throws(DiagnosticList) -> NetworkFile {
        try NetworkFile.parse(text, path: path)
    }

    /// The history of this file.
    public var history: NetworkHistory { NetworkHistory(of: path) }

    /// What a change did.
    public struct Change: Sendable {
        /// The file as it is now.
        public let document: NetworkDocument
        /// The version kept in the history, or `nil` when the edits changed nothing.
        public let previous: NetworkHistory.Entry?
        /// The warnings of the new file (new ones are refused unless allowed).
        public let warnings: [Diagnostic]
    }

    /// Applies `edits` to the file at `path` when it still has `version`.
    public static func apply(
        _ edits: [NetworkEdit], to path: String, expecting version: FileVersion, allowingNewWarnings: Bool = false
    ) throws(DiagnosticList) -> Change {
        try replace(path, expecting: version) { text throws(DiagnosticList) in
            let result = try NetworkFile.applying(edits, to: text, path: path, allowingNewWarnings: allowingNewWarnings)
            return (result.text, result.file.warnings)
        }
    }

    /// Makes the version `id` of the history the file again; the file as it is goes into
    /// the history first, so a restore can be undone like any change.
    public static func restore(_ id: String, of path: String, expecting version: FileVersion) throws(DiagnosticList)
        -> Change
    {
        let entry = try NetworkHistory(of: path).entry(id)
        return try replace(path, expecting: version) { _ throws(DiagnosticList) in
            let text = String(decoding: try read(entry.path), as: UTF8.self)
            let loaded = try NetworkFile.parse(text, path: path)
            return (text, loaded.warnings)
        }
    }

    /// Under the lock: checks the version, makes the new text, keeps the old one, writes.
    private static func replace(
        _ path: String, expecting version: FileVersion,
        _ makeText: (String) throws(DiagnosticList) -> (String, [Diagnostic])
    ) throws(DiagnosticList) -> Change {
        let history = NetworkHistory(of: path)
        _ = try read(path)
        try OutputGuard.makeDirectory(history.folder)
        let lock = try FileLock(history.lockPath, about: path)
        let bytes = try read(path)
        let current = FileVersion(of: bytes)
        guard current == version else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "A140", "het bestand is veranderd sinds je de pagina opende; laad opnieuw",
                    at: SourceLocation(file: path),
                    hint: "je wijziging is niet bewaard; laad de pagina opnieuw en doe de wijziging nog eens",
                    notes: ["versie bij het openen: \(version)", "versie nu: \(current)"])
            ])
        }
        let (text, warnings) = try makeText(String(decoding: bytes, as: UTF8.self))
        let newBytes = Array(text.utf8)
        guard newBytes != bytes else {
            return Change(document: NetworkDocument(path: path, text: text, version: current), previous: nil, warnings: warnings)
        }
        let previous = try history.keep(bytes)
        var status = stat()
        let permissions = stat(history.networkPath, &status) == 0 ? UInt32(status.st_mode) & 0o7777 : 0o644
        try OutputGuard.write(newBytes, to: history.networkPath, permissions: permissions, synchronize: true)
        withExtendedLifetime(lock) {}
        return Change(
            document: NetworkDocument(path: path, text: text, version: FileVersion(of: newBytes)), previous: previous,
            warnings: warnings)
    }

    /// The bytes of the file at `path`, checked as every input is.
    static func read(_ path: String) throws(DiagnosticList) -> [UInt8] {
        if let problem = InputFile.problem(path, what: "netwerkbestand", limit: DataFile.sizeLimit, ids: ("D107", "D108")) {
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
        guard String(data: data, encoding: .utf8) != nil else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "D102", "'\(path)' is geen UTF-8-tekst", at: SourceLocation(file: path),
                    hint: "sla het bestand op als UTF-8 (in Kladblok: Opslaan als, codering UTF-8)")
            ])
        }
        return Array(data)
    }
}
