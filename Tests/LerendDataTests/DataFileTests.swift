import Testing
import LerendData
import LerendDiagnostics
import LerendExpressions

@Suite struct DataFileTests {
    static func problems(_ text: String, path: String = "gegevens.yaml") -> String? {
        do throws(DiagnosticList) {
            _ = try DataFile.parse(text, path: path)
            return nil
        } catch {
            return DiagnosticRenderer().render(error.diagnostics)
        }
    }

    @Test(arguments: [
        ("12", Value.int(12)), ("0612345678", .string("0612345678")), ("\"12\"", .string("12")), ("2.5", .double(2.5)),
        ("2026-03-10", .date(LocalDate(year: 2026, month: 3, day: 10)!)), ("13:30", .time(LocalTime(hour: 13, minute: 30)!)),
        ("2026-02-30", .string("2026-02-30")), ("true", .bool(true)), ("nee", .string("nee")), ("", .null), ("~", .null),
        ("Zorg & co", .string("Zorg & co")), ("-7", .int(-7)),
    ])
    func scalarsMeanWhatAPersonWrites(text: String, expected: Value) throws {
        let file = try DataFile.parse("waarde: \(text)\n", path: "gegevens.yaml")
        #expect(file.value.value(atPath: "waarde") == expected)
    }

    @Test func duplicateKeyPointsAtTheSecondAndNamesTheFirst() {
        #expect(Self.problems("naam: Anna\nleeftijd: 4\nnaam: Bo\n") == """
            gegevens.yaml:3:1: fout[D105]: sleutel 'naam' komt twee keer voor
              3 | naam: Bo
                | ^~~~
               hint: de eerste staat op regel 1; haal een van beide weg
            """)
    }

    @Test func yamlSyntaxErrorsAreDutchAndPlaced() throws {
        let text = "deelnemers:\n  - naam: Anna\n   organisatie: De Linde\n"
        let problems = try #require(Self.problems(text))
        #expect(problems.hasPrefix("gegevens.yaml:3:"), "\(problems)")
        #expect(problems.contains("fout[D103]"))
    }

    @Test func aliasesAreFilledIn() throws {
        let file = try DataFile.parse("a: &x 1\nb: *x\n", path: "gegevens.yaml")
        #expect(file.value.value(atPath: "b") == .int(1))
    }

    @Test func jsonIsReadToo() throws {
        let file = try DataFile.parse(#"{"deelnemers": [{"naam": "Anna", "leeftijd": 42}], "datum": "2026-03-10"}"#, path: "gegevens.json")
        #expect(file.value.value(atPath: "deelnemers.0.leeftijd") == .int(42))
        #expect(file.value.value(atPath: "datum") == .string("2026-03-10"), "a quoted JSON text stays text")
    }

    @Test func jsonIndentedWithTabs() throws {
        let file = try DataFile.parse("{\n\t\"deelnemers\": [\n\t\t{\"naam\": \"Anna\"}\n\t]\n}\n", path: "gegevens.json")
        #expect(file.value.value(atPath: "deelnemers.0.naam") == .string("Anna"))
    }

    @Test func nodesKnowWhereTheyAre() throws {
        let file = try DataFile.parse("netwerk:\n  organisaties:\n    - naam: De Linde\n", path: "n.yaml")
        let (node, missing) = file.root.descendant(atPath: "netwerk.organisaties.0.naam")
        #expect(missing == nil)
        #expect(node.location == SourceLocation(file: "n.yaml", line: 3, column: 13))
        #expect(file.root.descendant(atPath: "netwerk.deelnemers").missingStep == "deelnemers")
        #expect(file.root["netwerk"]?.keys == ["organisaties"])
    }
}
