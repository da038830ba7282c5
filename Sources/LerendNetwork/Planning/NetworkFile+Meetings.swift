import LerendData
public import LerendDiagnostics
import LerendExpressions

extension NetworkFile {
    /// The text of this file with `meetings` added to `bijeenkomsten:`, leaving every
    /// other line (comments included) as the organiser wrote it. The edits go through
    /// ``NetworkTextEditor``, so the result is checked by loading it again; the file
    /// itself is not touched.
    public func text(adding meetings: [PlannedMeeting], note: String) throws(DiagnosticList) -> String {
        let list = NetworkPath([.key("bijeenkomsten")])
        let edits = meetings.enumerated().map { index, meeting in
            NetworkEdit.append(list, meeting.entry, comment: index == 0 ? note : nil)
        }
        return try applying(edits, allowingNewWarnings: true).text
    }
}

extension PlannedMeeting {
    /// The meeting as an element of `bijeenkomsten:`.
    public var entry: NetworkEntry {
        var pairs: [(key: String, value: NetworkEntry.Value)] = [
            ("datum", .text(date.iso)),
            ("begintijd", .text(DutchFormatting.time(start, style: "dubbelepunt"))),
            ("duur_minuten", .text(String(durationMinutes))),
            ("vorm", .text(form)),
        ]
        if let location {
            var place: [(key: String, value: NetworkEntry.Value)] = [("naam", .text(location.name))]
            if let address = location.address { place.append(("adres", .text(address))) }
            if let postcode = location.postcode { place.append(("postcode", .text(postcode))) }
            if let city = location.place { place.append(("plaats", .text(city))) }
            pairs.append(("locatie", .entry(NetworkEntry(place))))
        }
        if let host { pairs.append(("gastheer", .text(host))) }
        if let theme { pairs.append(("thema", .text(theme))) }
        if !preparers.isEmpty { pairs.append(("voorbereiders", .list(preparers))) }
        if let facilitator { pairs.append(("gespreksleider", .text(facilitator))) }
        if evaluation { pairs.append(("evaluatie", .text("true"))) }
        return NetworkEntry(pairs)
    }
}
