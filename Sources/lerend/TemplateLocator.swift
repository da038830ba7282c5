import Foundation
import LerendData
import LerendNetwork

/// Finds the template of a document: the network file's own (`netwerk.sjablonen`), the
/// plugin's, or the default in `Templates/` (in the current folder, or next to or above
/// the `lerend` program).
struct TemplateLocator {
    let networkPath: String
    let networkFile: NetworkFile
    let plugin: any Plugin

    /// The file names of the default templates, by document.
    static let defaults = ["plan": "plan-van-aanpak", "uitnodiging": "uitnodiging", "agenda": "agenda"]

    enum Failure: Error {
        case wrongFormat(path: String, wanted: String)
        case notFound(document: String, searched: [String])
    }

    func path(for document: String, format: String) throws(Failure) -> String {
        if let own = networkFile.file.root.text("netwerk.sjablonen.\(document)") {
            let folder = (networkPath as NSString).deletingLastPathComponent
            let path = own.hasPrefix("/") || folder.isEmpty ? own : folder + "/" + own
            guard (path as NSString).pathExtension.lowercased() == format else { throw .wrongFormat(path: path, wanted: format) }
            return path
        }
        if let path = plugin.templates[document]?[format] { return path }
        let name = "\(Self.defaults[document] ?? document).\(format)"
        var candidates = [FileManager.default.currentDirectoryPath + "/Templates/" + name]
        var folder = URL(filePath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(folder.appending(path: "Templates/\(name)").path(percentEncoded: false))
            candidates.append(folder.appending(path: "share/lerend/Templates/\(name)").path(percentEncoded: false))
            folder = folder.deletingLastPathComponent()
        }
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) { return found }
        throw .notFound(document: document, searched: candidates)
    }
}
