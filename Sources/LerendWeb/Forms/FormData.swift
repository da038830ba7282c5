import Foundation

/// The fields of a form as the browser sent it (`application/x-www-form-urlencoded` or
/// `multipart/form-data`), in order; a name may come more than once (checkboxes).
struct FormData: Sendable {
    /// A file sent with the form.
    struct Upload: Sendable {
        let fileName: String
        let bytes: [UInt8]
    }

    private(set) var fields: [(name: String, value: String)] = []
    private(set) var uploads: [String: Upload] = [:]

    init(fields: [(name: String, value: String)] = [], uploads: [String: Upload] = [:]) {
        self.fields = fields
        self.uploads = uploads
    }

    /// The first value of `name`.
    subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    /// Every value of `name`.
    func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// A form body in `application/x-www-form-urlencoded`.
    init(urlEncoded bytes: [UInt8]) {
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            fields.append((name, value))
        }
    }

    /// `+` as a space and `%XX` as a byte, read as UTF-8 (invalid bytes become U+FFFD).
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                decoded.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2])
            {
                decoded.append(high << 4 | low)
                index += 2
            } else {
                decoded.append(byte)
            }
            index += 1
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension FormData {
    /// A body in `multipart/form-data` with `boundary`: text fields and files. `nil` when
    /// the body is not of that form.
    init?(multipart bytes: [UInt8], boundary: String) {
        let delimiter = Array("--\(boundary)".utf8)
        guard !boundary.isEmpty, boundary.utf8.count <= 70 else { return nil }
        var parts: [ArraySlice<UInt8>] = []
        var searchFrom = 0
        var partStart: Int?
        while let found = Self.find(delimiter, in: bytes, from: searchFrom) {
            if let start = partStart {
                // The part ends with CRLF before the delimiter.
                let end = found >= 2 ? found - 2 : found
                if end >= start { parts.append(bytes[start..<end]) }
            }
            var next = found + delimiter.count
            if next + 1 < bytes.count, bytes[next] == UInt8(ascii: "-"), bytes[next + 1] == UInt8(ascii: "-") { break }
            if next + 1 < bytes.count, bytes[next] == 13, bytes[next + 1] == 10 { next += 2 }
            partStart = next
            searchFrom = next
        }
        guard !parts.isEmpty else { return nil }
        self.init()
        for part in parts {
            guard let headerEnd = Self.find([13, 10, 13, 10], in: Array(part), from: 0) else { continue }
            let header = String(decoding: part.prefix(headerEnd), as: UTF8.self)
            let body = Array(part.dropFirst(headerEnd + 4))
            guard let disposition = header.split(separator: "\r\n").first(where: {
                $0.lowercased().hasPrefix("content-disposition:")
            }) else { continue }
            guard let name = Self.parameter("name", in: String(disposition)) else { continue }
            if let fileName = Self.parameter("filename", in: String(disposition)) {
                if !fileName.isEmpty { uploads[name] = Upload(fileName: fileName, bytes: body) }
            } else {
                fields.append((name, String(decoding: body, as: UTF8.self)))
            }
        }
    }

    private static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(name + "=") else { continue }
            var value = trimmed.dropFirst(name.count + 1)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            // A browser sends only the file's own name; a path from an old one is cut off.
            return String(value).replacingOccurrences(of: "\\\"", with: "\"").split(separator: "\\").last
                .map(String.init) ?? ""
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        let first = needle[0]
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
