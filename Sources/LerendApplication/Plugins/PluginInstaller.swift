import Foundation
import LerendData
public import LerendDiagnostics
import LerendDocuments
public import LerendNetwork

/// Installs a `.lerendplugin` file into the user's plugin folder (`lerend plugin
/// installeer`).
///
/// Everything is checked before anything is written, and the bundle is unpacked into a
/// temporary folder next to its place and renamed into it at the end: a refused archive
/// installs nothing, and an installed version is replaced whole or not at all.
public struct PluginInstaller: Sendable {
    /// What was installed.
    public struct Result: Sendable {
        public let id: String
        public let version: Version
        /// The bundle folder.
        public let path: String
        /// The version it replaced, if one was installed.
        public let replaced: Version?
    }

    /// The folder bundles are installed in: ``ResourceLocator/userPluginFolder``.
    public let folder: String
    public var limits: PluginArchiveFormat.Limits
    /// The Lerend the bundle must be made for.
    public var lerendVersion: Version

    public init(
        folder: String, limits: PluginArchiveFormat.Limits = .standard, lerendVersion: Version = LerendVersion.current
    ) {
        self.folder = folder
        self.limits = limits
        self.lerendVersion = lerendVersion
    }

    /// Installs the archive at `path`; an installed newer version is replaced only when
    /// `replacingNewer` is set.
    public func install(_ path: String, replacingNewer: Bool = false) throws(DiagnosticList) -> Result {
        let archive = try open(path)
        let manifest = try checkedManifest(of: archive, at: path)
        guard let version = Version(manifest.versie) else {
            throw refusal("P130", "'\(manifest.versie)' in \(PluginArchiveFormat.manifestName) is geen versie", path)
        }
        guard let range = VersionRange(manifest.lerend), range.contains(lerendVersion) else {
            throw refusal(
                "P108", "deze bundel is gemaakt voor Lerend \(manifest.lerend), en dit is Lerend \(lerendVersion)", path,
                hint: "vraag de maker om een versie voor Lerend \(lerendVersion), of gebruik een Lerend die bij de bundel past")
        }
        let target = folder + "/" + manifest.id
        let installed = Self.installedVersion(at: target)
        if let installed, installed > version, !replacingNewer {
            throw refusal(
                "P135", "\(manifest.id) \(installed) is al geïnstalleerd; dit pakket is de oudere versie \(version)", path,
                hint: "installeer met --overschrijven om toch terug te gaan naar \(version)")
        }
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw refusal("P139", "kan de pluginmap \(folder) niet maken: \(SystemErrorText.dutch(error) ?? "\(error)")", path)
        }
        let staging = folder + "/.lerend-installeren-\(UUID().uuidString)"
        defer { try? manager.removeItem(atPath: staging) }
        try unpack(archive, manifest: manifest, into: staging, archivePath: path)
        do throws(DiagnosticList) {
            let plugin = try BundlePlugin.load(directory: staging, lerendVersion: lerendVersion)
            guard plugin.id == manifest.id else {
                throw refusal(
                    "P130", "het pakket zegt plugin '\(manifest.id)' te zijn, maar de bundel is '\(plugin.id)'", path)
            }
        } catch {
            throw DiagnosticList(
                error.diagnostics.map { Self.relocated($0, from: staging, to: path + ":" + PluginArchiveFormat.bundleFolder) })
        }
        try replace(target, with: staging, archivePath: path)
        return Result(id: manifest.id, version: version, path: target, replaced: installed)
    }

    /// The `versie:` of the bundle installed at `path`, if there is one.
    package static func installedVersion(at path: String) -> Version? {
        guard let manifest = try? DataFile.load(path: path + "/plugin.yaml"),
            case .scalar(let scalar)? = manifest.root["versie"]
        else { return nil }
        return Version(scalar.text)
    }

    private func open(_ path: String) throws(DiagnosticList) -> ZipMemberReader {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes else {
            throw refusal("P130", "het bestand '\(path)' bestaat niet", path, hint: "controleer de naam en de map")
        }
        if let size = attributes[.size] as? Int, size > limits.archiveSize {
            throw refusal(
                "P133",
                "het pakket is \(PluginArchiveFormat.megabytes(size)); een pakket is hoogstens "
                    + PluginArchiveFormat.megabytes(limits.archiveSize), path)
        }
        do throws(ZipMemberReader.Failure) {
            return try ZipMemberReader(path: path)
        } catch {
            throw refusal(
                "P130", "'\(path)' is geen pluginpakket: \(error.explanation)", path,
                hint: "een pluginpakket maak je met 'lerend plugin pak MAP'")
        }
    }

    /// The archive's manifest, after checking every member: safe names, no links, within
    /// the limits, and exactly the files the manifest lists with their checksums.
    private func checkedManifest(of archive: ZipMemberReader, at path: String) throws(DiagnosticList)
        -> PluginArchiveFormat.Manifest
    {
        var problems: [Diagnostic] = []
        var total = 0
        let files = archive.members.filter { !$0.isDirectory }
        if files.count > limits.files + 1 {
            problems.append(
                refusalDiagnostic("P133", "het pakket heeft \(files.count) bestanden; hoogstens \(limits.files)", path))
        }
        for entry in archive.members {
            if entry.isSpecialFile {
                problems.append(
                    refusalDiagnostic(
                        "P132", "'\(entry.name)' is een koppeling of een bijzonder bestand", path, detail: entry.name,
                        hint:
                            "een pluginpakket bevat alleen gewone bestanden; een koppeling kan naar elders op de computer wijzen")
                )
                continue
            }
            let name = entry.isDirectory ? String(entry.name.dropLast()) : entry.name
            if let reason = PluginArchiveFormat.unsafeness(of: name) {
                problems.append(
                    refusalDiagnostic(
                        "P131", "de naam '\(entry.name)' is niet veilig: \(reason)", path, detail: entry.name,
                        hint: "een pakket van 'lerend plugin pak' heeft alleen namen binnen de bundel"))
                continue
            }
            if name != PluginArchiveFormat.manifestName, !(name + "/").hasPrefix(PluginArchiveFormat.bundleFolder) {
                problems.append(
                    refusalDiagnostic("P131", "'\(entry.name)' hoort niet in een pluginpakket", path, detail: entry.name))
            }
            total += entry.size
            if entry.size > limits.fileSize {
                problems.append(
                    refusalDiagnostic(
                        "P133",
                        "'\(entry.name)' is uitgepakt \(PluginArchiveFormat.megabytes(entry.size)); hoogstens "
                            + PluginArchiveFormat.megabytes(limits.fileSize), path, detail: entry.name))
            }
        }
        if total > limits.totalSize {
            problems.append(
                refusalDiagnostic(
                    "P133",
                    "het pakket is uitgepakt \(PluginArchiveFormat.megabytes(total)); hoogstens "
                        + PluginArchiveFormat.megabytes(limits.totalSize), path))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }

        guard let manifestEntry = archive.members.first(where: { $0.name == PluginArchiveFormat.manifestName }),
            let bytes = try? archive.contents(of: manifestEntry, limit: limits.fileSize),
            let manifest = try? JSONDecoder().decode(PluginArchiveFormat.Manifest.self, from: Data(bytes))
        else {
            throw refusal(
                "P130", "'\(path)' is geen pluginpakket: \(PluginArchiveFormat.manifestName) ontbreekt of is onleesbaar", path,
                hint: "een pluginpakket maak je met 'lerend plugin pak MAP'")
        }
        guard manifest.formaat == PluginArchiveFormat.format else {
            throw refusal(
                "P130", "het pakket heeft formaat \(manifest.formaat); deze Lerend leest formaat \(PluginArchiveFormat.format)",
                path, hint: "installeer een nieuwere Lerend")
        }
        guard PluginArchiveFormat.isSafeID(manifest.id) else {
            throw refusal("P131", "de id '\(manifest.id)' kan geen mapnaam zijn", path)
        }
        var seenNames = Set<String>()
        for entry in archive.members where !seenNames.insert(entry.name).inserted {
            problems.append(
                refusalDiagnostic("P131", "'\(entry.name)' staat twee keer in het pakket", path, detail: entry.name))
        }
        var seenPaths = Set<String>()
        for file in manifest.bestanden {
            if let reason = PluginArchiveFormat.unsafeness(of: file.pad) {
                problems.append(
                    refusalDiagnostic("P131", "de naam '\(file.pad)' in de lijst is niet veilig: \(reason)", path))
            } else if !seenPaths.insert(file.pad).inserted {
                problems.append(refusalDiagnostic("P134", "'\(file.pad)' staat twee keer in de lijst", path))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        let listed = Dictionary(manifest.bestanden.map { ($0.pad, $0) }, uniquingKeysWith: { first, _ in first })
        let packed = Set(
            files.map(\.name).filter { $0.hasPrefix(PluginArchiveFormat.bundleFolder) }.map {
                String($0.dropFirst(PluginArchiveFormat.bundleFolder.count))
            })
        for name in packed.subtracting(listed.keys).sorted() {
            problems.append(
                refusalDiagnostic(
                    "P134", "'\(name)' zit in het pakket maar niet in de lijst met controlegetallen", path,
                    detail: PluginArchiveFormat.bundleFolder + name))
        }
        for name in Set(listed.keys).subtracting(packed).sorted() {
            problems.append(refusalDiagnostic("P134", "'\(name)' staat in de lijst maar ontbreekt in het pakket", path))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return manifest
    }

    /// Writes every listed file into `staging`, checking its size and SHA-256 on the way.
    private func unpack(
        _ archive: ZipMemberReader, manifest: PluginArchiveFormat.Manifest, into staging: String, archivePath: String
    ) throws(DiagnosticList) {
        let manager = FileManager.default
        var problems: [Diagnostic] = []
        for file in manifest.bestanden {
            let name = PluginArchiveFormat.bundleFolder + file.pad
            guard let entry = archive.members.first(where: { $0.name == name }) else { continue }
            let bytes: [UInt8]
            do throws(ZipMemberReader.Failure) {
                bytes = try archive.contents(of: entry, limit: limits.fileSize)
            } catch {
                problems.append(refusalDiagnostic("P134", "'\(file.pad)' is beschadigd: \(error.explanation)", archivePath))
                continue
            }
            guard bytes.count == file.grootte, SHA256.hex(bytes) == file.sha256.lowercased() else {
                problems.append(
                    refusalDiagnostic(
                        "P134", "het controlegetal van '\(file.pad)' klopt niet: het bestand is onderweg veranderd",
                        archivePath, detail: name, hint: "vraag de maker het pakket opnieuw te sturen"))
                continue
            }
            let target = staging + "/" + file.pad
            do {
                try manager.createDirectory(
                    atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(bytes).write(to: URL(filePath: target), options: .withoutOverwriting)
            } catch {
                problems.append(
                    refusalDiagnostic(
                        "P139", "kan '\(file.pad)' niet uitpakken: \(SystemErrorText.dutch(error) ?? "\(error)")", archivePath))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
    }

    /// Puts `staging` at `target`, moving a bundle that is there out of the way first
    /// and back if the move fails.
    private func replace(_ target: String, with staging: String, archivePath: String) throws(DiagnosticList) {
        let manager = FileManager.default
        let old = folder + "/.lerend-oud-\(UUID().uuidString)"
        let hadOld = manager.fileExists(atPath: target)
        do {
            if hadOld { try manager.moveItem(atPath: target, toPath: old) }
            do {
                try manager.moveItem(atPath: staging, toPath: target)
            } catch {
                if hadOld { try? manager.moveItem(atPath: old, toPath: target) }
                throw error
            }
        } catch {
            throw refusal(
                "P139", "kan de plugin niet in \(target) zetten: \(SystemErrorText.dutch(error) ?? "\(error)")", archivePath)
        }
        if hadOld { try? manager.removeItem(atPath: old) }
    }

    /// `diagnostic` with the temporary folder in its place replaced by the archive.
    static func relocated(_ diagnostic: Diagnostic, from staging: String, to archive: String) -> Diagnostic {
        var result = diagnostic
        if let file = result.location?.file, file.hasPrefix(staging + "/") {
            result.location?.file = archive + file.dropFirst(staging.count + 1)
        }
        result.message = result.message.replacingOccurrences(of: staging + "/", with: "")
        result.hint = result.hint?.replacingOccurrences(of: staging, with: "de bundel")
        return result
    }

    private func refusalDiagnostic(
        _ id: String, _ message: String, _ path: String, detail: String? = nil, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, id: id, message, at: SourceLocation(file: path, detail: detail), hint: hint)
    }

    private func refusal(_ id: String, _ message: String, _ path: String, hint: String? = nil) -> DiagnosticList {
        DiagnosticList([refusalDiagnostic(id, message, path, hint: hint)])
    }
}
