public import LerendData
public import LerendDiagnostics
public import LerendExpressions
import OrderedCollections

/// A network file that was read and checked: the text, the typed network, and the
/// value that rules, workflows and templates read.
///
/// Loading never changes the file; every problem of the file is reported at once.
public struct NetworkFile: Sendable {
    public let file: DataFile
    public let network: Network
    /// Problems that do not stop the file from loading, such as a participant of an
    /// organisation that is not in the file.
    public let warnings: [Diagnostic]

    /// Reads and checks the network file at `path`.
    public static func load(path: String) throws(DiagnosticList) -> NetworkFile {
        try NetworkLoader.load(DataFile.load(path: path))
    }

    /// Checks a network file's text, for tests and tools.
    public static func parse(_ text: String, path: String) throws(DiagnosticList) -> NetworkFile {
        try NetworkLoader.load(DataFile.parse(text, path: path))
    }

    init(file: DataFile, network: Network, warnings: [Diagnostic] = []) {
        self.file = file
        self.network = network
        self.warnings = warnings
    }

    /// The file as a value, in the order of the file, with the derived fields that rules and templates may read
    /// (see ``NetworkSchema``): `vandaag`, a meeting's `nummer`, `eindtijd` and
    /// `is_geweest`, a participant's `voornaam`, an agenda item's times.
    public func value(on today: LocalDate) -> Value {
        var root = NetworkSchema.file.normalized(file.value).setting("vandaag", to: .date(today))
        guard case .object(var members) = root else { return root }
        if case .list(let participants) = members["deelnemers"] ?? .null {
            members["deelnemers"] = .list(
                participants.map { participant in
                    guard case .string(let name) = participant.value(atPath: "naam") ?? .null else { return participant }
                    return participant.setting("voornaam", to: .string(String(name.split(separator: " ").first ?? "")))
                })
        }
        if case .list(let meetings) = members["bijeenkomsten"] ?? .null {
            // Meetings are numbered in date order; a meeting without a date goes last.
            func key(_ entry: (offset: Int, element: Value)) -> (Int, Int) {
                (entry.element.value(atPath: "datum")?.dateValue?.daysSince1970 ?? Int.max, entry.offset)
            }
            let ordered = meetings.enumerated().sorted { key($0) < key($1) }
            var numbered = meetings
            for (number, entry) in ordered.enumerated() {
                numbered[entry.offset] = Self.derivedMeeting(entry.element, number: number + 1, today: today)
            }
            // The list keeps the order of the file, so that a finding about the third
            // element points at the third element in the file.
            members["bijeenkomsten"] = .list(numbered)
        }
        root = .object(members)
        return root
    }

    static func derivedMeeting(_ meeting: Value, number: Int, today: LocalDate) -> Value {
        var result = meeting.setting("nummer", to: .int(number))
        let date = meeting.value(atPath: "datum")?.dateValue
        result = result.setting("is_geweest", to: .bool(date.map { $0 < today } ?? false))
        guard let start = meeting.value(atPath: "begintijd")?.timeValue else { return result }
        if case .int(let duration) = meeting.value(atPath: "duur_minuten") ?? .null {
            result = result.setting("eindtijd", to: .time(start.adding(minutes: duration)))
        }
        if case .list(let items) = meeting.value(atPath: "agenda") ?? .null {
            var clock = start
            result = result.setting(
                "agenda",
                to: .list(
                    items.map { item in
                        var timed = item.setting("begintijd", to: .time(clock))
                        if case .int(let minutes) = item.value(atPath: "duur_minuten") ?? .null {
                            clock = clock.adding(minutes: minutes)
                        }
                        timed = timed.setting("eindtijd", to: .time(clock))
                        return timed
                    }))
        }
        return result
    }
}
