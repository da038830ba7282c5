import Foundation
import LerendExpressions
import Testing

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
