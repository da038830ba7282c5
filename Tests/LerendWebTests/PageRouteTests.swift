import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import LerendWeb

/// The pages a user reads: the overview, a network's page, the plan of the year, the
/// downloads, and what a request that does not belong gets.
@Suite struct PageRouteTests {
    @Test func theOverviewListsEveryNetworkWithItsStepAndCountsAndABrokenFileWithItsMessages() async throws {
        let fixture = try WebFixture(files: ["kapot.yaml": "netwerk:\n  naam: Kapot\n  plugin: kenniz\n  bijeenkomsten_per_jaar: veel\n"])
        defer { fixture.remove() }
        try await fixture.test { client in
            let (status, page) = try await client.page("/")
            #expect(status == .ok)
            #expect(page.contains("Lerend netwerk Zorg Dichtbij"))
            #expect(page.contains("href=\"/netwerk/zorg-dichtbij.yaml\""))
            #expect(page.contains("Waardigheid en trots"))
            #expect(page.contains("3 netwerkbestanden"))
            // The broken file, with its located message.
            #expect(page.contains("kapot.yaml"))
            #expect(page.contains("bijeenkomsten_per_jaar"))
            #expect(page.contains("regel 4"))
            #expect(page.contains("fouten") || page.contains("fout"))
        }
    }

    @Test func aNetworkPageShowsStepsFindingsWithTheirSeedSentenceMeetingsAndMonths() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let (status, page) = try await client.page("/netwerk/zorg-dichtbij.yaml")
            #expect(status == .ok)
            #expect(page.contains("<h2 id=\"stand\">Stand:"))
            #expect(page.contains("class=\"stap klaar\"") || page.contains("class=\"stap bezig\""))
            #expect(page.contains("<h2 id=\"controle\">Controle:"))
            #expect(page.contains("class=\"bron-zin\""), "a finding shows the sentence of the seed it rests on")
            #expect(page.contains("<table class=\"maand\">"))
            #expect(page.contains("agenda.ics"))
        }
    }

    @Test func everythingAUserTypedIsEscaped() async throws {
        let hostile = """
            netwerk:
              naam: "<script>alert(1)</script> & co"
              plugin: kenniz
            organisaties:
              - naam: "<img src=x onerror=alert(2)>"
            """
        let fixture = try WebFixture(samples: [], files: ["boos.yaml": hostile])
        defer { fixture.remove() }
        try await fixture.test { client in
            for uri in ["/", "/netwerk/boos.yaml", "/netwerk/boos.yaml/organisaties"] {
                let (_, page) = try await client.page(uri)
                #expect(!page.contains("<script>alert"), "\(uri)")
                #expect(!page.contains("<img src=x"), "\(uri)")
            }
            let (_, overview) = try await client.page("/")
            #expect(overview.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"))
        }
    }

    @Test func aNameOutsideTheFolderIsNotFound() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try "netwerk: {naam: Buiten, plugin: kenniz}\n".write(
            toFile: fixture.folder + "/../buiten-\(UUID().uuidString).yaml", atomically: true, encoding: .utf8)
        try await fixture.test { client in
            for uri in [
                "/netwerk/..%2Fbuiten.yaml", "/netwerk/%2Fetc%2Fpasswd", "/netwerk/.geschiedenis", "/netwerk/bestaat-niet.yaml",
                "/netwerk/..", "/netwerk/zorg-dichtbij.yaml%00.txt",
            ] {
                let (status, page) = try await client.page(uri)
                #expect(status == .notFound, "\(uri)")
                #expect(page.contains("lang=\"nl\""))
            }
        }
    }

    @Test func aLinkInTheFolderToAFileElsewhereIsNotServed() async throws {
        let fixture = try WebFixture(samples: [])
        defer { fixture.remove() }
        let outside = fixture.folder + "-buiten.yaml"
        try FileManager.default.copyItem(atPath: WebFixture.repository + "/samples/netwerken/zorg-dichtbij.yaml", toPath: outside)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.createSymbolicLink(atPath: fixture.folder + "/link.yaml", withDestinationPath: outside)
        try await fixture.test { client in
            let (status, _) = try await client.page("/netwerk/link.yaml")
            #expect(status == .notFound)
            let (_, overview) = try await client.page("/")
            #expect(!overview.contains("link.yaml"))
        }
    }

    @Test func aFileEditedByHandShowsOnReload() async throws {
        let fixture = try WebFixture(samples: ["zorg-dichtbij"])
        defer { fixture.remove() }
        try await fixture.test { client in
            let (_, before) = try await client.page("/")
            #expect(before.contains("Lerend netwerk Zorg Dichtbij"))
            let text = try fixture.text("zorg-dichtbij.yaml").replacing(
                "naam: Lerend netwerk Zorg Dichtbij", with: "naam: Zorg Dichtbij Anders")
            try text.write(toFile: fixture.folder + "/zorg-dichtbij.yaml", atomically: true, encoding: .utf8)
            let (_, after) = try await client.page("/")
            #expect(after.contains("Zorg Dichtbij Anders"))
        }
    }

    @Test func thePlanOfApproachAndTheInvitationsDownloadAsDocumentsAndAZip() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(uri: "/netwerk/zorg-dichtbij.yaml/download?soort=plan&formaat=docx", method: .get) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.contains("wordprocessingml") == true)
                #expect(response.headers[.contentDisposition]?.contains("attachment") == true)
                #expect(Array(response.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
            }
            try await client.execute(uri: "/netwerk/zorg-dichtbij.yaml/download?soort=uitnodiging&formaat=odt", method: .get) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/zip")
                let bytes = Array(response.body.readableBytesView)
                let names = ZipNames.list(bytes)
                #expect(names.count > 3)
                #expect(names.allSatisfy { $0.hasSuffix(".odt") || $0 == "niet gemaakt.txt" }, "\(names)")
            }
            try await client.execute(
                uri: "/netwerk/zorg-dichtbij.yaml/download?soort=uitnodiging&formaat=docx&vorm=samengevoegd", method: .get
            ) { response in
                #expect(response.status == .ok)
                #expect(Array(response.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
            }
            try await client.execute(uri: "/netwerk/zorg-dichtbij.yaml/agenda.ics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("BEGIN:VCALENDAR"))
                #expect(text.contains("METHOD:REQUEST"))
            }
            let (status, page) = try await client.page("/netwerk/zorg-dichtbij.yaml/download?soort=brief")
            #expect(status == .badRequest)
            #expect(page.contains("Kies een document"))
        }
        // Nothing of the downloads stays behind in the work folder.
        let left = try FileManager.default.contentsOfDirectory(atPath: fixture.folder).sorted()
        #expect(left == ["kleinschalig-zuid.yaml", "zorg-dichtbij.yaml"])
    }

    @Test func everyPageHasTheHeadersOfAPageThatLoadsNothingFromElsewhere() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
                #expect(response.headers[.xFrameOptions] == "DENY")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            let (status, css) = try await client.page("/static/lerend.css")
            #expect(status == .ok)
            #expect(css.contains(":root"))
        }
    }
}

/// The member names of a zip, from its central directory (found through the end record:
/// the members are documents, which hold zip signatures of their own).
enum ZipNames {
    static func list(_ bytes: [UInt8]) -> [String] {
        guard bytes.count >= 22 else { return [] }
        let end = bytes.count - 22
        guard bytes[end..<end + 4].elementsEqual([0x50, 0x4B, 0x05, 0x06]) else { return [] }
        func number(_ at: Int, _ size: Int) -> Int { (0..<size).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        let count = number(end + 10, 2)
        var index = number(end + 16, 4)
        var names: [String] = []
        for _ in 0..<count {
            guard index + 46 <= bytes.count else { break }
            let length = number(index + 28, 2)
            let extra = number(index + 30, 2)
            let comment = number(index + 32, 2)
            names.append(String(decoding: bytes[(index + 46)..<(index + 46 + length)], as: UTF8.self))
            index += 46 + length + extra + comment
        }
        return names
    }
}
