/// File names that every file system accepts: Windows, macOS, Linux, USB sticks and
/// zip tools.
public enum SafeFileName: Sendable {
    /// The longest name made, in UTF-8 bytes, before the extension (most systems allow
    /// 255; a margin leaves room for the extension and a "(2)").
    public static let maximumBytes = 120

    static let windowsReservedNames: Set<String> = Set(
        ["con", "prn", "aux", "nul"] + (1...9).map { "com\($0)" } + (1...9).map { "lpt\($0)" })

    /// A safe version of `name` (without extension): letters (with accents) and digits
    /// stay; `/ \ : * ? " < > |`, control characters, emoji and other symbols become `_`
    /// or go; spaces are collapsed; leading and trailing dots and spaces go; names that
    /// Windows reserves (CON, NUL, COM1 ...) get a `_`. An empty result becomes `fallback`.
    public static func make(_ name: String, fallback: String = "document") -> String {
        var result = ""
        var lastWasSeparator = true
        for character in name {
            if character.isLetter || character.isNumber {
                result.append(character)
                lastWasSeparator = false
            } else if character.isWhitespace {
                if !lastWasSeparator { result.append(" ") }
                lastWasSeparator = true
            } else if "-_.,()&'+".contains(character) {
                if character == ".", result.last == "." { continue }
                result.append(character)
                lastWasSeparator = false
            } else if character.unicodeScalars.contains(where: {
                $0.properties.isEmojiPresentation || $0.properties.isEmoji && $0.value > 0xFF
            }) {
                continue
            } else {
                if result.last != "_" { result.append("_") }
                lastWasSeparator = false
            }
        }
        var trimmed = Substring(result)
        while let first = trimmed.first, first == "." || first == " " || first == "_" { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, last == "." || last == " " || last == "_" { trimmed = trimmed.dropLast() }
        var safe = String(trimmed)
        if safe.utf8.count > maximumBytes {
            var cut = ""
            for character in safe {
                if cut.utf8.count + character.utf8.count > maximumBytes { break }
                cut.append(character)
            }
            safe = cut
            while let last = safe.last, last == "." || last == " " { safe.removeLast() }
        }
        if safe.isEmpty { return fallback }
        let stem = safe.split(separator: ".", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        if windowsReservedNames.contains(stem) { safe = "_" + safe }
        return safe
    }

    /// Safe names for a batch, distinct even on file systems that ignore case: a name that
    /// comes again gets " (2)", " (3)" ...
    public static func distinct(_ names: [String], fileExtension: String) -> [String] {
        var used = Set<String>()
        var result: [String] = []
        for name in names {
            var candidate = "\(name).\(fileExtension)"
            var counter = 2
            while used.contains(candidate.lowercased()) {
                candidate = "\(name) (\(counter)).\(fileExtension)"
                counter += 1
            }
            used.insert(candidate.lowercased())
            result.append(candidate)
        }
        return result
    }
}
