import Foundation
public import LerendDiagnostics

/// Turns documents into PDF with LibreOffice, one run per folder.
public struct PDFConverter: Sendable {
    /// The folders searched for `soffice` or `libreoffice`, as in `PATH`.
    public let programSearchPath: String

    public init(environment: [String: String]) {
        programSearchPath = environment["PATH"] ?? "/usr/bin:/bin"
    }

    /// Converts `documents`; the PDF of each lands next to it. Returns how many.
    public func convert(_ documents: [String]) throws(DiagnosticList) -> Int {
        guard
            let soffice = ProgramSearch.find("soffice", in: programSearchPath)
                ?? ProgramSearch.find("libreoffice", in: programSearchPath)
        else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "A108", "voor PDF is LibreOffice nodig, en dat is niet gevonden",
                    hint: "installeer het met: sudo apt-get install libreoffice-writer-nogui (Debian/Ubuntu), "
                        + "of van https://www.libreoffice.org; de documenten zelf zijn wel gemaakt")
            ])
        }
        let byFolder = Dictionary(grouping: documents) { ($0 as NSString).deletingLastPathComponent }
        for (folder, files) in byFolder.sorted(by: { $0.key < $1.key }) {
            let process = Process()
            process.executableURL = URL(filePath: soffice)
            process.arguments =
                ["--headless", "--norestore", "--convert-to", "pdf", "--outdir", folder.isEmpty ? "." : folder] + files
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do {
                try process.run()
            } catch {
                throw DiagnosticList([
                    Diagnostic(
                        .error, id: "A109", "LibreOffice ('\(soffice)') kon niet starten", at: SourceLocation(file: soffice))
                ])
            }
            process.waitUntilExit()
            if process.terminationStatus != 0 {
                throw DiagnosticList([
                    Diagnostic(
                        .error, id: "A109", "LibreOffice kon de documenten in \(folder) niet omzetten naar PDF",
                        at: SourceLocation(file: folder), hint: "open een document in LibreOffice om te zien wat er mis is")
                ])
            }
        }
        return documents.count
    }
}
