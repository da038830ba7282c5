import LerendApplication
import LerendDiagnostics
import LerendDocuments
import LerendNetwork
import LerendTestSupport
import Testing

/// Organisations and participants from a sheet: the columns mapped from the header, every
/// row checked as the network loader would, and the ready rows appended to the file.
@Suite struct ImportTests {
    static func network() throws -> NetworkFile {
        try NetworkFile.parse(TestNetworks.network(participants: 3), path: "netwerk.yaml")
    }

    static func sheet(_ rows: [[String]]) -> Spreadsheet {
        Spreadsheet(
            fileName: "lijst.csv", format: .csv,
            rows: rows.enumerated().compactMap { index, cells in
                cells.allSatisfy(\.isEmpty) ? nil : Spreadsheet.Row(number: index + 1, cells: cells)
            })
    }

    @Test func headerVariantsAreMatchedWithoutCaseSpacesOrAccents() {
        let people = ColumnMapping.suggested(
            header: ["NAAM", "E-mail adres", "Organisatie ", "functie", "Tel.", "Opmerking", "email"], target: .participants)
        #expect(people.columns.map(\.field) == ["naam", "email", "organisatie", "functie", "telefoon", nil, nil])
        let organisations = ColumnMapping.suggested(
            header: ["Organisatie", "Rechtspersoon", "Raad van Bestuur", "Vestigingsplaats", "Aantal cliënten", "Post code"],
            target: .organisations)
        #expect(
            organisations.columns.map(\.field) == ["naam", "rechtspersoon", "bestuur", "plaats", "aantal_clienten", "postcode"])
        #expect(ImportTarget.guess(header: ["Naam", "Organisatie", "E-mailadres"]) == .participants)
        #expect(ImportTarget.guess(header: ["Organisatie", "Plaats", "Bestuur"]) == .organisations)
    }

    @Test func choicesOfTheOrganiserChangeTheMapping() throws {
        let header = ["Naam", "Werkgever", "Mail werk", "Opmerking"]
        let mapping = try ColumnMapping.suggested(header: header, target: .participants).applying(
            ["mail werk=email", "D=brengt", "Naam=aanhef", "A=naam"], target: .participants, fileName: "lijst.csv")
        #expect(mapping.columns.map(\.field) == ["naam", "organisatie", "email", "brengt"])
        #expect(throws: DiagnosticList.self) {
            try mapping.applying(["Opmerking=emial"], target: .participants, fileName: "lijst.csv")
        }
        do {
            _ = try mapping.applying(["Opmerkingen=haalt", "Naam=emial", "zonder"], target: .participants, fileName: "lijst.csv")
            Issue.record("wrong choices are taken")
        } catch {
            #expect(error.diagnostics.map(\.id) == ["I202", "I203", "I202"])
            #expect(error.diagnostics[1].hint == "bedoel je 'email'?")
        }
    }

    @Test func everyRowIsReadyOrSkippedWithItsProblemsAndRowNumber() throws {
        let sheet = Self.sheet([
            ["Naam", "Organisatie", "E-mailadres", "Functie"],
            ["  Anna Bakker ", "organisatie 2", "a.bakker@zorg.nl", "teamleider"],
            ["", "", "", ""],
            ["Bert", "Organisatie 1", "bert at zorg", ""],
            ["Carla", "Organisatie 9", "", ""],
            ["deelnemer 2", "Organisatie 1", "", ""],
            ["Anna Bakker", "Organisatie 3", "", ""],
            ["", "Organisatie 3", "x@zorg.nl", ""],
            ["Dirk", "Nieuwe Zorg", "", "", "vergeten"],
        ])
        let preview = try NetworkImport.preview(sheet, networkFile: Self.network(), target: .participants)
        #expect(preview.problems.isEmpty)
        #expect(preview.fields == ["naam", "functie", "organisatie", "email"])
        #expect(preview.rows.map(\.number) == [2, 4, 5, 6, 7, 8, 9], "the empty row 3 is left out")
        #expect(preview.rows.map(\.isReady) == [true, false, false, false, false, false, false])
        #expect(preview.rows[0].values == ["Anna Bakker", "teamleider", "Organisatie 2", "a.bakker@zorg.nl"])
        #expect(preview.entries.first?.pairs.map(\.key) == ["naam", "functie", "organisatie", "email"])
        #expect(
            preview.rows.map { $0.problems.map { $0.id ?? "" } } == [
                [], ["I211"], ["I212"], ["I213"], ["I214"], ["I210"], ["I212"],
            ])
        #expect(preview.rows[1].problems[0].location?.description == "lijst.csv (rij 4, kolom C)")
        #expect(preview.rows[2].problems[0].hint == "bedoel je 'Organisatie 1'?")
        #expect(preview.rows[6].problems[0].hint?.hasPrefix("bekende organisaties: Organisatie 1, Organisatie 2") == true)
        #expect(preview.rows[4].problems[0].message == "de deelnemer 'Anna Bakker' staat ook in rij 2")

        let together = ImportPreview(
            sheet: sheet, target: .participants, mapping: preview.mapping, networkFile: try Self.network(),
            alsoAdded: ["Nieuwe Zorg"])
        #expect(together.rows.last?.isReady == true, "a participant of an organisation of the same import")
    }

    @Test func aMappingWithoutARequiredKeyIsOneProblemForTheWholeSheet() throws {
        let sheet = Self.sheet([["Naam", "Mail"], ["Anna", "a@zorg.nl"]])
        let preview = try NetworkImport.preview(sheet, networkFile: Self.network(), target: .participants)
        #expect(preview.problems.map(\.id) == ["I205"])
        #expect(preview.problems[0].message.contains("'organisatie'"))
        #expect(preview.rows.isEmpty)
        let empty = try NetworkImport.preview(Self.sheet([]), networkFile: Self.network(), target: .organisations)
        #expect(empty.problems.map(\.id) == ["I205", "I201"])
    }

    @Test func readyEntriesAreAppendedAndTheFileStillLoads() throws {
        let sheet = Self.sheet([
            ["Organisatie", "Plaats", "Aantal cliënten", "Adres"],
            ["Zorg \"Om\" De Hoek", "Zwolle", "1.250", "Lindelaan 12\n8011 AB"],
            ["Het Baken", "Deventer", "veel", ""],
            ["Het Anker", "", "40", ""],
        ])
        let preview = try NetworkImport.preview(sheet, networkFile: Self.network())
        #expect(preview.target == .organisations)
        #expect(preview.rows.map(\.isReady) == [true, false, true])
        #expect(preview.rows[1].problems.map(\.id) == ["I215"])
        let text = try preview.networkText(note: "geïmporteerd uit lijst.csv")
        let reloaded = try NetworkFile.parse(text, path: "netwerk.yaml")
        #expect(reloaded.network.organisations.map(\.name).suffix(2) == ["Zorg \"Om\" De Hoek", "Het Anker"])
        #expect(reloaded.network.organisations.last(where: { $0.name.hasPrefix("Zorg") })?.address == "Lindelaan 12\n8011 AB")
        // In the style of the entries before it (on one line), quoted only where YAML needs it.
        #expect(text.contains("  - {naam: Het Anker, aantal_clienten: 40}\n"))
        #expect(text.contains("  # geïmporteerd uit lijst.csv\n"))
        #expect(reloaded.network.participants.count == 3)
    }
}

extension ImportTests {
    @Test func aTitleAboveTheHeaderIsPassedOver() throws {
        let sheet = Self.sheet([
            ["Deelnemerslijst 2026"],
            [],
            ["Naam", "Organisatie", "Mail"],
            ["Anna Bakker", "Organisatie 1", "a.bakker@zorg.nl"],
        ])
        #expect(NetworkImport.headerRow(of: sheet)?.number == 3)
        let preview = try NetworkImport.preview(sheet, networkFile: Self.network())
        #expect(preview.target == .participants)
        #expect(preview.headerRowNumber == 3)
        #expect(preview.rows.map(\.number) == [4])
        #expect(preview.entries.map { $0["email"] } == [.text("a.bakker@zorg.nl")])
        let wrong = try NetworkImport.preview(sheet, networkFile: Self.network(), columnChoices: ["Naam=naam", "Mail="])
        #expect(wrong.rows.first?.entry?["email"] == nil)
        #expect(throws: DiagnosticList.self) {
            try NetworkImport.preview(sheet, networkFile: Self.network(), columnChoices: ["Mail=telefon"])
        }
    }
}

extension ImportTests {
    @Test func onlyARowThatIsAddedClaimsItsName() throws {
        let sheet = Self.sheet([
            ["Naam", "Organisatie", "E-mail"],
            ["Bert", "Organisatie 1", "bert at zorg"],
            ["Bert", "Organisatie 1", "bert@zorg.nl"],
            ["BERT", "Organisatie 2", ""],
        ])
        let preview = try NetworkImport.preview(sheet, networkFile: Self.network())
        #expect(preview.rows.map { $0.problems.map { $0.id ?? "" } } == [["I211"], [], ["I214"]])
        #expect(preview.rows[2].problems[0].message == "de deelnemer 'BERT' staat ook in rij 3")
    }
}
