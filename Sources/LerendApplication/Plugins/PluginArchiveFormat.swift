import Foundation

/// The layout of a `.lerendplugin` file: a zip with `lerendplugin.json` (the id, the
/// versions and the SHA-256 of every file) and the bundle's files under `bundel/`.
///
/// ```json
/// {"formaat": 1, "id": "zorggroep-oost", "versie": "1.0.0", "lerend": ">=0.1 <1.0",
///  "bestanden": [{"pad": "plugin.yaml", "grootte": 312, "sha256": "9f86d0..."}]}
/// ```
public enum PluginArchiveFormat: Sendable {
    /// The extension of a plugin archive.
    public static let fileExtension = "lerendplugin"
    /// The name of the archive's own manifest.
    static let manifestName = "lerendplugin.json"
    /// The folder in the archive that holds the bundle.
    static let bundleFolder = "bundel/"
    /// The version of this layout.
    static let format = 1

    /// How much an archive may hold; the installer refuses anything larger before it
    /// writes a byte.
    public struct Limits: Sendable {
        /// The most files in a bundle.
        public var files = 1_000
        /// The largest file, unpacked.
        public var fileSize = 32 * 1_048_576
        /// All files together, unpacked.
        public var totalSize = 128 * 1_048_576
        /// The archive itself.
        public var archiveSize = 128 * 1_048_576

        public init() {}

        /// The limits `lerend plugin pak` and `installeer` use.
        public static let standard = Limits()
    }

    /// The manifest as it is written into, and read from, the archive.
    struct Manifest: Codable {
        struct File: Codable {
            let pad: String
            let grootte: Int
            let sha256: String
        }
        let formaat: Int
        let id: String
        let versie: String
        let lerend: String
        let bestanden: [File]
    }

    /// Why `path` (a path inside a bundle, with `/` between folders) is no safe name to
    /// write under a folder, or `nil` when it is one: no absolute path, no `..`, no
    /// backslash or drive letter, no control characters, no hidden or empty parts.
    static func unsafeness(of path: String) -> String? {
        if path.isEmpty { return "een lege naam" }
        if path.hasPrefix("/") || path.hasPrefix("~") { return "een absoluut pad" }
        if path.contains("\\") || path.contains(":") { return "een '\\' of ':' (een pad van Windows)" }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "een stuurteken" }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains("..") { return "'..' (een map hoger)" }
        if parts.contains(where: { $0.isEmpty || $0 == "." }) { return "een lege map in het pad" }
        if parts.contains(where: { $0.hasPrefix(".") }) { return "een verborgen naam (die met een punt begint)" }
        if path.utf8.count > 512 { return "een naam van meer dan 512 bytes" }
        return nil
    }

    /// Whether `id` can be the name of a folder in the plugin folder.
    static func isSafeID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 100 && !id.hasPrefix(".") && !id.hasPrefix("-")
            && id.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0) }
            && id.unicodeScalars.allSatisfy(\.isASCII)
    }

    /// "12,5 MB", or "3 kB" below a megabyte.
    static func megabytes(_ bytes: Int) -> String {
        if bytes < 1_048_576 { return "\((bytes + 1023) / 1024) kB" }
        return String(format: "%.1f MB", Double(bytes) / 1_048_576).replacingOccurrences(of: ".", with: ",")
    }
}
