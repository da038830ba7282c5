import Foundation
import LerendTestSupport
import Testing

/// `lerend export --email` and `lerend verstuur` against a real SMTP server on loopback
/// (STARTTLS, login, self-signed certificate): every message arrives once, also when the
/// sending process is killed halfway and started again.
@Suite(.serialized) struct SendCommandTests {
    /// Exports the e-mails of the KenniZ sample (`--bijeenkomst` as given) into
    /// `folder/uit`; returns the folder of the e-mails and their count.
    static func exportMails(in folder: URL, meetings: [Int]) throws -> (folder: String, count: Int) {
        let result = try Program.run(
            [
                "export", SampleNetworkTests.sample("kleinschalig-zuid.yaml"), "--datum", "2026-01-15", "--document",
                "uitnodigingen", "--email", "-o", "uit",
            ] + meetings.flatMap { ["--bijeenkomst", String($0)] },
            in: folder)
        #expect(result.status == 0, "\(result.errors)")
        let mails = folder.appending(path: "uit/e-mails").path(percentEncoded: false)
        let count = try FileManager.default.contentsOfDirectory(atPath: mails).filter { $0.hasSuffix(".eml") }.count
        return (mails, count)
    }

    /// Runs `lerend verstuur` with stdin that is not a terminal.
    static func send(_ arguments: [String], in folder: URL, password: String) throws -> Process {
        let process = Process()
        process.executableURL = Program.executable
        process.arguments = ["verstuur"] + arguments
        process.currentDirectoryURL = folder
        process.environment = Program.environment.merging(["LEREND_SMTP_WACHTWOORD": password]) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }

    static func finish(_ process: Process) -> Program.Result {
        let output = String(decoding: (process.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Program.Result(status: process.terminationStatus, output: output, errors: errors)
    }

    /// The headers of received messages as Python's `email` package decodes them:
    /// envelope, Message-ID, From, To, Subject, X-Unsent, Bcc, and the attachments.
    static func decoded(_ server: LoopbackSMTPServer) throws -> [[String: String]] {
        let script = """
            import email, email.policy, json, os, sys
            folder = sys.argv[1]
            result = []
            for name in sorted(os.listdir(folder)):
                if not name.endswith('.eml') or name.startswith('.'):
                    continue
                with open(os.path.join(folder, name), 'rb') as file:
                    message = email.message_from_binary_file(file, policy=email.policy.default)
                result.append({
                    'envelope': message['X-Envelope'], 'id': message['Message-ID'], 'from': str(message['From']),
                    'to': str(message['To']), 'to_name': message['To'].addresses[0].display_name,
                    'subject': str(message['Subject']), 'unsent': str(message['X-Unsent']), 'bcc': str(message['Bcc']),
                    'attachments': ', '.join(sorted(part.get_filename() for part in message.iter_attachments())),
                    'calendar': next((part.get_content_type() + ';' + part.get_param('method') for part in message.iter_attachments() if part.get_content_type() == 'text/calendar'), ''),
                })
            print(json.dumps(result))
            """
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, server.received.path(percentEncoded: false)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: String]])
    }

    @Test func everyMessageOfAMeetingArrivesOnceWithHeadersThatDecode() throws {
        let server = try LoopbackSMTPServer()
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (mails, count) = try Self.exportMails(in: folder, meetings: [2])
        #expect(count == 6, "one per participant of the KenniZ sample but the contact person, who signs them")
        let settings = try server.writeSettings(into: folder)
        let result = Self.finish(
            try Self.send([mails, "--instellingen", settings, "--ja"], in: folder, password: server.password))
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("6 berichten verstuurd"))
        let messages = try Self.decoded(server)
        #expect(messages.count == 6)
        #expect(Set(messages.map { $0["id"] ?? "" }).count == 6, "each message once")
        for message in messages {
            #expect(message["from"] == "Els Verbeek <e.verbeek@hethofje.nl>")
            #expect(message["envelope"]?.hasPrefix("e.verbeek@hethofje.nl -> ") == true)
            #expect(
                message["envelope"]?.hasSuffix(message["to"]?.split(separator: "<").last.map { String($0.dropLast()) } ?? "?")
                    == true)
            #expect(
                message["subject"]
                    == "Uitnodiging voor bijeenkomst 2 van Lerend Netwerk Kleinschalig Zuid op donderdag 12 maart 2026")
            #expect(message["unsent"] == "None", "X-Unsent is dropped when sending")
            #expect(message["calendar"] == "text/calendar;REQUEST")
            #expect(message["attachments"]?.contains("agenda bijeenkomst 2 2026-03-12.odt") == true)
        }
        #expect(messages.contains { $0["to"] == "Rob Janssen <r.janssen@wolfsberg.nl>" })

        // Run again: the send log says everything went.
        let again = Self.finish(
            try Self.send([mails, "--instellingen", settings, "--ja"], in: folder, password: server.password))
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.output.contains("niets te versturen"))
        #expect(server.messages().count == 6)
    }

    @Test func nonASCIINamesAndSubjectsArriveDecodedAndABadAddressIsSkipped() throws {
        let server = try LoopbackSMTPServer()
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = [1: "Anouk Bos-Ünal", 2: "Jörg Ölçer", 3: "Zoë d'Ancona", 4: "Piet Zonder Adres"]
        let network = TestNetworks.network(
            participants: 4, names: { names[$0]! }, email: { $0 == 4 ? "piet bij zorg.nl" : "d\($0)@zorg.nl" }
        ).replacing("naam: Netwerk Test", with: "naam: Netwerk Zorg & Welzijn Überregionaal")
            // The default agenda names each participant's function.
            .replacing("    organisatie: ", with: "    functie: verpleegkundige\n    organisatie: ")
        try Data(network.utf8).write(to: folder.appending(path: "netwerk.yaml"))
        let export = try Program.run(
            ["export", "netwerk.yaml", "--document", "uitnodigingen", "--email", "--datum", "2026-01-01", "-o", "uit"],
            in: folder)
        #expect(export.status == 1, "one e-mail is not made")
        #expect(
            export.errors.contains(
                "fout[X103]: geen e-mail voor Piet Zonder Adres: 'piet bij zorg.nl' is geen bruikbaar e-mailadres"),
            "\(export.errors)")
        #expect(export.errors.contains("netwerk.yaml:"), "located in the network file")
        #expect(export.output.contains("3 e-mails geschreven"))
        let settings = try server.writeSettings(into: folder)
        let result = Self.finish(
            try Self.send(["uit/e-mails", "--instellingen", settings, "--ja"], in: folder, password: server.password))
        #expect(result.status == 0, "\(result.errors)")
        let messages = try Self.decoded(server)
        #expect(Set(messages.compactMap { $0["to_name"] }) == Set(names.values.filter { $0 != "Piet Zonder Adres" }))
        for message in messages {
            let name = message["to_name"] ?? ""
            #expect(
                message["subject"]
                    == "Uitnodiging voor bijeenkomst 1 van Netwerk Zorg & Welzijn Überregionaal op dinsdag 10 maart 2026")
            #expect(message["attachments"]?.contains("uitnodiging bijeenkomst 1 \(name).odt") == true, "\(message)")
        }
    }

    @Test func aSendKilledHalfwayDeliversTheRestOnTheNextRunAndNoDuplicates() throws {
        let server = try LoopbackSMTPServer()
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (mails, count) = try Self.exportMails(in: folder, meetings: [1, 2])
        #expect(count == 12)
        // 240 a minute: a quarter of a second between messages, so that the kill lands
        // while it waits.
        let settings = try server.writeSettings(into: folder, messagesPerMinute: 240)
        let first = try Self.send([mails, "--instellingen", settings, "--ja"], in: folder, password: server.password)
        server.waitFor(3)
        Thread.sleep(forTimeInterval: 0.1)
        kill(first.processIdentifier, SIGKILL)
        let killed = Self.finish(first)
        #expect(killed.status == SIGKILL)
        let halfway = server.messages().count
        #expect(halfway >= 3 && halfway < 12, "killed halfway: \(halfway)")

        let second = Self.finish(
            try Self.send([mails, "--instellingen", settings, "--ja"], in: folder, password: server.password))
        #expect(second.status == 0, "\(second.errors)")
        #expect(second.output.contains("\(12 - halfway) berichten verstuurd"), "\(second.output)")
        let messages = try Self.decoded(server)
        #expect(messages.count == 12)
        #expect(Set(messages.map { $0["id"] ?? "" }).count == 12, "nobody got a message twice")
    }

    @Test func aSecondSendFromTheSameFolderStopsAtOnce() throws {
        let server = try LoopbackSMTPServer()
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (mails, count) = try Self.exportMails(in: folder, meetings: [1])
        let settings = try server.writeSettings(into: folder, messagesPerMinute: 120)
        let first = try Self.send([mails, "--instellingen", settings, "--ja"], in: folder, password: server.password)
        server.waitFor(1)
        let second = Self.finish(
            try Self.send([mails, "--instellingen", settings, "--ja"], in: folder, password: server.password))
        #expect(second.status == 1)
        #expect(second.errors.contains("fout[M118]: een ander 'lerend verstuur' verstuurt al uit deze map"), "\(second.errors)")
        let result = Self.finish(first)
        #expect(result.status == 0, "\(result.errors)")
        let messages = try Self.decoded(server)
        #expect(messages.count == count)
        #expect(Set(messages.map { $0["id"] ?? "" }).count == count)
    }

    @Test func aRejectedRecipientIsReportedAndTheOthersArrive() throws {
        let server = try LoopbackSMTPServer(refusing: ["r.janssen@wolfsberg.nl"])
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (mails, _) = try Self.exportMails(in: folder, meetings: [3])
        let settings = try server.writeSettings(into: folder)
        let result = Self.finish(
            try Self.send([mails, "--instellingen", settings, "--ja"], in: folder, password: server.password))
        #expect(result.status == 1)
        #expect(
            result.errors.contains(
                "uitnodiging bijeenkomst 3 Rob Janssen.eml: fout[M113]: niet verstuurd aan r.janssen@wolfsberg.nl"),
            "\(result.errors)")
        #expect(result.errors.contains("550 5.1.1"), "the server's own words")
        #expect(result.output.contains("5 berichten verstuurd"))
        let messages = try Self.decoded(server)
        #expect(messages.count == 5)
        #expect(!messages.contains { $0["to"]?.contains("wolfsberg") == true })
    }

    @Test func withoutJaAndWithoutATerminalNothingIsSent() throws {
        let server = try LoopbackSMTPServer()
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (mails, _) = try Self.exportMails(in: folder, meetings: [1])
        let settings = try server.writeSettings(into: folder)
        let result = Self.finish(try Self.send([mails, "--instellingen", settings], in: folder, password: server.password))
        #expect(result.status == 1)
        #expect(result.errors.contains("fout[M117]"))
        #expect(result.output.contains("aan Rob Janssen <r.janssen@wolfsberg.nl>: Uitnodiging voor bijeenkomst 1"))
        Thread.sleep(forTimeInterval: 0.2)
        #expect(server.messages().isEmpty)
    }

    /// Implicit TLS (smtps, as on port 465) with an OAuth 2.0 token (XOAUTH2, as Microsoft
    /// 365 asks) from LEREND_SMTP_TOKEN.
    @Test func implicitTLSWithAnOAuth2Token() throws {
        let server = try LoopbackSMTPServer(implicitTLS: true, token: "ya29.test-token")
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (mails, count) = try Self.exportMails(in: folder, meetings: [4])
        let settings = try server.writeSettings(into: folder)
        let process = Process()
        process.executableURL = Program.executable
        process.arguments = ["verstuur", mails, "--instellingen", settings, "--ja"]
        process.currentDirectoryURL = folder
        process.environment = Program.environment.merging(["LEREND_SMTP_TOKEN": "ya29.test-token"]) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        let result = Self.finish(process)
        #expect(result.status == 0, "\(result.errors)")
        #expect(server.messages().count == count)
    }

    @Test func aWrongPasswordStopsAtTheFirstMessage() throws {
        let server = try LoopbackSMTPServer()
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (mails, count) = try Self.exportMails(in: folder, meetings: [1])
        let settings = try server.writeSettings(into: folder)
        let result = Self.finish(try Self.send([mails, "--instellingen", settings, "--ja"], in: folder, password: "fout"))
        #expect(result.status == 1)
        #expect(result.errors.contains("fout[M114]: aanmelden bij de mailserver lukt niet"), "\(result.errors)")
        #expect(result.errors.contains("\(count - 1) berichten niet geprobeerd"))
        #expect(server.messages().isEmpty)
    }
}
