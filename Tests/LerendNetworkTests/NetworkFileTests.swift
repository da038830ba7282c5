import Foundation
import LerendDiagnostics
import LerendExpressions
import LerendNetwork
import Testing

/// Broken network files: every problem at once, each with its place and a hint.
@Suite struct NetworkFileTests {
    static func problems(_ text: String) -> String {
        do throws(DiagnosticList) {
            _ = try NetworkFile.parse(text, path: "netwerk.yaml")
            return ""
        } catch {
            return DiagnosticRenderer().render(error.diagnostics)
        }
    }

    static let good = """
        netwerk:
          naam: Netwerk Oost
          plugin: kenniz
        organisaties:
          - naam: Zorggroep De Linde
            aantal_clienten: 180
          - naam: Het Baken
        deelnemers:
          - naam: Anna de Vries
            organisatie: Zorggroep De Linde
          - naam: Bo Jansen
            organisatie: Het Baken
        bijeenkomsten:
          - datum: 2026-03-10
            begintijd: "13:30"
            duur_minuten: 150
            gastheer: Het Baken
            voorbereiders: [Anna de Vries, Bo Jansen]
        """

    @Test func goodFileLoadsWithDerivedFields() throws {
        let file = try NetworkFile.parse(Self.good, path: "netwerk.yaml")
        #expect(file.network.organisations.map(\.name) == ["Zorggroep De Linde", "Het Baken"])
        #expect(file.network.meetings.first?.preparers == ["Anna de Vries", "Bo Jansen"])
        let value = file.value(on: LocalDate(iso: "2026-04-01")!)
        #expect(value.value(atPath: "bijeenkomsten.0.eindtijd") == .time(LocalTime(hour: 16, minute: 0)!))
        #expect(value.value(atPath: "bijeenkomsten.0.is_geweest") == .bool(true))
        #expect(value.value(atPath: "bijeenkomsten.0.nummer") == .int(1))
        #expect(value.value(atPath: "deelnemers.1.voornaam") == .string("Bo"))
    }

    @Test func unknownKeyWithDidYouMean() {
        let text = Self.good.replacing("  - naam: Het Baken", with: "  - naam: Het Baken\n    aantal_clienen: 40")
        #expect(
            Self.problems(text) == """
                netwerk.yaml:8:5: fout[N102]: onbekende sleutel 'aantal_clienen' in een organisatie
                  8 |     aantal_clienen: 40
                    |     ^~~~~~~~~~~~~~
                   hint: bedoel je 'aantal_clienten'?
                """)
    }

    @Test func wrongKind() {
        let text = Self.good.replacing("aantal_clienten: 180", with: "aantal_clienten: ongeveer 180")
        #expect(
            Self.problems(text) == """
                netwerk.yaml:6:22: fout[N104]: 'aantal_clienten' moet een geheel getal van 0 tot en met 10.000.000 zijn, maar dit is een tekst
                  6 |     aantal_clienten: ongeveer 180
                    |                      ^~~~~~~~~~~~
                   hint: schrijf alleen cijfers, zonder punt of komma
                """)
    }

    @Test(arguments: ["9223372036854775807", "0", "-5", "1441"])
    func durationOutsideADayIsAnErrorAtItsLine(duration: String) {
        let text = Self.good.replacing("duur_minuten: 150", with: "duur_minuten: \(duration)")
        let pad = String(repeating: "~", count: duration.count - 1)
        #expect(
            Self.problems(text) == """
                netwerk.yaml:16:19: fout[N107]: 'duur_minuten' is \(duration), maar moet tussen 1 en 1.440 liggen
                 16 |     duur_minuten: \(duration)
                    |                   ^\(pad)
                   hint: een duur staat in minuten: 2,5 uur is 150
                """)
    }

    @Test func aNumberTooLargeForAnyCountIsAnError() {
        let text = Self.good.replacing("  plugin: kenniz", with: "  plugin: kenniz\n  bijeenkomsten_per_jaar: 100000000000")
        #expect(
            Self.problems(text).contains("fout[N107]: 'bijeenkomsten_per_jaar' is 100000000000, maar moet tussen 1 en 366 liggen")
        )
    }

    @Test func impossibleDate() {
        let text = Self.good.replacing("datum: 2026-03-10", with: "datum: 2026-02-30")
        #expect(
            Self.problems(text) == """
                netwerk.yaml:14:12: fout[N105]: '2026-02-30' is geen bestaande datum: februari 2026 heeft 28 dagen
                 14 |   - datum: 2026-02-30
                    |            ^~~~~~~~~~
                   hint: schrijf de datum als JJJJ-MM-DD
                """)
    }

    /// The file still loads, so that the export can skip that one participant.
    @Test func participantNamingAnUnknownOrganisationIsAWarning() throws {
        let text = Self.good.replacing("organisatie: Het Baken", with: "organisatie: Het Bakken")
        let file = try NetworkFile.parse(text, path: "netwerk.yaml")
        #expect(
            DiagnosticRenderer().render(file.warnings) == """
                netwerk.yaml:12:18: waarschuwing[N112]: onbekende organisatie 'Het Bakken'
                 12 |     organisatie: Het Bakken
                    |                  ^~~~~~~~~~
                   hint: bedoel je 'Het Baken'?
                """)
    }

    @Test func hostNamingAnUnknownOrganisationIsAnError() {
        let text = Self.good.replacing("gastheer: Het Baken", with: "gastheer: Het Bakken")
        #expect(Self.problems(text).hasPrefix("netwerk.yaml:17:15: fout[N112]: onbekende organisatie 'Het Bakken'"))
    }

    @Test func duplicateNames() {
        let text = Self.good.replacing("  - naam: Bo Jansen", with: "  - naam: Anna de Vries")
            .replacing("[Anna de Vries, Bo Jansen]", with: "[Anna de Vries]")
        #expect(
            Self.problems(text) == """
                netwerk.yaml:11:11: fout[N111]: de deelnemer 'Anna de Vries' staat twee keer in het bestand
                 11 |   - naam: Anna de Vries
                    |           ^~~~~~~~~~~~~
                   hint: de eerste staat op regel 9; voeg ze samen of geef ze verschillende namen
                """)
    }

    @Test func everyProblemAtOnce() {
        let text = Self.good.replacing("plugin: kenniz", with: "plugn: kenniz")
            .replacing("datum: 2026-03-10", with: "datum: 10-03-2026")
            .replacing("gastheer: Het Baken", with: "gastheer: De Linde")
        let problems = Self.problems(text)
        #expect(problems.contains("fout[N102]: onbekende sleutel 'plugn' in het netwerk"))
        #expect(problems.contains("hint: bedoel je 'plugin'?"))
        #expect(problems.contains("fout[N103]: het netwerk mist 'plugin'"))
        #expect(
            problems.contains(
                "fout[N104]: 'datum' moet een datum (JJJJ-MM-DD, bijvoorbeeld 2026-03-10) zijn, maar dit is een tekst"))
        #expect(problems.contains("fout[N112]: onbekende organisatie 'De Linde'"))
    }

    @Test func loadingNeverChangesTheFile() throws {
        let url = FileManager.default.temporaryDirectory.appending(path: "lerend-netwerk-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        let text = Self.good + "\n# opmerking van de organisator\n"
        try Data(text.utf8).write(to: url)
        let before = try FileManager.default.attributesOfItem(atPath: url.path(percentEncoded: false))[.modificationDate] as? Date
        _ = try NetworkFile.load(path: url.path(percentEncoded: false))
        #expect(try String(contentsOf: url, encoding: .utf8) == text)
        let after = try FileManager.default.attributesOfItem(atPath: url.path(percentEncoded: false))[.modificationDate] as? Date
        #expect(before == after)
    }

    @Test(arguments: ["zorg-dichtbij.yaml", "kleinschalig-zuid.yaml"])
    func samplesLoad(name: String) throws {
        let path = NetworkFixtures.repository.appending(path: "samples/netwerken/\(name)").path(percentEncoded: false)
        let file = try NetworkFile.load(path: path)
        #expect(file.network.meetings.count >= 3)
    }
}
