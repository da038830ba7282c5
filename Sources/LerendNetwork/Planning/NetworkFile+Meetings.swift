import LerendData
public import LerendDiagnostics
import LerendExpressions

extension NetworkFile {
    /// The text of this file with `meetings` added to `bijeenkomsten:`, leaving every
    /// other line (comments included) as the organiser wrote it. The result is checked
    /// by loading it again; the file itself is not touched.
    public func text(adding meetings: [PlannedMeeting], note: String) throws(DiagnosticList) -> String {
        let text = try inserting(under: "bijeenkomsten", command: "lerend plan") { indent in
            ["\(indent)# \(note)"] + meetings.flatMap { yaml($0, indent: indent) }
        }
        let reloaded = try NetworkFile.parse(text, path: file.path)
        guard reloaded.network.meetings.count == network.meetings.count + meetings.count else {
            throw DiagnosticList([Diagnostic(.error, id: "N121", "de nieuwe bijeenkomsten konden niet worden toegevoegd")])
        }
        return text
    }

    /// The text of this file with the lines that `items` makes (given the indent of the
    /// list's items) at the end of the list under the top-level `key`, which is added
    /// when the file has none. A list written on one line is N120, naming `command`.
    func inserting(
        under key: String, command: String, _ items: (_ indent: String) -> [String]
    ) throws(DiagnosticList) -> String {
        // "\r\n" is one Character: a file saved by Notepad is split on it by name, and
        // written back with the line endings it came with.
        let lineEnd = file.text.contains("\r\n") ? "\r\n" : "\n"
        var lines = file.text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        if lines.last == "" { lines.removeLast() }
        let keyIndex = lines.firstIndex { $0.hasPrefix("\(key):") }
        var itemIndent = "  "
        var insertAt = lines.count
        if let keyIndex {
            let rest = lines[keyIndex].dropFirst(key.count + 1).trimmingPrefix(" ")
            if rest.hasPrefix("[]") || rest.isEmpty {
                lines[keyIndex] = "\(key):"
            } else if !rest.hasPrefix("#") {
                throw DiagnosticList([
                    file.diagnostic(
                        id: "N120", "'\(key)' staat op één regel; \(command) kan er niets aan toevoegen",
                        at: SourceLocation(file: file.path, line: keyIndex + 1, column: 1),
                        hint: "schrijf elk item op eigen regels, beginnend met '- '")
                ])
            }
            if let firstItem = lines[(keyIndex + 1)...].first(where: { $0.trimmingPrefix(" ").hasPrefix("- ") }) {
                itemIndent = String(firstItem.prefix { $0 == " " })
            }
            // The list ends at the next key at the left margin.
            insertAt =
                lines[(keyIndex + 1)...].firstIndex { line in
                    guard let first = line.first else { return false }
                    return first != " " && first != "#" && first != "-"
                } ?? lines.count
            while insertAt > keyIndex + 1, lines[insertAt - 1].trimmingPrefix(" ").isEmpty { insertAt -= 1 }
        } else {
            lines += ["", "\(key):"]
            insertAt = lines.count
        }
        lines.insert(contentsOf: items(itemIndent), at: insertAt)
        return lines.joined(separator: lineEnd) + lineEnd
    }

    private func yaml(_ meeting: PlannedMeeting, indent: String) -> [String] {
        let inner = indent + "  "
        var lines = ["\(indent)- datum: \(meeting.date.iso)"]
        lines.append("\(inner)begintijd: \"\(DutchFormatting.time(meeting.start, style: "dubbelepunt"))\"")
        lines.append("\(inner)duur_minuten: \(meeting.durationMinutes)")
        lines.append("\(inner)vorm: \(meeting.form)")
        if let location = meeting.location {
            lines.append("\(inner)locatie:")
            lines.append("\(inner)  naam: \(Self.quoted(location.name))")
            if let address = location.address { lines.append("\(inner)  adres: \(Self.quoted(address))") }
            if let postcode = location.postcode { lines.append("\(inner)  postcode: \(Self.quoted(postcode))") }
            if let place = location.place { lines.append("\(inner)  plaats: \(Self.quoted(place))") }
        }
        if let host = meeting.host { lines.append("\(inner)gastheer: \(Self.quoted(host))") }
        if let theme = meeting.theme { lines.append("\(inner)thema: \(Self.quoted(theme))") }
        if !meeting.preparers.isEmpty {
            lines.append("\(inner)voorbereiders: [" + meeting.preparers.map(Self.quoted).joined(separator: ", ") + "]")
        }
        if let facilitator = meeting.facilitator { lines.append("\(inner)gespreksleider: \(Self.quoted(facilitator))") }
        if meeting.evaluation { lines.append("\(inner)evaluatie: true") }
        return lines
    }

    /// `text` in double quotes, with the escapes YAML reads back as the same text: `\\`,
    /// `\"`, `\n`, `\t`, and `\u` for other control characters.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
