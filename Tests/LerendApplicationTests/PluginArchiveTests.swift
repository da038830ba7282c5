import Foundation
import LerendApplication
import LerendDiagnostics
import LerendDocuments
import LerendNetwork
import Testing

/// Packing a bundle into a `.lerendplugin` file and installing it: what is refused, and
/// that a refused archive installs nothing.
@Suite struct PluginArchiveTests {
    @Test func sha256OfTheStandardVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    /// A new bundle `id` in `folder` with version `version`.
    static func bundle(id: String = "zorggroep-oost", version: String = "0.1.0", in folder: String) throws -> String {
        let path = folder + "/" + id
        _ = try PluginScaffold.create(at: path, locator: Repository.locator())
        let manifest = try String(contentsOfFile: path + "/plugin.yaml", encoding: .utf8)
        try write(manifest.replacing("versie: \"0.1.0\"", with: "versie: \"\(version)\""), to: path + "/plugin.yaml")
        return path
    }

    /// What is in `folder`, hidden names too; empty when it does not exist.
    static func contents(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test func aPackedBundleInstallsAndReplacesItsOwnVersion() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let packed = try PluginPackage.pack(directory: Self.bundle(in: folder), outputFolder: folder)
        #expect(packed.path == folder + "/zorggroep-oost-0.1.0.lerendplugin")
        #expect(packed.files == 13)

        let installer = PluginInstaller(folder: folder + "/plugins")
        let installed = try installer.install(packed.path)
        #expect(installed.id == "zorggroep-oost")
        #expect(installed.version == Version("0.1.0"))
        #expect(installed.replaced == nil)
        #expect(Self.contents(folder + "/plugins") == ["zorggroep-oost"])
        let plugin = try BundlePlugin.load(directory: installed.path)
        #expect(plugin.ruleSets.first?.rules.map(\.id) == ["ZO-01"])
        #expect(ExampleRunner(plugin: plugin).run().allSatisfy { $0.passed })

        let again = try installer.install(packed.path)
        #expect(again.replaced == Version("0.1.0"))
        #expect(Self.contents(folder + "/plugins") == ["zorggroep-oost"])
    }

    @Test func anOlderVersionDoesNotReplaceANewerOneUnasked() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let newer = try PluginPackage.pack(directory: Self.bundle(version: "0.2.0", in: folder + "/nieuw"), outputFolder: folder)
        let older = try PluginPackage.pack(directory: Self.bundle(version: "0.1.0", in: folder + "/oud"), outputFolder: folder)
        let installer = PluginInstaller(folder: folder + "/plugins")
        _ = try installer.install(newer.path)

        #expect {
            try installer.install(older.path)
        } throws: { error in
            let diagnostic = (error as? DiagnosticList)?.diagnostics.first
            return diagnostic?.id == "P135"
                && diagnostic?.message == "zorggroep-oost 0.2.0 is al geïnstalleerd; dit pakket is de oudere versie 0.1.0"
                && diagnostic?.hint?.contains("--overschrijven") == true
        }
        #expect(PluginInstaller.installedVersion(at: folder + "/plugins/zorggroep-oost") == Version("0.2.0"))
        #expect(Self.contents(folder + "/plugins") == ["zorggroep-oost"])

        let replaced = try installer.install(older.path, replacingNewer: true)
        #expect(replaced.replaced == Version("0.2.0"))
        #expect(PluginInstaller.installedVersion(at: folder + "/plugins/zorggroep-oost") == Version("0.1.0"))
    }

    /// A `.lerendplugin` file made member by member: a bundle with a manifest that lists
    /// `listed` (default: every member under `bundel/`, with its real checksum).
    static func crafted(
        _ members: [(String, [UInt8])], lerend: String = ">=0.1 <1.0", id: String = "handwerk",
        checksum: (String, [UInt8]) -> String = { SHA256.hex($1) }, link: String? = nil, at path: String
    ) throws -> String {
        let files = members.filter { $0.0.hasPrefix("bundel/") }.map { name, bytes in
            ["pad": String(name.dropFirst("bundel/".count)), "grootte": bytes.count, "sha256": checksum(name, bytes)]
                as [String: Any]
        }
        let manifest: [String: Any] = ["formaat": 1, "id": id, "versie": "1.0.0", "lerend": lerend, "bestanden": files]
        let json = try [UInt8](JSONSerialization.data(withJSONObject: manifest))
        var bytes = try #require(StoredZip.archive([("lerendplugin.json", json)] + members))
        if let link { markAsLink(link, in: &bytes) }
        try Data(bytes).write(to: URL(filePath: path))
        return path
    }

    /// Sets the Unix mode of member `name` in the central directory to a symbolic link.
    static func markAsLink(_ name: String, in bytes: inout [UInt8]) {
        let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        var offset = 0
        while offset + 46 < bytes.count {
            if Array(bytes[offset..<offset + 4]) == signature {
                let nameLength = Int(bytes[offset + 28]) | Int(bytes[offset + 29]) << 8
                if String(decoding: bytes[offset + 46..<offset + 46 + nameLength], as: UTF8.self) == name {
                    let mode = UInt32(0o120777) << 16
                    for index in 0..<4 { bytes[offset + 38 + index] = UInt8(truncatingIfNeeded: mode >> UInt32(8 * index)) }
                }
            }
            offset += 1
        }
    }

    static let manifest = Array("id: handwerk\nnaam: Handwerk\nversie: \"1.0.0\"\nlerend: \">=0.1 <1.0\"\n".utf8)

    struct Broken: Sendable, CustomTestStringConvertible {
        let name: String
        let id: String
        let message: String
        var limits = PluginArchiveFormat.Limits.standard
        let make: @Sendable (String) throws -> String
        var testDescription: String { name }
    }

    /// Limits small enough to pass in a test.
    static let small: PluginArchiveFormat.Limits = {
        var limits = PluginArchiveFormat.Limits()
        limits.fileSize = 1024
        return limits
    }()

    static let broken: [Broken] = [
        Broken(name: "a name that climbs out", id: "P131", message: "de naam 'bundel/../../buiten.txt' is niet veilig: '..'") {
            try crafted([("bundel/plugin.yaml", manifest), ("bundel/../../buiten.txt", Array("x".utf8))], at: $0)
        },
        Broken(name: "an absolute name", id: "P131", message: "de naam '/tmp/lerend-buiten.txt' is niet veilig: een absoluut pad")
        {
            try crafted([("bundel/plugin.yaml", manifest), ("/tmp/lerend-buiten.txt", Array("x".utf8))], at: $0)
        },
        Broken(name: "a hidden name", id: "P131", message: "de naam 'bundel/.bashrc' is niet veilig: een verborgen naam") {
            try crafted([("bundel/plugin.yaml", manifest), ("bundel/.bashrc", Array("x".utf8))], at: $0)
        },
        Broken(name: "a symbolic link", id: "P132", message: "'bundel/regels.yaml' is een koppeling of een bijzonder bestand") {
            try crafted(
                [("bundel/plugin.yaml", manifest), ("bundel/regels.yaml", Array("/etc/passwd".utf8))],
                link: "bundel/regels.yaml", at: $0)
        },
        Broken(
            name: "a file past the limit", id: "P133", message: "'bundel/groot.txt' is uitgepakt 3 kB; hoogstens 1 kB",
            limits: small
        ) {
            try crafted([("bundel/plugin.yaml", manifest), ("bundel/groot.txt", [UInt8](repeating: 0x20, count: 3000))], at: $0)
        },
        Broken(
            name: "a bundle for another Lerend", id: "P108", message: "deze bundel is gemaakt voor Lerend >=9.0, en dit is Lerend"
        ) {
            try crafted([("bundel/plugin.yaml", manifest)], lerend: ">=9.0", at: $0)
        },
        Broken(
            name: "a file changed on the way", id: "P134",
            message: "het controlegetal van 'regels.yaml' klopt niet: het bestand is onderweg veranderd"
        ) {
            try crafted(
                [("bundel/plugin.yaml", manifest), ("bundel/regels.yaml", Array("regelset: x".utf8))],
                checksum: { name, bytes in SHA256.hex(name.hasSuffix("regels.yaml") ? bytes + [0x0A] : bytes) }, at: $0)
        },
        Broken(name: "a file not in the list", id: "P134", message: "'extra.txt' zit in het pakket maar niet in de lijst") {
            let path = try crafted([("bundel/plugin.yaml", manifest)], at: $0)
            let archive = try ZipMemberReader(path: path)
            let members = try archive.members.map { ($0.name, try archive.contents(of: $0, limit: 1_000_000)) }
            try Data(StoredZip.archive(members + [("bundel/extra.txt", Array("x".utf8))])!).write(to: URL(filePath: path))
            return path
        },
        Broken(name: "a name twice", id: "P131", message: "'bundel/plugin.yaml' staat twee keer in het pakket") {
            try crafted([("bundel/plugin.yaml", manifest), ("bundel/plugin.yaml", Array("id: ander\n".utf8))], at: $0)
        },
        Broken(name: "no zip at all", id: "P130", message: "is geen pluginpakket") { path in
            try write("id: handwerk\n", to: path)
            return path
        },
        Broken(name: "a bundle that does not load", id: "D214", message: "onbekende sleutel 'regles' in het manifest") {
            try crafted([("bundel/plugin.yaml", manifest + Array("regles: [regels.yaml]\n".utf8))], at: $0)
        },
    ]

    @Test(arguments: broken)
    func aBrokenArchiveIsRefusedInDutchAndInstallsNothing(_ broken: Broken) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let archive = try broken.make(folder + "/handwerk.lerendplugin")
        let plugins = folder + "/plugins"
        do throws(DiagnosticList) {
            _ = try PluginInstaller(folder: plugins, limits: broken.limits).install(archive)
            Issue.record("installed")
        } catch {
            let text = DiagnosticRenderer().render(error.diagnostics)
            #expect(error.diagnostics.first?.id == broken.id, "\(text)")
            #expect(text.contains(broken.message), "\(text)")
            #expect(text.contains(archive), "\(text)")
            #expect(!text.contains(".lerend-installeren"), "\(text)")
        }
        #expect(Self.contents(plugins) == [])
        #expect(!FileManager.default.fileExists(atPath: "/tmp/lerend-buiten.txt"))
        #expect(!FileManager.default.fileExists(atPath: (folder as NSString).deletingLastPathComponent + "/buiten.txt"))
    }

    @Test func aRefusedArchiveLeavesTheInstalledVersionAlone() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plugins = folder + "/plugins"
        let good = try Self.crafted([("bundel/plugin.yaml", Self.manifest)], at: folder + "/goed.lerendplugin")
        _ = try PluginInstaller(folder: plugins).install(good)
        let before = try Data(contentsOf: URL(filePath: plugins + "/handwerk/plugin.yaml"))
        let bad = try Self.crafted(
            [("bundel/plugin.yaml", Self.manifest + Array("kapot: ja\n".utf8))], at: folder + "/kapot.lerendplugin")
        #expect(throws: DiagnosticList.self) { try PluginInstaller(folder: plugins).install(bad, replacingNewer: true) }
        #expect(Self.contents(plugins) == ["handwerk"])
        #expect(try Data(contentsOf: URL(filePath: plugins + "/handwerk/plugin.yaml")) == before)
    }

    @Test func packingRefusesALinkAndAManifestWithoutVersions() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bundle = try Self.bundle(in: folder)
        try FileManager.default.createSymbolicLink(atPath: bundle + "/geheim.txt", withDestinationPath: "/etc/passwd")
        #expect {
            try PluginPackage.pack(directory: bundle, outputFolder: folder)
        } throws: { ($0 as? DiagnosticList)?.diagnostics.map(\.id) == ["P132"] }
        try FileManager.default.removeItem(atPath: bundle + "/geheim.txt")

        let manifest = try String(contentsOfFile: bundle + "/plugin.yaml", encoding: .utf8)
        try write(
            manifest.split(separator: "\n").filter { !$0.hasPrefix("lerend:") }.joined(separator: "\n"),
            to: bundle + "/plugin.yaml")
        #expect {
            try PluginPackage.pack(directory: bundle, outputFolder: folder)
        } throws: { error in
            let diagnostic = (error as? DiagnosticList)?.diagnostics.first
            return diagnostic?.id == "P136" && diagnostic?.message == "het manifest noemt niet voor welke Lerend de bundel is"
        }
        #expect(Self.contents(folder) == ["zorggroep-oost"])
    }

    @Test func packingNeverWritesOverAFileOfTheBundle() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bundle = try Self.bundle(in: folder)
        let before = try Data(contentsOf: URL(filePath: bundle + "/regels.yaml"))
        #expect {
            try PluginPackage.pack(directory: bundle, output: bundle + "/regels.yaml", outputFolder: folder)
        } throws: { ($0 as? DiagnosticList)?.diagnostics.map(\.id) == ["O005"] }
        #expect(try Data(contentsOf: URL(filePath: bundle + "/regels.yaml")) == before)
    }

    @Test func theCatalogListsEveryPlaceAndRemovesOnlyFromTheUsersFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let packed = try PluginPackage.pack(
            directory: Self.bundle(id: "kenniz", version: "9.0.0", in: folder), outputFolder: folder)
        let locator = ResourceLocator(
            environment: ["LEREND_HOME": Repository.root, "XDG_DATA_HOME": folder + "/data"], executablePath: nil)
        _ = try PluginInstaller(folder: locator.userPluginFolder).install(packed.path)

        let catalog = PluginCatalog(locator: locator)
        let kenniz = catalog.entries().filter { $0.id == "kenniz" }
        #expect(kenniz.map(\.place.origin) == [.userFolder, .homeVariable])
        #expect(kenniz.map(\.isActive) == [true, false])
        #expect(kenniz.map { $0.version?.description } == ["9.0.0", "1.0.0"])
        #expect(catalog.entries().contains { $0.id == "waardigheid-en-trots" && $0.isActive })

        #expect {
            try catalog.remove("waardigheid-en-trots")
        } throws: { error in
            let diagnostic = (error as? DiagnosticList)?.diagnostics.first
            return diagnostic?.id == "P137" && diagnostic?.message.contains("(LEREND_HOME)") == true
        }
        let removed = try catalog.remove("kenniz")
        #expect(removed.path == locator.userPluginFolder + "/kenniz")
        #expect(Self.contents(locator.userPluginFolder) == [])
        #expect(FileManager.default.fileExists(atPath: Repository.plugins + "/kenniz/plugin.yaml"))
        #expect(catalog.entries().first { $0.id == "kenniz" }?.place.origin == .homeVariable)
    }

    @Test func aNewBundleNeverReplacesAFolderAndNeedsAnID() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write("mijn aantekeningen", to: folder + "/bestaat/notities.txt")
        for (name, message) in [
            ("bestaat", "bestaat al"), ("Zorggroep Oost", "'Zorggroep Oost' kan geen id van een plugin zijn"),
        ] {
            #expect {
                try PluginScaffold.create(at: folder + "/" + name, locator: Repository.locator())
            } throws: { error in
                let diagnostic = (error as? DiagnosticList)?.diagnostics.first
                return diagnostic?.id == "P138" && diagnostic?.message.contains(message) == true
            }
        }
        #expect(Self.contents(folder + "/bestaat") == ["notities.txt"])
        #expect(Self.contents(folder) == ["bestaat"])
    }
}
