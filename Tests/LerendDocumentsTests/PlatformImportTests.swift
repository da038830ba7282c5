import Foundation
import Testing

/// The package declares macOS as well as Linux: a call qualified with `Glibc.` or
/// `Darwin.` (and the import of either) must sit inside the `#if canImport` of its module,
/// or the other platform does not build.
@Suite struct PlatformImportTests {
    static let modules = ["Glibc", "Darwin"]

    /// Lines of `text` that use a platform module outside a `canImport` of that module.
    static func unguardedUses(in text: String) -> [String] {
        var conditions: [String] = []
        var found: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let code = line.trimmingCharacters(in: .whitespaces)
            if code.hasPrefix("#if ") {
                conditions.append(String(code.dropFirst(4)))
            } else if code.hasPrefix("#elseif "), !conditions.isEmpty {
                conditions[conditions.count - 1] = String(code.dropFirst(8))
            } else if code.hasPrefix("#else"), !conditions.isEmpty {
                conditions[conditions.count - 1] = "!"
            } else if code.hasPrefix("#endif"), !conditions.isEmpty {
                conditions.removeLast()
            } else if !code.hasPrefix("//") {
                for module in modules where code.contains("\(module).") || code.hasSuffix("import \(module)") {
                    if !conditions.contains("canImport(\(module))") { found.append(code) }
                }
            }
        }
        return found
    }

    @Test func theCheckFindsAnUnguardedCall() {
        #expect(
            Self.unguardedUses(in: "#if canImport(Glibc)\nimport Glibc\n#endif\nlet n = Glibc.write(1, p, 2)\n")
                == ["let n = Glibc.write(1, p, 2)"])
        #expect(
            Self.unguardedUses(
                in:
                    "#if canImport(Glibc)\nlet n = Glibc.write(1, p, 2)\n#elseif canImport(Darwin)\nlet n = Darwin.write(1, p, 2)\n#endif\n"
            )
            .isEmpty)
        #expect(Self.unguardedUses(in: "#if canImport(Glibc)\nlet n = Darwin.write(1, p, 2)\n#endif\n").count == 1)
    }

    @Test func platformModulesAreUsedOnlyWhereTheyCanBeImported() throws {
        let sources = TestPackage.repository.appending(path: "Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var problems: [String] = []
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for use in Self.unguardedUses(in: text) { problems.append("\(url.lastPathComponent): \(use)") }
        }
        #expect(problems.isEmpty, "\(problems)")
    }
}
