import Foundation
import LerendApplication
import LerendDiagnostics
import LerendExpressions
import LerendNetwork
import Testing

@testable import LerendDocuments

/// The logo in the letterhead: the plugin bundle's, or the network file's own.
@Suite struct LogoTests {
    static let sample = Repository.sample("zorg-dichtbij")

    /// The sample network with `logo` under `netwerk:`.
    static func network(logo: String) throws -> String {
        let text = try String(contentsOfFile: sample, encoding: .utf8)
        let range = try #require(text.range(of: "\nnetwerk:\n"))
        return text.replacingCharacters(in: range, with: "\nnetwerk:\n  logo: \(logo)\n")
    }

    static func pictures(in path: String) throws -> [[UInt8]] {
        let archive = try ZipArchive(bytes: [UInt8](try Data(contentsOf: URL(filePath: path))))
        return try archive.entries.filter { $0.name.contains("lerend-afbeelding") }.map { try archive.contents(of: $0) }
    }

    @Test func invitationsCarryTheBundleLogo() throws {
        let (session, folder) = try ExportTests.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bundle = try #require(session.plugin as? BundlePlugin)
        let logo = try #require(bundle.logo)
        #expect(logo.hasSuffix("/logo.png"))
        #expect(session.documentData.shared.value(atPath: "netwerk.logo") == .string(logo))
        #expect(session.documentData.shared.value(atPath: "netwerk.ondersteuner_logo") == .string(logo))
        for format in [DocumentFormat.odt, .docx] {
            let plan = try session.exportPlan(ExportRequest(kinds: [.invitation], format: format, meetingNumbers: [1]))
            let result = try DocumentExporter().write(plan, into: folder + "/\(format)")
            #expect(result.failures.isEmpty, "\(DiagnosticRenderer().render(result.failures))")
            let written = try #require(result.written.first)
            #expect(try Self.pictures(in: written) == [[UInt8](try Data(contentsOf: URL(filePath: logo)))])
        }
    }

    @Test func theNetworksOwnLogoWins() throws {
        let (session, folder) = try ExportTests.session(try Self.network(logo: "eigen-logo.png"))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let own = try Data(contentsOf: URL(filePath: Repository.root + "/samples/uitnodiging/logo.png"))
        try own.write(to: URL(filePath: folder + "/eigen-logo.png"))
        let plan = try session.exportPlan(ExportRequest(kinds: [.invitation], format: .odt, meetingNumbers: [1]))
        let result = try DocumentExporter().write(plan, into: folder + "/docs")
        #expect(result.failures.isEmpty, "\(DiagnosticRenderer().render(result.failures))")
        #expect(try Self.pictures(in: try #require(result.written.first)) == [[UInt8](own)])
    }

    @Test func theNetworksLogoMustLieBesideItAndExist() throws {
        for (logo, id) in [("../buiten.png", "A111"), ("/etc/passwd", "A111"), ("bestaat-niet.png", "A112")] {
            let (session, folder) = try ExportTests.session(try Self.network(logo: logo))
            defer { try? FileManager.default.removeItem(atPath: folder) }
            #expect(throws: DiagnosticList.self) { try session.exportPlan(ExportRequest(kinds: [.invitation])) }
            do throws(DiagnosticList) {
                _ = try session.exportPlan(ExportRequest(kinds: [.invitation]))
            } catch {
                let diagnostic = try #require(error.diagnostics.first)
                #expect(diagnostic.id == id, "\(logo)")
                #expect(diagnostic.location?.line == 8, "the place of netwerk.logo in the file")
            }
        }
    }

    @Test func aBundleLogoOutsideTheBundleOrMissingIsRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (logo, id) in [("../logo.png", "P107"), ("weg.png", "P103")] {
            try write("id: proef\nnaam: Proef\nlogo: \(logo)\n", to: folder + "/bundel/plugin.yaml")
            #expect(throws: DiagnosticList.self) { try BundlePlugin.load(directory: folder + "/bundel") }
            do throws(DiagnosticList) {
                _ = try BundlePlugin.load(directory: folder + "/bundel")
            } catch {
                #expect(error.diagnostics.map(\.id) == [id], "\(logo)")
            }
        }
    }
}
