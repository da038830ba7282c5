import LerendData
import LerendDiagnostics
import LerendExpressions

/// Writes a text as a YAML scalar: plain when YAML reads it back as the same text,
/// quoted when it needs quotes, as a block scalar when it has line breaks.
///
/// The one place where Lerend decides how a value it writes into a network file looks.
package enum YAMLScalarWriter {
    /// How an existing scalar was written, so that a new value keeps that style.
    package enum Style: Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The style of the scalar written at `first` (its first character).
    static func style(of first: Unicode.Scalar?) -> Style {
        switch first {
        case "'": .singleQuoted
        case "\"": .doubleQuoted
        case "|": .literal
        case ">": .folded
        default: .plain
        }
    }

    /// `text` in double quotes, with `\` and `"` and control characters escaped.
    package static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    static func singleQuoted(_ text: String) -> String {
        "'" + text.replacing("'", with: "''") + "'"
    }

    /// Whether `text` can be written without quotes and is read back as the same text.
    ///
    /// `asText`: the key holds a text, so a plain `2026`, `true` or `2026-03-10` would
    /// become a number, a yes/no or a date and must be quoted. Times (`13:30`) are always
    /// quoted: YAML 1.1 readers take them for a number of minutes.
    package static func canBePlain(_ text: String, inFlow: Bool, asText: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first == " " || last == " " || first == "\t" || last == "\t" { return false }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{FEFF}" }) {
            return false
        }
        if "#&*!|>'\"%@`{}[],".unicodeScalars.contains(first) { return false }
        if "-?:".unicodeScalars.contains(first) {
            let second = text.unicodeScalars.dropFirst().first
            if second == nil || second == " " || (inFlow && second.map { ",[]{}".unicodeScalars.contains($0) } == true) {
                return false
            }
            if text.hasPrefix("---") { return false }
        }
        if text.contains(": ") || text.contains(" #") || last == ":" { return false }
        if inFlow, text.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return false }
        if isTimeLike(text) { return false }
        let resolved = DataNode.Scalar(text: text, isQuoted: false, location: .init(file: "")).resolved
        if asText {
            guard case .string(let read) = resolved, read == text else { return false }
            switch text.lowercased() {
            case "yes", "no", "on", "off", "y", "n": return false
            default: break
            }
            // Numbers YAML reads that Lerend keeps as text: 1e3, 0x1F, .5, 1_000.
            if Double(text) != nil || text.hasPrefix("0x") || text.hasPrefix("0o") { return false }
        } else if case .null = resolved {
            return false
        }
        return true
    }

    /// `13:30`, `9:05`: what YAML 1.1 reads as a number in base 60.
    static func isTimeLike(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// `text` on one line: plain when it can be, else quoted in `preferred` quotes (double
    /// unless the old value had single ones).
    package static func inline(_ text: String, inFlow: Bool, asText: Bool, preferred: Style = .plain) -> String {
        let hasBreak = text.contains("\n") || text.contains("\r")
        switch preferred {
        case .doubleQuoted: return doubleQuoted(text)
        case .singleQuoted where !hasBreak: return singleQuoted(text)
        default: break
        }
        return canBePlain(text, inFlow: inFlow, asText: asText) ? text : doubleQuoted(text)
    }

    /// `text` as the value after `key:` (or `-`): on the same line, or as a block
    /// scalar indented to `indent` when it has line breaks or the old value was one.
    ///
    /// The result starts with the space after the `:`; it has `\n` for line breaks.
    static func value(_ text: String, indent: Int, inFlow: Bool, asText: Bool, preferred: Style) -> String {
        let hasBreak = text.contains("\n")
        guard !inFlow, hasBreak || preferred == .literal || preferred == .folded,
            !text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || $0 == "\u{FEFF}" })
        else {
            return " " + inline(text, inFlow: inFlow, asText: asText, preferred: preferred)
        }
        let padding = String(repeating: " ", count: indent)
        if !hasBreak, preferred == .folded, let folded = folded(text, padding: padding) { return folded }
        var body = text
        var chomp = "-"
        if body.hasSuffix("\n") {
            body.removeLast()
            chomp = body.hasSuffix("\n") ? "+" : ""
        }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        // A first line that starts with a space needs the indentation said in the header.
        let indicator = lines.first?.first == " " ? "\(indent)" : ""
        var result = " |\(indicator)\(chomp)"
        for line in lines {
            result += line.isEmpty ? "\n" : "\n" + padding + line
        }
        return result
    }

    /// A text without line breaks as a folded block scalar (`>-`), broken at spaces after
    /// about 80 characters. `nil` when it cannot be folded back to the same text.
    private static func folded(_ text: String, padding: String) -> String? {
        guard let first = text.first, first != " ", text.last != " ", !text.contains("  "), !text.contains("\t") else {
            return nil
        }
        var lines: [Substring] = []
        var rest = Substring(text)
        let width = max(40, 88 - padding.count)
        while rest.count > width {
            let limit = rest.index(rest.startIndex, offsetBy: width)
            guard let space = rest[..<limit].lastIndex(of: " ") ?? rest[limit...].firstIndex(of: " ") else { break }
            lines.append(rest[..<space])
            rest = rest[rest.index(after: space)...]
        }
        lines.append(rest)
        return " >-" + lines.map { "\n" + padding + $0 }.joined()
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
