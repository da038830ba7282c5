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

enum Networks {
    /// A KenniZ network of `participants` participants over 6 organisations, with one
    /// meeting; the second participant starts on line 16.
    static func small(participants: Int, email: (Int) -> String? = { "d\($0)@zorg.nl" }) -> String {
        var text = """
            netwerk:
              naam: Netwerk Test
              plugin: kenniz
              contactpersoon: {naam: Anna Bakker, email: a.bakker@zorg.nl}
            organisaties:

            """
        for number in 1...6 { text += "  - {naam: Organisatie \(number), plaats: Zwolle}\n" }
        text += "deelnemers:\n"
        for number in 1...participants {
            text += "  - naam: \"Deelnemer \(number)\"\n    organisatie: Organisatie \(number % 6 + 1)\n"
            if let address = email(number) { text += "    email: \(address)\n" }
        }
        text += """
            bijeenkomsten:
              - datum: 2026-03-10
                begintijd: "13:30"
                duur_minuten: 150
                gastheer: Organisatie 1
                thema: Familie
                voorbereiders: ["Deelnemer 1", "Deelnemer 2"]

            """
        return text
    }
}
