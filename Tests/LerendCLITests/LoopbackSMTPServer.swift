import Foundation
import Testing

/// A real SMTP server on 127.0.0.1 for the tests of `lerend verstuur`:
/// `scripts/smtp-test-server.py` (Python aiosmtpd) with STARTTLS, a login, and a
/// self-signed certificate made now with the openssl program. Every message it accepts
/// lands as a file in ``received``. Stops when the value goes away.
final class LoopbackSMTPServer {
    let folder: URL
    let received: URL
    let certificate: URL
    let port: Int
    let user = "netwerk"
    let password = "geheim wachtwoord"
    /// The OAuth 2.0 token it takes instead of the password (XOAUTH2), if any.
    let token: String?
    /// TLS from the first byte (smtps, port 465) instead of STARTTLS.
    let implicitTLS: Bool
    private let process: Process
    private let input: Pipe

    /// Starts the server; `refusing` are addresses it answers with 550.
    init(refusing: [String] = [], implicitTLS: Bool = false, token: String? = nil) throws {
        self.token = token
        self.implicitTLS = implicitTLS
        folder = FileManager.default.temporaryDirectory.appending(path: "lerend-smtp-\(UUID().uuidString)")
        received = folder.appending(path: "ontvangen")
        certificate = folder.appending(path: "cert.pem")
        try FileManager.default.createDirectory(at: received, withIntermediateDirectories: true)
        let key = folder.appending(path: "key.pem")
        let openssl = try Self.run(
            "/usr/bin/env",
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.path(percentEncoded: false),
                "-out", certificate.path(percentEncoded: false), "-days", "1", "-subj", "/CN=localhost", "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ])
        guard openssl == 0 else { throw Failure("openssl kon geen certificaat maken") }
        process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments =
            [
                "python3", Program.repository.appending(path: "scripts/smtp-test-server.py").path(percentEncoded: false),
                "--map", received.path(percentEncoded: false), "--cert", certificate.path(percentEncoded: false),
                "--sleutel", key.path(percentEncoded: false), "--gebruiker", user,
            ] + (token.map { ["--token", $0] } ?? ["--wachtwoord", password]) + (implicitTLS ? ["--tls"] : [])
            + refusing.flatMap { ["--weiger", $0] }
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines).replacing("poort ", with: "")) else {
            process.terminate()
            throw Failure(
                "de testserver startte niet (\(line)); installeer aiosmtpd: pip install aiosmtpd (scripts/setup.sh doet het)")
        }
        self.port = port
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The settings file of `lerend verstuur` for this server, written into `folder`.
    func writeSettings(into folder: URL, messagesPerMinute: Int? = nil) throws -> String {
        var text = """
            host: 127.0.0.1
            poort: \(port)
            beveiliging: \(implicitTLS ? "tls" : "starttls")
            gebruiker: \(user)
            aanmelden: \(token == nil ? "wachtwoord" : "oauth2")
            ca_bestand: \(certificate.path(percentEncoded: false))

            """
        if let messagesPerMinute { text += "snelheid: \(messagesPerMinute)\n" }
        let path = folder.appending(path: "mailserver.yaml")
        try Data(text.utf8).write(to: path)
        return path.path(percentEncoded: false)
    }

    /// The messages received so far, as raw bytes.
    func messages() -> [Data] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: received.path(percentEncoded: false))) ?? []
        return names.filter { $0.hasSuffix(".eml") && !$0.hasPrefix(".") }.sorted().compactMap {
            FileManager.default.contents(atPath: received.appending(path: $0).path(percentEncoded: false))
        }
    }

    /// Waits until `count` messages arrived, for at most `seconds`.
    func waitFor(_ count: Int, seconds: Double = 30) {
        let end = Date().addingTimeInterval(seconds)
        while messages().count < count, Date() < end { Thread.sleep(forTimeInterval: 0.005) }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(filePath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
