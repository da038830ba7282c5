import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import LerendWeb

/// A local app is still reachable from every page the browser opens: forms need the
/// page's token, a request must name this computer, a form from another site is refused.
@Suite struct SecurityTests {
    @Test func aFormWithoutThePagesTokenChangesNothing() async throws {
        let fixture = try WebFixture(samples: ["zorg-dichtbij"])
        defer { fixture.remove() }
        let before = try fixture.text("zorg-dichtbij.yaml")
        try await fixture.test { client in
            let (_, page) = try await client.page("/netwerk/zorg-dichtbij.yaml/bewerken")
            let version = try #require(hiddenValue("versie", in: page))
            for token in [nil, "", "0123", String(repeating: "a", count: fixture.token.count)] {
                var fields = [("versie", version), ("netwerk.naam", "Overgenomen")]
                if let token { fields.append(("_token", token)) }
                let (status, _, body) = try await client.post("/netwerk/zorg-dichtbij.yaml/bewerken", fields)
                #expect(status == .forbidden)
                #expect(body.contains("niet verwerkt"))
            }
        }
        #expect(try fixture.text("zorg-dichtbij.yaml") == before)
    }

    @Test func aFormFromAnotherSiteIsRefusedEvenWithAToken() async throws {
        let fixture = try WebFixture(samples: ["zorg-dichtbij"])
        defer { fixture.remove() }
        let before = try fixture.text("zorg-dichtbij.yaml")
        try await fixture.test { client in
            let (_, page) = try await client.page("/netwerk/zorg-dichtbij.yaml/bewerken")
            let version = try #require(hiddenValue("versie", in: page))
            let (status, _, _) = try await client.post(
                "/netwerk/zorg-dichtbij.yaml/bewerken",
                [("_token", fixture.token), ("versie", version), ("netwerk.naam", "Overgenomen")],
                headers: [.origin: "http://aanvaller.example"])
            #expect(status == .forbidden)
        }
        #expect(try fixture.text("zorg-dichtbij.yaml") == before)
    }

    @Test func onlyTheNamesOfThisComputerAreAcceptedAsHost() {
        let guardOnLoopback = HostGuard<BasicRequestContext>(host: "127.0.0.1")
        for accepted in ["127.0.0.1:8080", "localhost:8080", "LOCALHOST:1234", "[::1]:8080", "localhost"] {
            #expect(guardOnLoopback.accepts(authority: accepted), "\(accepted)")
        }
        for refused in [
            "aanvaller.example:8080", "127.0.0.1.aanvaller.example:8080", "localhost.aanvaller.example", "", "192.168.1.5:8080",
        ] {
            #expect(!guardOnLoopback.accepts(authority: refused), "\(refused)")
        }
        #expect(!guardOnLoopback.accepts(authority: nil))
        #expect(guardOnLoopback.accepts(origin: "http://localhost:8080"))
        #expect(!guardOnLoopback.accepts(origin: "http://aanvaller.example"))
        #expect(!guardOnLoopback.accepts(origin: "null"))
        let guardOnAddress = HostGuard<BasicRequestContext>(host: "192.168.1.5")
        #expect(guardOnAddress.accepts(authority: "192.168.1.5:8080"))
        #expect(!guardOnAddress.accepts(authority: "localhost:8080"))
    }

    @Test func aRequestForAnotherHostIsRefusedBeforeAnyPage() async throws {
        let fixture = try WebFixture(samples: ["zorg-dichtbij"])
        defer { fixture.remove() }
        let guardOnLoopback = HostGuard<BasicRequestContext>(host: "127.0.0.1")
        let request = Request(
            head: HTTPRequest(method: .get, scheme: "http", authority: "aanvaller.example:8080", path: "/"),
            body: RequestBody(buffer: ByteBuffer()))
        let context = BasicRequestContext(source: .init(logger: .init(label: "test")))
        let response = try await guardOnLoopback.handle(request, context: context) { _, _ in
            Issue.record("the page was made")
            return Response(status: .ok)
        }
        #expect(response.status == .misdirectedRequest)
    }

    @Test func aFormLargerThanTheLimitIsRefusedWithAMessage() async throws {
        let fixture = try WebFixture(samples: ["zorg-dichtbij"])
        defer { fixture.remove() }
        let app = Application(
            router: WebServer(
                configuration: .init(
                    folder: fixture.folder, locator: fixture.server.configuration.locator, date: WebFixture.date,
                    uploadLimit: 1024)
            ).router())
        try await app.test(.router) { client in
            let (status, _, body) = try await client.post(
                "/netwerk/zorg-dichtbij.yaml/bewerken", [("netwerk.naam", String(repeating: "x", count: 5000))])
            #expect(status == .contentTooLarge)
            #expect(body.contains("groter dan"))
        }
    }
}
