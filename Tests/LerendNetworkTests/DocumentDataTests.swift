import LerendData
import LerendExpressions
import LerendNetwork
import Testing

@Suite struct DocumentDataTests {
    static let text = """
        netwerk:
          naam: Netwerk Test
          plugin: kenniz
          contactpersoon: {naam: Anna Bakker, email: a.bakker@zorg.nl}
        organisaties:
          - {naam: Organisatie 1, plaats: Zwolle}
          - {naam: Organisatie 2, plaats: Deventer}
        deelnemers:
          - {naam: Anna Bakker, organisatie: Organisatie 1, functie: teamleider, email: a@b.nl}
          - {naam: Bo de Vries, organisatie: Organisatie 2, email: b@b.nl}
        bijeenkomsten:
          - datum: 2026-03-10
            begintijd: "13:30"
            duur_minuten: 150
            gastheer: Organisatie 2
            thema: Familie
            voorbereiders: [Anna Bakker, Bo de Vries]
            evaluatie: true
        """

    static func data() throws -> DocumentData {
        let file = try NetworkFile.parse(text, path: "netwerk.yaml")
        let plugin = try #require(RuleTests.loaded.first { $0.id == "kenniz" })
        return DocumentData(networkFile: file, plugin: plugin, date: LocalDate(iso: "2026-01-01")!)
    }

    @Test func invitationKnowsTheParticipantsRole() throws {
        let data = try Self.data()
        let meeting = try #require(data.meetings.first)
        let bo = data.networkFile.network.participants[1]
        let invitation = data.invitation(for: bo, to: meeting)
        #expect(invitation.value(atPath: "deelnemer.aanhef") == .string("Beste Bo"))
        #expect(invitation.value(atPath: "deelnemer.rol.is_gastheer") == .bool(true))
        #expect(invitation.value(atPath: "deelnemer.rol.bereidt_voor") == .bool(true))
        #expect(invitation.value(atPath: "afzender.functie") == .string("teamleider"))
        #expect(invitation.value(atPath: "afzender.plaats") == .string("Zwolle"))
        #expect(invitation.value(atPath: "netwerk.ondersteuner") == .string("KenniZ"))
        #expect(invitation.value(atPath: "bijeenkomst.titel") == .string("Bijeenkomst 1 – Familie"))
    }

    @Test func agendaIsTimedAndAddsUpToTheMeeting() throws {
        let data = try Self.data()
        let meeting = try #require(data.meetings.first)
        let agenda = try #require(data.meeting(meeting).value.value(atPath: "agenda"))
        guard case .list(let items) = agenda else {
            Issue.record("no agenda")
            return
        }
        let titles = items.compactMap { $0.value(atPath: "titel")?.stringValue }
        #expect(
            titles == [
                "Opening en vaststellen agenda", "Thema: Familie", "Evaluatie: voldoet het netwerk aan de verwachtingen?",
                "Rondvraag", "Planning volgende bijeenkomst", "Sluiting",
            ])
        #expect(items.first?.value(atPath: "begintijd") == .time(LocalTime(hour: 13, minute: 30)!))
        #expect(items.last?.value(atPath: "eindtijd") == .time(LocalTime(hour: 16, minute: 0)!))
        for (previous, next) in zip(items, items.dropFirst()) {
            #expect(previous.value(atPath: "eindtijd") == next.value(atPath: "begintijd"))
        }
    }
}
