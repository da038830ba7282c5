import Foundation
import LerendApplication
import LerendDiagnostics
import LerendNetwork

/// Writing the network files of the folder: every change goes through here, so that the
/// cache forgets the old file and no change overwrites one made on disk since its page
/// was loaded.
struct NetworkFiles: Sendable {
    let state: WebState

    /// The version of the file `name` that a page carries in its forms.
    func version(of name: String) -> String? {
        guard let path = state.folder.path(of: name), let data = FileManager.default.contents(atPath: path) else { return nil }
        return Self.version(Array(data))
    }

    /// Replaces the file `name` with `text`, when it is still the version the page was
    /// loaded with and `text` loads.
    func replace(_ name: String, with text: String, loadedVersion: String) throws(DiagnosticList) {
        guard let path = state.folder.path(of: name) else {
            throw DiagnosticList([Diagnostic(.error, id: "W103", "het netwerkbestand '\(name)' bestaat niet meer in deze map")])
        }
        defer { state.cache.forget(name) }
        guard version(of: name) == loadedVersion else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "W104", "het bestand is veranderd sinds je de pagina opende; je wijziging is niet bewaard",
                    at: SourceLocation(file: path), hint: "laad de pagina opnieuw, bekijk de nieuwe inhoud en doe je wijziging nog eens")
            ])
        }
        _ = try NetworkFile.parse(text, path: path)
        try OutputGuard.write(Array(text.utf8), to: path)
    }

    /// FNV-1a over the bytes, as hex.
    static func version(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16) + "-" + String(bytes.count)
    }
}
