import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import LerendWeb

/// The forms: every change reaches the file with only its own lines changed, a refused
/// change leaves the file as it was and says why next to the field, a page loaded before
/// another change cannot overwrite it.
@Suite struct FormRouteTests {
    @Test func editingTheNetworkChangesOnlyThatLineAndKeepsTheCommentsAndTheOldVersion() async throws {
        let fixture = try WebFixture(samples: ["zorg-dichtbij"])
        defer { fixture.remove() }
        let before = try fixture.text("zorg-dichtbij.yaml")
        try await fixture.test { client in
            let (status, page) = try await client.page("/netwerk/zorg-dichtbij.yaml/bewerken")
            #expect(status == .ok)
            #expect(page.contains("value=\"Lerend netwerk Zorg Dichtbij\""))
            let version = try #require(hiddenValue("versie", in: page))
            let (saved, location, _) = try await client.post(
                "/netwerk/zorg-dichtbij.yaml/bewerken",
                [("_token", fixture.token), ("versie", version), ("netwerk.naam", "Zorg Dichtbij Oost")])
            #expect(saved == .seeOther)
            #expect(location?.hasPrefix("/netwerk/zorg-dichtbij.yaml") == true)
            let (_, shown) = try await client.page(try #require(location))
            #expect(shown.contains("Het netwerk is bewaard."))
            #expect(shown.contains("Zorg Dichtbij Oost"))
        }
        let after = try fixture.text("zorg-dichtbij.yaml")
        let changed = zip(
            before.split(separator: "\n", omittingEmptySubsequences: false),
            after.split(separator: "\n", omittingEmptySubsequences: false)
        )
        .filter { $0 != $1 }
        #expect(changed.count == 1)
        #expect(changed.first?.1 == "  naam: Zorg Dichtbij Oost")
        #expect(after.hasPrefix("# Een lerend netwerk"))
        let history = try FileManager.default.contentsOfDirectory(atPath: fixture.folder + "/.geschiedenis/zorg-dichtbij.yaml")
            .filter { $0.hasSuffix(".yaml") }
        #expect(history.count == 1)
        #expect(
            try String(contentsOfFile: fixture.folder + "/.geschiedenis/zorg-dichtbij.yaml/" + history[0], encoding: .utf8)
                == before)
    }

    @Test func aBadValueIsRefusedNextToItsFieldAndTheFileStaysAsItWas() async throws {
        let fixture = try WebFixture(samples: ["zorg-dichtbij"])
        defer { fixture.remove() }
        let before = try fixture.text("zorg-dichtbij.yaml")
        try await fixture.test { client in
            let (_, page) = try await client.page("/netwerk/zorg-dichtbij.yaml/bijeenkomsten/0")
            let version = try #require(hiddenValue("versie", in: page))
            let (status, _, body) = try await client.post(
                "/netwerk/zorg-dichtbij.yaml/bijeenkomsten/0",
                [("_token", fixture.token), ("versie", version), ("bijeenkomsten[0].datum", "31-02-2026")])
            #expect(status == .unprocessableContent)
            #expect(body.contains("class=\"veldfout\""))
            #expect(body.contains("is geen datum"))
            #expect(body.contains("value=\"31-02-2026\""), "what was typed is shown again")
            // A participant of an organisation the network does not have: the loader refuses it.
            let (_, form) = try await client.page("/netwerk/zorg-dichtbij.yaml/deelnemers/nieuw")
            let item = String(try #require(form.firstMatch(of: /name="(deelnemers\[\d+\])\.naam"/)).output.1)
            // The form offers only the network's organisations; a hand-made request sends another.
            let (refused, _, message) = try await client.post(
                "/netwerk/zorg-dichtbij.yaml/deelnemers/nieuw",
                [
                    ("_token", fixture.token), ("versie", try #require(hiddenValue("versie", in: form))),
                    ("\(item).naam", "Nieuwe Collega"), ("\(item).organisatie", "Bestaat Niet"),
                ])
            #expect(refused == .conflict)
            #expect(message.contains("Bestaat Niet"))
        }
        #expect(try fixture.text("zorg-dichtbij.yaml") == before)
    }

    @Test func aPageLoadedBeforeAnotherChangeCannotOverwriteIt() async throws {
        let fixture = try WebFixture(samples: ["zorg-dichtbij"])
        defer { fixture.remove() }
        try await fixture.test { client in
            let (_, first) = try await client.page("/netwerk/zorg-dichtbij.yaml/bewerken")
            let (_, second) = try await client.page("/netwerk/zorg-dichtbij.yaml/bewerken")
            let (saved, _, _) = try await client.post(
                "/netwerk/zorg-dichtbij.yaml/bewerken",
                [
                    ("_token", fixture.token), ("versie", try #require(hiddenValue("versie", in: first))),
                    ("netwerk.naam", "Eerste Tabblad"),
                ])
            #expect(saved == .seeOther)
            let (status, _, body) = try await client.post(
                "/netwerk/zorg-dichtbij.yaml/bewerken",
                [
                    ("_token", fixture.token), ("versie", try #require(hiddenValue("versie", in: second))),
                    ("netwerk.naam", "Tweede Tabblad"),
                ])
            #expect(status == .conflict)
            #expect(body.contains("veranderd sinds je de pagina opende"))
        }
        #expect(try fixture.text("zorg-dichtbij.yaml").contains("naam: Eerste Tabblad"))
    }

    @Test func aFileChangedByHandAfterThePageWasLoadedIsNotOverwritten() async throws {
        let fixture = try WebFixture(samples: ["zorg-dichtbij"])
        defer { fixture.remove() }
        try await fixture.test { client in
            let (_, page) = try await client.page("/netwerk/zorg-dichtbij.yaml/organisaties/0")
            let byHand = try fixture.text("zorg-dichtbij.yaml") + "# met de hand erbij\n"
            try byHand.write(toFile: fixture.folder + "/zorg-dichtbij.yaml", atomically: true, encoding: .utf8)
            let (status, _, _) = try await client.post(
                "/netwerk/zorg-dichtbij.yaml/organisaties/0",
                [
                    ("_token", fixture.token), ("versie", try #require(hiddenValue("versie", in: page))),
                    ("organisaties[0].plaats", "Hattem"),
                ])
            #expect(status == .conflict)
            #expect(try fixture.text("zorg-dichtbij.yaml") == byHand)
        }
    }

    @Test func addingAndRemovingAnOrganisation() async throws {
        let fixture = try WebFixture(samples: ["zorg-dichtbij"])
        defer { fixture.remove() }
        try await fixture.test { client in
            let (_, form) = try await client.page("/netwerk/zorg-dichtbij.yaml/organisaties/nieuw")
            let item = String(try #require(form.firstMatch(of: /name="(organisaties\[\d+\])\.naam"/)).output.1)
            #expect(item == "organisaties[5]")
            let (added, location, _) = try await client.post(
                "/netwerk/zorg-dichtbij.yaml/organisaties/nieuw",
                [
                    ("_token", fixture.token), ("versie", try #require(hiddenValue("versie", in: form))),
                    ("\(item).naam", "Zorggroep Nieuw"), ("\(item).plaats", "Hattem"),
                    ("\(item).aantal_clienten", "70"),
                ])
            #expect(added == .seeOther)
            #expect(location?.hasPrefix("/netwerk/zorg-dichtbij.yaml/organisaties") == true)
            let (_, list) = try await client.page("/netwerk/zorg-dichtbij.yaml/organisaties")
            #expect(list.contains("Zorggroep Nieuw"))
            #expect(try fixture.text("zorg-dichtbij.yaml").contains("- naam: Zorggroep Nieuw"))
            let (_, edit) = try await client.page("/netwerk/zorg-dichtbij.yaml/organisaties/5")
            let (removed, _, _) = try await client.post(
                "/netwerk/zorg-dichtbij.yaml/organisaties/5/verwijderen",
                [("_token", fixture.token), ("versie", try #require(hiddenValue("versie", in: edit)))])
            #expect(removed == .seeOther)
            #expect(try !fixture.text("zorg-dichtbij.yaml").contains("Zorggroep Nieuw"))
            let (missing, _) = try await client.page("/netwerk/zorg-dichtbij.yaml/organisaties/50")
            #expect(missing == .notFound)
        }
    }

    @Test func acceptingThePlannedYearWritesTheMeetingsThatPassTheCheck() async throws {
        let fixture = try WebFixture(samples: ["kleinschalig-zuid"])
        defer { fixture.remove() }
        let before = try fixture.text("kleinschalig-zuid.yaml")
        try await fixture.test { client in
            let (status, page) = try await client.page("/netwerk/kleinschalig-zuid.yaml/plannen")
            #expect(status == .ok)
            let proposed = page.components(separatedBy: "name=\"neem\"").count - 1
            let (accepted, location, _) = try await client.post(
                "/netwerk/kleinschalig-zuid.yaml/plannen",
                [("_token", fixture.token), ("versie", try #require(hiddenValue("versie", in: page)))]
                    + (0..<proposed).map { ("neem", String($0)) })
            if proposed > 0 {
                #expect(accepted == .seeOther)
                let (_, shown) = try await client.page(try #require(location))
                #expect(shown.contains("toegevoegd"))
                #expect(try fixture.text("kleinschalig-zuid.yaml").hasPrefix(before.prefix(200)))
                #expect(try fixture.text("kleinschalig-zuid.yaml").contains("overgenomen in lerend web"))
            }
            let (_, again) = try await client.page("/netwerk/kleinschalig-zuid.yaml/plannen")
            #expect(!again.contains("name=\"neem\""), "after accepting all, nothing is proposed again")
        }
    }

    @Test func theGuidedStartMakesANetworkFileThatLoads() async throws {
        let fixture = try WebFixture(samples: [])
        defer { fixture.remove() }
        try await fixture.test { client in
            let (status, page) = try await client.page("/nieuw")
            #expect(status == .ok)
            #expect(page.contains("id=\"plugin-kenniz\""))
            let (missing, _, refused) = try await client.post("/nieuw", [("_token", fixture.token), ("netwerk.naam", "")])
            #expect(missing == .unprocessableContent)
            #expect(refused.contains("kies de werkwijze"))
            let (created, location, _) = try await client.post(
                "/nieuw",
                [
                    ("_token", fixture.token), ("netwerk.plugin", "kenniz"), ("netwerk.naam", "Netwerk Kleinschalig Noord"),
                    ("netwerk.doel", "Samen leren over kleinschalig wonen."), ("netwerk.contactpersoon.naam", "Anna Bakker"),
                    ("netwerk.contactpersoon.email", "a.bakker@zorg.nl"), ("eerste.datum", "2026-03-10"),
                    ("eerste.begintijd", "13:30"),
                    ("bestandsnaam", "../../noord"),
                ])
            #expect(created == .seeOther)
            #expect(location?.hasPrefix("/netwerk/noord.yaml") == true)
            let (_, shown) = try await client.page(try #require(location))
            #expect(shown.contains("Netwerk Kleinschalig Noord"))
            // A second start with the same name does not replace the file.
            let (again, _, body) = try await client.post(
                "/nieuw",
                [("_token", fixture.token), ("netwerk.plugin", "kenniz"), ("netwerk.naam", "Ander"), ("bestandsnaam", "noord")])
            #expect(again == .conflict)
            #expect(body.contains("noord.yaml"))
        }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: fixture.folder).filter { $0.hasSuffix(".yaml") } == ["noord.yaml"]
        )
        let text = try fixture.text("noord.yaml")
        #expect(text.contains("plugin: kenniz"))
        #expect(text.contains("datum: 2026-03-10"))
    }

    @Test func importingParticipantsFromACSVFileAsExcelWritesIt() async throws {
        let fixture = try WebFixture(samples: ["zorg-dichtbij"])
        defer { fixture.remove() }
        let csv: [UInt8] =
            Array("Naam;Organisatie;E-mailadres\r\n".utf8) + Array("Ren".utf8) + [0xE9]
            + Array("e de Wit;Zorggroep De Linde;r.dewit@delinde.nl\r\n".utf8)
            + Array("Onbekende Organisatie;Bestaat Niet;x@y.nl\r\n".utf8)
        try await fixture.test { client in
            let (_, page) = try await client.page("/netwerk/zorg-dichtbij.yaml/importeren")
            #expect(page.contains("enctype=\"multipart/form-data\""))
            let boundary = "----lerendtest"
            var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"_token\"\r\n\r\n\(fixture.token)\r\n".utf8)
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"soort\"\r\n\r\n\r\n".utf8)
            body += Array(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"deelnemers.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                    .utf8)
            body += csv + Array("\r\n--\(boundary)--\r\n".utf8)
            let preview = try await client.execute(
                uri: "/netwerk/zorg-dichtbij.yaml/importeren", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(bytes: body)
            ) { response in String(buffer: response.body) }
            #expect(preview.contains("Renée de Wit"), "Windows-1252 é read as é")
            #expect(preview.contains("overgeslagen"))
            let upload = try #require(hiddenValue("upload", in: preview))
            let version = try #require(hiddenValue("versie", in: preview))
            let (added, location, _) = try await client.post(
                "/netwerk/zorg-dichtbij.yaml/importeren/toevoegen",
                [("_token", fixture.token), ("upload", upload), ("versie", version), ("soort", "deelnemers")])
            #expect(added == .seeOther)
            let (_, shown) = try await client.page(try #require(location))
            #expect(shown.contains("1 deelnemer toegevoegd"))
            #expect(shown.contains("1 rij is overgeslagen"))
        }
        let text = try fixture.text("zorg-dichtbij.yaml")
        #expect(text.contains("Renée de Wit"))
        #expect(!text.contains("Onbekende Organisatie"))
    }

    @Test func anEarlierVersionCanBeRestoredAndTheRestoreCanBeUndone() async throws {
        let fixture = try WebFixture(samples: ["zorg-dichtbij"])
        defer { fixture.remove() }
        let original = try fixture.text("zorg-dichtbij.yaml")
        try await fixture.test { client in
            let (_, form) = try await client.page("/netwerk/zorg-dichtbij.yaml/bewerken")
            _ = try await client.post(
                "/netwerk/zorg-dichtbij.yaml/bewerken",
                [
                    ("_token", fixture.token), ("versie", try #require(hiddenValue("versie", in: form))),
                    ("netwerk.naam", "Gewijzigd"),
                ])
            let (_, history) = try await client.page("/netwerk/zorg-dichtbij.yaml/geschiedenis")
            let action = try #require(history.firstMatch(of: /action="([^"]*herstellen)"/)).output.1
            let (restored, location, _) = try await client.post(
                String(action), [("_token", fixture.token), ("versie", try #require(hiddenValue("versie", in: history)))])
            #expect(restored == .seeOther)
            let (_, shown) = try await client.page(try #require(location))
            #expect(shown.contains("teruggezet"))
            #expect(shown.components(separatedBy: "herstellen\"").count - 1 == 2, "the restore itself is in the history")
        }
        #expect(try fixture.text("zorg-dichtbij.yaml") == original)
    }
}
