import Foundation
import LerendNetwork
import Testing

/// `Docs/seed-zinnen.md`, the table of the sentences of the seeds, keeps up with the bundles.
@Suite struct SeedTableTests {
    static let table = NetworkFixtures.repository.appending(path: "Docs/seed-zinnen.md").path(percentEncoded: false)

    /// The rule ids the rows of the table name.
    static func idsInTable() throws -> Set<String> {
        let text = try String(contentsOfFile: table, encoding: .utf8)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| 0") }
        return Set(rows.flatMap { $0.matches(of: /\b[A-Z]{2}-\d{2}\b/).map { String($0.output) } })
    }

    @Test func everyRuleOfTheBundlesHasARowInTheSeedTable() throws {
        let ids = try Self.idsInTable()
        let rules = RuleTests.loaded.flatMap { $0.ruleSets.flatMap(\.rules) }
        #expect(rules.count > 40)
        for rule in rules { #expect(ids.contains(rule.id), "\(rule.id) is not in Docs/seed-zinnen.md") }
    }

    @Test func theTableNamesNoRuleTheBundlesDoNotHave() throws {
        let known = Set(RuleTests.loaded.flatMap { $0.ruleSets.flatMap(\.rules).map(\.id) })
        for id in try Self.idsInTable() { #expect(known.contains(id), "Docs/seed-zinnen.md names \(id), which no bundle has") }
    }
}
