import Foundation
import Testing

@testable import LerendMail

@Suite struct MIMEWriterTests {
    func message() -> MailMessage {
        var message = MailMessage(
            from: MailAddress(name: "Marieke Jansen", address: "m.jansen@example.nl"),
            to: [MailAddress(name: "Anouk Bos-Ünal", address: "a.bos@example.nl")],
            subject: "Uitnodiging voor bijeenkomst 2: één thema over familieparticipatie en dagbesteding op maat",
            date: Date(timeIntervalSince1970: 1_780_000_000),
            messageID: "lerend-netwerk-kleinschalig-zu-b1-v0-877bdbbb3252746e@zorggroepdelinde.nl",
            text: "Beste Anouk,\n\nWelkom bij café Ünal. \(String(repeating: "lang ", count: 30))\n.punt\nFrom hier",
            html: "<p>Beste Anouk,</p>")
        message.attachments = [
            MailAttachment(
                fileName: "uitnodiging bijeenkomst 2 Anouk Bos-Ünal met een heel lange naam die doorgaat.pdf",
                mediaType: "application/pdf", bytes: Array(repeating: 0xFF, count: 1000)),
            MailAttachment(
                fileName: "bijeenkomst 2.ics", mediaType: "text/calendar",
                parameters: [("method", "REQUEST"), ("charset", "UTF-8")], bytes: Array("BEGIN:VCALENDAR\r\n".utf8)),
        ]
        message.extraHeaders = [("X-Unsent", "1")]
        return message
    }

    @Test func linesEndInCRLFAndStayWithin78Characters() {
        let text = String(decoding: MIMEWriter().write(message()), as: UTF8.self)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        for line in text.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78, "\(line)")
        }
    }

    @Test func nonASCIIHeadersAreEncodedWordsThatDecodeBack() throws {
        let bytes = MIMEWriter().write(message())
        let text = String(decoding: bytes, as: UTF8.self)
        let head = text.components(separatedBy: "\r\n\r\n")[0]
        #expect(head.unicodeScalars.allSatisfy { $0.isASCII })
        let file = try MailFile(bytes: bytes)
        #expect(file.decoded("Subject") == message().subject)
        #expect(file.addresses(in: "To") == [MailAddress(name: "Anouk Bos-Ünal", address: "a.bos@example.nl")])
        #expect(file.sender == MailAddress(name: "Marieke Jansen", address: "m.jansen@example.nl"))
        #expect(file.messageID == "lerend-netwerk-kleinschalig-zu-b1-v0-877bdbbb3252746e@zorggroepdelinde.nl")
        #expect(file.isUnsent)
    }

    @Test func quotedPrintableKeepsLinesShortAndProtectsDotsAndFrom() {
        let encoded = MIMEEncoding.quotedPrintable("café \(String(repeating: "x", count: 100)) \n.punt\nFrom hier \n")
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines[0].hasPrefix("caf=C3=A9 x"))
        #expect(lines.contains("=2Epunt"))
        #expect(lines.contains("=46rom hier=20"))
    }

    @Test func sendableBytesDropBccAndXUnsentAndSetTheDate() throws {
        var draft = message()
        draft.bcc = [MailAddress(name: "Geheim", address: "geheim@example.nl")]
        let file = try MailFile(bytes: MIMEWriter().write(draft))
        #expect(file.recipients.map(\.address) == ["a.bos@example.nl", "geheim@example.nl"])
        let sent = String(decoding: file.sendableBytes(date: Date(timeIntervalSince1970: 0)), as: UTF8.self)
        #expect(!sent.contains("geheim"))
        #expect(!sent.contains("X-Unsent"))
        #expect(sent.contains("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"))
    }

    @Test func addressListsWithQuotesAndCommas() {
        let parsed = MailFile.parseAddresses("\"Bakker, Anna\" <a@b.nl>, c@d.nl, =?UTF-8?B?w5xuYWw=?= <u@v.nl>")
        #expect(
            parsed == [
                MailAddress(name: "Bakker, Anna", address: "a@b.nl"), MailAddress(address: "c@d.nl"),
                MailAddress(name: "Ünal", address: "u@v.nl"),
            ])
    }

    @Test func invalidAddresses() {
        #expect(MailAddress.isValid("a.bakker@example.nl"))
        for bad in ["", "geen", "a@b", "a@@b.nl", "a b@c.nl", "a@.nl", "ä@b.nl", "a@b..nl"] {
            #expect(!MailAddress.isValid(bad), "\(bad)")
        }
    }
}

@Suite struct AttachmentNameTests {
    @Test func aShortNonASCIINameIsOneRFC2231ParameterAndEncodedWordsInTheType() {
        var message = MailMessage(
            from: MailAddress(address: "a@b.nl"), to: [MailAddress(address: "c@d.nl")], subject: "Test", date: Date(),
            messageID: "x@b.nl", text: "tekst")
        message.attachments = [MailAttachment(fileName: "Ünal.pdf", mediaType: "application/pdf", bytes: [1, 2, 3])]
        let text = String(decoding: MIMEWriter().write(message), as: UTF8.self)
        #expect(text.contains("Content-Type: application/pdf; name=\"=?UTF-8?B?w5xuYWwucGRm?=\"\r\n"))
        #expect(text.contains("Content-Disposition: attachment; filename*=UTF-8''%C3%9Cnal.pdf\r\n"))
    }
}

@Suite struct MailFileTests {
    @Test func aFileWithLFLineEndsIsSentWithCRLF() throws {
        let file = try MailFile(bytes: Array("From: a@b.nl\nTo: c@d.nl\nMessage-ID: <x@b.nl>\n\nregel 1\r\nregel 2".utf8))
        let sent = String(decoding: file.sendableBytes(date: Date(timeIntervalSince1970: 0)), as: UTF8.self)
        #expect(sent.hasSuffix("\r\n\r\nregel 1\r\nregel 2\r\n"))
        #expect(sent.hasPrefix("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\nFrom: a@b.nl\r\n"))
    }

    @Test func brokenFilesSayWhatIsWrong() {
        #expect(throws: MailFile.Problem.malformedHeaders(line: 3)) {
            try MailFile(bytes: Array("From: a@b.nl\nTo: c@d.nl\n".utf8))
        }
        #expect(throws: MailFile.Problem.malformedHeaders(line: 2)) {
            try MailFile(bytes: Array("From: a@b.nl\ngeen kopregel\n\ntekst".utf8))
        }
        #expect(throws: MailFile.Problem.missingHeader("Message-ID")) {
            try MailFile(bytes: Array("From: a@b.nl\nTo: c@d.nl\n\ntekst".utf8))
        }
        #expect(throws: MailFile.Problem.invalidAddress(header: "To", address: "c bij d.nl")) {
            try MailFile(bytes: Array("From: a@b.nl\nTo: c bij d.nl\nMessage-ID: <x@b.nl>\n\ntekst".utf8))
        }
    }
}
