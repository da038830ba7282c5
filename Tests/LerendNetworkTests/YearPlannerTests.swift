import LerendCalendar
import LerendData
import LerendExpressions
import Testing

@testable import LerendNetwork

@Suite struct YearPlannerTests {
    static func network(
        plugin: String, form: String? = nil, perYear: Int? = nil, weekday: String? = "dinsdag",
        start: String, organisations: Int = 6, meetings: Value = []
    ) throws -> NetworkFile {
        var netwerk: Value = [
            "naam": "Netwerk", "plugin": .string(plugin), "themas": ["Familie", "Eigen regie"],
            "voorkeuren": ["start": NetworkFixtures.date(start), "begintijd": .time(LocalTime(hour: 13, minute: 0)!)],
        ]
        if let weekday { netwerk = netwerk.setting(path: "voorkeuren.weekdag", to: .string(weekday)) }
        if let form { netwerk = netwerk.setting("vorm", to: .string(form)) }
        if let perYear { netwerk = netwerk.setting("bijeenkomsten_per_jaar", to: .int(perYear)) }
        let value: Value = [
            "netwerk": netwerk, "organisaties": NetworkFixtures.organisations(organisations),
            "deelnemers": NetworkFixtures.participants(organisations * 2, organisations: organisations),
            "bijeenkomsten": meetings,
        ]
        return try NetworkFile.parse(NetworkFixtures.yaml(value), path: "netwerk.yaml")
    }

    static func planner(_ id: String) throws -> YearPlanner {
        let plugin = try #require(RuleTests.loaded.first { $0.id == id })
        return YearPlanner(programme: try #require(plugin.programme), facilitatorProvider: plugin.name)
    }

    static func checkFair(_ plan: YearPlan, network: Network) {
        let organisationOf = Dictionary(uniqueKeysWithValues: network.participants.map { ($0.name, $0.organisation) })
        for (previous, meeting) in zip(plan.meetings, plan.meetings.dropFirst()) {
            #expect(previous.host != meeting.host, "the same host twice in a row on \(meeting.date)")
            #expect(meeting.date.days(until: previous.date) < 0)
        }
        var hosting: [String: Int] = [:]
        for meeting in plan.meetings { hosting[meeting.host ?? "", default: 0] += 1 }
        #expect((hosting.values.max() ?? 0) - (hosting.values.min() ?? 0) <= 1 || hosting.count < network.organisations.count)
        for meeting in plan.meetings {
            #expect(meeting.preparers.count == 2)
            #expect(Set(meeting.preparers.compactMap { organisationOf[$0] }).count == 2, "pair of \(meeting.date)")
        }
    }

    @Test func kennizYearForEveryStartDateFrom2024To2030() throws {
        let planner = try Self.planner("kenniz")
        var day = LocalDate(year: 2024, month: 1, day: 1)!
        let last = LocalDate(year: 2030, month: 12, day: 31)!
        var checked = 0
        while day <= last {
            let file = try Self.network(plugin: "kenniz", start: day.iso)
            let plan = planner.plan(file.network, today: day)
            #expect(plan.meetings.count == 7, "\(day)")
            for meeting in plan.meetings {
                #expect(DutchHolidays.holiday(on: meeting.date) == nil, "meeting on a holiday: \(meeting.date)")
                #expect(meeting.date >= day && meeting.date <= plan.last, "\(meeting.date) outside the year from \(day)")
                #expect(meeting.date.weekday == 2, "\(meeting.date) is not a Tuesday")
                #expect(meeting.durationMinutes >= 150)
            }
            #expect(plan.meetings.filter { $0.facilitator != nil }.map(\.number) == [1, 4, 7], "\(day)")
            #expect(plan.meetings.filter(\.evaluation).map(\.number) == [4], "\(day)")
            Self.checkFair(plan, network: file.network)
            checked += 1
            day = day.adding(days: 1)
        }
        #expect(checked == 2557)
    }

    @Test(
        arguments: [
            ("themabijeenkomsten", nil, 4), ("themabijeenkomsten", 3, 3), ("werkgroep", nil, 10), ("intervisie", nil, 6),
            (nil, nil, 6),
        ] as [(String?, Int?, Int)])
    func waardigheidEnTrotsFormsDecideTheCount(form: String?, perYear: Int?, expected: Int) throws {
        let file = try Self.network(plugin: "waardigheid-en-trots", form: form, perYear: perYear, start: "2026-01-05")
        let plan = try Self.planner("waardigheid-en-trots").plan(file.network, today: LocalDate(iso: "2026-01-01")!)
        #expect(plan.meetings.count == expected)
        #expect(plan.meetings.first?.durationMinutes == 90, "the first meeting takes 1,5 hours")
        #expect(plan.meetings.dropFirst().allSatisfy { $0.durationMinutes == 150 })
        #expect(plan.meetings.allSatisfy { DutchHolidays.holiday(on: $0.date) == nil })
        Self.checkFair(plan, network: file.network)
    }

    @Test func meetingsInTheFileAreKeptAndOnlyTheRestIsPlanned() throws {
        let meetings: Value = [
            NetworkFixtures.meeting("2026-02-05", host: 1, preparers: [1, 2]),
            NetworkFixtures.meeting("2026-03-12", host: 2, preparers: [3, 4], facilitator: false),
        ]
        let file = try Self.network(plugin: "kenniz", weekday: "donderdag", start: "2026-02-01", meetings: meetings)
        let plan = try Self.planner("kenniz").plan(file.network, today: LocalDate(iso: "2026-03-20")!)
        #expect(plan.meetings.count == 7)
        #expect(plan.meetings.filter(\.isExisting).map(\.date.iso) == ["2026-02-05", "2026-03-12"])
        #expect(plan.proposed.count == 5)
        #expect(plan.proposed.allSatisfy { $0.date > LocalDate(iso: "2026-03-20")! && $0.date.weekday == 4 })
        #expect(
            plan.proposed.first?.host != "Organisatie 1" && plan.proposed.first?.host != "Organisatie 2",
            "hosts that already hosted wait their turn")
    }

    @Test func holidaysPushAMeetingToAnotherWeek() throws {
        // A Thursday series that would hit Hemelvaartsdag (14 May 2026).
        let planner = try Self.planner("kenniz")
        let (date, moved) = planner.placeDate(
            near: LocalDate(iso: "2026-05-14")!, weekday: 4, start: LocalDate(iso: "2026-01-01")!,
            end: LocalDate(iso: "2026-12-31")!, avoiding: [])
        #expect(date == LocalDate(iso: "2026-05-21")!)
        #expect(moved == ["Hemelvaartsdag (14 mei 2026)"])
    }

    @Test func periodsWithoutMeetingsAreSkipped() throws {
        let base = try Self.network(plugin: "kenniz", weekday: "donderdag", start: "2026-01-01")
        let summer = LocalDate(iso: "2026-07-04")!...LocalDate(iso: "2026-08-30")!
        let file = try NetworkFile.parse(
            NetworkFixtures.yaml(
                base.file.value.setting(
                    path: "netwerk.voorkeuren.niet_in",
                    to: [
                        ["naam": "zomervakantie", "van": .date(summer.lowerBound), "tot_en_met": .date(summer.upperBound)]
                    ])), path: "netwerk.yaml")
        let plan = try Self.planner("kenniz").plan(file.network, today: LocalDate(iso: "2026-01-01")!)
        #expect(plan.meetings.count == 7)
        #expect(plan.meetings.allSatisfy { !summer.contains($0.date) })
        #expect(plan.meetings.contains { $0.moved.contains("zomervakantie") })
    }

    @Test func proposalIsWrittenIntoACopyKeepingEveryLine() throws {
        let text = """
            # Ons netwerk
            netwerk: {naam: Netwerk, plugin: kenniz}
            organisaties: [{naam: A}, {naam: B}, {naam: C}]
            deelnemers: [{naam: Anna, organisatie: A}, {naam: Bo, organisatie: B}]
            bijeenkomsten:
              - datum: 2026-02-05   # de start
                gastheer: A

            besluiten:
              commitment: true
            """
        let file = try NetworkFile.parse(text, path: "netwerk.yaml")
        let plan = try Self.planner("kenniz").plan(file.network, today: LocalDate(iso: "2026-02-01")!)
        let written = try file.text(adding: plan.proposed, note: "voorgesteld door lerend plan")
        let copy = try NetworkFile.parse(written, path: "kopie.yaml")
        #expect(copy.network.meetings.count == 7)
        #expect(written.hasPrefix("# Ons netwerk\n"))
        #expect(
            written.contains("  - datum: 2026-02-05   # de start\n    gastheer: A\n  # voorgesteld door lerend plan\n  - datum: ")
        )
        // The file had no line break at its end, and still has none.
        #expect(written.hasSuffix("\n\nbesluiten:\n  commitment: true"))
    }
}
