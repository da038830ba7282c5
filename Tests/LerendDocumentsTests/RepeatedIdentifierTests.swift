import Foundation
import LerendExpressions
import Testing

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
        // Every xml:id in the whole part is unique.
        let all = Self.values(of: "xml:id", in: try TestPackage.part("content.xml", of: rendered))
        #expect(Set(all).count == all.count)
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
