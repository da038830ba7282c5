import LerendCalendar
import LerendData
public import LerendExpressions

/// Proposes the meetings of a year: dates spread evenly on the preferred weekday and never
/// on a Dutch public holiday, hosts rotating fairly, a preparing pair from two different
/// organisations for each meeting, facilitators and the evaluation where the plugin's
/// programme wants them. Meetings already in the network file are kept.
public struct YearPlanner: Sendable {
    public let programme: YearProgramme
    /// Who provides facilitators when the programme names nobody, such as the plugin's name.
    public let facilitatorProvider: String

    public init(programme: YearProgramme, facilitatorProvider: String) {
        self.programme = programme
        self.facilitatorProvider = facilitatorProvider
    }

    /// The plan of `network`'s year from `first` (default: its preferred start, its first
    /// meeting, or `today`).
    public func plan(_ network: Network, today: LocalDate, from first: LocalDate? = nil) -> YearPlan {
        let preferences = network.preferences
        let start = first ?? preferences.start ?? network.meetings.first?.date ?? today
        let end = start.adding(months: 12).adding(days: -1)
        let total = programme.meetingCount(form: network.form, requested: network.meetingsPerYear)
        let existing = network.meetings.filter { $0.date >= start && $0.date <= end }
        var remarks: [String] = []

        // Even spots over the year; meetings in the file take the spots nearest to them.
        let span = start.days(until: end) + 1
        var spots = (0..<total).map { start.adding(days: $0 * span / total) }
        var taken = Set<Int>()
        for meeting in existing.prefix(total) {
            let nearest = spots.indices.filter { !taken.contains($0) }
                .min { abs(spots[$0].days(until: meeting.date)) < abs(spots[$1].days(until: meeting.date)) }
            if let nearest {
                taken.insert(nearest)
                spots[nearest] = meeting.date
            }
        }
        if existing.count > total {
            remarks.append("het bestand heeft al \(existing.count) bijeenkomsten in dit jaar; het programma vraagt er \(total)")
        }

        // Nothing is planned in the past: free spots before today are spread again over the
        // rest of the year.
        let earliest = max(start, today)
        var free = spots.indices.filter { !taken.contains($0) }.map { spots[$0] }
        if let firstFree = free.first, firstFree < earliest {
            let rest = earliest.days(until: end) + 1
            free = (0..<free.count).map { earliest.adding(days: 7 + $0 * max(rest - 7, 1) / free.count) }
        }
        var dates: [(date: LocalDate, existing: Meeting?, moved: [String])] = existing.prefix(total).map { ($0.date, $0, []) }
        for spot in free {
            let (date, moved) = placeDate(
                near: spot, weekday: preferences.weekday, start: earliest, end: end, avoiding: dates.map(\.date),
                blocked: preferences.blockedPeriods)
            dates.append((date, nil, moved))
        }
        dates.sort { $0.date < $1.date }

        var hosting = Dictionary(network.organisations.map { ($0.name, 0) }, uniquingKeysWith: { first, _ in first })
        var preparing = Dictionary(network.participants.map { ($0.name, 0) }, uniquingKeysWith: { first, _ in first })
        for meeting in existing {
            if let host = meeting.host { hosting[host, default: 0] += 1 }
            for name in meeting.preparers { preparing[name, default: 0] += 1 }
        }
        var meetings: [PlannedMeeting] = []
        var previousHost: String?
        var previousPair: Set<String> = []
        for (offset, entry) in dates.enumerated() {
            let number = offset + 1
            if let meeting = entry.existing {
                meetings.append(kept(meeting, number: number, preferences: preferences))
                previousHost = meeting.host
                previousPair = Set(meeting.preparers)
                continue
            }
            let host = chooseHost(network, counts: hosting, avoiding: previousHost)
            if let host { hosting[host, default: 0] += 1 }
            let pair = choosePair(network, host: host, counts: preparing, avoiding: previousPair)
            for name in pair { preparing[name, default: 0] += 1 }
            if pair.count < 2, !network.participants.isEmpty {
                remarks.append("bijeenkomst \(number): geen tweetal uit twee verschillende organisaties te vinden")
            }
            let organisation = network.organisations.first { $0.name == host }
            // A programme that wants a facilitator at its last meeting wants one at this
            // year's last meeting, whatever the count.
            let wantsFacilitator =
                programme.facilitatorAt.contains(number)
                || (number == total && programme.facilitatorAt.contains(programme.meetings))
            let duration = number == 1 ? (programme.firstDurationMinutes ?? programme.durationMinutes) : programme.durationMinutes
            meetings.append(
                PlannedMeeting(
                    number: number, date: entry.date, start: preferences.startTime ?? LocalTime(hour: 13, minute: 30)!,
                    durationMinutes: max(preferences.durationMinutes ?? duration, duration), form: preferences.form ?? "fysiek",
                    host: host, location: organisation, theme: theme(number: number, network: network), preparers: pair,
                    facilitator: wantsFacilitator ? "\(programme.facilitator ?? facilitatorProvider) (nog te bevestigen)" : nil,
                    evaluation: programme.evaluationAt == number, isExisting: false, moved: entry.moved))
            previousHost = host
            previousPair = Set(pair)
        }
        return YearPlan(first: start, last: end, meetings: meetings, remarks: remarks)
    }

    /// The date nearest `spot` on `weekday` that is no holiday and in no blocked period,
    /// inside the year, and at least a week from the other meetings; tries a week later, a
    /// week earlier, and so on.
    func placeDate(
        near spot: LocalDate, weekday: Int?, start: LocalDate, end: LocalDate, avoiding used: [LocalDate],
        blocked: [(name: String, range: ClosedRange<LocalDate>)] = []
    ) -> (LocalDate, [String]) {
        var base = spot
        if let weekday {
            let shift = (weekday - spot.weekday + 7) % 7
            base = spot.adding(days: shift > 3 ? shift - 7 : shift)
        } else if spot.weekday > 5 {
            base = spot.adding(days: 8 - spot.weekday)
        }
        var moved: [String] = []
        for step in [0, 7, -7, 14, -14, 21, -21, 28, -28, 35, -35, 42, -42, 49, -49] {
            let candidate = base.adding(days: step)
            guard candidate >= start, candidate <= end else { continue }
            if let period = blocked.first(where: { $0.range.contains(candidate) }) {
                if !moved.contains(period.name) { moved.append(period.name) }
                continue
            }
            if let holiday = DutchHolidays.holiday(on: candidate) {
                moved.append("\(holiday.name) (\(DutchFormatting.date(candidate, style: "middel")))")
                continue
            }
            if used.contains(where: { abs($0.days(until: candidate)) < 7 }) { continue }
            return (candidate, moved)
        }
        return (base, moved + ["geen vrije datum in de buurt gevonden"])
    }

    private func chooseHost(_ network: Network, counts: [String: Int], avoiding previous: String?) -> String? {
        let candidates = network.organisations.map(\.name)
        let ordered = candidates.enumerated().sorted {
            (counts[$0.element] ?? 0, $0.offset) < (counts[$1.element] ?? 0, $1.offset)
        }
        .map(\.element)
        return ordered.first { $0 != previous || candidates.count == 1 }
    }

    /// Two participants from two different organisations: one of the host, when it has
    /// any, and the other from elsewhere; those who prepared least go first.
    private func choosePair(_ network: Network, host: String?, counts: [String: Int], avoiding previous: Set<String>) -> [String]
    {
        let ordered = network.participants.enumerated().sorted { first, second in
            let firstKey = (counts[first.element.name] ?? 0, previous.contains(first.element.name) ? 1 : 0, first.offset)
            let secondKey = (counts[second.element.name] ?? 0, previous.contains(second.element.name) ? 1 : 0, second.offset)
            return firstKey < secondKey
        }.map(\.element)
        guard let first = ordered.first(where: { $0.organisation == host }) ?? ordered.first else { return [] }
        guard let second = ordered.first(where: { $0.organisation != first.organisation }) else { return [first.name] }
        return [first.name, second.name]
    }

    private func theme(number: Int, network: Network) -> String? {
        if number == 1 { return "Kennismaking en programma" }
        guard !network.themes.isEmpty else { return nil }
        return network.themes[(number - 2) % network.themes.count]
    }

    private func kept(_ meeting: Meeting, number: Int, preferences: PlanningPreferences) -> PlannedMeeting {
        PlannedMeeting(
            number: number, date: meeting.date, start: meeting.start ?? preferences.startTime ?? LocalTime(hour: 13, minute: 30)!,
            durationMinutes: meeting.durationMinutes ?? programme.durationMinutes, form: meeting.form ?? "fysiek",
            host: meeting.host, location: nil, theme: meeting.theme, preparers: meeting.preparers,
            facilitator: meeting.facilitator, evaluation: meeting.node.value("evaluatie") == .bool(true), isExisting: true,
            moved: [])
    }
}
