import Foundation

/// The encodings of MIME: base64 and quoted-printable bodies, RFC 2047 encoded words in
/// headers, RFC 2231 parameters, and header lines folded to at most 78 characters.
package enum MIMEEncoding {
    /// The longest line a header or body gets (RFC 5322 §2.1.1 recommends 78).
    package static let lineLimit = 78

    // MARK: Bodies

    /// `bytes` in base64, in lines of 76 characters ending in CRLF.
    package static func base64Lines(_ bytes: [UInt8]) -> String {
        let encoded = Data(bytes).base64EncodedString()
        var result = ""
        result.reserveCapacity(encoded.utf8.count + encoded.utf8.count / 38 + 2)
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            result += encoded[index..<end]
            result += "\r\n"
            index = end
        }
        return result
    }

    /// `text` (UTF-8) in quoted-printable (RFC 2045 §6.7): lines of at most 76 characters
    /// with soft breaks, each line ending in CRLF. A `.` or `From ` at the start of a
    /// line is encoded too, so that no transport changes it.
    package static func quotedPrintable(_ text: String) -> String {
        var result = ""
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
            let bytes = Array(line.utf8)
            var current = ""
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                var piece: String
                switch byte {
                case 0x20, 0x09:
                    piece = isLast ? hex(byte) : String(UnicodeScalar(byte))
                case 0x2E where index == 0:
                    piece = hex(byte)
                case 0x46 where index == 0 && line.hasPrefix("From "):
                    piece = hex(byte)
                case 0x21...0x7E where byte != 0x3D:
                    piece = String(UnicodeScalar(byte))
                default:
                    piece = hex(byte)
                }
                // 75 characters and a soft break "=" make 76.
                if current.utf8.count + piece.utf8.count > 75 {
                    result += current + "=\r\n"
                    current = ""
                }
                current += piece
            }
            result += current + "\r\n"
        }
        return result
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }

    // MARK: Headers

    /// Whether `text` can stand in a header as it is: printable ASCII and spaces.
    package static func isPlainASCII(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
    }

    /// The words of a header value: plain ASCII words as they are; a text with anything
    /// else becomes RFC 2047 encoded words (`=?UTF-8?B?...?=`) of at most 36 bytes of
    /// text each, never splitting a character.
    package static func headerWords(_ text: String) -> [String] {
        if isPlainASCII(text) { return text.split(separator: " ").map(String.init) }
        return encodedWords(text)
    }

    /// `text` as RFC 2047 encoded words (base64, UTF-8), each at most 60 characters.
    package static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 36, !chunk.isEmpty {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words
    }

    /// A display name as a phrase: as it is when it is plain letters, digits and spaces;
    /// quoted when it has other ASCII; encoded words when it has anything else.
    package static func phraseWords(_ name: String) -> [String] {
        guard isPlainASCII(name) else { return encodedWords(name) }
        let atext = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: " !#$%&'*+-/=?^_`{|}~"))
        if name.unicodeScalars.allSatisfy({ atext.contains($0) }) {
            return name.split(separator: " ").map(String.init)
        }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return ["\"" + escaped + "\""]
    }

    /// A mailbox in a header: `Name <address>`, or the address alone without a name.
    package static func mailboxWords(_ mailbox: MailAddress) -> [String] {
        let name = mailbox.name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { return [mailbox.address] }
        return phraseWords(name) + ["<" + mailbox.address + ">"]
    }

    /// A header line `Name: word word ...` folded (CRLF and a space) before a word that
    /// would pass ``lineLimit``; ends in CRLF. Words are joined by spaces; a word ending
    /// in `,` keeps it.
    package static func header(_ name: String, words: [String]) -> String {
        var result = name + ":"
        var lineLength = result.utf8.count
        for word in words {
            // Fold before a word that would pass the limit, also the first (a message id
            // cannot be folded inside).
            if lineLength + 1 + word.utf8.count > lineLimit {
                result += "\r\n"
                lineLength = 0
            }
            result += " " + word
            lineLength += 1 + word.utf8.count
        }
        return result + "\r\n"
    }

    /// A header of mailboxes, separated by commas.
    package static func addressHeader(_ name: String, _ mailboxes: [MailAddress]) -> String {
        var words: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            var mailboxWords = mailboxWords(mailbox)
            if index < mailboxes.count - 1 { mailboxWords[mailboxWords.count - 1] += "," }
            words += mailboxWords
        }
        return header(name, words: words)
    }

    /// A parameter of a Content-Type or Content-Disposition, as `; name="value"` for plain
    /// ASCII; otherwise in RFC 2231 form (`name*0*=UTF-8''...`) in pieces that keep each
    /// line within ``lineLimit``. Returns the pieces, each to go on its own folded line.
    package static func parameter(_ name: String, _ value: String) -> [String] {
        let safe = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: " !#$&+-.^_`|~()',"))
        if isPlainASCII(value), value.unicodeScalars.allSatisfy({ safe.contains($0) }),
            value.utf8.count + name.utf8.count + 6 <= lineLimit
        {
            return ["\(name)=\"\(value)\""]
        }
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        var pieces: [String] = []
        var current = "UTF-8''"
        for character in value {
            var encoded = ""
            for byte in String(character).utf8 {
                if byte < 0x80, unreserved.contains(UnicodeScalar(byte)) {
                    encoded += String(UnicodeScalar(byte))
                } else {
                    encoded += "%" + String(format: "%02X", byte)
                }
            }
            // " name*NN*=" + text + ";" within the line.
            if current.utf8.count + encoded.utf8.count > lineLimit - name.utf8.count - 8 {
                pieces.append(current)
                current = ""
            }
            current += encoded
        }
        pieces.append(current)
        if pieces.count == 1 { return ["\(name)*=\(current)"] }
        return pieces.enumerated().map { "\(name)*\($0.offset)*=\($0.element)" }
    }

    // MARK: Decoding

    /// A header value with its RFC 2047 encoded words decoded (B and Q, UTF-8 and
    /// ISO-8859-1); whitespace between two encoded words is dropped, as the RFC says.
    package static func decodeHeader(_ value: String) -> String {
        let pattern = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/
        var result = ""
        var rest = Substring(value)
        var previousWasEncoded = false
        while let match = rest.firstMatch(of: pattern) {
            let between = rest[rest.startIndex..<match.range.lowerBound]
            if !(previousWasEncoded && between.allSatisfy(\.isWhitespace)) { result += between }
            let charset = match.output.1.lowercased()
            let payload = String(match.output.3)
            var bytes: [UInt8]?
            if match.output.2.lowercased() == "b" {
                bytes = Data(base64Encoded: payload).map { Array($0) }
            } else {
                bytes = decodeQ(payload)
            }
            if let bytes {
                let text =
                    charset == "utf-8" || charset == "utf8"
                    ? String(decoding: bytes, as: UTF8.self) : String(bytes.map { Character(UnicodeScalar($0)) })
                result += text
                previousWasEncoded = true
            } else {
                result += rest[match.range]
                previousWasEncoded = false
            }
            rest = rest[match.range.upperBound...]
        }
        return result + rest
    }

    private static func decodeQ(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "_"): bytes.append(0x20)
            case UInt8(ascii: "="):
                guard let high = iterator.next(), let low = iterator.next(),
                    let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(value)
            default: bytes.append(byte)
            }
        }
        return bytes
    }
}
