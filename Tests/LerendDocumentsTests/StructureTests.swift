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
}

/// Ids stay unique when their content is repeated.
@Suite struct RepeatedIdentifierTests {
    static let data = StructureTests.data

    static func values(of attribute: String, in xml: String) -> [String] {
        let pattern = try! Regex(" \(attribute)=\"([^\"]*)\"")
        return xml.matches(of: pattern).map { String($0.output[1].substring!) }
    }

    @Test func odfListIdsAndBookmarksAreRenumberedPerRepetition() throws {
        let template = try TestPackage.odt(
            body: """
                <text:list xml:id="buiten"><text:list-item><text:p>Voor</text:p></text:list-item></text:list>\
                <text:p>{% for x in lijst %}</text:p>\
                <text:list xml:id="lijst1"><text:list-item><text:p xml:id="p1"><text:bookmark text:name="naam"/>{{ x.naam }}</text:p></text:list-item></text:list>\
                <text:p><text:bookmark-start text:name="rol"/>{{ x.rol }}<text:bookmark-end text:name="rol"/></text:p>\
                <text:list text:continue-list="lijst1"><text:list-item><text:p>vervolg</text:p></text:list-item></text:list>\
                <text:list text:continue-list="buiten"><text:list-item><text:p>buiten</text:p></text:list-item></text:list>\
                <text:p>{% endfor %}</text:p>
                """)
        let rendered = try TestPackage.render(template, Self.data)
        StructureTests.keep(rendered, as: "ids.odt")
        let body = try TestPackage.odfBody(of: rendered)
        #expect(Self.values(of: "xml:id", in: body) == ["buiten", "lijst1", "p1", "lijst1_1", "p1_1"])
        #expect(Self.values(of: "text:continue-list", in: body) == ["lijst1", "buiten", "lijst1_1", "buiten"])
        #expect(Self.values(of: "text:name", in: body) == ["naam", "rol", "rol", "naam_1", "rol_1", "rol_1"])
    }

    @Test func wordParagraphIdsBookmarksAndDrawingIdsAreRenumbered() throws {
        let w14 = "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\""
        let wp = "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
        let template = try TestPackage.docx(
            body: """
                <w:p><w:r><w:t>{% for x in lijst %}</w:t></w:r></w:p>\
                <w:p \(w14) w14:paraId="1A2B3C4D" w14:textId="77EE0001"><w:bookmarkStart w:id="0" w:name="naam"/>\
                <w:r><w:t>{{ x.naam }}</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>\
                <w:p><w:r><w:t>{% for y in lijst %}</w:t></w:r></w:p>\
                <w:p><w:r><w:drawing><wp:inline \(wp)><wp:extent cx="1" cy="1"/><wp:docPr id="1" name="Afbeelding 1"/></wp:inline></w:drawing></w:r></w:p>\
                <w:p><w:r><w:t>{% endfor %}</w:t></w:r></w:p>\
                <w:p><w:r><w:t>{% endfor %}</w:t></w:r></w:p>
                """)
        let rendered = try TestPackage.render(template, Self.data)
        StructureTests.keep(rendered, as: "ids.docx")
        let body = try TestPackage.wordBody(of: rendered)
        let paraIds = Self.values(of: "w14:paraId", in: body)
        #expect(paraIds.count == 2 && Set(paraIds).count == 2 && paraIds[0] == "1A2B3C4D")
        for id in paraIds {
            #expect(id.count == 8)
            #expect(try #require(UInt32(id, radix: 16)) < 0x8000_0000)
        }
        #expect(Set(Self.values(of: "w14:textId", in: body)).count == 2)
        let starts = body.matches(of: /<w:bookmarkStart w:id="(\d+)" w:name="([^"]*)"/).map {
            (String($0.output.1), String($0.output.2))
        }
        let ends = body.matches(of: /<w:bookmarkEnd w:id="(\d+)"/).map { String($0.output.1) }
        #expect(starts.map(\.0) == ends)
        #expect(Set(ends).count == 2 && ends[0] == "0")
        #expect(starts.count == 2 && starts[0].1 == "naam" && starts[1].1.hasPrefix("naam_"))
        // Two by two drawings: four ids, the first one the template's.
        let drawings = Self.values(of: "id", in: body.replacingOccurrences(of: "w:id", with: "w_id"))
        #expect(drawings.count == 4 && Set(drawings).count == 4 && drawings[0] == "1")
    }
}

/// A paragraph of control tags with a page, column or section break keeps the break.
@Suite struct BreakTests {
    static let data = StructureTests.data
    static let pageBreak = "<w:r><w:br w:type=\"page\"/></w:r>"

    static func paragraphs(_ body: String) -> [String] {
        body.matches(of: /<w:p>.*?<\/w:p>|<w:p\/>/).map { String($0.output) }
    }

    @Test func pageBreakAfterTheClosingTagStaysOnceAfterTheLoop() throws {
        let template = try TestPackage.docx(
            body: ScopeTests.paragraph("Voor") + ScopeTests.paragraph("{% for x in lijst %}")
                + ScopeTests.paragraph("{{ x.naam }}")
                + "<w:p><w:r><w:t>{% endfor %}</w:t></w:r>\(Self.pageBreak)</w:p>" + ScopeTests.paragraph("Na"))
        let rendered = try TestPackage.render(template, Self.data)
        StructureTests.keep(rendered, as: "pagina-einde.docx")
        let body = try TestPackage.wordBody(of: rendered)
        #expect(
            Self.paragraphs(body) == [
                ScopeTests.paragraph("Voor"), ScopeTests.filledParagraph("Anna"), ScopeTests.filledParagraph("Bo"),
                "<w:p>\(Self.pageBreak)</w:p>", ScopeTests.paragraph("Na"),
            ])
    }

    @Test func columnBreakBeforeTheClosingTagIsRepeated() throws {
        let template = try TestPackage.docx(
            body: ScopeTests.paragraph("{% for x in lijst %}") + ScopeTests.paragraph("{{ x.naam }}")
                + "<w:p><w:r><w:br w:type=\"column\"/></w:r><w:r><w:t>{% endfor %}</w:t></w:r></w:p>")
        let body = try TestPackage.wordBody(of: TestPackage.render(template, Self.data))
        let columnBreak = "<w:p><w:r><w:br w:type=\"column\"/></w:r></w:p>"
        #expect(
            Self.paragraphs(body) == [
                ScopeTests.filledParagraph("Anna"), columnBreak, ScopeTests.filledParagraph("Bo"), columnBreak,
            ])
    }

    @Test func sectionBreakInTheTagParagraphStays() throws {
        let section = "<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/></w:sectPr>"
        let template = try TestPackage.docx(
            body: ScopeTests.paragraph("{% if lijst %}") + ScopeTests.paragraph("Breed")
                + "<w:p><w:pPr>\(section)</w:pPr><w:r><w:t>{% endif %}</w:t></w:r></w:p>" + ScopeTests.paragraph("Staand"))
        let rendered = try TestPackage.render(template, Self.data)
        StructureTests.keep(rendered, as: "sectie-einde.docx")
        let document = try TestPackage.part("word/document.xml", of: rendered)
        #expect(
            document.contains(
                "<w:body>" + ScopeTests.paragraph("Breed") + "<w:p><w:pPr>\(section)</w:pPr></w:p>"
                    + ScopeTests.paragraph("Staand")))
    }

    @Test func aBreakBetweenTwoTagsKeepsTheParagraphAsText() throws {
        let template = try TestPackage.docx(
            body: "<w:p><w:r><w:t>{% if lijst %}</w:t></w:r>\(Self.pageBreak)<w:r><w:t>{% endif %}</w:t></w:r></w:p>")
        let body = try TestPackage.wordBody(of: TestPackage.render(template, Self.data))
        #expect(body.contains(Self.pageBreak))
    }

    @Test(arguments: ["break-before", "break-after"])
    func odfParagraphWithABreakingStyleStays(_ property: String) throws {
        let base = try TestPackage.odt(
            body: "<text:p>Voor</text:p><text:p text:style-name=\"P9\">{% for x in lijst %}</text:p><text:p>{{ x.naam }}</text:p>"
                + "<text:p>{% endfor %}</text:p><text:p>Na</text:p>")
        let content = try TestPackage.part("content.xml", of: base).replacingOccurrences(
            of: "<office:body>",
            with: """
                <office:automatic-styles><style:style style:name="P9" style:family="paragraph">\
                <style:paragraph-properties fo:\(property)="page"/></style:style></office:automatic-styles><office:body>
                """)
        let template = try TestPackage.replacing(["content.xml": content], in: base)
        let rendered = try TestPackage.render(template, Self.data)
        StructureTests.keep(rendered, as: "\(property).odt")
        let body = try TestPackage.odfBody(of: rendered)
        // Before the page: the paragraph stays before the loop; after: in the loop, once
        // per item, as the opening tag's paragraph ends after the tag.
        let kept = "<text:p text:style-name=\"P9\"></text:p>"
        let expected =
            property == "break-before"
            ? "<text:p>Voor</text:p>\(kept)<text:p>Anna</text:p><text:p>Bo</text:p><text:p>Na</text:p>"
            : "<text:p>Voor</text:p>\(kept)<text:p>Anna</text:p>\(kept)<text:p>Bo</text:p><text:p>Na</text:p>"
        #expect(body == expected)
    }
}

/// Jinja's whitespace control and comments that remove their paragraph or row.
@Suite struct WhitespaceControlTests {
    static let data: Value = ["naam": "Anna", "lijst": StructureTests.data["lijst"]!]

    @Test func wordTrimsTheWhiteSpaceNextToATag() throws {
        let template = try TestPackage.docx(
            body: "<w:p><w:r><w:t xml:space=\"preserve\">Hallo  {{- naam -}}  !</w:t></w:r></w:p>"
                + "<w:p><w:r><w:t xml:space=\"preserve\">{% for x in lijst %}{{ x.naam }}, </w:t></w:r>"
                + "<w:r><w:t xml:space=\"preserve\"> {%- endfor %} klaar</w:t></w:r></w:p>")
        let rendered = try TestPackage.render(template, Self.data)
        StructureTests.keep(rendered, as: "witruimte.docx")
        let texts = StructureTests.texts(try TestPackage.wordBody(of: rendered))
        #expect(texts.joined(separator: "|") == "HalloAnna!|Anna,|Bo,| klaar")
    }

    @Test func odfTrimsSpacesWrittenAsElements() throws {
        let template = try TestPackage.odt(
            body: "<text:p>Hallo <text:s text:c=\"2\"/>{{- naam }} en <text:span>{{ naam -}}</text:span> <text:s/>!</text:p>")
        let rendered = try TestPackage.render(template, Self.data)
        StructureTests.keep(rendered, as: "witruimte.odt")
        let body = try TestPackage.odfBody(of: rendered)
        #expect(body == "<text:p>HalloAnna en <text:span>Anna</text:span>!</text:p>")
    }

    @Test func aTrimmedControlTagKeepsItsScope() throws {
        let template = try TestPackage.docx(
            body: "<w:tbl>" + StructureTests.wordRow("{%- tr for x in lijst -%}") + StructureTests.wordRow("{{ x.naam }}")
                + StructureTests.wordRow("{%- tr endfor %}") + "</w:tbl>")
        let body = try TestPackage.wordBody(of: TestPackage.render(template, Self.data))
        #expect(StructureTests.count("<w:tr>", in: body) == 2)
    }

    @Test func scopedCommentsRemoveTheirParagraphAndRow() throws {
        let word = try TestPackage.docx(
            body: ScopeTests.paragraph("Voor") + ScopeTests.paragraph("Let op: {#p alleen voor de schrijver #}")
                + "<w:tbl>" + StructureTests.wordRow("Kop") + StructureTests.wordRow("uitleg {#tr deze rij gaat weg #}", "meer")
                + "</w:tbl>" + ScopeTests.paragraph("Na {# gewone opmerking #}"))
        let rendered = try TestPackage.render(word, Self.data)
        StructureTests.keep(rendered, as: "opmerkingen.docx")
        let body = try TestPackage.wordBody(of: rendered)
        #expect(StructureTests.texts(body) == ["Voor", "Kop", "Na "])
        #expect(StructureTests.count("<w:tr>", in: body) == 1)

        let odf = try TestPackage.odt(
            body: "<text:p>Voor</text:p><text:p>{#p weg #}Let op</text:p><table:table table:name=\"T\"><table:table-column/>"
                + StructureTests.odfRow("Kop") + StructureTests.odfRow("{#tr weg #}") + "</table:table>")
        let odfRendered = try TestPackage.render(odf, Self.data)
        StructureTests.keep(odfRendered, as: "opmerkingen.odt")
        #expect(
            try TestPackage.odfBody(of: odfRendered)
                == "<text:p>Voor</text:p><table:table table:name=\"T\"><table:table-column/>" + StructureTests.odfRow("Kop")
                + "</table:table>")
    }

    @Test func aParagraphCommentNextToOtherTagsIsRefused() throws {
        let template = try TestPackage.docx(body: ScopeTests.paragraph("{{ naam }} {#p weg #}"))
        let errors = try #require(TestPackage.compileErrors(template))
        #expect(errors.contains("fout[T110]: {#p ... #} haalt deze alinea helemaal weg"))
    }
}

/// Tags in the document's properties and in the fields that show them.
@Suite struct DocumentPropertyTests {
    static let data: Value = ["titel": "Netwerkdag", "onderwerp": "Uitnodiging & agenda", "regio": "Noord"]

    @Test func wordCoreAndCustomPropertiesAndDocPropertyFieldsAreFilled() throws {
        let base = try TestPackage.docx(
            body: "<w:p><w:fldSimple w:instr=\" DOCPROPERTY Regio \"><w:r><w:t>{{ regio }}</w:t></w:r></w:fldSimple></w:p>"
                + "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TITLE </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>{{ titel }}</w:t></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>")
        var core = try TestPackage.part("docProps/core.xml", of: base)
        core = core.replacingOccurrences(
            of: "<dc:title>Uitnodiging bijeenkomst lerend netwerk</dc:title>", with: "<dc:title>{{ titel }}</dc:title>")
        core = core.replacingOccurrences(
            of: "<dc:subject></dc:subject>", with: "<dc:subject>{{ onderwerp }} ({{ regio }})</dc:subject>")
        let custom = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" \
            xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
            <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Regio"><vt:lpwstr>{{ regio }}</vt:lpwstr></property></Properties>
            """
        let types = try TestPackage.part("[Content_Types].xml", of: base).replacingOccurrences(
            of: "</Types>",
            with:
                #"<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>"#
        )
        let relationships = try TestPackage.part("_rels/.rels", of: base).replacingOccurrences(
            of: "</Relationships>",
            with:
                #"<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>"#
        )
        let template = try TestPackage.replacing(
            ["docProps/core.xml": core, "[Content_Types].xml": types, "_rels/.rels": relationships],
            adding: ["docProps/custom.xml": custom],
            in: base)
        let rendered = try TestPackage.render(template, Self.data)
        StructureTests.keep(rendered, as: "eigenschappen.docx")
        let renderedCore = try TestPackage.part("docProps/core.xml", of: rendered)
        #expect(renderedCore.contains("<dc:title>Netwerkdag</dc:title>"))
        #expect(renderedCore.contains("<dc:subject>Uitnodiging &amp; agenda (Noord)</dc:subject>"))
        #expect(try TestPackage.part("docProps/custom.xml", of: rendered).contains("<vt:lpwstr>Noord</vt:lpwstr>"))
        let texts = StructureTests.texts(try TestPackage.wordBody(of: rendered))
        #expect(texts == ["Noord", "Netwerkdag"])
    }

    @Test func odfMetaAndPropertyFieldsAreFilled() throws {
        let base = try TestPackage.odt(
            body:
                "<text:p>Titel: <text:title>{{ titel }}</text:title>, <text:user-defined text:name=\"Regio\">{{ regio }}</text:user-defined></text:p>"
        )
        var meta = try TestPackage.part("meta.xml", of: base)
        meta = meta.replacingOccurrences(
            of: "<dc:title>Uitnodiging bijeenkomst lerend netwerk</dc:title>",
            with: "<dc:title>{{ titel }}</dc:title><dc:subject>{{ onderwerp }}</dc:subject>"
                + "<meta:user-defined meta:name=\"Regio\">{{ regio }}</meta:user-defined>")
        let template = try TestPackage.replacing(["meta.xml": meta], in: base)
        let rendered = try TestPackage.render(template, Self.data)
        StructureTests.keep(rendered, as: "eigenschappen.odt")
        let renderedMeta = try TestPackage.part("meta.xml", of: rendered)
        #expect(renderedMeta.contains("<dc:title>Netwerkdag</dc:title><dc:subject>Uitnodiging &amp; agenda</dc:subject>"))
        #expect(renderedMeta.contains("<meta:user-defined meta:name=\"Regio\">Noord</meta:user-defined>"))
        #expect(
            try TestPackage.odfBody(of: rendered)
                == "<text:p>Titel: <text:title>Netwerkdag</text:title>, <text:user-defined text:name=\"Regio\">Noord</text:user-defined></text:p>"
        )
    }

    @Test func aBlockAcrossTwoPropertiesIsRefused() throws {
        let base = try TestPackage.odt(body: "<text:p>{{ titel }}</text:p>")
        let meta = try TestPackage.part("meta.xml", of: base).replacingOccurrences(
            of: "<dc:title>Uitnodiging bijeenkomst lerend netwerk</dc:title>",
            with: "<dc:title>{% if titel %}</dc:title><dc:subject>{% endif %}</dc:subject>")
        let errors = try #require(
            TestPackage.compileErrors(TestPackage.replacing(["meta.xml": meta], in: base), name: "test.odt"))
        #expect(errors.contains("test.odt (documenteigenschappen, eigenschap 'title'): fout[T109]"))
    }
}

extension StructureTests {
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
