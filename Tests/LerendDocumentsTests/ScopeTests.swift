import Foundation
import LerendExpressions
import Testing

/// Where loops and conditions reach: inline, paragraphs, table rows, and the overrides.
@Suite struct ScopeTests {
    static func cell(_ text: String) -> String { "<w:tc><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>" }
    static func row(_ cells: String...) -> String { "<w:tr>" + cells.map(cell).joined() + "</w:tr>" }
    /// A row as rendered: text written from a value keeps its spaces.
    static func filledRow(_ cells: String...) -> String {
        "<w:tr>" + cells.map { "<w:tc><w:p><w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r></w:p></w:tc>" }.joined() + "</w:tr>"
    }
    static func filledParagraph(_ text: String) -> String { "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>" }
    static func paragraph(_ text: String) -> String { "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>" }
    static func texts(_ body: String) -> [String] {
        body.split(separator: "<w:t").dropFirst().map { piece in
            let start = piece.firstIndex(of: ">")!
            let end = piece.range(of: "</w:t>")!.lowerBound
            return String(piece[piece.index(after: start)..<end])
        }
    }

    let agenda: Value = [
        "punten": [
            ["tijd": "13.30", "titel": "Opening", "sprekers": ["Anna", "Bo"]],
            ["tijd": "14.00", "titel": "Casus", "sprekers": ["Cas"]],
        ]
    ]

    @Test func tableRowLoopRepeatsTheRowAndLeavesTheHeader() throws {
        let template = try TestPackage.docx(
            body: "<w:tbl>" + Self.row("Tijd", "Onderwerp")
                + Self.row("{% for p in punten %}{{ p.tijd }}", "{{ p.titel }}{% endfor %}") + "</w:tbl>")
        let body = try TestPackage.wordBody(of: TestPackage.render(template, agenda))
        #expect(
            body == "<w:tbl>" + Self.row("Tijd", "Onderwerp") + Self.filledRow("13.30", "Opening")
                + Self.filledRow("14.00", "Casus") + "</w:tbl>")
    }

    @Test func odtTableRowLoop() throws {
        let template = try TestPackage.odt(
            body: """
                <table:table table:name="A"><table:table-column/><table:table-column/><table:table-row>\
                <table:table-cell><text:p>{% for p in punten %}{{ p.tijd }}</text:p></table:table-cell>\
                <table:table-cell><text:p>{{ p.titel }}{% endfor %}</text:p></table:table-cell></table:table-row></table:table>
                """)
        let body = try TestPackage.odfBody(of: TestPackage.render(template, agenda))
        #expect(
            body == """
                <table:table table:name="A"><table:table-column/><table:table-column/>\
                <table:table-row><table:table-cell><text:p>13.30</text:p></table:table-cell><table:table-cell><text:p>Opening</text:p></table:table-cell></table:table-row>\
                <table:table-row><table:table-cell><text:p>14.00</text:p></table:table-cell><table:table-cell><text:p>Casus</text:p></table:table-cell></table:table-row>\
                </table:table>
                """)
    }

    @Test func loopInsideALoopRow() throws {
        let template = try TestPackage.docx(
            body: "<w:tbl>"
                + "<w:tr>" + Self.cell("{% for p in punten %}{{ p.titel }}")
                + "<w:tc><w:p><w:r><w:t>{% for s in p.sprekers %}</w:t></w:r></w:p><w:p><w:r><w:t>{{ s }}</w:t></w:r></w:p>"
                + "<w:p><w:r><w:t>{% endfor %}{% endfor %}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
        let body = try TestPackage.wordBody(of: TestPackage.render(template, agenda))
        // Word wants every cell to end with a paragraph, and the loop may give none: the
        // cell's last paragraph stays, emptied of its tags.
        #expect(
            body == "<w:tbl><w:tr><w:tc>" + Self.filledParagraph("Opening") + "</w:tc><w:tc>"
                + Self.filledParagraph("Anna") + Self.filledParagraph("Bo") + "<w:p></w:p></w:tc></w:tr>"
                + "<w:tr><w:tc>" + Self.filledParagraph("Casus") + "</w:tc><w:tc>" + Self.filledParagraph("Cas")
                + "<w:p></w:p></w:tc></w:tr></w:tbl>")
    }

    @Test func nestedParagraphLoopsWithLoopVariables() throws {
        let template = try TestPackage.docx(
            body: Self.paragraph("{% for p in punten %}")
                + Self.paragraph("{{ loop.index }}. {{ p.titel }}{% if loop.last %} (laatste){% endif %}")
                + Self.paragraph("{% for s in p.sprekers %}")
                + Self.paragraph("– {{ s }}{% if not loop.last %},{% endif %}")
                + Self.paragraph("{% endfor %}") + Self.paragraph("{% endfor %}"))
        let body = try TestPackage.wordBody(of: TestPackage.render(template, agenda))
        #expect(Self.texts(body) == ["1. Opening", "– Anna,", "– Bo", "2. Casus (laatste)", "– Cas"])
        #expect(body.components(separatedBy: "<w:p>").count - 1 == 5, "no paragraph is left for the control tags")
    }

    @Test func conditionalParagraphsLeaveNoBlankBehind() throws {
        let template = try TestPackage.docx(
            body: Self.paragraph("Voor")
                + Self.paragraph("{% if gastheer %}") + Self.paragraph("Jij bent gastheer.")
                + Self.paragraph("{% elif voorbereider %}") + Self.paragraph("Jij bereidt voor.")
                + Self.paragraph("{% else %}") + Self.paragraph("Welkom.")
                + Self.paragraph("{% endif %}") + Self.paragraph("Na"))
        for (data, middle) in [
            (["gastheer": true, "voorbereider": true] as Value, "Jij bent gastheer."),
            (["gastheer": false, "voorbereider": true], "Jij bereidt voor."),
            (["gastheer": false, "voorbereider": false], "Welkom."),
        ] {
            let body = try TestPackage.wordBody(of: TestPackage.render(template, data))
            #expect(body == Self.paragraph("Voor") + Self.paragraph(middle) + Self.paragraph("Na"))
        }
    }

    @Test func inlineConditionStaysInsideItsParagraph() throws {
        let template = try TestPackage.docx(
            body: Self.paragraph("Plaats: {% if online %}online{% else %}{{ plaats }}{% endif %}."))
        let online = try TestPackage.wordBody(of: TestPackage.render(template, ["online": true]))
        let there = try TestPackage.wordBody(of: TestPackage.render(template, ["online": false, "plaats": "Zwolle"]))
        #expect(Self.texts(online) == ["Plaats: online."])
        #expect(Self.texts(there) == ["Plaats: Zwolle."])
    }

    @Test func paragraphOverrideRepeatsTheParagraphOfAnInlineLoop() throws {
        let template = try TestPackage.docx(body: Self.paragraph("{%p for p in punten %}{{ p.titel }}{%p endfor %}"))
        let body = try TestPackage.wordBody(of: TestPackage.render(template, agenda))
        #expect(body == Self.filledParagraph("Opening") + Self.filledParagraph("Casus"))
    }

    @Test func rowOverrideRepeatsTheRowOfALoopInOneCell() throws {
        let template = try TestPackage.docx(
            body: "<w:tbl>" + Self.row("{%tr for p in punten %}{{ p.titel }}{%tr endfor %}", "x") + "</w:tbl>")
        let body = try TestPackage.wordBody(of: TestPackage.render(template, agenda))
        let expected = ["Opening", "Casus"].map {
            "<w:tr><w:tc>" + Self.filledParagraph($0) + "</w:tc>" + Self.cell("x") + "</w:tr>"
        }
        #expect(body == "<w:tbl>" + expected.joined() + "</w:tbl>")
    }

    @Test func inlineOverrideKeepsAParagraphLoopInOneParagraph() throws {
        let template = try TestPackage.docx(body: Self.paragraph("{%r for p in punten %}{{ p.titel }} {%r endfor %}"))
        let body = try TestPackage.wordBody(of: TestPackage.render(template, agenda))
        #expect(Self.texts(body) == ["Opening Casus "])
    }

    @Test func emptyListLeavesNothing() throws {
        let template = try TestPackage.docx(
            body: Self.paragraph("Voor") + Self.paragraph("{% for p in punten %}")
                + Self.paragraph("{{ p.titel }}") + Self.paragraph("{% endfor %}"))
        let body = try TestPackage.wordBody(of: TestPackage.render(template, ["punten": []]))
        #expect(body == Self.paragraph("Voor"))
    }
}
