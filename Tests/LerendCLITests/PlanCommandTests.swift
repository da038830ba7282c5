import Foundation
import Testing

/// `lerend plan` proposes a year and never touches the network file unasked.
@Suite struct PlanCommandTests {
    static let sample = Program.repository.appending(path: "samples/netwerken/kleinschalig-zuid.yaml")

    @Test func proposalGoesIntoACopyAndTheNetworkFileStaysAsItWas() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let network = folder.appending(path: "netwerk.yaml")
        try FileManager.default.copyItem(at: Self.sample, to: network)
        let before = try Data(contentsOf: network)

        let refused = try Program.run(["plan", "netwerk.yaml", "--datum", "2026-06-20", "-o", "netwerk.yaml"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("fout[O004]: -o wijst naar het netwerkbestand zelf"))
        #expect(try Data(contentsOf: network) == before)

        let result = try Program.run(["plan", "netwerk.yaml", "--datum", "2026-06-20", "-o", "kopie.yaml"], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("7. donderdag"))
        #expect(result.output.contains("geschreven: kopie.yaml (3 bijeenkomsten toegevoegd)"))
        #expect(try Data(contentsOf: network) == before, "the network file is not touched")
        let copy = try String(contentsOf: folder.appending(path: "kopie.yaml"), encoding: .utf8)
        #expect(
            copy.hasPrefix(
                String(decoding: before, as: UTF8.self).components(separatedBy: "besluiten:")[0].components(
                    separatedBy: "  - datum: 2026-05-28")[0]))
        #expect(copy.contains("# voorgesteld door lerend plan op 2026-06-20"))

        let check = try Program.run(["status", "kopie.yaml", "--datum", "2026-06-20"], in: folder)
        #expect(check.status == 0, "the copy loads: \(check.errors)")
    }
}
