import Foundation
import LerendDocuments
import LerendExpressions
import Testing

/// Column loops `{%tc for %}`: the cells of a column in every row, once per element, the
/// grid divided so that the table keeps its width (issue 11).
@Suite struct ColumnLoopTests {
    static func meetings(_ count: Int) -> Value {
        .list((1...max(1, count)).prefix(count).map { ["nummer": .int($0), "datum": .string("\($0) maart")] })
    }

    static func data(meetings count: Int) -> Value {
        ["bijeenkomsten": meetings(count), "deelnemers": [["naam": "Anna"], ["naam": "Bo"]]]
    }

    static let w14 = "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\""

    // MARK: - DOCX, as Word writes a table

    static func wordCell(_ width: Int, _ text: String, id: String? = nil, properties: String = "") -> String {
        let paragraphID = id.map { " \(w14) w14:paraId=\"\($0)\" w14:textId=\"77EE0001\"" } ?? ""
        let run = text.isEmpty ? "" : "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
        return
            "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>\(properties)</w:tcPr><w:p\(paragraphID)><w:pPr><w:spacing w:after=\"0\"/></w:pPr>\(run)</w:p></w:tc>"
    }

    static func wordTable(grid: [Int], rows: [String]) -> String {
        "<w:tbl><w:tblPr><w:tblW w:w=\"\(grid.reduce(0, +))\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
            + grid.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
            + rows.map { "<w:tr><w:trPr><w:cantSplit/></w:trPr>\($0)</w:tr>" }.joined() + "</w:tbl><w:p/>"
    }

    /// Header row with the meetings, a row per participant with a cell per meeting.
    static let wordAttendance = wordTable(
        grid: [3000, 4500, 1500],
        rows: [
            wordCell(3000, "Naam") + wordCell(4500, "{%tc for x in bijeenkomsten %}{{ x.datum }}{%tc endfor %}", id: "1A2B3C01")
                + wordCell(1500, "Paraaf"),
            wordCell(3000, "{%tr for p in deelnemers %}{{ p.naam }}")
                + wordCell(4500, "{{ p.naam }}/{{ x.nummer }}", id: "1A2B3C02") + wordCell(1500, "{%tr endfor %}"),
        ])

    static func values(_ attribute: String, of element: String, in xml: String) -> [String] {
        let pattern = try! Regex("<\(element) [^>]*\(attribute)=\"([^\"]*)\"")
        return xml.matches(of: pattern).map { String($0.output[1].substring!) }
    }

    @Test func wordHeaderAndBodyRowsGetAColumnPerMeeting() throws {
        let rendered = try TestPackage.render(try TestPackage.docx(body: Self.wordAttendance), Self.data(meetings: 3))
        StructureTests.keep(rendered, as: "kolommen.docx")
        let body = try TestPackage.wordBody(of: rendered)
        #expect(
            StructureTests.texts(body) == [
                "Naam", "1 maart", "2 maart", "3 maart", "Paraaf",
                "Anna", "Anna/1", "Anna/2", "Anna/3", "Bo", "Bo/1", "Bo/2", "Bo/3",
            ])
        #expect(StructureTests.count("<w:tc>", in: body) == 15)
        #expect(Self.values("w:w", of: "w:gridCol", in: body) == ["3000", "1500", "1500", "1500", "1500"])
        #expect(
            Self.values("w:w", of: "w:tcW", in: body)
                == Array(repeating: ["3000", "1500", "1500", "1500", "1500"], count: 3).flatMap { $0 })
        #expect(!body.contains("{%"))
        let paraIds = RepeatedIdentifierTests.values(of: "w14:paraId", in: body)
        #expect(paraIds.count == 9 && Set(paraIds).count == 9)
    }

    @Test func wordWidthsAddUpWhenTheyDoNotDivideEvenly() throws {
        let rendered = try TestPackage.render(try TestPackage.docx(body: Self.wordAttendance), Self.data(meetings: 7))
        let body = try TestPackage.wordBody(of: rendered)
        let grid = Self.values("w:w", of: "w:gridCol", in: body).compactMap(Int.init)
        #expect(grid.count == 9)
        #expect(grid.reduce(0, +) == 9000)
        #expect(Array(grid[1...7]) == [643, 643, 643, 643, 643, 643, 642])
    }

    @Test func wordColumnsDisappearWithNoMeetingsAndTheOthersKeepTheWidth() throws {
        let rendered = try TestPackage.render(try TestPackage.docx(body: Self.wordAttendance), Self.data(meetings: 0))
        StructureTests.keep(rendered, as: "kolommen-leeg.docx")
        let body = try TestPackage.wordBody(of: rendered)
        #expect(StructureTests.texts(body) == ["Naam", "Paraaf", "Anna", "Bo"])
        #expect(Self.values("w:w", of: "w:gridCol", in: body) == ["6000", "3000"])
        #expect(Self.values("w:w", of: "w:tcW", in: body) == ["6000", "3000", "6000", "3000", "6000", "3000"])
    }

    /// A header cell spanning two grid columns and the tags in the first and last cell of
    /// the span in the body row.
    @Test func wordSpanOfTwoColumnsWithAMergedHeaderCell() throws {
        let span = "<w:gridSpan w:val=\"2\"/>"
        let template = try TestPackage.docx(
            body: Self.wordTable(
                grid: [3000, 2000, 1000],
                rows: [
                    Self.wordCell(3000, "Naam") + Self.wordCell(3000, "{{ x.datum }}", properties: span),
                    Self.wordCell(3000, "{%tr for p in deelnemers %}{{ p.naam }}")
                        + Self.wordCell(2000, "{%tc for x in bijeenkomsten %}aanwezig")
                        + Self.wordCell(1000, "paraaf{%tc endfor %}{%tr endfor %}"),
                ]))
        let rendered = try TestPackage.render(template, Self.data(meetings: 2))
        StructureTests.keep(rendered, as: "kolommen-span.docx")
        let body = try TestPackage.wordBody(of: rendered)
        #expect(
            StructureTests.texts(body) == [
                "Naam", "1 maart", "2 maart", "Anna", "aanwezig", "paraaf", "aanwezig", "paraaf",
                "Bo", "aanwezig", "paraaf", "aanwezig", "paraaf",
            ])
        #expect(Self.values("w:w", of: "w:gridCol", in: body) == ["3000", "1000", "500", "1000", "500"])
        #expect(StructureTests.count("<w:gridSpan w:val=\"2\"/>", in: body) == 2)
    }

    /// A row loop whose tags stand alone in rows of their own (those rows go): the
    /// column loop leaves them out too.
    @Test func wordRowsOfOnlyARowLoopsTagsGoWithTheirColumns() throws {
        let template = try TestPackage.docx(
            body: Self.wordTable(
                grid: [3000, 3000],
                rows: [
                    Self.wordCell(3000, "Naam")
                        + Self.wordCell(3000, "{%tc for x in bijeenkomsten %}{{ x.nummer }}{%tc endfor %}"),
                    Self.wordCell(3000, "{%tr for p in deelnemers %}") + Self.wordCell(3000, ""),
                    Self.wordCell(3000, "{{ p.naam }}") + Self.wordCell(3000, "{{ x.datum }}"),
                    Self.wordCell(3000, "{%tr endfor %}") + Self.wordCell(3000, ""),
                ]))
        let rendered = try TestPackage.render(template, Self.data(meetings: 2))
        StructureTests.keep(rendered, as: "kolommen-rijen.docx")
        let body = try TestPackage.wordBody(of: rendered)
        #expect(StructureTests.count("<w:tr>", in: body) == 3)
        #expect(StructureTests.texts(body) == ["Naam", "1", "2", "Anna", "1 maart", "2 maart", "Bo", "1 maart", "2 maart"])
    }

    /// The column loop in the row a row loop repeats: every participant's row has a cell per meeting.
    @Test func wordColumnLoopInsideARowLoop() throws {
        let template = try TestPackage.docx(
            body: Self.wordTable(
                grid: [3000, 3000],
                rows: [
                    Self.wordCell(3000, "Naam") + Self.wordCell(3000, "Bijeenkomst"),
                    Self.wordCell(3000, "{%tr for p in deelnemers %}{{ p.naam }}")
                        + Self.wordCell(3000, "{%tc for x in bijeenkomsten %}{{ x.nummer }}{%tc endfor %}{%tr endfor %}"),
                ]))
        let rendered = try TestPackage.render(template, Self.data(meetings: 2))
        StructureTests.keep(rendered, as: "kolommen-in-rij.docx")
        let body = try TestPackage.wordBody(of: rendered)
        #expect(StructureTests.texts(body) == ["Naam", "Bijeenkomst", "Bijeenkomst", "Anna", "1", "2", "Bo", "1", "2"])
        #expect(Self.values("w:w", of: "w:gridCol", in: body) == ["3000", "1500", "1500"])
    }

    // MARK: - ODT, as LibreOffice writes a table

    static func odfTemplate(columns: String, rows: [String], before: String = "", after: String = "") throws -> [UInt8] {
        let content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content \(TestPackage.odfNamespaces) xmlns:xml="http://www.w3.org/XML/1998/namespace" office:version="1.3">\
            <office:automatic-styles>\
            <style:style style:name="Tabel1" style:family="table"><style:table-properties style:width="16cm" table:align="margins"/></style:style>\
            <style:style style:name="Tabel1.A" style:family="table-column"><style:table-column-properties style:column-width="5.3333cm" style:rel-column-width="3000*"/></style:style>\
            <style:style style:name="Tabel1.B" style:family="table-column"><style:table-column-properties style:column-width="8cm" style:rel-column-width="4500*"/></style:style>\
            <style:style style:name="Tabel1.C" style:family="table-column"><style:table-column-properties style:column-width="2.6667cm" style:rel-column-width="1500*"/></style:style>\
            <style:style style:name="Tabel1.A1" style:family="table-cell"><style:table-cell-properties fo:padding="0.097cm" fo:border="0.5pt solid #000000"/></style:style>\
            </office:automatic-styles><office:body><office:text>\(before)\
            <table:table table:name="Tabel1" table:style-name="Tabel1">\(columns)\
            <table:table-header-rows>\(rows[0])</table:table-header-rows>\(rows.dropFirst().joined())</table:table>\(after)\
            </office:text></office:body></office:document-content>
            """
        return try TestPackage.replacing(["content.xml": content], in: TestPackage.odt(body: ""))
    }

    static func odfCell(_ text: String, attributes: String = "") -> String {
        "<table:table-cell table:style-name=\"Tabel1.A1\" office:value-type=\"string\"\(attributes)><text:p>\(text)</text:p></table:table-cell>"
    }

    static let odfColumns =
        "<table:table-column table:style-name=\"Tabel1.A\"/><table:table-column table:style-name=\"Tabel1.B\"/><table:table-column table:style-name=\"Tabel1.C\"/>"

    static let odfRows = [
        "<table:table-row>" + odfCell("Naam") + odfCell("{%tc for x in bijeenkomsten %}{{ x.datum }}{%tc endfor %}")
            + odfCell("Paraaf") + "</table:table-row>",
        "<table:table-row>" + odfCell("{%tr for p in deelnemers %}{{ p.naam }}") + odfCell("{{ p.naam }}/{{ x.nummer }}")
            + odfCell("{%tr endfor %}") + "</table:table-row>",
    ]

    /// The `style:style` elements of family table-column, as name → (column width, relative width).
    static func columnStyles(in xml: String) -> [String: (String, String)] {
        var result: [String: (String, String)] = [:]
        let pattern = try! Regex(
            "<style:style style:name=\"([^\"]+)\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"([^\"]+)\" style:rel-column-width=\"([^\"]+)\""
        )
        for match in xml.matches(of: pattern) {
            result[String(match.output[1].substring!)] = (String(match.output[2].substring!), String(match.output[3].substring!))
        }
        return result
    }

    @Test func odfHeaderAndBodyRowsGetAColumnPerMeetingWithDividedStyles() throws {
        let rendered = try TestPackage.render(
            try Self.odfTemplate(columns: Self.odfColumns, rows: Self.odfRows), Self.data(meetings: 3))
        StructureTests.keep(rendered, as: "kolommen.odt")
        let content = try TestPackage.part("content.xml", of: rendered)
        let body = try TestPackage.odfBody(of: rendered)
        #expect(
            StructureTests.texts(body) == [
                "Naam", "1 maart", "2 maart", "3 maart", "Paraaf",
                "Anna", "Anna/1", "Anna/2", "Anna/3", "", "Bo", "Bo/1", "Bo/2", "Bo/3", "",
            ])
        let columns = Self.values("table:style-name", of: "table:table-column", in: body)
        #expect(columns.count == 5)
        #expect(columns.first == "Tabel1.A" && columns.last == "Tabel1.C")
        #expect(Set(columns[1...3]).count == 1 && columns[1].hasPrefix("LerendKolom"))
        let styles = Self.columnStyles(in: content)
        let made = try #require(styles[columns[1]])
        #expect(made.0 == "2.6667cm" && made.1 == "1500*")
        #expect(styles["Tabel1.B"]?.0 == "8cm")
    }

    @Test func odfColumnsDisappearWithNoMeetingsAndTheOthersWiden() throws {
        let rendered = try TestPackage.render(
            try Self.odfTemplate(columns: Self.odfColumns, rows: Self.odfRows), Self.data(meetings: 0))
        StructureTests.keep(rendered, as: "kolommen-leeg.odt")
        let content = try TestPackage.part("content.xml", of: rendered)
        let body = try TestPackage.odfBody(of: rendered)
        #expect(StructureTests.texts(body) == ["Naam", "Paraaf", "Anna", "", "Bo", ""])
        let columns = Self.values("table:style-name", of: "table:table-column", in: body)
        #expect(columns.count == 2 && columns.allSatisfy { $0.hasPrefix("LerendKolom") })
        let styles = Self.columnStyles(in: content)
        #expect(styles[columns[0]]?.0 == "10.6666cm" && styles[columns[0]]?.1 == "6000*")
        #expect(styles[columns[1]]?.0 == "5.3334cm" && styles[columns[1]]?.1 == "3000*")
    }

    /// LibreOffice writes equal neighbouring columns as one with `table:number-columns-repeated`.
    @Test func odfRepeatedColumnElementsAreSplitAtTheLoop() throws {
        let columns = "<table:table-column table:style-name=\"Tabel1.C\" table:number-columns-repeated=\"3\"/>"
        let rows = [
            "<table:table-row>" + Self.odfCell("Naam")
                + Self.odfCell("{%tc for x in bijeenkomsten %}{{ x.nummer }}{%tc endfor %}")
                + Self.odfCell("Paraaf") + "</table:table-row>"
        ]
        let plain =
            "<table:table-row>" + Self.odfCell("a") + Self.odfCell("{{ x.nummer }}") + Self.odfCell("b") + "</table:table-row>"
        let rendered = try TestPackage.render(
            try Self.odfTemplate(columns: columns, rows: rows + [plain]), Self.data(meetings: 2))
        StructureTests.keep(rendered, as: "kolommen-herhaald.odt")
        let body = try TestPackage.odfBody(of: rendered)
        #expect(StructureTests.count("<table:table-column ", in: body) == 4)
        #expect(!body.contains("xmlns:table"))
        #expect(StructureTests.texts(body) == ["Naam", "1", "2", "Paraaf", "a", "1", "2", "b"])
    }

    /// A header cell spanning both repeated columns (and its covered cell), the tags in the
    /// first and last of them in the body row, inside a row loop.
    @Test func odfSpanOfTwoColumnsWithAMergedHeaderCell() throws {
        let columns =
            "<table:table-column table:style-name=\"Tabel1.A\"/><table:table-column table:style-name=\"Tabel1.C\" table:number-columns-repeated=\"2\"/><table:table-column table:style-name=\"Tabel1.C\"/>"
        let rows = [
            "<table:table-row>" + Self.odfCell("Naam")
                + Self.odfCell("{{ x.datum }}", attributes: " table:number-columns-spanned=\"2\"")
                + "<table:covered-table-cell/>" + Self.odfCell("Paraaf") + "</table:table-row>",
            "<table:table-row>" + Self.odfCell("{%tr for p in deelnemers %}{{ p.naam }}")
                + Self.odfCell("{%tc for x in bijeenkomsten %}ja")
                + Self.odfCell("nee{%tc endfor %}") + Self.odfCell("{%tr endfor %}") + "</table:table-row>",
        ]
        let rendered = try TestPackage.render(try Self.odfTemplate(columns: columns, rows: rows), Self.data(meetings: 3))
        StructureTests.keep(rendered, as: "kolommen-span.odt")
        let body = try TestPackage.odfBody(of: rendered)
        #expect(StructureTests.count("<table:covered-table-cell/>", in: body) == 3)
        #expect(StructureTests.count("table:number-columns-spanned=\"2\"", in: body) == 3)
        // The two repeated columns are one element standing for two: copied once per meeting.
        #expect(StructureTests.count("<table:table-column ", in: body) == 1 + 3 + 1)
        #expect(StructureTests.count("table:number-columns-repeated=\"2\"", in: body) == 3)
        let header: [String] = ["Naam", "1 maart", "2 maart", "3 maart", "Paraaf"]
        let cells: [String] = ["ja", "nee", "ja", "nee", "ja", "nee", ""]
        #expect(StructureTests.texts(body) == header + ["Anna"] + cells + ["Bo"] + cells)
    }

    /// A repeated cell (LibreOffice writes equal empty cells so) is split at the loop; one
    /// with a tag across the loop's boundary is an error.
    @Test func odfRepeatedCellsAreSplitAndOneWithATagAcrossTheBoundaryIsLocated() throws {
        let columns = "<table:table-column table:style-name=\"Tabel1.C\" table:number-columns-repeated=\"3\"/>"
        let header =
            "<table:table-row>" + Self.odfCell("Naam")
            + Self.odfCell("{%tc for x in bijeenkomsten %}{{ x.nummer }}{%tc endfor %}")
            + Self.odfCell("Paraaf") + "</table:table-row>"
        let empty =
            "<table:table-row>" + Self.odfCell("", attributes: " table:number-columns-repeated=\"3\"") + "</table:table-row>"
        let rendered = try TestPackage.render(
            try Self.odfTemplate(columns: columns, rows: [header, empty]), Self.data(meetings: 2))
        StructureTests.keep(rendered, as: "kolommen-herhaalde-cellen.odt")
        let body = try TestPackage.odfBody(of: rendered)
        // Each row: the first cell, the loop's cell once per meeting, the last cell.
        #expect(StructureTests.count("<table:table-cell ", in: body) == 4 + 4)
        #expect(!body.contains("table:number-columns-repeated"))
        let tagged =
            "<table:table-row>" + Self.odfCell("{{ x.nummer }}", attributes: " table:number-columns-repeated=\"3\"")
            + "</table:table-row>"
        let errors = try #require(
            TestPackage.compileErrors(try Self.odfTemplate(columns: columns, rows: [header, tagged]), name: "test.odt"))
        #expect(errors.contains("fout[T115]: rij 2 van de tabel met {%tc for %}: een cel over 3 kolommen"))
    }

    /// An `xml:id` in a repeated cell is unique in every copy, in every row.
    @Test func odfIdentifiersInRepeatedCellsStayUnique() throws {
        let cell = { (id: String, text: String) in
            "<table:table-cell table:style-name=\"Tabel1.A1\" office:value-type=\"string\"><text:p xml:id=\"\(id)\">\(text)</text:p></table:table-cell>"
        }
        let rows = [
            "<table:table-row>" + Self.odfCell("Naam") + cell("kop", "{%tc for x in bijeenkomsten %}{{ x.datum }}{%tc endfor %}")
                + Self.odfCell("Paraaf") + "</table:table-row>",
            "<table:table-row>" + Self.odfCell("{%tr for p in deelnemers %}{{ p.naam }}") + cell("vak", "{{ x.nummer }}")
                + Self.odfCell("{%tr endfor %}") + "</table:table-row>",
        ]
        let rendered = try TestPackage.render(try Self.odfTemplate(columns: Self.odfColumns, rows: rows), Self.data(meetings: 3))
        StructureTests.keep(rendered, as: "kolommen-ids.odt")
        let ids = RepeatedIdentifierTests.values(of: "xml:id", in: try TestPackage.odfBody(of: rendered))
        #expect(ids.count == 3 + 2 * 3)
        #expect(Set(ids).count == ids.count)
        #expect(ids.first == "kop")
    }

    /// A table with a column loop inside a paragraph loop: each group has its own meetings,
    /// and each count gets its own styles.
    @Test func odfTableInAParagraphLoopWithDifferentCounts() throws {
        let rows = [
            "<table:table-row>" + Self.odfCell("Naam")
                + Self.odfCell("{%tc for x in g.bijeenkomsten %}{{ x.datum }}{%tc endfor %}")
                + Self.odfCell("Paraaf") + "</table:table-row>"
        ]
        let template = try Self.odfTemplate(
            columns: Self.odfColumns, rows: rows, before: "<text:p>{% for g in groepen %}</text:p>",
            after: "<text:p>{% endfor %}</text:p>")
        let data: Value = ["groepen": [["bijeenkomsten": Self.meetings(2)], ["bijeenkomsten": Self.meetings(3)]]]
        let rendered = try TestPackage.render(template, data)
        StructureTests.keep(rendered, as: "kolommen-groepen.odt")
        let content = try TestPackage.part("content.xml", of: rendered)
        let styles = Self.columnStyles(in: content)
        let columns = Self.values("table:style-name", of: "table:table-column", in: try TestPackage.odfBody(of: rendered))
        #expect(columns.count == 4 + 5)
        #expect(styles[columns[1]]?.0 == "4cm" && styles[columns[5]]?.0 == "2.6667cm")
    }

    // MARK: - What a template needs, and errors

    @Test func dataNeedsResolveTheColumnVariable() throws {
        let needs = try DocumentTemplate(bytes: TestPackage.docx(body: Self.wordAttendance), name: "lijst.docx").dataNeeds
        #expect(
            DataNeedsTests.tree(needs.fields) == [
                "bijeenkomsten[]", "bijeenkomsten[].datum", "bijeenkomsten[].nummer", "deelnemers[]", "deelnemers[].naam",
            ])
        #expect(
            needs.loops.map { "\($0.name) in \($0.iterable) → \($0.listPath ?? "-")" }.contains(
                "x in bijeenkomsten → bijeenkomsten"))
        let template = try DocumentTemplate(bytes: TestPackage.docx(body: Self.wordAttendance), name: "lijst.docx")
        // One loop per row and one for the grid, listed once (with the other tags, as they run).
        #expect(template.tagList.map(\.tag).filter { $0 == "{% for x in bijeenkomsten %}" }.count == 1)
        #expect(needs.loops.filter { $0.name == "x" }.count == 1)
    }

    @Test func odfColumnLoopOutsideATableIsLocated() throws {
        let template = try TestPackage.odt(body: "<text:p>{%tc for x in bijeenkomsten %}{{ x.datum }}{%tc endfor %}</text:p>")
        let errors = try #require(TestPackage.compileErrors(template, name: "test.odt"))
        #expect(errors.contains("test.odt (hoofdtekst, alinea 1): fout[T114]: {%tc ...%} staat niet in een tabelcel"))
    }

    @Test func columnLoopOutsideATableIsLocated() throws {
        let body =
            "<w:p><w:r><w:t>{%tc for x in bijeenkomsten %}</w:t></w:r></w:p><w:p><w:r><w:t>{%tc endfor %}</w:t></w:r></w:p>"
        let errors = try #require(TestPackage.compileErrors(try TestPackage.docx(body: body)))
        #expect(errors.contains("test.docx (hoofdtekst, alinea 1): fout[T114]: {%tc ...%} staat niet in een tabelcel"))
    }

    @Test func columnLoopTagsInDifferentRowsAreLocated() throws {
        let template = try TestPackage.docx(
            body: Self.wordTable(
                grid: [3000, 3000],
                rows: [
                    Self.wordCell(3000, "{%tc for x in bijeenkomsten %}") + Self.wordCell(3000, ""),
                    Self.wordCell(3000, "{%tc endfor %}") + Self.wordCell(3000, ""),
                ]))
        let errors = try #require(TestPackage.compileErrors(template))
        #expect(errors.contains("fout[T114]: {%tc for %} en {%tc endfor %} staan niet in dezelfde tabelrij"))
    }

    @Test func aMergedCellAcrossTheLoopsBoundaryIsLocated() throws {
        let template = try TestPackage.docx(
            body: Self.wordTable(
                grid: [3000, 3000, 3000],
                rows: [
                    Self.wordCell(3000, "Naam") + Self.wordCell(3000, "{%tc for x in bijeenkomsten %}{{ x.datum }}{%tc endfor %}")
                        + Self.wordCell(3000, ""),
                    Self.wordCell(6000, "breed", properties: "<w:gridSpan w:val=\"2\"/>") + Self.wordCell(3000, ""),
                ]))
        let errors = try #require(TestPackage.compileErrors(template))
        #expect(
            errors.contains(
                "fout[T115]: rij 2 van de tabel met {%tc for %}: een cel over 2 kolommen ligt deels binnen en deels buiten"))
    }

    @Test func odfMergedCellAcrossTheLoopsBoundaryIsLocated() throws {
        let rows = [
            Self.odfRows[0],
            "<table:table-row>" + Self.odfCell("breed", attributes: " table:number-columns-spanned=\"2\"")
                + "<table:covered-table-cell/>" + Self.odfCell("") + "</table:table-row>",
        ]
        let errors = try #require(
            TestPackage.compileErrors(try Self.odfTemplate(columns: Self.odfColumns, rows: rows), name: "test.odt"))
        #expect(errors.contains("fout[T115]: rij 2 van de tabel met {%tc for %}"))
    }

    @Test(arguments: [
        ("{%tc if x %}{%tc endif %}", "gaat alleen samen met for"),
        ("{%tc for x in bijeenkomsten %}{% else %}{%tc endfor %}", "heeft geen {% else %}"),
    ])
    func columnBlocksOtherThanAPlainForAreRefused(_ tags: String, _ message: String) throws {
        let template = try TestPackage.docx(
            body: Self.wordTable(grid: [3000, 3000], rows: [Self.wordCell(3000, tags) + Self.wordCell(3000, "")]))
        let errors = try #require(TestPackage.compileErrors(template))
        #expect(errors.contains("fout[T116]") && errors.contains(message))
    }
}
