import Foundation
import LerendDocuments
import LerendExpressions
import Testing

/// The templates in `Templates/`, made with LibreOffice, filled with the sample data.
///
/// Golden files hold the XML parts (not the zip bytes). After a deliberate change, run
/// `LEREND_UPDATE_GOLDEN=1 swift test --filter RealTemplateTests`, and read the diff.
@Suite struct RealTemplateTests {
    static let cases: [(template: String, part: String)] = [
        ("uitnodiging.docx", "word/document.xml"), ("uitnodiging.docx", "word/header1.xml"),
        ("uitnodiging.docx", "word/footer1.xml"), ("uitnodiging.odt", "content.xml"), ("uitnodiging.odt", "styles.xml"),
        ("agenda.docx", "word/document.xml"), ("agenda.odt", "content.xml"),
    ]

    static func rendered(_ template: String, participant: Int = 0) throws -> [UInt8] {
        let compiled = try DocumentTemplate(path: TestPackage.templatePath(template))
        return try DocumentRenderer(template: compiled).render(
            SampleData.invitation(for: participant), options: SampleData.options)
    }

    @Test(arguments: cases)
    func partMatchesGoldenFile(template: String, part: String) throws {
        let xml = try TestPackage.part(part, of: Self.rendered(template))
        let golden = TestPackage.fixtures.appending(path: "golden/\(template).\(part.replacingOccurrences(of: "/", with: "_"))")
        if ProcessInfo.processInfo.environment["LEREND_UPDATE_GOLDEN"] == "1" {
            try Data(xml.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(xml == expected, "\(template) \(part) differs from \(golden.lastPathComponent)")
    }

    @Test(arguments: ["uitnodiging.docx", "uitnodiging.odt"])
    func invitationIsPersonal(template: String) throws {
        let host = try Self.text(of: Self.rendered(template, participant: 0), template: template)
        let guest = try Self.text(of: Self.rendered(template, participant: 2), template: template)
        for expected in [
            "Joost van Dijk", "Beste Joost,", "dinsdag 10 maart 2026", "13.30 tot 16.00 uur",
            "Deze keer is jouw organisatie gastheer", "samen met Marieke Jansen",
            "Rondleiding dagbesteding De Linde", "13.45–14.30", "8011 AB Zwolle",
        ] {
            #expect(host.contains(expected), "host letter lacks '\(expected)'")
        }
        for expected in ["Peter de Wit", "Geachte heer De Wit,", "Zorgcentrum 't Anker &amp; Partners", "Sluiting"] {
            #expect(guest.contains(expected), "guest letter lacks '\(expected)'")
        }
        #expect(!guest.contains("gastheer. Wil je"), "the host paragraph is only for the host")
        // Between the facilitator and the agenda heading the guest gets no paragraph at all:
        // the host's paragraphs and the {%p if %} paragraph of the preparers leave nothing.
        let between = try #require(guest.range(of: "Gespreksleider")).upperBound
        let heading = try #require(guest.range(of: ">Agenda<")).lowerBound
        let paragraphMark = template.hasSuffix(".docx") ? "<w:p>" : "<text:p "
        #expect(guest[between..<heading].components(separatedBy: paragraphMark).count - 1 == 1)
        #expect(!guest.contains("{{") && !guest.contains("{%"), "no tag is left")
    }

    /// The XML of the main part, where the text is.
    static func text(of document: [UInt8], template: String) throws -> String {
        try TestPackage.part(template.hasSuffix(".docx") ? "word/document.xml" : "content.xml", of: document)
    }
}
