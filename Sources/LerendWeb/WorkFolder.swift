import Foundation

/// The folder of network files the web application serves (`lerend web MAP`).
///
/// A request names a network by its file name only; ``path(of:)`` accepts a name only when
/// it is one of the files ``networkFiles()`` lists, so no request can reach a file outside
/// the folder (no `/`, no `..`, no link that leads elsewhere).
struct WorkFolder: Sendable {
    /// The folder, absolute, with links resolved.
    let path: String

    init(_ path: String) {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        self.path = URL(filePath: (absolute as NSString).standardizingPath).resolvingSymlinksInPath().path(
            percentEncoded: false)
    }

    /// The names of the network files in the folder (`.yaml` and `.yml`, not hidden, regular
    /// files, no links), sorted as a person would.
    func networkFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return
            names
            .filter { name in
                !name.hasPrefix(".") && (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && Self.isSafeName(name)
                    && isRegularFile(name)
            }
            .sorted { $0.localizedStandardCompare($1) == .orderedAscending }
    }

    /// The full path of the network file `name`, when it is one of ``networkFiles()``.
    func path(of name: String) -> String? {
        guard Self.isSafeName(name), networkFiles().contains(name) else { return nil }
        return path + "/" + name
    }

    /// Whether `name` is a plain file name: no folder, no `..`, no control characters.
    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 200 && !name.contains("/") && !name.contains("\\") && name != "."
            && name != ".." && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// Whether `name` in the folder is a regular file and not a link (its own
    /// attributes, links not followed).
    private func isRegularFile(_ name: String) -> Bool {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/" + name)
        return attributes?[.type] as? FileAttributeType == .typeRegular
    }

    /// What identifies the contents of a file without reading it: size, modification time
    /// and file number. A file edited by hand, or replaced by an atomic write, gets a new
    /// stamp.
    func stamp(of name: String) -> FileStamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/" + name) else { return nil }
        return FileStamp(
            size: (attributes[.size] as? NSNumber)?.int64Value ?? -1,
            modified: (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0,
            inode: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0)
    }
}

/// Size, modification time and inode of a file: when any differs, the file changed.
struct FileStamp: Sendable, Hashable {
    let size: Int64
    let modified: Double
    let inode: UInt64
}
