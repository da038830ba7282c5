public import Foundation

/// An `.eml` file read back, enough to send it: its headers (unfolded, encoded words
/// decoded on request), the sender and the recipients, and the bytes that go over SMTP.
public struct MailFile: Sendable {
    /// The headers in order, unfolded, as written (encoded words not decoded).
    public let headers: [(name: String, value: String)]
    /// Everything after the blank line that ends the headers, with CRLF line ends.
    let body: [UInt8]

    /// Why a file is not a message that can be sent.
    public enum Problem: Error, Sendable, Equatable {
        /// No blank line ends the headers, or a header line without a colon.
        case malformedHeaders(line: Int)
        /// A header that must be there (From, To, Message-ID) is missing.
        case missingHeader(String)
        /// An address in a header that cannot be sent to.
        case invalidAddress(header: String, address: String)
    }

    /// Reads the bytes of an `.eml` file (CRLF or LF line ends).
    public init(bytes: [UInt8]) throws(Problem) {
        // Bytes, not characters: a message of a few megabytes is read in milliseconds.
        var lines: [Substring] = []
        var headerEnd: Int?
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            var end = index
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            if end == start {
                headerEnd = index + 1
                break
            }
            lines.append(Substring(String(decoding: bytes[start..<end], as: UTF8.self)))
            start = index + 1
        }
        guard let headerEnd else { throw .malformedHeaders(line: lines.count + 1) }
        var headers: [(name: String, value: String)] = []
        for (number, line) in lines.enumerated() {
            if line.first == " " || line.first == "\t" {
                guard !headers.isEmpty else { throw .malformedHeaders(line: number + 1) }
                headers[headers.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":"), colon > line.startIndex else {
                throw .malformedHeaders(line: number + 1)
            }
            headers.append(
                (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
        }
        self.headers = headers
        // Every line end CRLF, as SMTP wants.
        var body: [UInt8] = []
        body.reserveCapacity(bytes.count - headerEnd + bytes.count / 64 + 2)
        var previous: UInt8 = 0
        for byte in bytes[headerEnd...] {
            if byte == 0x0A, previous != 0x0D { body.append(0x0D) }
            body.append(byte)
            previous = byte
        }
        if !body.isEmpty, body.last != 0x0A {
            body += [0x0D, 0x0A]
        }
        self.body = body
        for required in ["From", "Message-ID"] where value(of: required) == nil { throw .missingHeader(required) }
        if recipients.isEmpty { throw .missingHeader("To") }
        for name in ["From", "To", "Cc", "Bcc"] {
            for mailbox in addresses(in: name) where !mailbox.isValid {
                throw .invalidAddress(header: name, address: mailbox.address)
            }
        }
    }

    /// The first header `name` (case does not matter), as written.
    public func value(of name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The first header `name` with its encoded words decoded.
    public func decoded(_ name: String) -> String? {
        value(of: name).map(MIMEEncoding.decodeHeader)
    }

    /// The message id without the angle brackets.
    public var messageID: String {
        let raw = value(of: "Message-ID") ?? ""
        return raw.trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
    }

    public var sender: MailAddress? { addresses(in: "From").first }

    /// Everyone the message goes to: To, Cc and Bcc.
    public var recipients: [MailAddress] { ["To", "Cc", "Bcc"].flatMap { addresses(in: $0) } }

    /// Whether the file is a draft (`X-Unsent: 1`).
    public var isUnsent: Bool { value(of: "X-Unsent") == "1" }

    /// The mailboxes of header `name` (every header of that name), display names decoded.
    public func addresses(in name: String) -> [MailAddress] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.flatMap { Self.parseAddresses($0.value) }
    }

    /// The message as it goes to the server: without `X-Unsent` and `Bcc` (no recipient
    /// may see who else got it), with `Date` the moment of sending.
    public func sendableBytes(date: Date) -> [UInt8] {
        var head = ""
        var wroteDate = false
        for header in headers {
            switch header.name.lowercased() {
            case "x-unsent", "bcc": continue
            case "date":
                head += "Date: " + MIMEWriter.date(date) + "\r\n"
                wroteDate = true
            default:
                head += MIMEEncoding.header(header.name, words: header.value.split(separator: " ").map(String.init))
            }
        }
        if !wroteDate { head = "Date: " + MIMEWriter.date(date) + "\r\n" + head }
        return Array((head + "\r\n").utf8) + body
    }

    /// Splits an address list: `Name <a@b>, "Last, First" <c@d>, e@f`.
    static func parseAddresses(_ value: String) -> [MailAddress] {
        var items: [String] = []
        var current = ""
        var quoted = false
        var angle = false
        var escaped = false
        for character in value {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            switch character {
            case "\\" where quoted:
                escaped = true
                current.append(character)
            case "\"":
                quoted.toggle()
                current.append(character)
            case "<" where !quoted:
                angle = true
                current.append(character)
            case ">" where !quoted:
                angle = false
                current.append(character)
            case "," where !quoted && !angle:
                items.append(current)
                current = ""
            default: current.append(character)
            }
        }
        items.append(current)
        return items.compactMap { item -> MailAddress? in
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            if let open = trimmed.lastIndex(of: "<"), let close = trimmed.lastIndex(of: ">"), open < close {
                var name = String(trimmed[..<open]).trimmingCharacters(in: .whitespaces)
                if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
                    name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
                        .replacingOccurrences(of: "\\\\", with: "\\")
                }
                return MailAddress(
                    name: MIMEEncoding.decodeHeader(name),
                    address: String(trimmed[trimmed.index(after: open)..<close]).trimmingCharacters(in: .whitespaces))
            }
            return MailAddress(address: trimmed)
        }
    }
}
