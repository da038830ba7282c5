public import Foundation

/// Writes a ``MailMessage`` as the bytes of an `.eml` file: RFC 5322 headers (UTF-8 in
/// RFC 2047 encoded words, folded within 78 characters), CRLF line ends, and MIME parts:
/// `multipart/mixed` around a `multipart/alternative` (text, HTML) and the attachments
/// in base64.
public struct MIMEWriter: Sendable {
    public init() {}

    /// The message as an `.eml` file.
    public func write(_ message: MailMessage) -> [UInt8] {
        var head = ""
        head += MIMEEncoding.addressHeader("From", [message.from])
        head += MIMEEncoding.addressHeader("To", message.to)
        if !message.cc.isEmpty { head += MIMEEncoding.addressHeader("Cc", message.cc) }
        if !message.bcc.isEmpty { head += MIMEEncoding.addressHeader("Bcc", message.bcc) }
        head += MIMEEncoding.header("Subject", words: MIMEEncoding.headerWords(message.subject))
        head += "Date: " + Self.date(message.date) + "\r\n"
        head += MIMEEncoding.header("Message-ID", words: ["<" + message.messageID + ">"])
        for header in message.extraHeaders {
            head += MIMEEncoding.header(header.name, words: MIMEEncoding.headerWords(header.value))
        }
        head += "MIME-Version: 1.0\r\n"

        let boundaryBase = "lerend-" + Self.boundaryToken(message.messageID)
        let textPart = Self.textPart(message.text, subtype: "plain")
        let body: String
        let alternative: String
        if let html = message.html {
            let boundary = boundaryBase + "-alt"
            alternative =
                MIMEEncoding.header("Content-Type", words: ["multipart/alternative;", "boundary=\"\(boundary)\""])
                + "\r\n--\(boundary)\r\n" + textPart
                + "\r\n--\(boundary)\r\n" + Self.textPart(html, subtype: "html") + "\r\n--\(boundary)--\r\n"
        } else {
            alternative = textPart
        }
        if message.attachments.isEmpty {
            body = alternative
        } else {
            let boundary = boundaryBase + "-mix"
            var parts =
                MIMEEncoding.header("Content-Type", words: ["multipart/mixed;", "boundary=\"\(boundary)\""]) + "\r\n"
            parts += "This is a multi-part message in MIME format.\r\n"
            parts += "--\(boundary)\r\n" + alternative
            for attachment in message.attachments {
                parts += "\r\n--\(boundary)\r\n" + Self.attachmentPart(attachment)
            }
            parts += "\r\n--\(boundary)--\r\n"
            body = parts
        }
        return Array((head + body).utf8)
    }

    /// A text part in quoted-printable UTF-8, with its headers.
    private static func textPart(_ text: String, subtype: String) -> String {
        "Content-Type: text/\(subtype); charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + MIMEEncoding.quotedPrintable(text)
    }

    private static func attachmentPart(_ attachment: MailAttachment) -> String {
        let type = [attachment.mediaType] + attachment.parameters.map { "\($0.name)=\($0.value)" }
        var words = type.map { $0 + ";" }
        if MIMEEncoding.isPlainASCII(attachment.fileName) {
            words += MIMEEncoding.parameter("name", attachment.fileName).map { $0 + ";" }
        } else {
            // Outlook reads the name of the type in encoded words (as Thunderbird writes
            // it); the disposition below has the standard RFC 2231 form.
            var encoded = MIMEEncoding.encodedWords(attachment.fileName)
            encoded[0] = "name=\"" + encoded[0]
            encoded[encoded.count - 1] += "\";"
            words += encoded
        }
        words[words.count - 1].removeLast()
        var result = MIMEEncoding.header("Content-Type", words: words)
        var disposition = ["attachment;"] + MIMEEncoding.parameter("filename", attachment.fileName).map { $0 + ";" }
        disposition[disposition.count - 1].removeLast()
        result += MIMEEncoding.header("Content-Disposition", words: disposition)
        result += "Content-Transfer-Encoding: base64\r\n\r\n"
        result += MIMEEncoding.base64Lines(attachment.bytes)
        return result
    }

    /// A date as RFC 5322 writes it, in UTC: `Wed, 02 Dec 2026 05:20:00 +0000`.
    public static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    /// Letters and digits of the message id: boundaries that are the same each time for
    /// the same message and never appear in base64 or quoted-printable text (a `=` does
    /// not occur in them, and "lerend-" lines are not base64).
    private static func boundaryToken(_ id: String) -> String {
        let kept = id.unicodeScalars.filter { $0.isASCII && CharacterSet.alphanumerics.contains($0) }
        return "=_" + String(String.UnicodeScalarView(kept).prefix(40))
    }
}
