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
            let folder = (session.path as NSString).deletingLastPathComponent
            let path = own.hasPrefix("/") || folder.isEmpty ? own : folder + "/" + own
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
            let allowed = [folder.isEmpty ? "." : folder] + session.locator.templateFolders
            guard !own.hasPrefix("~"), allowed.contains(where: { InputFile.lies(path, inside: $0) }) else {
                throw DiagnosticList([
                    file.diagnostic(
                        id: "A110", "het eigen sjabloon '\(own)' ligt buiten de map van het netwerkbestand", at: node,
                        hint:
                            "zet het sjabloon in \(folder.isEmpty ? "de map van het netwerkbestand" : folder), of noem de map met --sjablonen MAP"
                    )
                ])
            }
            guard FileManager.default.fileExists(atPath: path) else {
                throw DiagnosticList([
                    file.diagnostic(
                        id: "A104", "het eigen sjabloon '\(own)' bestaat niet", at: node,
                        hint: "de naam geldt vanaf de map van het netwerkbestand: \(folder.isEmpty ? "." : folder)")
                ])
            }
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
