public import Foundation
public import LerendDiagnostics

/// The earlier versions of a network file, kept next to it before every change:
/// `.geschiedenis/<bestandsnaam>/<JJJJMMDD-HHMMSS>-<n>.yaml` (the time in UTC).
///
/// A version is never overwritten; the newest ``kept`` stay.
public struct NetworkHistory: Sendable {
    /// One earlier version.
    public struct Entry: Sendable, Hashable {
        /// The name of the version, `20261202-161500-1`: what `--herstel` takes.
        public let id: String
        public let path: String
        /// When it was replaced.
        public let date: Date
        public let version: FileVersion
    }

    /// How many versions are kept.
    public static let kept = 50
    /// The folder of the histories, next to the network files.
    public static let folderName = ".geschiedenis"

    /// The network file whose history this is (its real path, links followed).
    public let networkPath: String
    /// The folder of its versions.
    public let folder: String

    /// The history of the file at `path`.
    public init(of path: String) {
        networkPath = OutputGuard.canonical(path)
        let url = URL(filePath: networkPath)
        folder = url.deletingLastPathComponent().path(percentEncoded: false) + Self.folderName + "/" + url.lastPathComponent
    }

    /// The lock file that changes of the network file hold.
    var lockPath: String { folder + "/.slot" }

    /// The versions, newest first.
    public func entries() -> [Entry] {
        ids().compactMap { id -> Entry? in
            let path = folder + "/" + id + ".yaml"
            guard let bytes = FileManager.default.contents(atPath: path), let key = Self.sortKey(id) else { return nil }
            return Entry(id: id, path: path, date: key.date, version: FileVersion(of: bytes))
        }
    }

    /// The names of the versions, newest first.
    private func ids() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.compactMap { name -> (id: String, stamp: String, number: Int)? in
            guard name.hasSuffix(".yaml"), !name.hasPrefix("."), let key = Self.sortKey(String(name.dropLast(5))) else {
                return nil
            }
            return (String(name.dropLast(5)), key.stamp, key.number)
        }.sorted { ($0.stamp, $0.number) > ($1.stamp, $1.number) }.map(\.id)
    }

    /// The version called `id`.
    public func entry(_ id: String) throws(DiagnosticList) -> Entry {
        if let entry = entries().first(where: { $0.id == id }) { return entry }
        let known = entries().prefix(3).map(\.id)
        throw DiagnosticList([
            Diagnostic(
                .error, id: "A142", "de geschiedenis van '\(networkPath)' heeft geen versie '\(id)'",
                at: SourceLocation(file: folder),
                hint: known.isEmpty
                    ? "er is nog geen eerdere versie bewaard" : "de nieuwste zijn: " + known.joined(separator: ", "))
        ])
    }

    /// Keeps `bytes` as the newest version, under a name no earlier version has, and
    /// removes the oldest beyond ``kept``.
    func keep(_ bytes: [UInt8], at date: Date = Date()) throws(DiagnosticList) -> Entry {
        try OutputGuard.makeDirectory(folder)
        let stamp = Self.formatter.string(from: date)
        var number = 1
        while true {
            let id = "\(stamp)-\(number)"
            let path = folder + "/" + id + ".yaml"
            switch try NewFile.write(bytes, to: path) {
            case .written:
                prune()
                return Entry(id: id, path: path, date: Self.sortKey(id)?.date ?? date, version: FileVersion(of: bytes))
            case .exists:
                number += 1
            }
        }
    }

    private func prune() {
        for id in ids().dropFirst(Self.kept) { try? FileManager.default.removeItem(atPath: folder + "/" + id + ".yaml") }
    }

    private static var formatter: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter
    }

    /// The time and number of a version's name, which order the versions.
    private static func sortKey(_ id: String) -> (date: Date, number: Int, stamp: String)? {
        let parts = id.split(separator: "-")
        guard parts.count == 3, let number = Int(parts[2]), number > 0,
            let date = formatter.date(from: "\(parts[0])-\(parts[1])")
        else { return nil }
        return (date, number, "\(parts[0])-\(parts[1])")
    }
}
