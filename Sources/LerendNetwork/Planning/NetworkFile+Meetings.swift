import LerendData
public import LerendDiagnostics
import LerendExpressions

extension NetworkFile {
    /// The text of this file with `meetings` added to `bijeenkomsten:`, leaving every
    /// other line (comments included) as the organiser wrote it. The result is checked
    /// by loading it again; the file itself is not touched.
    public func text(adding meetings: [PlannedMeeting], note: String) throws(DiagnosticList) -> String {
        // "\r\n" is one Character: a file saved by Notepad is split on it by name, and
        // written back with the line endings it came with.
        let lineEnd = file.text.contains("\r\n") ? "\r\n" : "\n"
        var lines = file.text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        if lines.last == "" { lines.removeLast() }
        let keyIndex = lines.firstIndex { $0.hasPrefix("bijeenkomsten:") }
        var itemIndent = "  "
        var insertAt = lines.count
        if let keyIndex {
            let rest = lines[keyIndex].dropFirst("bijeenkomsten:".count).trimmingPrefix(" ")
            if rest.hasPrefix("[]") || rest.isEmpty {
                lines[keyIndex] = "bijeenkomsten:"
            } else if !rest.hasPrefix("#") {
                throw DiagnosticList([
                    file.diagnostic(
                        id: "N120", "'bijeenkomsten' staat op één regel; lerend plan kan er geen bijeenkomsten aan toevoegen",
                        at: SourceLocation(file: file.path, line: keyIndex + 1, column: 1),
                        hint: "schrijf elke bijeenkomst op eigen regels, beginnend met '- '")
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
            lines += ["", "bijeenkomsten:"]
            insertAt = lines.count
        }
        let added = ["\(itemIndent)# \(note)"] + meetings.flatMap { yaml($0, indent: itemIndent) }
        lines.insert(contentsOf: added, at: insertAt)
        let text = lines.joined(separator: lineEnd) + lineEnd
        let reloaded = try NetworkFile.parse(text, path: file.path)
        guard reloaded.network.meetings.count == network.meetings.count + meetings.count else {
            throw DiagnosticList([Diagnostic(.error, id: "N121", "de nieuwe bijeenkomsten konden niet worden toegevoegd")])
        }
        return text
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

    static func quoted(_ text: String) -> String {
        "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }
}
