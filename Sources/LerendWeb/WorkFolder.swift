import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// Whether `name` in the folder is a regular file and not a link (`lstat`).
    private func isRegularFile(_ name: String) -> Bool {
        var info = stat()
        guard lstat(path + "/" + name, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFREG
    }

    /// What identifies the contents of a file without reading it: size, modification time
    /// and inode. A file edited by hand, or replaced by an atomic write, gets a new stamp.
    func stamp(of name: String) -> FileStamp? {
        var info = stat()
        guard lstat(path + "/" + name, &info) == 0 else { return nil }
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        return FileStamp(
            size: Int64(info.st_size), seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec),
            inode: UInt64(info.st_ino))
    }
}

/// Size, modification time and inode of a file: when any differs, the file changed.
struct FileStamp: Sendable, Hashable {
    let size: Int64
    let seconds: Int64
    let nanoseconds: Int64
    let inode: UInt64
}
