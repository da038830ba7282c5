import LerendDiagnostics
import LerendDocuments
import LerendExpressions
import Testing

/// What data a template needs, derived from its compiled tags (`lerend sjabloon`).
@Suite struct DataNeedsTests {
    static func paragraph(_ text: String) -> String { "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>" }

    static let template = [
        "Beste {{ deelnemer.naam | hoofdletter }},",
        "{% if netwerk.toon_doel %}{{ netwerk.doel | standaard('') }}{% endif %}",
        "{% for d in deelnemers %}",
        "{{ d.naam }} ({{ d.organisatie.naam }})",
        "{% endfor %}",
        "{{ netwerk.naam }}",
    ].map(paragraph).joined()

    static func needs() throws -> DataNeeds {
        try DocumentTemplate(bytes: TestPackage.docx(body: template), name: "test.docx").dataNeeds
    }

    /// `a`, `a.b`, `a[]`, `a[].b` with remarks, one line per field.
    static func tree(_ fields: [DataNeeds.Field], prefix: String = "") -> [String] {
        fields.flatMap { field -> [String] in
            let path = prefix + field.name + (field.isList ? "[]" : "")
            var remarks: [String] = []
            if field.conditionOnly { remarks.append("voorwaarde") }
            if field.optional { remarks.append("optioneel") }
            let line = path + (remarks.isEmpty ? "" : " (" + remarks.joined(separator: ", ") + ")")
            return [line] + tree(field.children, prefix: path + ".")
        }
    }

    @Test func fieldTreeOfALoopAConditionAndAFilter() throws {
        let needs = try Self.needs()
        #expect(
            Self.tree(needs.fields) == [
                "deelnemer", "deelnemer.naam",
                "netwerk", "netwerk.toon_doel (voorwaarde, optioneel)", "netwerk.doel (optioneel)", "netwerk.naam",
                "deelnemers[]", "deelnemers[].naam", "deelnemers[].organisatie", "deelnemers[].organisatie.naam",
            ])
        #expect(needs.functions.keys.sorted() == ["hoofdletter", "standaard"])
        #expect(needs.functions["hoofdletter"]?.first?.detail == "hoofdtekst, alinea 1")
        #expect(needs.loops.map { "\($0.name) in \($0.iterable) → \($0.listPath ?? "-")" } == ["d in deelnemers → deelnemers"])
        let organisation = try #require(needs.fields.last?.children.last?.children.first)
        #expect(organisation.occurrences.map { $0.place.detail } == ["hoofdtekst, alinea 4"])
    }

    @Test func lambdasReadTheElementsOfTheirList() throws {
        let body = Self.paragraph("{{ leden | filter(l => l.actief) | map(l => l.naam) | opsomming }}")
        let needs = try DocumentTemplate(bytes: TestPackage.docx(body: body), name: "test.docx").dataNeeds
        #expect(Self.tree(needs.fields) == ["leden[]", "leden[].actief", "leden[].naam"])
    }

    @Test func missingFieldsAreLocated() throws {
        let needs = try Self.needs()
        let data: Value = [
            "deelnemer": ["naam": "Anouk"], "netwerk": ["naam": "Zorg"],
            "deelnemers": [["naam": "Joost", "organisatie": ["naam": "Zonnehuis"]], ["naam": "Sanne"]],
        ]
        let missing = needs.missingFields(in: data)
        #expect(missing.map(\.message) == ["'deelnemers[2].organisatie' staat niet in de gegevens"])
        #expect(missing.first?.location?.detail == "hoofdtekst, alinea 4")
        #expect(missing.first?.id == "E201")
        #expect(missing.first?.severity == .error)
    }
}
