import Foundation
import LerendApplication
import LerendExpressions

/// The checkout, its bundles, templates and samples.
enum Repository {
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path(percentEncoded: false).replacing(/\/$/, with: "")
    static let plugins = root + "/Plugins"
    static let templates = root + "/Templates"
    static func sample(_ name: String) -> String { root + "/samples/netwerken/\(name).yaml" }

    /// A locator that finds the checkout's plugins and templates and nothing else.
    static func locator(home: String = root) -> ResourceLocator {
        ResourceLocator(environment: ["LEREND_HOME": home, "HOME": "/nonexistent"], executablePath: nil)
    }
}

/// A temporary folder, removed by the caller.
func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appending(path: "lerend-app-\(UUID().uuidString)").path(
        percentEncoded: false)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func write(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}

let referenceDate = LocalDate(year: 2026, month: 1, day: 1)!
