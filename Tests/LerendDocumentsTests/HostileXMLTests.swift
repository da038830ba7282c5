import Foundation
import LerendDiagnostics
import Testing

@testable import LerendDocuments

/// XML parts with a DTD, entities, undeclared prefixes, deep nesting or bytes that are
/// not UTF-8 are refused with a Dutch message of their class; libxml2's English is never
/// the message.
@Suite struct HostileXMLTests {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// The invitation with `word/document.xml` replaced by `xml`.
    static func docx(document xml: String) throws -> [UInt8] {
        try docx(document: Array(xml.utf8))
    }

    static func docx(document bytes: [UInt8]) throws -> [UInt8] {
        try HandZip.template("uitnodiging.docx") { entries in
            let index = try require(entries.firstIndex { $0.text == "word/document.xml" })
            entries[index] = .stored(Array("word/document.xml".utf8), bytes)
        }
    }

    static func body(_ text: String) -> String {
        "<w:document \(TestPackage.wordNamespaces)><w:body><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:body></w:document>"
    }

    static func only(_ id: String, _ bytes: [UInt8]) throws -> Diagnostic {
        let diagnostic = try HostilePackageTests.only(id, bytes)
        for english in [
            "Detected", "entity reference", "Input is not proper", "indicate encoding", "Namespace", "libxml2", "HUGE",
        ] {
            #expect(!diagnostic.description.contains(english), "\(diagnostic.description)")
        }
        return diagnostic
    }

    @Test func anInternalEntityIsRefusedAndNeverReachesADocument() throws {
        let xml = Self.declaration + "<!DOCTYPE w:document [<!ENTITY e \"x\">]>\n" + Self.body("&e; {{ naam }}")
        let diagnostic = try Self.only("T301", Self.docx(document: xml))
        #expect(
            diagnostic.message
                == "word/document.xml wordt niet gelezen: het deel heeft een <!DOCTYPE>-declaratie; Lerend leest geen DTD's en vult geen entiteiten in"
        )
        #expect(diagnostic.location == SourceLocation(file: "brief.docx", line: 2, column: 22, detail: "word/document.xml"))
    }

    @Test func billionLaughsIsRefusedAtOnce() throws {
        var subset = "<!ENTITY a \"aaaaaaaaaa\">"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i", "j"] {
            subset += "<!ENTITY \(name) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
            previous = name
        }
        let xml = Self.declaration + "<!DOCTYPE w:document [\(subset)]>" + Self.body("&j;")
        let clock = ContinuousClock()
        let start = clock.now
        _ = try Self.only("T301", Self.docx(document: xml))
        #expect(clock.now - start < .seconds(5))
    }

    @Test func aDoctypeThatOnlyNamesAnExternalDTDIsRefusedInATemplatedPart() throws {
        let xml = Self.declaration + "<!DOCTYPE w:document SYSTEM \"file:///etc/passwd\">" + Self.body("&e;")
        _ = try Self.only("T301", Self.docx(document: xml))
    }

    /// The invitation with `word/styles.xml`, a part copied as it is, replaced by `xml`.
    static func docx(styles xml: String) throws -> [UInt8] { try docx(styles: Array(xml.utf8)) }

    static func docx(styles bytes: [UInt8]) throws -> [UInt8] {
        try HandZip.template("uitnodiging.docx") { entries in
            let index = try require(entries.firstIndex { $0.text == "word/styles.xml" })
            entries[index] = .stored(Array("word/styles.xml".utf8), bytes)
        }
    }

    @Test func aPartCopiedAsItIsIsCheckedLikeTheOthers() throws {
        let styles = "<w:styles \(TestPackage.wordNamespaces)><w:style>\n<w15:x/></w:style></w:styles>"
        let namespace = try Self.only("T302", Self.docx(styles: Self.declaration + styles))
        #expect(namespace.location == SourceLocation(file: "brief.docx", line: 3, column: 7, detail: "word/styles.xml"))
        let entity = Self.declaration + "<!DOCTYPE w:styles [<!ENTITY e \"x\">]><w:styles \(TestPackage.wordNamespaces)/>"
        _ = try Self.only("T301", Self.docx(styles: entity))
        let latin1 = Array((Self.declaration + "<w:styles \(TestPackage.wordNamespaces)>").utf8) + [0x43, 0x61, 0x66, 0xE9]
        _ = try Self.only("T303", Self.docx(styles: latin1 + Array("</w:styles>".utf8)))
    }

    @Test func anUndefinedEntityIsRefused() throws {
        let diagnostic = try Self.only("T301", Self.docx(document: Self.declaration + Self.body("Beste &naam;,")))
        #expect(
            diagnostic.message
                == "word/document.xml wordt niet gelezen: de entiteit '&naam;' is niet gedeclareerd; Lerend leest geen DTD's en vult geen entiteiten in"
        )
    }

    @Test func anUndeclaredNamespacePrefixIsRefused() throws {
        let xml = Self.declaration + Self.body("{{ naam }}").replacingOccurrences(of: "<w:p>", with: "<w:p>\n<w14:paraId/>")
        let diagnostic = try Self.only("T302", Self.docx(document: xml))
        #expect(
            diagnostic.message
                == "word/document.xml is geen geldige XML: het voorvoegsel 'w14' (bij 'paraId') wordt gebruikt zonder xmlns:w14")
        #expect(diagnostic.location?.line == 3)
    }

    @Test func tenThousandLevelsOfNestingAreRefused() throws {
        let deep = String(repeating: "<w:sdt>", count: 10_000) + String(repeating: "</w:sdt>", count: 10_000)
        let diagnostic = try Self.only(
            "T304",
            Self.docx(document: Self.declaration + Self.body("").replacingOccurrences(of: "<w:body>", with: "<w:body>" + deep)))
        #expect(
            diagnostic.message
                == "word/document.xml is te groot voor de XML-lezer: de elementen zijn dieper genest dan 256 niveaus")
    }

    @Test func aTextOfMoreThanTenMegabytesInOnePieceIsRefused() throws {
        let xml = Self.declaration + Self.body(String(repeating: "a", count: 10_000_001))
        let diagnostic = try Self.only("T304", Self.docx(document: xml))
        #expect(diagnostic.message.hasPrefix("word/document.xml is te groot voor de XML-lezer: een naam, een tekst"))
    }

    @Test func bytesThatAreNotUTF8AreRefused() throws {
        let bytes = Array((Self.declaration + Self.body("Caf")).utf8)
        let index = try require(bytes.firstRange(of: Array("Caf".utf8))).upperBound
        let latin1 = Array(bytes[..<index]) + [0xE9] + Array(bytes[index...])
        let diagnostic = try Self.only("T303", Self.docx(document: latin1))
        #expect(diagnostic.message == "word/document.xml is geen geldige UTF-8-tekst: een reeks bytes is geen UTF-8-teken")
        #expect(diagnostic.location?.line == 2)
    }

    @Test func aControlCharacterIsNotWellFormed() throws {
        let diagnostic = try Self.only("T002", Self.docx(document: Self.declaration + Self.body("a\u{1}b")))
        #expect(
            diagnostic.message
                == "word/document.xml is geen geldige XML: er staat een teken dat in XML niet mag (zoals een stuurteken)")
    }

    @Test func aBrokenPartThatHoldsNoTagsIsRefusedToo() throws {
        let bytes = try HandZip.template("uitnodiging.docx") { entries in
            let index = try require(entries.firstIndex { $0.text == "word/settings.xml" })
            entries[index] = .stored(
                "word/settings.xml",
                "<w:settings \(TestPackage.wordNamespaces)><w:zoom w:percent=\"100\" w:percent=\"90\"/></w:settings>")
        }
        let diagnostic = try HostilePackageTests.only("T002", bytes)
        #expect(
            diagnostic.message
                == "word/settings.xml is geen geldige XML: het attribuut 'w:percent' staat twee keer in hetzelfde element")
    }

    @Test func commonWellFormednessErrorsAreInDutch() throws {
        for (xml, detail) in [
            (Self.body("x").replacingOccurrences(of: "<w:t>", with: "<w:t a=\"1\"b=\"2\">"), "hier hoort een spatie"),
            (Self.body("x").replacingOccurrences(of: "</w:t>", with: "</w:t "), "een tag wordt niet goed afgesloten met '>'"),
            (Self.body("x & y"), "een '&' begint geen entiteit (schrijf &amp;)"),
            (
                Self.body("x").replacingOccurrences(of: "<w:t>", with: "<w:t a=\"<\">"),
                "een '<' in de waarde van een attribuut (schrijf &lt;)"
            ),
            (Self.body("x") + "<w:p/>", "na het einde van het hoofdelement staat nog iets"),
        ] {
            let diagnostic = try HostilePackageTests.only("T002", Self.docx(document: Self.declaration + xml))
            #expect(diagnostic.message == "word/document.xml is geen geldige XML: \(detail)")
            #expect(diagnostic.notes == [])
        }
    }

    @Test func anUntranslatedWellFormednessErrorKeepsLibxml2sTextAsANote() throws {
        let diagnostic = try HostilePackageTests.only(
            "T002", Self.docx(document: Self.declaration + "<!-- a -- b -->" + Self.body("x")))
        #expect(diagnostic.message == "word/document.xml is geen geldige XML: de XML is niet goed gevormd")
        #expect(diagnostic.notes.count == 1 && diagnostic.notes[0].hasPrefix("libxml2: "), "\(diagnostic.notes)")
    }
}
