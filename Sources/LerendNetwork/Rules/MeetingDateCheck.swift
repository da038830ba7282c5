import LerendCalendar
import LerendData
import LerendDiagnostics
import LerendExpressions

/// The dates of the meetings against the calendar, for every network whatever its plugin:
/// a meeting on a Dutch public holiday (N130), in a weekend (N131) or in a period the
/// organiser keeps free (`voorkeuren.niet_in`, N132) is a warning at its date in the file.
/// The planner never proposes such a date; this says so of a date written by hand.
enum MeetingDateCheck {
    static func findings(_ networkFile: NetworkFile) -> [Finding] {
        let network = networkFile.network
        let numbered = network.meetings.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
        var findings: [Finding] = []
        for (index, entry) in numbered.enumerated() {
            let meeting = entry.element
            let said = "Bijeenkomst \(index + 1) (\(DutchFormatting.date(meeting.date, style: "lang")))"
            let place = networkFile.file.root.descendant(atPath: "bijeenkomsten.\(entry.offset).datum")
            func finding(_ id: String, _ message: String, hint: String) -> Finding {
                var result = Finding(
                    ruleID: id, severity: .warning, message: message, source: nil, ruleSet: "Lerend", plugin: "lerend",
                    location: place.0.location)
                result.sourceLine = place.0.location.line.flatMap { networkFile.file.line($0) }
                result.notes = [hint]
                return result
            }
            if let holiday = DutchHolidays.holiday(on: meeting.date) {
                findings.append(
                    finding(
                        "N130", "\(said) valt op \(holiday.name), een feestdag",
                        hint: "kies een andere datum; `lerend plan` stelt geen datum op een feestdag voor"))
            } else if meeting.date.weekday >= 6 {
                findings.append(
                    finding(
                        "N131", "\(said) valt in het weekend",
                        hint: "kies een werkdag, of laat de datum staan als het netwerk bewust in het weekend samenkomt"))
            }
            for period in network.preferences.blockedPeriods where period.range.contains(meeting.date) {
                findings.append(
                    finding(
                        "N132", "\(said) valt in '\(period.name)', een periode zonder bijeenkomsten (voorkeuren.niet_in)",
                        hint: "kies een datum buiten die periode, of pas voorkeuren.niet_in aan"))
            }
        }
        return findings
    }
}
