import Foundation

/// Comparing paths the user typed, so that an output never replaces an input.
enum FilePaths {
    /// The absolute, standardized form of `path` (relative to the current folder),
    /// following symbolic links.
    static func canonical(_ path: String) -> String {
        URL(filePath: path, relativeTo: URL(filePath: FileManager.default.currentDirectoryPath, directoryHint: .isDirectory))
            .standardizedFileURL.resolvingSymlinksInPath().path(percentEncoded: false)
    }

    /// Whether two paths name the same file.
    static func same(_ first: String, _ second: String) -> Bool {
        canonical(first) == canonical(second)
    }
}
