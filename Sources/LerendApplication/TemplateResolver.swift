import Foundation
import LerendData
import LerendDiagnostics
import LerendDocuments
import LerendExpressions
import LerendNetwork

/// Chooses the template of a kind of document: the network file's own
/// (`netwerk.sjablonen`), else the plugin's, else the default of the installation.
struct TemplateResolver {
    let session: NetworkSession

    func path(for kind: DocumentKind, format: DocumentFormat) throws(DiagnosticList) -> String {
        let file = session.networkFile.file
        let (node, missing) = file.root.descendant(atPath: "netwerk.sjablonen.\(kind.rawValue)")
        if missing == nil, let own = node.value.stringValue, !own.isEmpty {
            let path = session.ownFilePath(own)
            let given = (path as NSString).pathExtension.lowercased()
            guard given == format.fileExtension else {
                throw DiagnosticList([
                    file.diagnostic(
                        id: "A105",
                        "het eigen sjabloon voor de \(kind.label) is een .\(given)-bestand, maar er is om .\(format.fileExtension) gevraagd",
                        at: node,
                        hint: "kies het formaat \(given) (--formaat \(given)), of noem hier een .\(format.fileExtension)-sjabloon"
                    )
                ])
            }
            try session.requireOwnFile(path, named: own, at: node, what: "het eigen sjabloon", short: "het sjabloon")
            return path
        }
        if let path = session.plugin.templates[kind]?[format.fileExtension] { return path }
        let name = kind.defaultTemplateName + "." + format.fileExtension
        if let path = session.locator.defaultTemplate(named: name) { return path }
        var notes = session.locator.searchedNotes(session.locator.templatePlaces).map { $0 + " naar \(name)" }
        if let other = session.plugin.templates[kind]?.keys.sorted().first {
            notes.insert("de plugin '\(session.plugin.id)' heeft alleen een .\(other)-sjabloon voor de \(kind.label)", at: 0)
        }
        throw DiagnosticList([
            Diagnostic(
                .error, id: "A104", "geen sjabloon voor de \(kind.label) (.\(format.fileExtension)) gevonden",
                at: SourceLocation(file: session.path), hint: ResourceLocator.homeHint, notes: notes)
        ])
    }
}

extension NetworkSession {
    /// Where a file the network file names (`netwerk.sjablonen`) is: relative to the
    /// network file's folder, or absolute.
    func ownFilePath(_ own: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return own.hasPrefix("/") || folder.isEmpty ? own : folder + "/" + own
    }

    /// Checks a file the network file names at `node`: it lies in the network file's folder
    /// or a folder of `--sjablonen` (A110) and exists (A104). `what` and `short` name it in
    /// the messages: "het eigen sjabloon", "het sjabloon".
    func requireOwnFile(
        _ ownPath: String, named own: String, at node: DataNode, what: String, short: String
    ) throws(DiagnosticList) {
        let file = networkFile.file
        let folder = (path as NSString).deletingLastPathComponent
        let allowed = [folder.isEmpty ? "." : folder] + locator.templateFolders
        guard !own.hasPrefix("~"), allowed.contains(where: { InputFile.lies(ownPath, inside: $0) }) else {
            throw DiagnosticList([
                file.diagnostic(
                    id: "A110", "\(what) '\(own)' ligt buiten de map van het netwerkbestand", at: node,
                    hint:
                        "zet \(short) in \(folder.isEmpty ? "de map van het netwerkbestand" : folder), of noem de map met --sjablonen MAP"
                )
            ])
        }
        guard FileManager.default.fileExists(atPath: ownPath) else {
            throw DiagnosticList([
                file.diagnostic(
                    id: "A104", "\(what) '\(own)' bestaat niet", at: node,
                    hint: "de naam geldt vanaf de map van het netwerkbestand: \(folder.isEmpty ? "." : folder)")
            ])
        }
    }
}
