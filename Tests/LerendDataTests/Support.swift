import Foundation
import LerendData
import LerendDiagnostics

/// Shared helpers: the rendered problems of a data text, and temporary files.
enum Check {
    /// The diagnostics of parsing `text`, rendered, or `nil` when it parses.
    static func problems(_ text: String, path: String = "gegevens.yaml") -> String? {
        diagnostics(text, path: path).map { DiagnosticRenderer().render($0) }
    }

    static func diagnostics(_ text: String, path: String = "gegevens.yaml") -> [Diagnostic]? {
        do throws(DiagnosticList) {
            _ = try DataFile.parse(text, path: path)
            return nil
        } catch {
            return error.diagnostics
        }
    }

    /// Writes `data` to a new file in a fresh temporary folder and returns its path.
    static func temporaryFile(_ name: String, _ data: Data) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lerend-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try data.write(to: file)
        return file.path
    }
}
