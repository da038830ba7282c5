import Foundation

/// Finds a program the way a shell does.
enum ProgramSearch {
    /// The first executable `name` in the folders of `searchPath` (`PATH`, `:`-separated).
    static func find(_ name: String, in searchPath: String) -> String? {
        searchPath.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
