import Foundation
import LerendData
import LerendDiagnostics
import LerendDocuments
import LerendExpressions
import LerendNetwork

/// Finds the logo of a network's documents: the network file's own (`netwerk.logo`,
/// relative to the network file and inside its folder), else the plugin's (checked
/// inside its bundle when the bundle was loaded). The engine reads pictures only from
/// the folders this gives it.
struct LogoResolver {
    let session: NetworkSession

    /// The network file's own logo, or nil when it names none; an error when it lies
    /// outside the network file's folder or does not exist.
    func ownLogo() throws(DiagnosticList) -> String? {
        let file = session.networkFile.file
        let (node, missing) = file.root.descendant(atPath: "netwerk.logo")
        guard missing == nil, let own = node.value.stringValue, !own.isEmpty else { return nil }
        let folder = networkFolder
        let path = own.hasPrefix("/") ? own : folder + "/" + own
        guard !own.hasPrefix("~"), InputFile.lies(path, inside: folder) else {
            throw DiagnosticList([
                file.diagnostic(
                    id: "A111", "het logo '\(own)' ligt buiten de map van het netwerkbestand", at: node,
                    hint: "zet het logo in \(folder) en noem het met zijn naam, zoals logo.png")
            ])
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw DiagnosticList([
                file.diagnostic(
                    id: "A112", "het logo '\(own)' bestaat niet", at: node,
                    hint: "de naam geldt vanaf de map van het netwerkbestand: \(folder)")
            ])
        }
        return path
    }

    /// The folders picture tags may read from: the network file's and the plugin bundle's.
    var imageFolders: ImageFolders {
        var folders = [networkFolder]
        if let bundle = session.plugin as? BundlePlugin { folders.append(bundle.directory) }
        return ImageFolders(folders)
    }

    private var networkFolder: String {
        let folder = (session.path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }
}
