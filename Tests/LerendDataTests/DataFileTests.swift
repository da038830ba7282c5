import Foundation
import LerendData
import LerendDiagnostics
import LerendExpressions
import Testing

/// Reading YAML and JSON files: structure, places, duplicate keys, aliases, JSON with tabs, BOMs.
@Suite struct DataFileTests {
    @Test func duplicateKeyPointsAtTheSecondAndNamesTheFirst() {
        #expect(
            Check.problems("naam: Anna\nleeftijd: 4\nnaam: Bo\n") == """
                gegevens.yaml:3:1: fout[D105]: sleutel 'naam' komt twee keer voor
                  3 | naam: Bo
                    | ^~~~
                   hint: de eerste staat op regel 1; haal een van beide weg
                """)
    }

    @Test func duplicateKeyInANestedMapping() throws {
        let text = "netwerk:\n  naam: A\n  plaats: Zwolle\n  naam: B\n"
        let diagnostics = try #require(Check.diagnostics(text))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.id == "D105")
        #expect(diagnostics.first?.location == SourceLocation(file: "gegevens.yaml", line: 4, column: 3))
        #expect(diagnostics.first?.hint == "de eerste staat op regel 2; haal een van beide weg")
    }

    @Test func everyDuplicateKeyIsReported() throws {
        let diagnostics = try #require(Check.diagnostics("a: 1\nb: 2\na: 3\nb: 4\n"))
        #expect(diagnostics.map(\.id) == ["D105", "D105"])
        #expect(diagnostics.map(\.message) == ["sleutel 'a' komt twee keer voor", "sleutel 'b' komt twee keer voor"])
    }

    @Test func duplicateKeysInJSON() throws {
        let diagnostics = try #require(Check.diagnostics(#"{"a": 1, "a": 2}"#, path: "g.json"))
        #expect(diagnostics.first?.id == "D105")
        #expect(diagnostics.first?.location?.line == 1)
    }

    @Test func aliasesAreFilledInWithTheAnchoredValue() throws {
        let file = try DataFile.parse(
            "standaard: &std\n  duur: 90\nbijeenkomst:\n  instellingen: *std\nb: &x 1\nc: *x\n", path: "g.yaml")
        #expect(file.value.value(atPath: "bijeenkomst.instellingen.duur") == .int(90))
        #expect(file.value.value(atPath: "c") == .int(1))
    }

    @Test func anUnknownAliasIsADutchError() throws {
        let diagnostics = try #require(Check.diagnostics("a: *onbekend\n"))
        #expect(diagnostics.first?.id == "D103")
        #expect(diagnostics.first?.message == "onbekende verwijzing (*naam)")
        #expect(diagnostics.first?.location?.line == 1)
    }

    @Test func aKeyThatIsNoTextIsReported() throws {
        let diagnostics = try #require(Check.diagnostics("? [a, b]\n: 1\n"))
        #expect(diagnostics.first?.id == "D104")
        #expect(diagnostics.first?.message == "een sleutel moet een tekst zijn")
    }

    @Test func jsonIsReadToo() throws {
        let file = try DataFile.parse(
            #"{"deelnemers": [{"naam": "Anna", "leeftijd": 42, "lengte": 1.75, "actief": true, "tel": null}], "datum": "2026-03-10"}"#,
            path: "gegevens.json")
        #expect(file.value.value(atPath: "deelnemers.0.leeftijd") == .int(42))
        #expect(file.value.value(atPath: "deelnemers.0.lengte") == .double(1.75))
        #expect(file.value.value(atPath: "deelnemers.0.actief") == .bool(true))
        #expect(file.value.value(atPath: "deelnemers.0.tel") == .null)
        #expect(file.value.value(atPath: "datum") == .string("2026-03-10"), "a quoted JSON text stays text")
    }

    static let tabbedJSON = [
        "{\n\t\"deelnemers\": [\n\t\t{\"naam\": \"Anna\"},\n\t\t{\"naam\": \"Bo\"}\n\t]\n}\n",
        "\t{\n\t\t\"deelnemers\": [\n\t\t\t{\"naam\": \"Anna\"},\n\t\t\t{\"naam\": \"Bo\"}\n\t\t]\n\t}\n",
        "[\n\t{\"naam\": \"Anna\"},\n\t{\"naam\": \"Bo\"}\n]",
        "{\r\n\t\"deelnemers\": [\r\n\t\t{\"naam\": \"Anna\"},\r\n\t\t{\"naam\": \"Bo\"}\r\n\t]\r\n}\r\n",
        "{\n\t\"deelnemers\":\n\t[\n\t\t{\n\t\t\t\"naam\":\n\t\t\t\"Anna\"\n\t\t},\n\t\t{\"naam\": \"Bo\"}\n\t]\n}",
    ]

    @Test(arguments: tabbedJSON)
    func jsonIndentedWithTabs(text: String) throws {
        let file = try DataFile.parse(text, path: "gegevens.json")
        let value = file.value
        let list = value.value(atPath: "deelnemers") ?? value
        #expect(list.value(atPath: "0.naam") == "Anna")
        #expect(list.value(atPath: "1.naam") == "Bo")
    }

    @Test func tabbedJSONKeepsHonestPlaces() throws {
        let file = try DataFile.parse("{\n\t\"deelnemers\": [\n\t\t{\"naam\": \"Anna\"}\n\t]\n}\n", path: "g.json")
        let (node, missing) = file.root.descendant(atPath: "deelnemers.0.naam")
        #expect(missing == nil)
        #expect(node.location.line == 3)
        #expect(node.location.column == 12, "the column counts the two tabs as two characters")
    }

    @Test func tabsInJSONErrorsPointAtTheRightLine() throws {
        let diagnostics = try #require(Check.diagnostics("{\n\t\"a\": 1,\n\t\"b\": [1, 2\n}\n", path: "g.json"))
        #expect(diagnostics.first?.id == "D103")
        #expect(diagnostics.first?.location?.line == 4)
    }

    @Test func tabsIndentingYAMLAreADutchError() throws {
        let diagnostics = try #require(Check.diagnostics("netwerk:\n\tnaam: Zorg\n"))
        #expect(diagnostics.first?.id == "D103")
        #expect(diagnostics.first?.message == "tab gebruikt om in te springen")
        #expect(diagnostics.first?.hint == "spring in met spaties, niet met tabs")
        #expect(diagnostics.first?.location?.line == 2)
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let path = try Check.temporaryFile("gegevens.yaml", Data("\u{FEFF}naam: Anna\nleeftijd: 42\n".utf8))
        let file = try DataFile.load(path: path)
        #expect(file.root.keys == ["naam", "leeftijd"])
        #expect(file.line(1) == "naam: Anna")
        #expect(file.root["naam"]?.location == SourceLocation(file: path, line: 1, column: 7))
    }

    @Test func aByteOrderMarkBeforeJSONIsSkipped() throws {
        let path = try Check.temporaryFile("gegevens.json", Data("\u{FEFF}{\n\t\"naam\": \"Anna\"\n}\n".utf8))
        #expect(try DataFile.load(path: path).value.value(atPath: "naam") == "Anna")
    }

    @Test func aByteOrderMarkInParsedTextIsSkippedToo() throws {
        let file = try DataFile.parse("\u{FEFF}naam: Anna\n", path: "g.yaml")
        #expect(file.root.keys == ["naam"])
        #expect(file.line(1) == "naam: Anna")
        #expect(file.root["naam"]?.location.column == 7)
    }

    @Test func windowsLineEndingsAreReadAndNotShown() throws {
        let file = try DataFile.parse("naam: Anna\r\nplaats: Zwolle\r\n", path: "g.yaml")
        #expect(file.value.value(atPath: "plaats") == "Zwolle")
        #expect(file.line(2) == "plaats: Zwolle")
    }

    @Test func aMissingFileIsReported() {
        do throws(DiagnosticList) {
            _ = try DataFile.load(path: "/bestaat/niet/gegevens.yaml")
            Issue.record("a missing file must be an error")
        } catch {
            #expect(error.diagnostics.first?.id == "D101")
            #expect(error.diagnostics.first?.message == "bestand '/bestaat/niet/gegevens.yaml' bestaat niet")
            #expect(error.diagnostics.first?.hint == "controleer de naam en de map")
        }
    }

    @Test func aFileThatIsNoUTF8IsReported() throws {
        let path = try Check.temporaryFile(
            "latin1.yaml", Data([0x6E, 0x61, 0x61, 0x6D, 0x3A, 0x20, 0x4A, 0xF6, 0x72, 0x67, 0x0A]))
        do throws(DiagnosticList) {
            _ = try DataFile.load(path: path)
            Issue.record("Latin-1 text must be an error")
        } catch {
            #expect(error.diagnostics.first?.id == "D102")
            #expect(error.diagnostics.first?.message == "'\(path)' is geen UTF-8-tekst")
        }
    }

    @Test func anEmptyFileIsAnEmptyObject() throws {
        #expect(try DataFile.parse("", path: "g.yaml").value == [:])
        #expect(try DataFile.parse("# alleen commentaar\n", path: "g.yaml").value == [:])
    }

    @Test func nodesKnowWhereTheyAre() throws {
        let file = try DataFile.parse("netwerk:\n  organisaties:\n    - naam: De Linde\n    - naam: Het Baken\n", path: "n.yaml")
        let (node, missing) = file.root.descendant(atPath: "netwerk.organisaties.1.naam")
        #expect(missing == nil)
        #expect(node.location == SourceLocation(file: "n.yaml", line: 4, column: 13))
        #expect(file.root["netwerk"]?.keys == ["organisaties"])
        #expect(file.root["netwerk"]?["organisaties"]?.location.line == 3)
    }

    @Test(arguments: [
        ("netwerk.deelnemers", "deelnemers", "netwerk"),
        ("netwerk.organisaties.5", "5", "netwerk.organisaties"),
        ("netwerk.organisaties.x", "x", "netwerk.organisaties"),
        ("netwerk.organisaties.0.naam.kort", "kort", "netwerk.organisaties.0.naam"),
        ("onbekend.naam", "onbekend", ""),
    ])
    func descendantStopsAtTheFirstMissingStep(path: String, missingStep: String, reached: String) throws {
        let file = try DataFile.parse("netwerk:\n  organisaties:\n    - naam: De Linde\n", path: "n.yaml")
        let (node, missing) = file.root.descendant(atPath: path)
        #expect(missing == missingStep)
        let expected = reached.isEmpty ? file.root : file.root.descendant(atPath: reached).node
        #expect(node.location == expected.location)
    }

    @Test func pathHelpersReadTextsNumbersAndLists() throws {
        let file = try DataFile.parse(
            "naam: Zorg\nleeg: ''\njaar: 2026\nthemas: [Familie, 12, Eigen regie]\nniets:\n", path: "n.yaml")
        #expect(file.root.text("naam") == "Zorg")
        #expect(file.root.text("jaar") == "2026")
        #expect(file.root.text("leeg") == nil)
        #expect(file.root.text("onbekend") == nil)
        #expect(file.root.integer("jaar") == 2026)
        #expect(file.root.integer("naam") == nil)
        #expect(file.root.texts("themas") == ["Familie", "Eigen regie"])
        #expect(file.root.value("niets") == .null)
        #expect(file.root.value("onbekend") == nil)
        #expect(file.root["niets"]?.isEmptyScalar == true)
        #expect(file.root["leeg"]?.isEmptyScalar == false)
    }
}

/// Data files made to fill the memory or the stack.
@Suite struct HostileDataTests {
    @Test func aBillionLaughsStopsAtTheExpansionLimit() throws {
        var text = "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
        for (name, previous) in zip(["b", "c", "d", "e", "f", "g", "h"], ["a", "b", "c", "d", "e", "f", "g"]) {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        text += "i: [" + Array(repeating: "*h", count: 9).joined(separator: ",") + "]\n"
        let diagnostics = try #require(Check.diagnostics(text))
        #expect(diagnostics.map(\.id) == ["D109"])
        #expect(diagnostics[0].message.contains("meer dan 100.000 waarden"))
        #expect(diagnostics[0].location?.line != nil)
    }

    @Test func aliasesWithinTheLimitAreFilledIn() throws {
        let items = Array(repeating: "*a", count: 1_000).joined(separator: ", ")
        let file = try DataFile.parse("a: &a [1, 2, 3]\nb: [\(items)]\n", path: "g.yaml")
        #expect(file.value.value(atPath: "b.999.2") == .int(3))
    }

    @Test(arguments: [
        "a: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\n",
        "a: " + String(repeating: "{b: ", count: 5_000) + "1" + String(repeating: "}", count: 5_000) + "\n",
        (0..<3_000).map { String(repeating: "  ", count: $0) + "k:\n" }.joined() + String(repeating: "  ", count: 3_000)
            + "k: 1\n",
    ])
    func deepNestingIsADutchError(_ text: String) throws {
        let diagnostics = try #require(Check.diagnostics(text))
        #expect(diagnostics.first?.id == "D103")
        #expect(diagnostics.first?.message.contains("te diep genest") == true)
        #expect(diagnostics.first?.message.contains("yaml_set_max_nest_level") == false)
    }
}
