import Foundation
public import LerendDiagnostics
import LerendDocuments

/// Writing what a command makes: never over its own input, never half a file.
public enum OutputGuard: Sendable {
    /// The absolute, standardized form of `path`, following symbolic links.
    public static func canonical(_ path: String) -> String {
        URL(filePath: path, relativeTo: URL(filePath: FileManager.default.currentDirectoryPath, directoryHint: .isDirectory))
            .standardizedFileURL.resolvingSymlinksInPath().path(percentEncoded: false)
    }

    /// Whether two paths name the same file.
    public static func same(_ first: String, _ second: String) -> Bool {
        canonical(first) == canonical(second)
    }

    /// An error when `output` is one of `inputs`.
    public static func refuseInput(_ output: String, inputs: [String], what: String = "het netwerkbestand") throws(DiagnosticList)
    {
        guard inputs.contains(where: { same($0, output) }) else { return }
        throw DiagnosticList([
            Diagnostic(
                .error, id: "O005", "-o wijst naar \(what) zelf", at: SourceLocation(file: output),
                hint: "kies een andere naam; Lerend overschrijft nooit zijn eigen invoer")
        ])
    }

    /// Writes `bytes` to `path` under a temporary name first, then renames it.
    ///
    /// `synchronize`: the bytes are on disk before the rename (for a file a person
    /// wrote, such as the network file).
    public static func write(
        _ bytes: [UInt8], to path: String, permissions: UInt32 = 0o644, synchronize: Bool = false
    ) throws(DiagnosticList) {
        try AtomicFile.write(bytes, to: path, permissions: permissions, synchronize: synchronize)
    }

    /// Makes `directory` (and the folders above it); a failure is O003, the same for every
    /// writer of Lerend.
    public static func makeDirectory(_ directory: String) throws(DiagnosticList) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "O003",
                    "kan map '\(directory)' niet maken: \(SystemErrorText.reason(error) ?? "de map kon niet gemaakt worden")",
                    at: SourceLocation(file: directory),
                    hint: "kies een andere map met -o, of controleer of je daar mag schrijven")
            ])
        }
    }
}
