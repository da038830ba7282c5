import Foundation
import LerendDiagnostics
import LerendNetwork
import Testing

/// Edits change only the lines they touch; everything else stays as it was written.
@Suite struct NetworkEditorTests {
    static let network = """
        # Ons netwerk
        netwerk:
          naam: Netwerk   # de naam
          plugin: kenniz
          themas: [Dagbesteding, "Familie"]
          leervragen:
          - Hoe?
          - Waarom?  # de tweede
          doel: >-
            Samen leren van
            elkaar.

        organisaties:
          - naam: A
            plaats: 'Zwolle'
          - {naam: B, plaats: Deventer}

        deelnemers:
          - naam: Anna
            organisatie: A
        bijeenkomsten:
          - datum: 2026-02-05   # de start
            thema: "Begin"

        """

    func edited(_ text: String, _ edits: [NetworkEdit]) throws(DiagnosticList) -> String {
        try NetworkFile.applying(edits, to: text, path: "netwerk.yaml").text
    }

    func path(_ text: String) -> NetworkPath { NetworkPath(text)! }

    /// `text` with the first `old` replaced by `new`.
    func replacing(_ old: String, _ new: String, in text: String = network) -> String {
        let range = text.range(of: old)!
        return text.replacingCharacters(in: range, with: new)
    }

    @Test func pathsAreReadAsOrganisersWriteThem() {
        #expect(NetworkPath("organisaties[2].plaats")?.steps == [.key("organisaties"), .index(2), .key("plaats")])
        #expect(NetworkPath("netwerk.voorkeuren.weekdag")?.description == "netwerk.voorkeuren.weekdag")
        #expect(NetworkPath("a[0][1]")?.steps == [.key("a"), .index(0), .index(1)])
        for bad in ["", ".a", "a.", "a..b", "a[x]", "a[-1]", "a[1", "a.[0]"] { #expect(NetworkPath(bad) == nil, "\(bad)") }
    }

    @Test func aScalarKeepsItsCommentAndTheRestOfTheFile() throws {
        let result = try edited(Self.network, [.set(path("netwerk.naam"), "Nieuw netwerk")])
        #expect(result == replacing("naam: Netwerk   # de naam", "naam: Nieuw netwerk   # de naam"))
    }

    @Test func quotedValuesKeepTheirQuotes() throws {
        let result = try edited(
            Self.network,
            [.set(path("organisaties[0].plaats"), "Kampen"), .set(path("bijeenkomsten[0].thema"), "Het \"echte\" begin")])
        #expect(
            result == replacing("thema: \"Begin\"", "thema: \"Het \\\"echte\\\" begin\"", in: replacing("'Zwolle'", "'Kampen'")))
    }

    @Test func aValueInsideBracesStaysInsideThem() throws {
        let result = try edited(Self.network, [.set(path("organisaties[1].plaats"), "Den Haag, centrum")])
        #expect(result == replacing("plaats: Deventer}", "plaats: \"Den Haag, centrum\"}"))
    }

    @Test func newTextsAreQuotedOnlyWhenYAMLNeedsIt() throws {
        let cases: [(String, String)] = [
            ("Gewone naam", "Gewone naam"), ("2026", "\"2026\""), ("ja", "ja"), ("true", "\"true\""),
            ("Zorg: thuis", "\"Zorg: thuis\""), ("Nr #1", "\"Nr #1\""), ("Nr#1", "Nr#1"), ("Nr. 1 #top", "\"Nr. 1 #top\""),
            ("- lijst", "\"- lijst\""), ("'t Anker", "\"'t Anker\""), ("2026-03-10", "\"2026-03-10\""),
            ("13:30", "\"13:30\""), (" spatie", "\" spatie\""), ("null", "\"null\""),
            ("[haak]", "\"[haak]\""), ("06 12 34 56 78", "06 12 34 56 78"), ("0612345678", "\"0612345678\""),
            ("+31612345678", "\"+31612345678\""),
        ]
        for (value, written) in cases {
            let result = try edited(
                Self.network, [.set(path("organisaties[0].naam"), value), .set(path("deelnemers[0].organisatie"), value)])
            #expect(result.contains("  - naam: \(written)\n    plaats: 'Zwolle'"), "\(value)")
            let file = try NetworkFile.parse(result, path: "netwerk.yaml")
            #expect(file.network.organisations.first?.name == value)
        }
        // A date key gets a date, unquoted.
        let dated = try edited(Self.network, [.set(path("bijeenkomsten[0].datum"), "2026-03-12")])
        #expect(dated == replacing("datum: 2026-02-05", "datum: 2026-03-12"))
    }

    @Test func aMissingKeyIsAddedAfterTheLastOfItsMapping() throws {
        let result = try edited(
            Self.network, [.set(path("netwerk.voorkeuren.weekdag"), "donderdag"), .set(path("organisaties[1].regio"), "Oost")])
        let expected = replacing(
            "    elkaar.\n", "    elkaar.\n  voorkeuren:\n    weekdag: donderdag\n",
            in: replacing("plaats: Deventer}", "plaats: Deventer, regio: Oost}"))
        #expect(result == expected)
    }

    @Test func textsWithLineBreaksBecomeBlockScalarsAndBlockScalarsAreReplacedWhole() throws {
        let result = try edited(Self.network, [.set(path("netwerk.doel"), "Eerste regel.\nTweede regel.")])
        #expect(
            result
                == replacing(
                    "  doel: >-\n    Samen leren van\n    elkaar.\n", "  doel: |-\n    Eerste regel.\n    Tweede regel.\n"))
        let folded = try edited(Self.network, [.set(path("netwerk.doel"), "Kort.")])
        #expect(folded == replacing("  doel: >-\n    Samen leren van\n    elkaar.\n", "  doel: >-\n    Kort.\n"))
        let plain = try edited(Self.network, [.set(path("deelnemers[0].naam"), "Regel een\nregel twee")])
        #expect(plain == replacing("  - naam: Anna\n", "  - naam: |-\n      Regel een\n      regel twee\n"))
        let reread = try NetworkFile.parse(plain, path: "x.yaml")
        #expect(reread.network.participants[0].name == "Regel een\nregel twee")
    }

    @Test func aLiteralBlockAndAPlainTextOnSeveralLinesAreReplacedWhole() throws {
        let text = """
            netwerk:
              naam: Netwerk
              plugin: kenniz
              doel: |
                Eerste regel
                  # geen opmerking, maar tekst

                Laatste regel
            # een opmerking over wie
              wie_uitnodigen: iedereen die
                mee wil doen   # en een opmerking
              vorm: werkgroep

            """
        let result = try edited(
            text, [.set(path("netwerk.doel"), "Nieuw doel"), .set(path("netwerk.wie_uitnodigen"), "Teamleiders")])
        #expect(
            result == """
                netwerk:
                  naam: Netwerk
                  plugin: kenniz
                  doel: |-
                    Nieuw doel
                # een opmerking over wie
                  wie_uitnodigen: Teamleiders   # en een opmerking
                  vorm: werkgroep

                """)
    }

    @Test func controlCharactersAndTabsAreEscaped() throws {
        for value in ["tab\there", "bel\u{7}", "einde\r"] {
            let result = try edited(Self.network, [.set(path("deelnemers[0].naam"), value)])
            #expect(try NetworkFile.parse(result, path: "x.yaml").network.participants[0].name == value)
            #expect(result.split(separator: "\n").count == Self.network.split(separator: "\n").count, "one line")
        }
    }

    @Test func aKeyIsRemovedWithItsLines() throws {
        let result = try edited(Self.network, [.remove(path("organisaties[0].plaats")), .remove(path("netwerk.leervragen"))])
        #expect(
            result
                == replacing(
                    "    plaats: 'Zwolle'\n", "", in: replacing("  leervragen:\n  - Hoe?\n  - Waarom?  # de tweede\n", "")))
        let flow = try edited(Self.network, [.remove(path("organisaties[1].plaats"))])
        #expect(flow == replacing("{naam: B, plaats: Deventer}", "{naam: B}"))
        let first = try edited(
            Self.network.replacing("  - naam: A\n    plaats:", with: "  - plaats: X\n    naam: A\n    regio:"),
            [.remove(path("organisaties[0].plaats"))])
        #expect(first.contains("  - naam: A\n    regio: 'Zwolle'\n  - {naam: B"))
    }

    @Test func listsKeepTheirStyleAndTheirComments() throws {
        let flow = try edited(Self.network, [.setList(path("netwerk.themas"), ["Dagbesteding", "Nieuw thema", "Familie"])])
        #expect(flow == replacing("[Dagbesteding, \"Familie\"]", "[Dagbesteding, \"Nieuw thema\", Familie]"))
        let block = try edited(Self.network, [.setList(path("netwerk.leervragen"), ["Hoe?", "Waarom?", "Wanneer: nu?"])])
        #expect(block == replacing("  - Waarom?  # de tweede\n", "  - Waarom?  # de tweede\n  - \"Wanneer: nu?\"\n"))
        let shorter = try edited(Self.network, [.setList(path("netwerk.themas"), ["Familie"])])
        #expect(shorter == replacing("[Dagbesteding, \"Familie\"]", "[Familie]"))
        let new = try edited(Self.network, [.setList(path("netwerk.toetsen_aan"), ["kwaliteitskader-2017"])])
        #expect(new == replacing("    elkaar.\n", "    elkaar.\n  toetsen_aan: [kwaliteitskader-2017]\n"))
    }

    @Test func anEntryIsAppendedInTheStyleOfTheList() throws {
        let participant = NetworkEntry(texts: [("naam", "Bo de Vries"), ("organisatie", "B"), ("functie", "teamleider")])
        let result = try edited(Self.network, [.append(path("deelnemers"), participant)])
        #expect(
            result
                == replacing(
                    "    organisatie: A\n",
                    "    organisatie: A\n  - naam: Bo de Vries\n    organisatie: B\n    functie: teamleider\n"))
        let organisation = NetworkEntry(texts: [("naam", "C"), ("plaats", "Kampen")])
        let flow = try edited(Self.network, [.append(path("organisaties"), organisation)])
        #expect(
            flow
                == replacing(
                    "  - {naam: B, plaats: Deventer}\n", "  - {naam: B, plaats: Deventer}\n  - {naam: C, plaats: Kampen}\n"))
    }

    @Test func aMeetingWithALocationIsAppendedAndAListIsMadeWhenMissing() throws {
        let meeting = NetworkEntry([
            ("datum", .text("2026-04-09")), ("begintijd", .text("13:30")),
            ("locatie", .entry(NetworkEntry(texts: [("naam", "De Linde"), ("plaats", "Zwolle")]))),
            ("voorbereiders", .list(["Anna"])),
        ])
        let text = Self.network.components(separatedBy: "bijeenkomsten:")[0]
        let result = try edited(text, [.append(path("bijeenkomsten"), meeting, comment: "nieuw")])
        #expect(
            result == text + """

                bijeenkomsten:
                  # nieuw
                  - datum: 2026-04-09
                    begintijd: "13:30"
                    locatie:
                      naam: De Linde
                      plaats: Zwolle
                    voorbereiders: [Anna]

                """)
    }

    @Test func aFileWrittenOnFewLinesGetsElementsInItsOwnStyle() throws {
        let text = """
            netwerk: {naam: N, plugin: kenniz}
            organisaties: [{naam: A}]
            deelnemers: []   # nog niemand
            """
        let result = try edited(
            text,
            [
                .append(path("organisaties"), NetworkEntry(texts: [("naam", "B, C")])),
                .append(path("deelnemers"), NetworkEntry(texts: [("naam", "Anna"), ("organisatie", "A")])),
                .set(path("netwerk.voorkeuren.weekdag"), "maandag"),
            ])
        #expect(
            result == """
                netwerk: {naam: N, plugin: kenniz, voorkeuren: {weekdag: maandag}}
                organisaties: [{naam: A}, {naam: "B, C"}]
                deelnemers:   # nog niemand
                  - naam: Anna
                    organisatie: A
                """)
    }

    @Test func aReplacedEntryChangesOnlyItsChangedKeys() throws {
        let replacement = NetworkEntry(texts: [("naam", "Anna"), ("organisatie", "B"), ("email", "anna@b.nl")])
        let result = try edited(Self.network, [.replace(path("deelnemers"), index: 0, replacement)])
        #expect(result == replacing("    organisatie: A\n", "    organisatie: B\n    email: anna@b.nl\n"))
        let fewer = try edited(Self.network, [.replace(path("organisaties"), index: 0, NetworkEntry(texts: [("naam", "A")]))])
        #expect(fewer == replacing("    plaats: 'Zwolle'\n", ""))
    }

    @Test func anElementIsRemovedWithItsLines() throws {
        let text = Self.network.replacing(
            "  - {naam: B, plaats: Deventer}\n", with: "  - {naam: B, plaats: Deventer}\n  - naam: C\n")
        let result = try edited(text, [.removeItem(path("organisaties"), index: 1)])
        #expect(result == text.replacing("  - {naam: B, plaats: Deventer}\n", with: ""))
        let flow = try edited(Self.network, [.removeItem(path("netwerk.themas"), index: 0)])
        #expect(flow == replacing("[Dagbesteding, \"Familie\"]", "[\"Familie\"]"))
        let last = try edited(Self.network, [.removeItem(path("bijeenkomsten"), index: 0)])
        #expect(
            last == replacing("bijeenkomsten:\n  - datum: 2026-02-05   # de start\n    thema: \"Begin\"\n", "bijeenkomsten: []\n")
        )
    }

    @Test func fourSpacesAndListsWithoutIndentationStayTheWayTheyAre() throws {
        let text = """
            netwerk:
                naam: N
                plugin: kenniz
            organisaties:
            -   naam: A
            deelnemers:
            - naam: Anna
              organisatie: A

            """
        let result = try edited(
            text,
            [
                .set(path("netwerk.voorkeuren.weekdag"), "maandag"),
                .append(path("deelnemers"), NetworkEntry(texts: [("naam", "Bo"), ("organisatie", "A")])),
            ])
        #expect(
            result == """
                netwerk:
                    naam: N
                    plugin: kenniz
                    voorkeuren:
                        weekdag: maandag
                organisaties:
                -   naam: A
                deelnemers:
                - naam: Anna
                  organisatie: A
                - naam: Bo
                  organisatie: A

                """)
    }

    @Test func aWindowsFileKeepsItsLineEndingsAndItsByteOrderMark() throws {
        let text = "\u{FEFF}" + Self.network.replacing("\n", with: "\r\n")
        let result = try edited(
            text,
            [
                .set(path("netwerk.naam"), "Nieuw"), .set(path("netwerk.voorkeuren.weekdag"), "maandag"),
                .set(path("netwerk.doel"), "Een\nTwee"),
            ])
        let expected =
            "\u{FEFF}"
            + replacing(
                "  doel: >-\n    Samen leren van\n    elkaar.\n",
                "  doel: |-\n    Een\n    Twee\n  voorkeuren:\n    weekdag: maandag\n",
                in: replacing("naam: Netwerk   #", "naam: Nieuw   #")
            ).replacing("\n", with: "\r\n")
        #expect(result == expected)
        #expect(!result.replacing("\r\n", with: "").contains("\n"))
    }

    @Test func anEditThatMakesTheFileInvalidIsRefusedWithTheLoadersMessages() throws {
        let unknown = NetworkEntry(texts: [("naam", "Bo"), ("organisatie", "Bestaat Niet")])
        do throws(DiagnosticList) {
            _ = try edited(Self.network, [.append(path("deelnemers"), unknown)])
            Issue.record("an unknown organisation was accepted")
        } catch {
            #expect(error.diagnostics.map(\.id) == ["N112"])
            #expect(error.diagnostics[0].location?.line == 22)
            #expect(error.diagnostics[0].message.contains("Bestaat Niet"))
        }
        do throws(DiagnosticList) {
            _ = try edited(Self.network, [.set(path("bijeenkomsten[0].datum"), "2026-02-30")])
            Issue.record("a date that does not exist was accepted")
        } catch {
            #expect(error.diagnostics.map(\.id) == ["N105"])
            #expect(error.diagnostics[0].location?.line == 22)
            #expect(error.diagnostics[0].sourceLine == "  - datum: 2026-02-30   # de start")
        }
        #expect(throws: DiagnosticList.self) { try edited(Self.network, [.remove(path("netwerk.naam"))]) }
    }

    @Test func placesThatAreNotThereOrOfAnotherKindAreRefused() throws {
        func id(_ edit: NetworkEdit) -> String? {
            do throws(DiagnosticList) {
                _ = try edited(Self.network, [edit])
                return nil
            } catch {
                return error.diagnostics.first?.id
            }
        }
        #expect(id(.set(path("organisaties[5].plaats"), "X")) == "N142")
        #expect(id(.set(path("organisaties"), "X")) == "N141")
        #expect(id(.set(path("netwerk.naam.deel"), "X")) == "N141")
        #expect(id(.append(path("netwerk.naam"), NetworkEntry(texts: []))) == "N141")
        #expect(throws: DiagnosticList.self) { try NetworkEdit.assignment("netwerk.naam") }
        #expect(throws: DiagnosticList.self) { try NetworkEdit.assignment("netwerk..naam=x") }
        #expect(try NetworkEdit.assignment("netwerk.naam=a=b") == .set(path("netwerk.naam"), "a=b"))
    }

    @Test func editsOnTheSamplesTouchOnlyTheirLines() throws {
        for name in ["zorg-dichtbij", "kleinschalig-zuid"] {
            let text = try String(
                contentsOf: NetworkFixtures.repository.appending(path: "samples/netwerken/\(name).yaml"), encoding: .utf8)
            let result = try edited(
                text,
                [.set(path("organisaties[2].plaats"), "Ergens Anders"), .set(path("bijeenkomsten[1].thema"), "Nieuw thema")])
            let old = text.split(separator: "\n", omittingEmptySubsequences: false)
            let new = result.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(old.count == new.count)
            let changed = zip(old, new).filter { $0 != $1 }
            #expect(changed.count == 2, "\(name)")
            #expect(changed.allSatisfy { $1.contains("Ergens Anders") || $1.contains("Nieuw thema") })
        }
    }
}
