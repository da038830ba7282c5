import Foundation
import LerendDiagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The send log of a folder of e-mails (`verzonden.log`): one line per step, appended and
/// written to disk (fsync) before the next message goes, so that a rerun after a crash,
/// a kill or a network error skips what was sent.
///
/// Each message gets a `begonnen` line before it goes and a `verzonden` or `mislukt`
/// line after. A message with `begonnen` and nothing after it may have arrived (the
/// process stopped in the middle): a rerun does not send it again but reports it.
///
/// ```
/// 2026-12-02T05:40:00Z<TAB>verzonden<TAB><message-id><TAB>bestand.eml<TAB>a@b.nl
/// ```
final class SendLog {
    static let fileName = "verzonden.log"

    enum Step: String {
        case started = "begonnen"
        case sent = "verzonden"
        case failed = "mislukt"
    }

    let path: String
    private let descriptor: Int32
    /// The last step of each message id in the log.
    private(set) var lastStep: [String: Step] = [:]

    /// Opens (or creates) the log in `folder` and locks it: a second `lerend verstuur` on
    /// the same folder stops at once (M118).
    init(folder: String) throws(DiagnosticList) {
        path = folder + "/" + Self.fileName
        let descriptor = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "M118",
                    "het verzendlogboek kan niet worden geopend: \(String(cString: strerror(errno))); er is niets verstuurd",
                    at: SourceLocation(file: path), hint: "controleer of je in de map mag schrijven")
            ])
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "M118", "een ander 'lerend verstuur' verstuurt al uit deze map; er is niets verstuurd",
                    at: SourceLocation(file: path), hint: "wacht tot het klaar is, of stop het eerst")
            ])
        }
        self.descriptor = descriptor
        lastStep = Self.read(path)
    }

    /// The last step of each message id in the log at `path`, without creating or
    /// locking it (what `lerend verstuur` shows before it asks).
    static func read(_ path: String) -> [String: Step] {
        var steps: [String: Step] = [:]
        let text = (FileManager.default.contents(atPath: path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3, let step = Step(rawValue: String(fields[1])) else { continue }
            steps[String(fields[2])] = step
        }
        return steps
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Appends a line and waits until it is on disk.
    func record(_ step: Step, id: String, file: String, recipients: [String], date: Date = Date()) throws(DiagnosticList) {
        let clean = { (text: String) in text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
        let line =
            [
                ISO8601DateFormatter().string(from: date), step.rawValue, clean(id), clean(file),
                clean(recipients.joined(separator: ", ")),
            ].joined(separator: "\t") + "\n"
        let bytes = Array(line.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "M118",
                    "het verzendlogboek kan niet worden bijgewerkt: \(String(cString: strerror(errno))); verder versturen is gestopt",
                    at: SourceLocation(file: path),
                    hint: "maak ruimte op de schijf en start opnieuw; wat verstuurd is, staat erin")
            ])
        }
        lastStep[id] = step
    }
}
