import LerendData
import LerendDiagnostics
import Testing

/// Reading the keys of one mapping, with located problems for missing, wrong and unknown keys.
@Suite struct MappingReaderTests {
    static func reader(_ text: String, key: String? = nil) throws -> MappingReader {
        let file = try DataFile.parse(text, path: "fase.yaml")
        let node = key.map { file.root.descendant(atPath: $0).node } ?? file.root
        return MappingReader(node, in: file, context: "een fase")
    }

    @Test func readsTextsAndListsAndReportsUnknownKeys() throws {
        var reader = try Self.reader("naam: Start\ntaken: [a, b]\nduuur: 3\n")
        #expect(reader.text("naam", required: true) == "Start")
        #expect(reader.sequence("taken").count == 2)
        _ = reader.value("duur")
        reader.finish()
        #expect(reader.problems.map(\.id) == ["D214"])
        #expect(reader.problems.first?.message == "onbekende sleutel 'duuur' in een fase")
        #expect(reader.problems.first?.hint == "bedoel je 'duur'?")
        #expect(reader.problems.first?.location == SourceLocation(file: "fase.yaml", line: 3, column: 1))
        #expect(reader.problems.first?.length == 5)
    }

    @Test func aMissingOrEmptyRequiredKeyIsReportedAtTheMapping() throws {
        var reader = try Self.reader("fase:\n  naam:\n  taken: []\n", key: "fase")
        #expect(reader.text("naam", required: true) == nil)
        #expect(reader.text("omschrijving", required: true) == nil)
        #expect(reader.problems.map(\.message) == ["een fase mist de sleutel 'naam'", "een fase mist de sleutel 'omschrijving'"])
        #expect(reader.problems.map(\.id) == ["D211", "D211"])
        #expect(reader.problems.first?.location?.line == 2)
    }

    @Test func wrongKindsAreReported() throws {
        var reader = try Self.reader("naam: [a]\ntaken:\n  a: 1\nlos: enkel\nleeg:\n")
        #expect(reader.text("naam") == nil)
        #expect(reader.sequence("taken").isEmpty)
        #expect(reader.sequence("los").count == 1, "a single value is a list of one")
        #expect(reader.sequence("leeg").isEmpty)
        #expect(reader.problems.map(\.id) == ["D212", "D213"])
        #expect(reader.problems.first?.message == "'naam' moet een tekst zijn, maar dit is een lijst")
    }

    @Test func aReaderOfSomethingElseThanAMappingSaysSo() throws {
        let reader = try Self.reader("- a\n- b\n")
        #expect(reader.problems.map(\.id) == ["D210"])
        #expect(reader.problems.first?.message == "een fase moet een object met sleutels zijn, maar dit is een lijst")
    }
}
