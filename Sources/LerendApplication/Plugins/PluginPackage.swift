import Foundation
public import LerendDiagnostics
import LerendDocuments
public import LerendNetwork

/// Makes one `.lerendplugin` file of a bundle folder (`lerend plugin pak`), for the
/// organisers of other networks to install.
public enum PluginPackage: Sendable {
    /// What was packed.
    public struct Result: Sendable {
        public let plugin: BundlePlugin
        /// The archive written.
        public let path: String
        public let files: Int
        public let bytes: Int
    }

    /// Packs the bundle in `directory` into `output`, or into
    /// `<id>-<versie>.lerendplugin` in `outputFolder` when `output` is `nil`. The bundle
    /// must load without problems and name its `versie` and `lerend` range.
    public static func pack(
        directory: String, output: String? = nil, outputFolder: String,
        limits: PluginArchiveFormat.Limits = .standard
    ) throws(DiagnosticList) -> Result {
        let directory = bundleFolder(directory)
        let plugin = try BundlePlugin.load(directory: directory)
        if let missing = missingVersions(of: plugin) { throw DiagnosticList([missing]) }
        let files = try bundleFiles(in: directory, limits: limits)
        var listed: [PluginArchiveFormat.Manifest.File] = []
        var contents: [(String, [UInt8])] = []
        for path in files {
            guard let data = FileManager.default.contents(atPath: directory + "/" + path) else {
                throw DiagnosticList([
                    Diagnostic(.error, id: "P139", "kan '\(path)' niet lezen", at: SourceLocation(file: directory))
                ])
            }
            let bytes = [UInt8](data)
            listed.append(.init(pad: path, grootte: bytes.count, sha256: SHA256.hex(bytes)))
            contents.append((PluginArchiveFormat.bundleFolder + path, bytes))
        }
        let manifest = PluginArchiveFormat.Manifest(
            formaat: PluginArchiveFormat.format, id: plugin.id, versie: plugin.version!.description,
            lerend: plugin.lerendVersions!.text, bestanden: listed)
        let manifestBytes = Array(JSONText.encode(manifest).utf8)
        let target =
            output
            ?? outputFolder + "/\(plugin.id)-\(plugin.version!).\(PluginArchiveFormat.fileExtension)"
        guard let archive = StoredZip.archive([(PluginArchiveFormat.manifestName, manifestBytes)] + contents) else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "P133", "de bundel past niet in één zip-bestand", at: SourceLocation(file: directory),
                    hint: "maak de bundel kleiner")
            ])
        }
        try OutputGuard.refuseInput(target, inputs: files.map { directory + "/" + $0 }, what: "een bestand van de bundel")
        try OutputGuard.write(archive, to: target)
        return Result(plugin: plugin, path: target, files: files.count, bytes: archive.count)
    }

    /// `path` without the slashes at its end (`Plugins/kenniz/` is `Plugins/kenniz`), so
    /// that messages name `Plugins/kenniz/plugin.yaml`.
    static func bundleFolder(_ path: String) -> String {
        var folder = path
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        return folder
    }

    /// The message when the manifest lacks the `versie` or the `lerend` range a
    /// package needs, or `nil`.
    public static func missingVersions(of plugin: BundlePlugin) -> Diagnostic? {
        var missing: [String] = []
        var phrases: [String] = []
        if plugin.version == nil {
            missing.append("versie: \"1.0.0\"")
            phrases.append("geen versie")
        }
        if plugin.lerendVersions == nil {
            let current = LerendVersion.current
            missing.append("lerend: \">=\(current.parts[0]).\(current.parts[1]) <\(current.parts[0] + 1).0\"")
            phrases.append("niet voor welke Lerend de bundel is")
        }
        guard !missing.isEmpty else { return nil }
        return Diagnostic(
            .error, id: "P136", "het manifest noemt " + phrases.joined(separator: " en "),
            at: SourceLocation(file: plugin.directory + "/plugin.yaml"),
            hint: "zet in plugin.yaml: " + missing.joined(separator: " en ")
                + "; wie de bundel installeert, ziet zo of hij nieuwer is en bij zijn Lerend past")
    }

    /// The files of the bundle, relative to it, in name order; hidden files and earlier
    /// packages are left out. A link or a special file is refused.
    static func bundleFiles(in directory: String, limits: PluginArchiveFormat.Limits) throws(DiagnosticList) -> [String] {
        var files: [String] = []
        var total = 0
        var problems: [Diagnostic] = []
        let manager = FileManager.default
        let root = URL(filePath: directory)
        let keys: [URLResourceKey] = [.isSymbolicLinkKey, .isRegularFileKey, .isDirectoryKey, .fileSizeKey]
        guard
            let walker = manager.enumerator(
                at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        else { return [] }
        let prefix = root.standardizedFileURL.path(percentEncoded: false)
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: Set(keys))
            var path = url.standardizedFileURL.path(percentEncoded: false)
            if path.hasPrefix(prefix) { path.removeFirst(prefix.count) }
            while path.hasPrefix("/") { path.removeFirst() }
            if path.hasSuffix("." + PluginArchiveFormat.fileExtension) { continue }
            if values?.isSymbolicLink == true || (values?.isRegularFile != true && values?.isDirectory != true) {
                problems.append(
                    Diagnostic(
                        .error, id: "P132", "'\(path)' is een koppeling of een bijzonder bestand",
                        at: SourceLocation(file: directory + "/" + path),
                        hint: "zet het bestand zelf in de bundel; een pakket bevat alleen gewone bestanden en mappen"))
                continue
            }
            guard values?.isRegularFile == true else { continue }
            if let reason = PluginArchiveFormat.unsafeness(of: path) {
                problems.append(
                    Diagnostic(
                        .error, id: "P131", "'\(path)' kan niet in een pakket: de naam bevat \(reason)",
                        at: SourceLocation(file: directory + "/" + path), hint: "geef het bestand een andere naam"))
                continue
            }
            let size = values?.fileSize ?? 0
            total += size
            if size > limits.fileSize {
                problems.append(
                    Diagnostic(
                        .error, id: "P133",
                        "'\(path)' is \(PluginArchiveFormat.megabytes(size)); een bestand in een pakket is hoogstens "
                            + PluginArchiveFormat.megabytes(limits.fileSize), at: SourceLocation(file: directory + "/" + path)))
            }
            files.append(path)
        }
        if files.count > limits.files || total > limits.totalSize {
            problems.append(
                Diagnostic(
                    .error, id: "P133",
                    "de bundel is te groot voor een pakket: \(files.count) bestanden, \(PluginArchiveFormat.megabytes(total)); "
                        + "hoogstens \(limits.files) bestanden en \(PluginArchiveFormat.megabytes(limits.totalSize))",
                    at: SourceLocation(file: directory)))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return files.sorted()
    }
}
