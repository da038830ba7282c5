import LerendData
public import LerendExpressions

extension DocumentData {
    /// The year of a meeting's date, or `nil` when it has none.
    public func year(of meeting: Value) -> Int? { meeting.value(atPath: "datum")?.dateValue?.year }

    /// The years of `meetings`, in order, each once.
    public func years(of meetings: [Value]) -> [Int] { Set(meetings.compactMap(year(of:))).sorted() }

    /// The data of the attendance list of `year`: what every document gets, plus
    /// `presentielijst` (`jaar`, `titel`, `deelnemers`: every participant with `naam`,
    /// `functie` and `organisatie`, by organisation in the order of the file),
    /// `bijeenkomsten` (the meetings of that year, as in an agenda) and `organisaties`
    /// with their `deelnemers`.
    public func attendanceList(year: Int) -> Value {
        let network = networkFile.network
        let person = { (participant: Participant) -> Value in
            participant.node.value
                .setting("naam", to: .string(participant.name))
                .setting("functie", to: participant.node.value("functie") ?? "")
                .setting("organisatie", to: .string(participant.organisation))
        }
        var rows: [Value] = []
        var organisations: [Value] = []
        for organisation in network.organisations {
            let members = network.participants.filter { $0.organisation == organisation.name }.map(person)
            rows += members
            organisations.append(organisation.node.value.setting("deelnemers", to: .list(members)))
        }
        // Participants of an organisation the file does not list come last, as they are.
        let known = Set(network.organisations.map(\.name))
        rows += network.participants.filter { !known.contains($0.organisation) }.map(person)
        let meetingsOfYear = meetings.filter { self.year(of: $0) == year }.map { meeting($0).value }
        let name = data.value(atPath: "netwerk.naam")?.stringValue ?? ""
        return
            shared
            .setting(
                "presentielijst",
                to: [
                    "jaar": .int(year), "titel": .string("Presentielijst \(name) \(year)"), "deelnemers": .list(rows),
                    "aantal_bijeenkomsten": .int(meetingsOfYear.count),
                ]
            )
            .setting("bijeenkomsten", to: .list(meetingsOfYear))
            .setting("organisaties", to: .list(organisations))
    }
}
