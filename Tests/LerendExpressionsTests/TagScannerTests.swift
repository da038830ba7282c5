import LerendExpressions
import Testing

/// Finding `{{ }}`, `{% %}` and `{# #}` tags in a text, with their places in Unicode scalars.
@Suite struct TagScannerTests {
    static func scan(_ text: String) -> [TagScanner.Item] { TagScanner.scan(Array(text.unicodeScalars)) }

    static func tags(_ text: String) -> [TagScanner.Tag] {
        scan(text).compactMap { if case .tag(let tag) = $0 { tag } else { nil } }
    }

    @Test func findsTheThreeKindsInOrder() {
        let tags = Self.tags("a {{ x }} b {% if y %} c {# z #}")
        #expect(tags.map(\.kind) == [.value, .statement, .comment])
        #expect(tags.map(\.content) == [" x ", " if y ", " z "])
        #expect(tags.map(\.range) == [2..<9, 12..<22, 25..<32])
        #expect(tags.map(\.contentStart) == [4, 14, 27])
        #expect(tags.allSatisfy { $0.scopeOverride == nil })
    }

    @Test(
        arguments: [
            ("{%p if x %}", TagScanner.ScopeOverride.paragraph, " if x "),
            ("{%tr for r in rijen %}", .row, " for r in rijen "),
            ("{%r if x %}", .inline, " if x "),
        ] as [(String, TagScanner.ScopeOverride, String)])
    func scopeMarkers(text: String, scope: TagScanner.ScopeOverride, content: String) throws {
        let tag = try #require(Self.tags(text).first)
        #expect(tag.scopeOverride == scope)
        #expect(tag.content == content)
        #expect(tag.contentStart == 2 + scope.rawValue.count)
    }

    @Test func aMarkerNeedsASpaceAfterIt() throws {
        let tag = try #require(Self.tags("{%pif x %}").first)
        #expect(tag.scopeOverride == nil)
        #expect(tag.content == "pif x ")
        #expect(Self.tags("{{p x }}").first?.scopeOverride == nil, "only statements have scope markers")
    }

    @Test func quotedClosersDoNotCloseTheTag() throws {
        let tags = Self.tags("{{ '}}' ~ “%}” }} rest")
        #expect(tags.count == 1)
        #expect(tags.first?.content == " '}}' ~ “%}” ")
        #expect(tags.first?.range == 0..<17)
    }

    @Test func commentsIgnoreQuotesAndTagsInside() throws {
        let tags = Self.tags("{# it's {{ x }} #}na")
        #expect(tags.count == 1)
        #expect(tags.first?.kind == .comment)
        #expect(tags.first?.content == " it's {{ x }} ")
    }

    @Test func anUnclosedTagIsReportedAndScanningGoesOn() {
        let items = Self.scan("{{ a {{ b }}")
        #expect(items.count == 2)
        #expect(items.first == .unclosed(kind: .value, at: 0))
        guard case .tag(let tag) = items.last else {
            Issue.record("the second tag must be found")
            return
        }
        #expect(tag.content == " b ")
        #expect(tag.range == 5..<12)
    }

    @Test(
        arguments: [
            ("abc }} def", TagScanner.Item.unopened(kind: .value, at: 4)),
            ("50 %} x", .unopened(kind: .statement, at: 3)),
            ("{% if", .unclosed(kind: .statement, at: 0)),
            ("x {#", .unclosed(kind: .comment, at: 2)),
        ] as [(String, TagScanner.Item)])
    func strayDelimiters(text: String, item: TagScanner.Item) {
        #expect(Self.scan(text) == [item])
    }

    @Test(arguments: [
        ("", false), ("gewone tekst", false), ("{ enkel }", false), ("50%", false),
        ("{{", true), ("{%", true), ("{#", true), ("}}", true), ("%}", true), ("a {{ b", true),
    ])
    func quickTestForTags(text: String, expected: Bool) {
        #expect(TagScanner.mayContainTag(text.unicodeScalars) == expected)
    }

    @Test func placesCountUnicodeScalars() throws {
        let tag = try #require(Self.tags("e\u{301}é {{ x }}").first)
        // "e" + combining accent is two scalars, "é" one, then a space.
        #expect(tag.range.lowerBound == 4)
    }

    @Test func textWithoutTagsHasNoItems() {
        #expect(Self.scan("Beste deelnemer, tot { ziens }.").isEmpty)
        #expect(Self.scan("{").isEmpty)
    }
}
