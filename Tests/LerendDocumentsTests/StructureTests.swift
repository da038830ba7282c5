import Foundation
import LerendExpressions
import Testing

/// The structures real authors make in Word and LibreOffice (issue 11): rows of nothing
/// but a loop's tag, content controls, breaks next to tags, repeated identifiers.
@Suite struct StructureTests {
    static let data: Value = [
        "lijst": [["naam": "Anna", "rol": "voorzitter"], ["naam": "Bo", "rol": "lid"]]
    ]

    /// Keeps a rendered document for a look by hand (`check-document --batch`) when
    /// `LEREND_STRUCTURE_OUTPUT` names a folder.
    static func keep(_ bytes: [UInt8], as name: String) {
        guard let folder = ProcessInfo.processInfo.environment["LEREND_STRUCTURE_OUTPUT"] else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? Data(bytes).write(to: URL(filePath: folder).appending(path: name))
    }

    static func wordCell(_ text: String) -> String { "<w:tc><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>" }
    static func wordRow(_ cells: String...) -> String { "<w:tr>" + cells.map(wordCell).joined() + "</w:tr>" }
    static func odfCell(_ text: String) -> String { "<table:table-cell><text:p>\(text)</text:p></table:table-cell>" }
    static func odfRow(_ cells: String...) -> String { "<table:table-row>" + cells.map(odfCell).joined() + "</table:table-row>" }

    /// The text of every `w:t` or `text:p`, in order.
    static func texts(_ xml: String) -> [String] {
        let pattern = /<(?:w:t|text:p)(?: [^>]*)?>([^<]*)</
        return xml.matches(of: pattern).map { String($0.output.1) }
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    // MARK: - Rows of nothing but a loop's tag

    @Test(arguments: ["{%tr for x in lijst %}", "{% for x in lijst %}"])
    func wordRowsOfOnlyTheLoopTagsDisappear(_ open: String) throws {
        let close = open.hasPrefix("{%tr") ? "{%tr endfor %}" : "{% endfor %}"
        let template = try TestPackage.docx(
            body: "<w:tbl>" + Self.wordRow("Naam", "Rol") + Self.wordRow(open, "") + Self.wordRow("{{ x.naam }}", "{{ x.rol }}")
                + Self.wordRow(close, "") + Self.wordRow("Einde", "") + "</w:tbl>")
        let rendered = try TestPackage.render(template, Self.data)
        Self.keep(rendered, as: open.hasPrefix("{%tr") ? "rijen-tr.docx" : "rijen.docx")
        let body = try TestPackage.wordBody(of: rendered)
        #expect(Self.count("<w:tr>", in: body) == 4)
        #expect(Self.texts(body) == ["Naam", "Rol", "Anna", "voorzitter", "Bo", "lid", "Einde"])
    }

    @Test(arguments: ["{%tr for x in lijst %}", "{% for x in lijst %}"])
    func odfRowsOfOnlyTheLoopTagsDisappear(_ open: String) throws {
        let close = open.hasPrefix("{%tr") ? "{%tr endfor %}" : "{% endfor %}"
        let template = try TestPackage.odt(
            body: "<table:table table:name=\"T\"><table:table-column table:number-columns-repeated=\"2\"/>"
                + Self.odfRow("Naam", "Rol") + Self.odfRow(open, "") + Self.odfRow("{{ x.naam }}", "{{ x.rol }}")
                + Self.odfRow(close, "") + "</table:table>")
        let rendered = try TestPackage.render(template, Self.data)
        Self.keep(rendered, as: open.hasPrefix("{%tr") ? "rijen-tr.odt" : "rijen.odt")
        let body = try TestPackage.odfBody(of: rendered)
        #expect(
            body.hasSuffix(
                Self.odfRow("Naam", "Rol") + Self.odfRow("Anna", "voorzitter") + Self.odfRow("Bo", "lid") + "</table:table>"))
        #expect(Self.count("<table:table-row>", in: body) == 3)
    }

    /// As Word writes it: row and cell properties, paragraph properties, the tag split
    /// over runs by the spelling check.
    @Test func wordRowWithPropertiesAndASplitTagDisappears() throws {
        let cell = { (runs: String) in
            "<w:tc><w:tcPr><w:tcW w:w=\"4508\" w:type=\"dxa\"/></w:tcPr><w:p w:rsidR=\"00A1\"><w:pPr><w:spacing w:after=\"0\"/></w:pPr>\(runs)</w:p></w:tc>"
        }
        let row = { (cells: String) in
            "<w:tr w:rsidR=\"00A1\"><w:tblPrEx><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPrEx><w:trPr><w:cantSplit/></w:trPr>\(cells)</w:tr>"
        }
        let split =
            "<w:r><w:t>{%tr for x in </w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:rPr><w:b/></w:rPr><w:t>lijst</w:t></w:r><w:proofErr w:type=\"spellEnd\"/><w:r><w:t xml:space=\"preserve\"> %}</w:t></w:r>"
        let template = try TestPackage.docx(
            body:
                "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"4508\"/><w:gridCol w:w=\"4508\"/></w:tblGrid>"
                + row(cell(split) + cell(""))
                + row(cell("<w:r><w:t>{{ x.naam }}</w:t></w:r>") + cell("<w:r><w:t>{{ x.rol }}</w:t></w:r>"))
                + row(
                    cell("<w:r><w:t>{%tr endfor %}</w:t></w:r>")
                        + cell("<w:bookmarkStart w:id=\"3\" w:name=\"eind\"/><w:bookmarkEnd w:id=\"3\"/>"))
                + "</w:tbl>")
        let rendered = try TestPackage.render(template, Self.data)
        Self.keep(rendered, as: "rijen-word.docx")
        let body = try TestPackage.wordBody(of: rendered)
        #expect(Self.count("<w:tr ", in: body) == 2)
        #expect(Self.texts(body) == ["Anna", "voorzitter", "Bo", "lid"])
    }

    @Test func nestedRowLoopsOfOnlyTags() throws {
        let data: Value = ["groepen": [["naam": "Noord", "leden": ["Anna", "Bo"]], ["naam": "Zuid", "leden": ["Cas"]]]]
        let template = try TestPackage.odt(
            body: "<table:table table:name=\"T\"><table:table-column/>" + Self.odfRow("{% for g in groepen %}")
                + Self.odfRow("{{ g.naam }}") + Self.odfRow("{%tr for x in g.leden %}") + Self.odfRow("– {{ x }}")
                + Self.odfRow("{%tr endfor %}") + Self.odfRow("{% endfor %}") + "</table:table>")
        let rendered = try TestPackage.render(template, data)
        Self.keep(rendered, as: "rijen-genest.odt")
        let body = try TestPackage.odfBody(of: rendered)
        #expect(Self.texts(body) == ["Noord", "– Anna", "– Bo", "Zuid", "– Cas"])
        #expect(Self.count("<table:table-row>", in: body) == 5)
    }

    @Test func aRowWithTheTagAndTextStays() throws {
        let template = try TestPackage.docx(
            body: "<w:tbl>" + Self.wordRow("{%tr for x in lijst %}", "kop") + Self.wordRow("{{ x.naam }}", "")
                + Self.wordRow("{%tr endfor %}", "") + "</w:tbl>")
        let body = try TestPackage.wordBody(of: TestPackage.render(template, Self.data))
        // The first row has text besides the tag: it is repeated with the others.
        #expect(Self.count("<w:tr>", in: body) == 4)
        #expect(Self.texts(body).filter { !$0.isEmpty } == ["kop", "Anna", "kop", "Bo"])
    }

    @Test func aPlainLoopFromARowWithTextToAnotherRowIsStillRefused() throws {
        let template = try TestPackage.docx(
            body: "<w:tbl>" + Self.wordRow("{% for x in lijst %} tekst", "") + Self.wordRow("{% endfor %}", "") + "</w:tbl>")
        let errors = try #require(TestPackage.compileErrors(template))
        #expect(errors.contains("T108"))
    }

    // MARK: - Content controls

    @Test func contentControlAroundACellIsTransparent() throws {
        let control = { (inner: String) in
            "<w:sdt><w:sdtPr><w:alias w:val=\"Naam\"/></w:sdtPr><w:sdtContent>\(inner)</w:sdtContent></w:sdt>"
        }
        let template = try TestPackage.docx(
            body: "<w:tbl><w:tr>" + control(Self.wordCell("{% for x in lijst %}{{ x.naam }}"))
                + Self.wordCell("{{ x.rol }}{% endfor %}")
                + "</w:tr></w:tbl>")
        let rendered = try TestPackage.render(template, Self.data)
        Self.keep(rendered, as: "sdt-cel.docx")
        let body = try TestPackage.wordBody(of: rendered)
        #expect(Self.count("<w:tr>", in: body) == 2)
        #expect(Self.count("<w:sdt>", in: body) == 2)
        #expect(Self.texts(body) == ["Anna", "voorzitter", "Bo", "lid"])
    }

    @Test func anErrorInACellOfAContentControlNamesItsColumn() throws {
        let template = try TestPackage.docx(
            body: "<w:tbl><w:tr>" + Self.wordCell("a") + "<w:sdt><w:sdtPr/><w:sdtContent>" + Self.wordCell("{{ naam ")
                + "</w:sdtContent></w:sdt></w:tr></w:tbl>")
        let errors = try #require(TestPackage.compileErrors(template))
        #expect(errors.contains("(hoofdtekst, tabel 1, rij 1, kolom 2): fout[T105]"))
    }

    @Test func contentControlAroundARowIsTransparent() throws {
        let control = { (inner: String) in "<w:sdt><w:sdtPr/><w:sdtContent>\(inner)</w:sdtContent></w:sdt>" }
        let template = try TestPackage.docx(
            body: "<w:tbl>" + control(Self.wordRow("{%tr for x in lijst %}", "")) + Self.wordRow("{{ x.naam }}", "")
                + control(Self.wordRow("{%tr endfor %}", "")) + "</w:tbl>")
        let rendered = try TestPackage.render(template, Self.data)
        Self.keep(rendered, as: "sdt-rij.docx")
        let body = try TestPackage.wordBody(of: rendered)
        // The rows of the tags go with the controls around them.
        #expect(Self.count("<w:sdt>", in: body) == 0)
        #expect(Self.texts(body).filter { !$0.isEmpty } == ["Anna", "Bo"])
    }

    @Test func contentControlAroundAParagraphIsTransparent() throws {
        let control = { (inner: String) in "<w:sdt><w:sdtPr/><w:sdtContent>\(inner)</w:sdtContent></w:sdt>" }
        let template = try TestPackage.docx(
            body: control(ScopeTests.paragraph("{% for x in lijst %}")) + ScopeTests.paragraph("{{ x.naam }}")
                + ScopeTests.paragraph("{% endfor %}"))
        let rendered = try TestPackage.render(template, Self.data)
        Self.keep(rendered, as: "sdt-alinea.docx")
        let body = try TestPackage.wordBody(of: rendered)
        #expect(body == ScopeTests.filledParagraph("Anna") + ScopeTests.filledParagraph("Bo"))
    }

    @Test func contentControlAroundARunIsTransparent() throws {
        let template = try TestPackage.docx(
            body:
                "<w:p><w:r><w:t>{% for x in lijst %}</w:t></w:r><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>{{ x.naam }} </w:t></w:r>"
                + "</w:sdtContent></w:sdt><w:r><w:t>{% endfor %}</w:t></w:r></w:p>")
        let rendered = try TestPackage.render(template, Self.data)
        Self.keep(rendered, as: "sdt-run.docx")
        let body = try TestPackage.wordBody(of: rendered)
        #expect(Self.texts(body).joined() == "Anna Bo ")
        #expect(Self.count("<w:sdt>", in: body) == 2)
    }

    @Test func aCellKeepsItsLastParagraphInsideAContentControl() throws {
        let control = { (inner: String) in "<w:sdt><w:sdtPr/><w:sdtContent>\(inner)</w:sdtContent></w:sdt>" }
        let template = try TestPackage.docx(
            body: "<w:tbl><w:tr><w:tc>" + control(ScopeTests.paragraph("{% for x in lijst %}"))
                + ScopeTests.paragraph("{{ x.naam }}")
                + control(ScopeTests.paragraph("{% endfor %}")) + "</w:tc></w:tr></w:tbl>")
        let rendered = try TestPackage.render(template, Self.data)
        Self.keep(rendered, as: "sdt-cel-alinea.docx")
        let body = try TestPackage.wordBody(of: rendered)
        #expect(
            body == "<w:tbl><w:tr><w:tc>" + ScopeTests.filledParagraph("Anna") + ScopeTests.filledParagraph("Bo")
                + control("<w:p></w:p>") + "</w:tc></w:tr></w:tbl>")
    }
}
