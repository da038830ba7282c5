public import LerendExpressions

/// A value a document would print that the network file does not give yet, such as the
/// place of a meeting planned without a location.
public struct UnknownValue: Sendable, Hashable {
    /// The meeting's number; nil for a value of the network.
    public let meeting: Int?
    /// The meeting's date, to find it in the file.
    public let date: LocalDate?
    /// What is unknown, as a message names it: "de plaats".
    public let description: String
    /// The key in the network file that gives it: "locatie", "netwerk.vorm".
    public let key: String
}

extension DocumentData {
    /// The values of the network that the plan would print and that are not known yet.
    public var unknownNetworkValues: [UnknownValue] {
        guard AgendaBuilder.text(data, "netwerk.vorm") == nil else { return [] }
        return [UnknownValue(meeting: nil, date: nil, description: "de vorm van het netwerk", key: "netwerk.vorm")]
    }

    /// The values of `meeting` that an agenda, an invitation or the plan would print and
    /// that are not known yet: the place of a meeting that is not online, the theme of a
    /// meeting after the first, the facilitator where the plugin's programme asks for one.
    public func unknownValues(of meeting: Value) -> [UnknownValue] {
        let number = number(meeting)
        let date = meeting.value(atPath: "datum")?.dateValue
        let prepared = self.meeting(meeting).value
        var result: [UnknownValue] = []
        if prepared.value(atPath: "adres") == .null {
            result.append(UnknownValue(meeting: number, date: date, description: "de plaats", key: "locatie"))
        }
        if number > 1, AgendaBuilder.text(meeting, "thema") == nil {
            result.append(UnknownValue(meeting: number, date: date, description: "het thema", key: "thema"))
        }
        if plugin.programme?.facilitatorAt.contains(number) == true, AgendaBuilder.text(meeting, "gespreksleider") == nil {
            result.append(
                UnknownValue(meeting: number, date: date, description: "de gespreksleider", key: "gespreksleider"))
        }
        return result
    }
}
