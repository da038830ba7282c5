internal import CLibXML2
import LerendDiagnostics
import LerendExpressions

/// Compiles one XML part of a template (the body, a header, a footer ...) into a
/// ``CompiledPart``, collecting every error instead of stopping at the first.
///
/// The steps, each in an extension of its own:
/// 1. find the paragraphs and their text, and join tags split over runs
///    (`PartCompiler+Paragraphs`);
/// 2. pair `for`/`if` blocks and decide where each block begins and ends: inside a
///    paragraph, whole paragraphs, or table rows (`PartCompiler+Scope`);
/// 3. write the part out as literal bytes with the tags in between
///    (`PartCompiler+Serialize`).
final class PartCompiler {
    /// A stretch of a paragraph's text held by one node.
    struct Piece {
        let node: xmlNodePtr
        let scalars: [Unicode.Scalar]
        /// A character element (ODT `text:s`, `text:tab`, `text:line-break`) rather than a text node.
        let isCharacterElement: Bool
    }

    final class ParagraphRecord {
        let node: xmlNodePtr
        /// Position among the paragraphs of the part, from 1.
        let number: Int
        let pieces: [Piece]
        /// The text as the author sees it, tags included.
        let text: String
        var tags: [Int] = []
        /// No text besides control tags and comments, and nothing else that would be lost.
        var isTagOnly = false
        /// A paragraph of control tags with a page, column or section break: it stays,
        /// without its tags, on this side of their markers.
        var breakSide: BreakSide?

        init(node: xmlNodePtr, number: Int, pieces: [Piece], text: String) {
            self.node = node
            self.number = number
            self.pieces = pieces
            self.text = text
        }
    }

    struct TagRecord {
        enum Content {
            case value(Expression)
            case statement(Statement)
            case comment
            /// The tag did not parse; an error has been reported.
            case invalid
        }

        /// How the serializer writes the tag.
        enum Role {
            case value
            case marker(Marker)
            case hidden
        }

        var content: Content
        let scopeOverride: TagScanner.ScopeOverride?
        let paragraph: Int
        let textNode: xmlNodePtr
        let origin: TagOrigin
        var role: Role = .hidden
    }

    /// A point where a block opens, branches or closes.
    struct Marker: Hashable {
        enum Role: Hashable {
            case open
            case branch(Int)
            case close
        }
        let block: Int
        let role: Role
        /// 0 for the block's own markers; for a column loop, which has none of its own,
        /// the number of the copy: the grid's repeated columns, each row's repeated cells.
        var copy = 0
    }

    /// Text of a text node after tags were joined.
    enum Segment {
        case text(String)
        case tag(Int)
    }

    let partName: String
    let rawName: [UInt8]
    /// The part as a user would name it: "hoofdtekst", "koptekst" ...
    let partLabel: String
    let templateName: String
    let document: XMLDocument
    let dialect: Dialect
    let library: FunctionLibrary

    var diagnostics: [Diagnostic] = []
    var paragraphs: [ParagraphRecord] = []
    var paragraphIndex: [xmlNodePtr: Int] = [:]
    var tags: [TagRecord] = []
    /// New text for text nodes whose tags were joined.
    var replacedText: [xmlNodePtr: [Segment]] = [:]
    /// Nodes left out of the output.
    var skipped: Set<xmlNodePtr> = []
    var markersBefore: [xmlNodePtr: [Marker]] = [:]
    var markersAfter: [xmlNodePtr: [Marker]] = [:]
    /// Paragraphs (and table rows of nothing but a block's tag, and content controls around
    /// only such a paragraph) dropped from the output, with the markers written in their place.
    var droppedParagraphs: [xmlNodePtr: [Marker]] = [:]
    /// Runs that held nothing but block markers: the markers are written in their place,
    /// without an empty run around them.
    var hoistedRuns: [xmlNodePtr: [Marker]] = [:]
    /// DOCX `w:t` elements that need `xml:space="preserve"`.
    var preserveSpace: Set<xmlNodePtr> = []
    /// ODT automatic paragraph styles with a page or column break.
    lazy var paragraphStyleBreaks = PartCompiler.paragraphStyleBreaks(in: document)
    var blocks: [BlockMatcher.Block] = []
    /// Pictures whose name, title or alt text is a tag (`PartCompiler+Images`).
    var images = ImageRecords()
    var statementTags: [Int] = []
    /// Attributes whose value a column loop computes (widths, column style names).
    var dynamicAttributes: [xmlAttrPtr: Instruction] = [:]
    /// The ODT `office:automatic-styles` that receives the column styles made while rendering.
    var columnStylesHost: xmlNodePtr?

    init(
        partName: String, rawName: [UInt8], partLabel: String, templateName: String, document: XMLDocument,
        dialect: Dialect, library: FunctionLibrary
    ) {
        self.partName = partName
        self.rawName = rawName
        self.partLabel = partLabel
        self.templateName = templateName
        self.document = document
        self.dialect = dialect
        self.library = library
    }

    /// The compiled part, or `nil` when it has no tags (it is then copied unchanged).
    /// Errors are in ``diagnostics``.
    func compile() -> CompiledPart? {
        collectParagraphs()
        collectImages()
        guard !tags.isEmpty || !images.frames.isEmpty || !diagnostics.isEmpty else { return nil }
        resolveBlocks()
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        let program = serialize()
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        return CompiledPart(name: partName, rawName: rawName, program: program)
    }

    /// Where a paragraph is, for messages: "hoofdtekst, alinea 12" or
    /// "hoofdtekst, tabel 1, rij 2, kolom 3".
    func location(of paragraph: ParagraphRecord) -> SourceLocation {
        var detail = "\(partLabel), "
        if dialect.isProperties {
            let name =
                paragraph.node.attribute("name", namespace: Dialect.odfMeta)
                ?? paragraph.node.parent?.attribute("name", namespace: "") ?? paragraph.node.localName
            return SourceLocation(file: templateName, detail: detail + "eigenschap '\(name)'")
        }
        if let cell = paragraph.node.ancestor(where: { dialect.cells.contains($0.qualifiedName) }),
            let row = row(of: cell),
            let table = row.ancestor(where: { $0.qualifiedName == dialect.table })
        {
            let column = (cells(of: row).firstIndex(of: cell) ?? 0) + 1
            let rows = elements(named: dialect.row, under: table, stoppingAt: dialect.table)
            let tables = elements(named: dialect.table, under: document.root!, stoppingAt: nil)
            detail +=
                "tabel \((tables.firstIndex(of: table) ?? 0) + 1), rij \((rows.firstIndex(of: row) ?? 0) + 1), kolom \(column)"
        } else {
            detail += "alinea \(paragraph.number)"
        }
        return SourceLocation(file: templateName, detail: detail)
    }

    /// The cells of a table row in order, also those in content controls.
    func cells(of row: xmlNodePtr) -> [xmlNodePtr] {
        row.elementChildren.flatMap { child -> [xmlNodePtr] in
            let name = child.qualifiedName
            if dialect.cells.contains(name) { return [child] }
            if dialect.wrappers.contains(name) || dialect.wrapperContents.contains(name) { return cells(of: child) }
            return []
        }
    }

    /// Elements with `name` under `root` in document order, not descending into `stop`.
    func elements(named name: QualifiedName, under root: xmlNodePtr, stoppingAt stop: QualifiedName?) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        func visit(_ node: xmlNodePtr) {
            var child = node.firstChild
            while let current = child {
                if current.isElement {
                    let qualified = current.qualifiedName
                    if qualified == name { result.append(current) }
                    if qualified != stop { visit(current) }
                }
                child = current.next
            }
        }
        visit(root)
        return result
    }
}
