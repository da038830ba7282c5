import LerendData
import LerendExpressions
import Testing

/// Unquoted scalars mean what a person writing the file means; quoted ones stay text.
@Suite struct ScalarTests {
    static func value(_ text: String) throws -> Value? {
        try DataFile.parse("waarde: \(text)\n", path: "gegevens.yaml").value.value(atPath: "waarde")
    }

    @Test(arguments: [
        ("12", Value.int(12)), ("0", .int(0)), ("-7", .int(-7)), ("+5", .string("+5")),
        ("0612345678", .string("0612345678")), ("+31612345678", .string("+31612345678")), ("007", .string("007")),
        ("1234AB", .string("1234AB")), ("99999999999999999999", .string("99999999999999999999")),
        ("\"12\"", .string("12")), ("'12'", .string("12")),
        ("2.5", .double(2.5)), ("-0.5", .double(-0.5)), ("2,5", .string("2,5")), ("1.2.3", .string("1.2.3")),
        ("1e3", .string("1e3")), (".inf", .string(".inf")), ("0x1F", .string("0x1F")),
        ("2024-03-14", .date(LocalDate(year: 2024, month: 3, day: 14)!)), ("\"2024-03-14\"", .string("2024-03-14")),
        ("2024-02-29", .date(LocalDate(year: 2024, month: 2, day: 29)!)),
        ("2024-02-30", .string("2024-02-30")), ("2023-02-29", .string("2023-02-29")), ("2024-13-01", .string("2024-13-01")),
        ("14-03-2024", .string("14-03-2024")), ("2024-03-14 10:00", .string("2024-03-14 10:00")),
        ("13:30", .time(LocalTime(hour: 13, minute: 30)!)), ("9:05", .time(LocalTime(hour: 9, minute: 5)!)),
        ("'13:30'", .string("13:30")), ("25:00", .string("25:00")), ("13.30", .double(13.3)), ("1:30:00", .string("1:30:00")),
        ("true", .bool(true)), ("True", .bool(true)), ("false", .bool(false)), ("FALSE", .bool(false)),
        ("yes", .string("yes")), ("nee", .string("nee")), ("on", .string("on")), ("'true'", .string("true")),
        ("", .null), ("~", .null), ("null", .null), ("NULL", .null), ("''", .string("")), ("\"null\"", .string("null")),
        ("Zorg & co", .string("Zorg & co")), ("De Linde", .string("De Linde")), ("€ 12,50", .string("€ 12,50")),
    ])
    func scalarMeansWhatAPersonWrites(text: String, expected: Value) throws {
        #expect(try Self.value(text) == expected)
    }

    @Test func blockTextsKeepTheirLines() throws {
        let file = try DataFile.parse("tekst: |\n  regel een\n  regel twee\nkort: >\n  een\n  twee\n", path: "g.yaml")
        #expect(file.value.value(atPath: "tekst") == "regel een\nregel twee\n")
        #expect(file.value.value(atPath: "kort") == "een twee\n")
    }

    @Test func aBlockTextThatLooksLikeANumberStaysText() throws {
        let file = try DataFile.parse("code: |-\n  12\n", path: "g.yaml")
        #expect(file.value.value(atPath: "code") == "12")
    }

    @Test func keysStayTextAndKeepTheirOrder() throws {
        let file = try DataFile.parse("2024: jaar\nb: 1\na: 2\n", path: "g.yaml")
        #expect(file.root.keys == ["2024", "b", "a"])
        #expect(file.value == ["2024": "jaar", "b": 1, "a": 2])
        #expect(file.value != ["2024": "jaar", "a": 2, "b": 1], "objects keep the order of the file")
    }

    @Test func kindNamesAreDutch() throws {
        let file = try DataFile.parse("a: 1\nb: [1]\nc: {x: 1}\nd: tekst\ne: 2024-01-01\n", path: "g.yaml")
        #expect(file.root["a"]?.kindName == "geheel getal")
        #expect(file.root["b"]?.kindName == "lijst")
        #expect(file.root["c"]?.kindName == "object (sleutels met waarden)")
        #expect(file.root["d"]?.kindName == "tekst")
        #expect(file.root["e"]?.kindName == "datum")
    }
}
