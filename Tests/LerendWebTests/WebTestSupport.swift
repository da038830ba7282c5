import Foundation
import Hummingbird
import HummingbirdTesting
import LerendApplication
import LerendExpressions
import Testing

@testable import LerendWeb

/// A work folder with copies of the sample networks, and the application over it.
struct WebFixture {
    static let repository = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path(percentEncoded: false).replacing(/\/$/, with: "")
    static let date = LocalDate(year: 2026, month: 4, day: 1)!

    let folder: String
    let server: WebServer

    init(samples: [String] = ["zorg-dichtbij", "kleinschalig-zuid"], files: [String: String] = [:]) throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "lerend-web-\(UUID().uuidString)").path(
            percentEncoded: false)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for sample in samples {
            try FileManager.default.copyItem(
                atPath: Self.repository + "/samples/netwerken/\(sample).yaml", toPath: folder + "/\(sample).yaml")
        }
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        let locator = ResourceLocator(
            environment: ["LEREND_HOME": Self.repository, "HOME": "/nonexistent"], executablePath: nil)
        server = WebServer(configuration: .init(folder: folder, locator: locator, port: 8080, date: Self.date))
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    var token: String { server.state.token.value }

    func text(_ name: String) throws -> String { try String(contentsOfFile: folder + "/" + name, encoding: .utf8) }

    /// Runs `body` against the routes, without a socket.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: server.router())
        try await app.test(.router) { client in try await body(client) }
    }
}

extension TestClientProtocol {
    /// GET `uri`: status and body.
    func page(_ uri: String) async throws -> (HTTPResponse.Status, String) {
        try await execute(uri: uri, method: .get) { response in (response.status, String(buffer: response.body)) }
    }

    /// POST `fields` as a form to `uri`: status, `Location` and body.
    func post(_ uri: String, _ fields: [(String, String)], headers: HTTPFields = [:]) async throws
        -> (HTTPResponse.Status, String?, String)
    {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map { name, value in
            (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name) + "="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
        }.joined(separator: "&")
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
            (response.status, response.headers[.location], String(buffer: response.body))
        }
    }
}

/// The value of the hidden field `name` in a page: `<input type="hidden" name="versie" value="...">`.
func hiddenValue(_ name: String, in page: String) -> String? {
    guard let range = page.range(of: "name=\"\(name)\" value=\"") else { return nil }
    let rest = page[range.upperBound...]
    return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
}
