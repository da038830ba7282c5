import Foundation
import LerendApplication
import LerendDiagnostics
import LerendDocuments
import LerendExpressions
import LerendMail
import LerendNetwork
import LerendTestSupport
import Testing

/// The e-mails of an export (`lerend export --email`) and the settings of `lerend verstuur`.
@Suite struct MailExportTests {
    /// A network of three whose first participant is addressed formally.
    static let network = TestNetworks.network(participants: 3).replacing(
        "  - naam: \"Deelnemer 1\"\n", with: "  - naam: \"Deelnemer 1\"\n    aanhef: Geachte heer Een\n"
    ).replacing("    organisatie: ", with: "    functie: verpleegkundige\n    organisatie: ")

    static func export(_ text: String = network) throws -> (NetworkSession, String, MailExportResult) {
        let (session, folder) = try ExportTests.session(text)
        let plan = try session.exportPlan(ExportRequest(kinds: [.invitation, .agenda]))
        let documents = try DocumentExporter().write(plan, into: folder + "/uit")
        let mails = try session.writeInvitationMails(plan, documents: documents, into: folder + "/uit", attachPDF: false)
        return (session, folder, mails)
    }

    /// The text part of a written e-mail, quoted-printable soft breaks removed.
    static func text(_ path: String) throws -> String {
        String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
            .replacingOccurrences(of: "=\r\n", with: "")
    }

    @Test func theTextFollowsTheFormOfAddressOfTheGreeting() throws {
        let (_, folder, mails) = try Self.export()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mails.written.count == 3)
        #expect(mails.problems.isEmpty)
        let formal = try Self.text(folder + "/uit/e-mails/uitnodiging bijeenkomst 1 Deelnemer 1.eml")
        let informal = try Self.text(folder + "/uit/e-mails/uitnodiging bijeenkomst 1 Deelnemer 2.eml")
        #expect(formal.contains("Geachte heer Een,"))
        #expect(formal.contains("Graag nodig ik u uit"))
        #expect(formal.contains("Met vriendelijke groet,"))
        #expect(informal.contains("Beste Deelnemer,"))
        #expect(informal.contains("Graag nodig ik je uit"))
        #expect(!informal.contains(" u uit"))
    }

    @Test func eachMailCarriesTheInvitationTheAgendaAndTheMeetingRequest() throws {
        let (_, folder, mails) = try Self.export()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try MailFile(bytes: Array(try #require(FileManager.default.contents(atPath: mails.written[0]))))
        #expect(file.sender == MailAddress(name: "Anna Bakker", address: "a.bakker@zorg.nl"))
        #expect(file.addresses(in: "To") == [MailAddress(name: "Deelnemer 1", address: "d1@zorg.nl")])
        #expect(file.isUnsent)
        let text = try Self.text(mails.written[0])
        #expect(text.contains("Content-Type: text/calendar; method=REQUEST; charset=UTF-8;\r\n name=\"bijeenkomst 1.ics\""))
        #expect(text.contains("filename=\"uitnodiging bijeenkomst 1 Deelnemer 1.odt\""))
        #expect(text.contains("filename=\"agenda bijeenkomst 1 2026-03-10.odt\""))
        #expect(mails.calendars == [folder + "/uit/bijeenkomst 1.ics"])
        let calendar = try String(contentsOfFile: mails.calendars[0], encoding: .utf8)
        #expect(calendar.components(separatedBy: "ATTENDEE").count - 1 == 3)
        #expect(FileManager.default.fileExists(atPath: mails.calendars[0] + ".staat"), "the SEQUENCE state is kept")
    }

    @Test func theSameExportGivesTheSameMessageIDs() throws {
        let (session, folder, first) = try Self.export()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try session.exportPlan(ExportRequest(kinds: [.invitation, .agenda]))
        let documents = try DocumentExporter().write(plan, into: folder + "/uit")
        let second = try session.writeInvitationMails(plan, documents: documents, into: folder + "/uit", attachPDF: false)
        let ids = { (paths: [String]) in
            try paths.map { try MailFile(bytes: Array(FileManager.default.contents(atPath: $0)!)).messageID }
        }
        #expect(try ids(first.written) == ids(second.written))
        #expect(Set(try ids(first.written)).count == 3)
    }

    @Test func theNetworksOwnTextIsUsedAndItsErrorsAreLocated() throws {
        let own = Self.network.replacing(
            "  contactpersoon: {naam: Anna Bakker, email: a.bakker@zorg.nl}\n",
            with: "  contactpersoon: {naam: Anna Bakker, email: a.bakker@zorg.nl}\n  sjablonen: {email: mail.txt}\n")
        let (session, folder) = try ExportTests.session(own)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write("Onderwerp: Hallo {{ deelnemer.voornaam }}\n\nDag {{ deelnemer.naam }}.\n", to: folder + "/mail.txt")
        let text = try session.mailText()
        #expect(text.path == folder + "/mail.txt")
        #expect(try text.render(["deelnemer": ["voornaam": "Jan", "naam": "Jan Vos"]]) == ("Hallo Jan", "Dag Jan Vos.\n"))

        try write("Onderwerp: Hallo\n\n{% if x %}\nDag {{ deelnemer.naam ) }}.\n{% endif %}\n", to: folder + "/mail.txt")
        #expect {
            try session.mailText()
        } throws: { error in
            let diagnostic = (error as? DiagnosticList)?.diagnostics.first
            return diagnostic?.location?.file == folder + "/mail.txt" && diagnostic?.location?.line == 4
        }
        try write("Beste allemaal\n", to: folder + "/mail.txt")
        #expect { try session.mailText() } throws: { error in
            (error as? DiagnosticList)?.diagnostics.first?.id == "M104"
        }
        try FileManager.default.removeItem(atPath: folder + "/mail.txt")
        #expect { try session.mailText() } throws: { error in
            let diagnostic = (error as? DiagnosticList)?.diagnostics.first
            return diagnostic?.id == "A104" && diagnostic?.location?.line == 5
        }
    }

    @Test func withoutItsAgendaAMailIsNotWritten() throws {
        // The network's own agenda is the plan of approach, which needs data an agenda does
        // not have: every agenda fails.
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Repository.templates + "/plan-van-aanpak.odt", toPath: folder + "/agenda.odt")
        let text = TestNetworks.network(participants: 2).replacing(
            "  plugin: kenniz\n", with: "  plugin: kenniz\n  sjablonen: {agenda: agenda.odt}\n")
        try write(text, to: folder + "/netwerk.yaml")
        let session = try NetworkSession.open(folder + "/netwerk.yaml", locator: Repository.locator(), date: referenceDate)
        let plan = try session.exportPlan(ExportRequest(kinds: [.invitation, .agenda]))
        let documents = try DocumentExporter().write(plan, into: folder + "/uit")
        #expect(!documents.failures.isEmpty)
        let mails = try session.writeInvitationMails(plan, documents: documents, into: folder + "/uit", attachPDF: false)
        #expect(mails.written.isEmpty)
        #expect(mails.skippedCount == 2)
        #expect(mails.problems.map(\.id) == ["M105", "M105"])
    }

    @Test func withoutTheContactPersonsAddressNoMailIsWritten() throws {
        let text = Self.network.replacing("{naam: Anna Bakker, email: a.bakker@zorg.nl}", with: "{naam: Anna Bakker}")
        #expect {
            try Self.export(text)
        } throws: { error in
            (error as? DiagnosticList)?.diagnostics.first?.id == "M101"
        }
    }

    @Test func theServerSettingsAreCheckedWithTheirPlace() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/mailserver.yaml"
        try write("host: smtp.example.nl\npoort: zeven\nbeveiliging: ssl\nsnelheid: 0\nwachtwoord: geheim\n", to: path)
        #expect {
            try MailServerConfig.load(path: path)
        } throws: { error in
            let diagnostics = (error as? DiagnosticList)?.diagnostics ?? []
            return Set(diagnostics.compactMap(\.id)) == ["M110", "D214"]
                && diagnostics.compactMap(\.location?.line).sorted() == [2, 3, 4, 5]
        }
        try write("host: smtp.example.nl\nbeveiliging: geen\n", to: path)
        #expect { try MailServerConfig.load(path: path) } throws: { error in
            (error as? DiagnosticList)?.diagnostics.first?.id == "M110"
        }
        try write("host: smtp.example.nl\nbeveiliging: tls\ngebruiker: a@b.nl\n", to: path)
        let config = try MailServerConfig.load(path: path)
        #expect(config.port == 465)
        #expect(config.login == .password)
    }
}
