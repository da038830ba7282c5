import Foundation
import LerendDiagnostics
import LerendNetwork
import Testing

/// The version of a bundle and the Lerend versions it is made for.
@Suite struct VersionTests {
    @Test func versionsCompareByTheirNumbers() {
        #expect(Version("1.2") == Version("1.2.0"))
        #expect(Version("0.9.1")! < Version("0.10")!)
        #expect(Version("2")! > Version("1.99.99")!)
        for wrong in ["", "1.", "a.b", "1.2.3.4", "-1", "1..2", "v1"] { #expect(Version(wrong) == nil, "\(wrong)") }
    }

    @Test func aRangeHoldsWhenEveryConditionDoes() throws {
        let range = try #require(VersionRange(">=0.1 <1.0"))
        #expect(range.contains(Version("0.1.0")!))
        #expect(range.contains(Version("0.9.9")!))
        #expect(!range.contains(Version("1.0")!))
        #expect(!range.contains(Version("0.0.9")!))
        #expect(VersionRange("0.1.0")?.contains(Version("0.1")!) == true)
        #expect(VersionRange(">0.1 <=0.2")?.contains(Version("0.2")!) == true)
        for wrong in ["", ">=", "=>0.1", ">=0.1 en <1.0"] { #expect(VersionRange(wrong) == nil, "\(wrong)") }
    }

    @Test func theLerendVersionIsWhatTheProgramSays() {
        #expect(LerendVersion.current.description == LerendVersion.text)
    }

    @Test func aBundleForAnotherLerendDoesNotLoadAndSaysSo() throws {
        let directory = try BundleTests.folder([
            "oud/plugin.yaml": "id: oud\nnaam: Oud\nversie: \"2.1\"\nlerend: \">=2.0 <3.0\"\n"
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (plugins, problems) = PluginLoader(searchPath: [directory]).load()
        #expect(plugins.isEmpty)
        let text = DiagnosticRenderer().render(problems).replacing(directory + "/", with: "")
        #expect(
            text.hasPrefix(
                """
                oud/plugin.yaml:4:9: fout[P108]: deze bundel is gemaakt voor Lerend >=2.0 <3.0, en dit is Lerend \(LerendVersion.text)
                  4 | lerend: ">=2.0 <3.0"
                    |         ^~~~~~~~~~~~
                """), "\(text)")
        let later = try BundlePlugin.load(directory: directory + "/oud", lerendVersion: Version("2.3")!)
        #expect(later.version == Version("2.1"))
    }

    @Test func aVersionThatIsNoneIsReportedAtItsPlace() throws {
        let directory = try BundleTests.folder(["raar/plugin.yaml": "id: raar\nnaam: Raar\nversie: eerste\nlerend: nieuw\n"])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let problems = PluginLoader(searchPath: [directory]).load().problems
        #expect(problems.map(\.id) == ["P109", "P109"])
        #expect(problems.map { $0.location?.line } == [3, 4])
    }
}
