package import LerendExpressions

/// The timed agenda of a meeting: the items of the network file, or the standard items
/// (seed 002 for a first Waardigheid en trots meeting; opening, the theme, round of
/// questions, planning and closing otherwise), with start and end times that add up to
/// the meeting's duration.
package enum AgendaBuilder {
    /// The agenda items of `meeting` (a meeting value with derived fields).
    ///
    /// - Returns: the items, and a remark when the items of the file do not add up to
    ///   the meeting's duration.
    package static func agenda(for meeting: Value, firstMeetingOfSteps: Bool) -> (items: [Value], remark: String?) {
        let start = meeting.value(atPath: "begintijd")?.timeValue ?? LocalTime(hour: 13, minute: 30)!
        var duration = 150
        if case .int(let minutes) = meeting.value(atPath: "duur_minuten") ?? .null { duration = minutes }
        if case .list(let items) = meeting.value(atPath: "agenda") ?? .null, !items.isEmpty {
            let total = items.reduce(0) { sum, item in
                if case .int(let minutes) = item.value(atPath: "duur_minuten") ?? .null { return sum + minutes }
                return sum
            }
            let remark =
                total == duration
                ? nil
                : "de agendapunten duren samen \(total) minuten, de bijeenkomst \(duration) minuten"
            return (items, remark)
        }
        let planned = firstMeetingOfSteps ? firstMeeting(meeting, duration: duration) : standard(meeting, duration: duration)
        var clock = start
        let items = planned.map { item -> Value in
            let begin = clock
            clock = clock.adding(minutes: item.minutes)
            var value: Value = [
                "titel": .string(item.title), "duur_minuten": .int(item.minutes), "begintijd": .time(begin),
                "eindtijd": .time(clock),
            ]
            if let who = item.who { value = value.setting("wie", to: .string(who)) }
            if let note = item.note { value = value.setting("toelichting", to: .string(note)) }
            return value
        }
        return (items, nil)
    }

    struct Item {
        var title: String
        var minutes: Int
        var who: String?
        var note: String?
    }

    /// The first meeting of the 5 steps (seed 002, step 4).
    static func firstMeeting(_ meeting: Value, duration: Int) -> [Item] {
        let host = text(meeting, "gastheer")
        let leader = text(meeting, "gespreksleider")
        let fixed = [
            Item(title: "Welkom en kennismakingsrondje", minutes: 0, who: host, note: "Wie ben je en waar werk je?"),
            Item(
                title: "Welke verwachtingen zijn er van het netwerk?", minutes: 20, who: leader,
                note: "Aan de hand van stap 1 en stap 2: waarom dit netwerk, en met wie?"),
            Item(
                title: "Inventarisatierondje: wat kom je brengen, wat kom je halen?", minutes: 30, who: leader,
                note: "Waar ben je trots op en goed in? Waar worstel je mee en wat wil je leren?"),
            Item(
                title: "Thema's en vorm van het netwerk", minutes: 15, who: leader,
                note: "Welke thema's pakken we als eerste op; samenstelling, frequentie en voorbereiding."),
            Item(title: "Nieuwe datum, thema en tweetal voor de volgende bijeenkomst", minutes: 10, who: host, note: nil),
        ]
        var items = fixed
        items[0].minutes = max(10, duration - fixed.dropFirst().reduce(0) { $0 + $1.minutes })
        return items
    }

    /// Opening, the theme, evaluation when asked, round of questions, planning, closing.
    static func standard(_ meeting: Value, duration: Int) -> [Item] {
        let host = text(meeting, "gastheer")
        let leader = text(meeting, "gespreksleider") ?? host
        var preparers: String?
        if case .list(let names) = meeting.value(atPath: "voorbereiders") ?? .null, !names.isEmpty {
            preparers = DutchFormatting.enumeration(names.compactMap(\.stringValue), conjunction: "en")
        }
        let theme = text(meeting, "thema") ?? "het thema"
        var items = [
            Item(title: "Opening en vaststellen agenda", minutes: 10, who: leader, note: "Welkom door de gastheer."),
            Item(
                title: "Thema: \(theme)", minutes: 0, who: preparers,
                note: "Voorbereid door \(preparers ?? "het tweetal"); ieder brengt de situatie in de eigen organisatie mee."),
        ]
        if meeting.value(atPath: "evaluatie") == .bool(true) {
            items.append(
                Item(
                    title: "Evaluatie: voldoet het netwerk aan de verwachtingen?", minutes: 15, who: leader,
                    note: "Vorm, inhoud en samenstelling; daarna plannen we de volgende bijeenkomsten."))
        }
        items += [
            Item(title: "Rondvraag", minutes: 10, who: leader, note: nil),
            Item(title: "Planning volgende bijeenkomst", minutes: 10, who: leader, note: "Datum, plaats, thema en tweetal."),
            Item(title: "Sluiting", minutes: 5, who: leader, note: nil),
        ]
        items[1].minutes = max(15, duration - items.reduce(0) { $0 + $1.minutes })
        return items
    }

    static func text(_ value: Value, _ path: String) -> String? {
        if case .string(let text) = value.value(atPath: path) ?? .null, !text.isEmpty { return text }
        return nil
    }
}
