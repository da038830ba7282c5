import LerendDiagnostics
import LerendDocuments
import LerendExpressions
import Testing

/// `--allow-missing` (`MissingValuePolicy.empty`): a place whose value is missing stays
/// empty, also when the value goes through a filter; without it, the place is an error
/// that names the path.
@Suite struct AllowMissingTests {
    static func paragraph(_ text: String) -> String { "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>" }

    static func filters() throws -> DocumentTemplate {
        let body = paragraph("Op [{{ bijeenkomst.datum | datum('lang') }}] om [{{ bijeenkomst.begintijd | tijd }}].")
        return try DocumentTemplate(bytes: TestPackage.docx(body: body), name: "agenda.docx")
    }

    static func render(
        _ template: DocumentTemplate, _ data: Value, _ policy: MissingValuePolicy
    ) throws(DiagnosticList) -> [UInt8] {
        try DocumentRenderer(template: template).render(data, options: RenderOptions(missingValues: policy))
    }

    @Test(arguments: ["agenda.odt", "agenda.docx"])
    func agendaRendersFromEmptyDataWhenMissingValuesPrintEmpty(name: String) throws {
        let template = try DocumentTemplate(path: TestPackage.templatePath(name))
        let document = try Self.render(template, [:], .empty)
        let xml = try TestPackage.part(name.hasSuffix(".odt") ? "content.xml" : "word/document.xml", of: document)
        #expect(!xml.contains("{{") && !xml.contains("{%"), "no tag is left")
    }

    @Test func agendaFromEmptyDataIsStillAnErrorByDefault() throws {
        let template = try DocumentTemplate(path: TestPackage.templatePath("agenda.odt"))
        let error = try #require(throws: DiagnosticList.self) { try Self.render(template, [:], .error) }
        #expect(!error.diagnostics.isEmpty)
        #expect(error.diagnostics.allSatisfy { $0.id == "E201" })
    }

    @Test func aFilterOnAMissingValueLeavesItsPlaceEmpty() throws {
        let document = try Self.render(Self.filters(), ["bijeenkomst": [:]], .empty)
        #expect(try TestPackage.wordBody(of: document).contains(">Op [] om [].</w:t>"))
    }

    @Test func aFilterOnAnEmptyValueLeavesItsPlaceEmpty() throws {
        let document = try Self.render(Self.filters(), ["bijeenkomst": ["datum": .null, "begintijd": .null]], .empty)
        #expect(try TestPackage.wordBody(of: document).contains(">Op [] om [].</w:t>"))
    }

    @Test func aFilterOnAMissingValueIsAnErrorNamingThePathByDefault() throws {
        let error = try #require(throws: DiagnosticList.self) {
            try Self.render(Self.filters(), ["bijeenkomst": ["thema": "Samen eten"]], .error)
        }
        #expect(error.diagnostics.map(\.id) == ["E201", "E201"])
        #expect(
            error.diagnostics.map(\.message) == [
                "'bijeenkomst.datum' ontbreekt: 'bijeenkomst' heeft geen veld 'datum'",
                "'bijeenkomst.begintijd' ontbreekt: 'bijeenkomst' heeft geen veld 'begintijd'",
            ])
    }

    @Test func aValueOfTheWrongKindIsStillAnErrorWhenMissingValuesPrintEmpty() throws {
        let error = try #require(throws: DiagnosticList.self) {
            try Self.render(Self.filters(), ["bijeenkomst": ["datum": "morgen", "begintijd": "straks"]], .empty)
        }
        #expect(error.diagnostics.map(\.id) == ["E202", "E202"])
        #expect(error.diagnostics.first?.message == "'datum' verwacht een datum (JJJJ-MM-DD), maar kreeg tekst")
    }
}
