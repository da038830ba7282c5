import Foundation

/// Reads the format and size of a PNG, JPEG or SVG file from its first bytes, without
/// decoding the picture.
enum ImageHeader {
    /// Why a file is not a picture Lerend can place.
    enum Problem: Error, Equatable {
        /// Not PNG, JPEG or SVG; `detected` names what it seems to be, if known.
        case unknownFormat(detected: String?)
        /// A PNG, JPEG or SVG whose header is damaged or gives no size.
        case corrupt(ImageFormat, reason: String)
    }

    static func inspect(_ bytes: [UInt8]) throws(Problem) -> ImageInfo {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return try png(bytes) }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return try jpeg(bytes) }
        if isSVG(bytes) { return try svg(bytes) }
        throw .unknownFormat(detected: detectedOther(bytes))
    }

    // MARK: - PNG

    private static func png(_ bytes: [UInt8]) throws(Problem) -> ImageInfo {
        guard bytes.count >= 33, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            throw .corrupt(.png, reason: "het blok IHDR ontbreekt")
        }
        let width = Double(bigEndian32(bytes, 16))
        let height = Double(bigEndian32(bytes, 20))
        guard width > 0, height > 0 else { throw .corrupt(.png, reason: "breedte of hoogte is 0") }
        var aspect = width / height
        // pHYs before the first IDAT: pixels per unit in x and y.
        var offset = 8
        while offset + 8 <= bytes.count {
            let length = Int(bigEndian32(bytes, offset))
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            if type == "IDAT" || type == "IEND" { break }
            if type == "pHYs", length >= 9, offset + 8 + 8 <= bytes.count {
                let x = Double(bigEndian32(bytes, offset + 8))
                let y = Double(bigEndian32(bytes, offset + 12))
                if x > 0, y > 0 { aspect = (width / x) / (height / y) }
                break
            }
            guard length >= 0, length < bytes.count else { break }
            offset += 12 + length
        }
        return ImageInfo(format: .png, width: width, height: height, aspectRatio: aspect)
    }

    // MARK: - JPEG

    private static func jpeg(_ bytes: [UInt8]) throws(Problem) -> ImageInfo {
        var offset = 2
        var density: (x: Double, y: Double)?
        var quarterTurn = false
        while offset + 4 <= bytes.count {
            guard bytes[offset] == 0xFF else { throw .corrupt(.jpeg, reason: "een kenmerk (marker) op een verkeerde plaats") }
            let marker = bytes[offset + 1]
            if marker == 0xFF {
                offset += 1
                continue
            }
            if marker == 0x01 || (0xD0...0xD7).contains(marker) {
                offset += 2
                continue
            }
            if marker == 0xD9 || marker == 0xDA { break }
            let length = Int(bigEndian16(bytes, offset + 2))
            guard length >= 2, offset + 2 + length <= bytes.count else {
                throw .corrupt(.jpeg, reason: "een blok is langer dan het bestand")
            }
            let body = offset + 4
            switch marker {
            case 0xC0...0xCF where marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
                guard length >= 7 else { throw .corrupt(.jpeg, reason: "het blok met de afmetingen is te kort") }
                var height = Double(bigEndian16(bytes, body + 1))
                var width = Double(bigEndian16(bytes, body + 3))
                guard width > 0, height > 0 else { throw .corrupt(.jpeg, reason: "breedte of hoogte is 0") }
                var aspect = width / height
                if let density, density.x > 0, density.y > 0 { aspect = (width / density.x) / (height / density.y) }
                if quarterTurn {
                    swap(&width, &height)
                    aspect = 1 / aspect
                }
                return ImageInfo(format: .jpeg, width: width, height: height, aspectRatio: aspect)
            case 0xE0 where length >= 14 && Array(bytes[body..<(body + 5)]) == Array("JFIF\0".utf8):
                density = (Double(bigEndian16(bytes, body + 8)), Double(bigEndian16(bytes, body + 10)))
            case 0xE1 where length >= 8 && Array(bytes[body..<(body + 6)]) == Array("Exif\0\0".utf8):
                if let orientation = exifOrientation(Array(bytes[(body + 6)..<(offset + 2 + length)])) {
                    quarterTurn = (5...8).contains(orientation)
                }
            default:
                break
            }
            offset += 2 + length
        }
        throw .corrupt(.jpeg, reason: "de afmetingen (SOF) ontbreken")
    }

    /// The orientation (1–8) in a TIFF structure of EXIF data, if it has one.
    private static func exifOrientation(_ tiff: [UInt8]) -> Int? {
        guard tiff.count >= 8 else { return nil }
        let little: Bool
        switch (tiff[0], tiff[1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return nil
        }
        func read16(_ at: Int) -> Int? {
            guard at + 2 <= tiff.count else { return nil }
            return little ? Int(tiff[at]) | Int(tiff[at + 1]) << 8 : Int(tiff[at]) << 8 | Int(tiff[at + 1])
        }
        func read32(_ at: Int) -> Int? {
            guard let high = read16(little ? at + 2 : at), let low = read16(little ? at : at + 2) else { return nil }
            return high << 16 | low
        }
        guard let directory = read32(4), let count = read16(directory) else { return nil }
        for index in 0..<min(count, 256) {
            let entry = directory + 2 + index * 12
            guard let tag = read16(entry) else { return nil }
            if tag == 0x0112 { return read16(entry + 8) }
        }
        return nil
    }

    // MARK: - SVG

    private static func isSVG(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        guard
            trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<svg") || trimmed.hasPrefix("<!--")
                || trimmed.hasPrefix("<!DOCTYPE svg")
        else { return false }
        return head.contains("<svg")
    }

    private static func svg(_ bytes: [UInt8]) throws(Problem) -> ImageInfo {
        let text = String(decoding: bytes.prefix(65536), as: UTF8.self)
        guard let start = text.range(of: "<svg"), let end = text[start.upperBound...].firstIndex(of: ">") else {
            throw .corrupt(.svg, reason: "het element <svg> is niet af")
        }
        let attributes = Self.attributes(String(text[start.upperBound..<end]))
        let width = attributes["width"].flatMap(cssPixels)
        let height = attributes["height"].flatMap(cssPixels)
        let box = attributes["viewBox"].map {
            $0.split(whereSeparator: { $0 == " " || $0 == "," || $0.isWhitespace }).compactMap { Double($0) }
        }
        if let width, let height, width > 0, height > 0 {
            return ImageInfo(format: .svg, width: width, height: height, aspectRatio: width / height)
        }
        if let box, box.count == 4, box[2] > 0, box[3] > 0 {
            let aspect = box[2] / box[3]
            // One absolute side and the box's shape give the other.
            if let width, width > 0 { return ImageInfo(format: .svg, width: width, height: width / aspect, aspectRatio: aspect) }
            if let height, height > 0 {
                return ImageInfo(format: .svg, width: height * aspect, height: height, aspectRatio: aspect)
            }
            return ImageInfo(format: .svg, width: box[2], height: box[3], aspectRatio: aspect)
        }
        throw .corrupt(.svg, reason: "geen width en height, en geen viewBox")
    }

    /// The attributes of a start tag's inside, by name (quotes of both kinds).
    private static func attributes(_ inside: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(inside)
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals].split(whereSeparator: \.isWhitespace).last.map(String.init) ?? ""
            var after = rest[rest.index(after: equals)...].drop { $0.isWhitespace }
            guard let quote = after.first, quote == "\"" || quote == "'" else { break }
            after = after.dropFirst()
            guard let close = after.firstIndex(of: quote) else { break }
            result[name] = String(after[..<close])
            rest = after[after.index(after: close)...]
        }
        return result
    }

    /// A length in CSS pixels; `nil` for a percentage or something unreadable.
    private static func cssPixels(_ length: String) -> Double? {
        let text = length.trimmingCharacters(in: .whitespaces)
        let units: [(String, Double)] = [
            ("px", 1), ("pt", 4.0 / 3), ("pc", 16), ("mm", 96 / 25.4), ("cm", 96 / 2.54), ("in", 96),
        ]
        for (unit, factor) in units where text.hasSuffix(unit) {
            return Double(text.dropLast(unit.count)).map { $0 * factor }
        }
        if text.hasSuffix("%") || text.hasSuffix("em") || text.hasSuffix("ex") { return nil }
        return Double(text)
    }

    // MARK: - Other formats

    private static func detectedOther(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("GIF8".utf8)) { return "GIF" }
        if bytes.starts(with: Array("BM".utf8)) { return "BMP" }
        if bytes.starts(with: Array("RIFF".utf8)), bytes.count >= 12, Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return "WebP"
        }
        if bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return "TIFF" }
        if bytes.starts(with: Array("%PDF".utf8)) { return "PDF" }
        if bytes.count >= 12, Array(bytes[4..<8]) == Array("ftyp".utf8) { return "HEIC of een ander ISO-mediabestand" }
        if bytes.starts(with: [0x00, 0x00, 0x01, 0x00]) { return "ICO" }
        return nil
    }

    private static func bigEndian32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }

    private static func bigEndian16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1])
    }
}
