internal import CLibXML2

/// What the engine needs to know about one format's XML: which elements are
/// paragraphs, runs of text, table rows and cells, and how to write a line break.
///
/// The rest of the engine is the same for both formats.
struct Dialect: Sendable {
    let format: DocumentFormat
    /// Paragraph elements: the unit in which split tags are joined.
    let paragraphs: Set<QualifiedName>
    /// Elements whose own text nodes are text of the paragraph (DOCX: `w:t`; ODT: the
    /// paragraph and its spans).
    let textHolders: Set<QualifiedName>
    /// Elements inside a paragraph that the text search goes into (runs, spans, links,
    /// tracked insertions, content controls).
    let transparent: Set<QualifiedName>
    /// Elements that stand for characters: ODT's `text:s` (spaces), `text:tab`, `text:line-break`.
    let characters: [QualifiedName: Character]
    /// Elements that do not stop a paragraph of only control tags from being dropped.
    let ignorable: Set<QualifiedName>
    /// An element inside an ignorable one that makes the paragraph significant after all
    /// (DOCX: a section break `w:sectPr` inside `w:pPr`).
    let significantInsideIgnorable: Set<QualifiedName>
    /// A run of text, removed when a tag leaves it empty (DOCX `w:r`, ODT `text:span`).
    let run: QualifiedName
    /// Elements a run may hold and still count as empty once its text is gone.
    let runFormatting: Set<QualifiedName>
    let table: QualifiedName
    let row: QualifiedName
    let cells: Set<QualifiedName>
    /// Elements that count as the block content of a table cell.
    let cellBlocks: Set<QualifiedName>
    /// Content controls around a cell, a row or a paragraph (DOCX `w:sdt`, `w:customXml`):
    /// transparent for the scope of a block.
    let wrappers: Set<QualifiedName>
    /// The element of a wrapper that holds what it wraps (DOCX `w:sdtContent`).
    let wrapperContents: Set<QualifiedName>
    /// Document properties: values are written as plain text, and a block stays within
    /// one property.
    var isProperties = false

    // MARK: - DOCX

    static let wordNamespaces = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]

    static let docx: Dialect = {
        func w(_ names: String...) -> Set<QualifiedName> {
            Set(wordNamespaces.flatMap { namespace in names.map { QualifiedName(namespace: namespace, local: $0) } })
        }
        return Dialect(
            format: .docx,
            paragraphs: w("p"),
            textHolders: w("t"),
            transparent: w(
                "r", "hyperlink", "ins", "smartTag", "customXml", "sdt", "sdtContent", "fldSimple", "dir", "bdo", "moveTo"),
            characters: [:],
            ignorable: w(
                "pPr", "rPr", "proofErr", "bookmarkStart", "bookmarkEnd", "lastRenderedPageBreak", "permStart", "permEnd",
                "t", "sdtPr", "sdtEndPr"),
            significantInsideIgnorable: w("sectPr"),
            run: QualifiedName(namespace: wordNamespaces[0], local: "r"),
            runFormatting: w("rPr", "t", "lastRenderedPageBreak"),
            table: QualifiedName(namespace: wordNamespaces[0], local: "tbl"),
            row: QualifiedName(namespace: wordNamespaces[0], local: "tr"),
            cells: w("tc"),
            cellBlocks: w("p", "tbl", "sdt", "customXml"),
            wrappers: w("sdt", "customXml"),
            wrapperContents: w("sdtContent"))
    }()

    // MARK: - ODT

    static let textNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let tableNamespace = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"

    static let odt: Dialect = {
        func text(_ names: String...) -> Set<QualifiedName> {
            Set(names.map { QualifiedName(namespace: textNamespace, local: $0) })
        }
        // Fields that show a document property keep its text as it was: a tag there is
        // filled like the property itself.
        let propertyFields = text("title", "subject", "description", "keywords", "user-defined")
        let containers = text("p", "h", "span", "a", "meta", "ruby-base").union(propertyFields)
        return Dialect(
            format: .odt,
            paragraphs: text("p", "h"),
            textHolders: containers,
            transparent: text("span", "a", "meta", "ruby", "ruby-base").union(propertyFields),
            characters: [
                QualifiedName(namespace: textNamespace, local: "s"): " ",
                QualifiedName(namespace: textNamespace, local: "tab"): "\t",
                QualifiedName(namespace: textNamespace, local: "line-break"): "\n",
            ],
            ignorable: text("soft-page-break", "bookmark", "bookmark-start", "bookmark-end", "s", "tab"),
            significantInsideIgnorable: [],
            run: QualifiedName(namespace: textNamespace, local: "span"),
            runFormatting: [],
            table: QualifiedName(namespace: tableNamespace, local: "table"),
            row: QualifiedName(namespace: tableNamespace, local: "table-row"),
            cells: [
                QualifiedName(namespace: tableNamespace, local: "table-cell"),
                QualifiedName(namespace: tableNamespace, local: "covered-table-cell"),
            ],
            cellBlocks: text("p", "h", "list", "section").union([QualifiedName(namespace: tableNamespace, local: "table")]),
            wrappers: [],
            wrapperContents: [])
    }()

    /// The content control that wraps `node` and nothing else, if any: `w:sdt` for a node
    /// that is the only element in its `w:sdtContent`, `w:customXml` for its only element.
    func wrapper(around node: xmlNodePtr) -> xmlNodePtr? {
        guard !wrappers.isEmpty, let parent = node.parent, parent.isElement else { return nil }
        let holder: xmlNodePtr
        if wrapperContents.contains(parent.qualifiedName), let control = parent.parent, wrappers.contains(control.qualifiedName) {
            holder = control
        } else if wrappers.contains(parent.qualifiedName) {
            holder = parent
        } else {
            return nil
        }
        return parent.elementChildren.count == 1 ? holder : nil
    }

    /// `node` and the content controls that wrap only it, innermost first.
    func wrapperChain(of node: xmlNodePtr) -> [xmlNodePtr] {
        var chain = [node]
        while let outer = wrapper(around: chain.last!) { chain.append(outer) }
        return chain
    }

    // MARK: - Document properties

    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let coreProperties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    static let variantTypes = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    static let odfMeta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"

    /// The text properties of `docProps/core.xml`, `docProps/custom.xml` and ODT's
    /// `meta.xml`: title, subject, description, keywords, category and the custom ones.
    /// Each is a "paragraph" of its own.
    static func properties(of format: DocumentFormat) -> Dialect {
        let properties: Set<QualifiedName> = [
            QualifiedName(namespace: dublinCore, local: "title"), QualifiedName(namespace: dublinCore, local: "subject"),
            QualifiedName(namespace: dublinCore, local: "description"),
            QualifiedName(namespace: coreProperties, local: "keywords"),
            QualifiedName(namespace: coreProperties, local: "category"),
            QualifiedName(namespace: variantTypes, local: "lpwstr"), QualifiedName(namespace: variantTypes, local: "bstr"),
            QualifiedName(namespace: odfMeta, local: "keyword"), QualifiedName(namespace: odfMeta, local: "user-defined"),
        ]
        let none = QualifiedName(namespace: "", local: "")
        var dialect = Dialect(
            format: format, paragraphs: properties, textHolders: properties, transparent: [], characters: [:], ignorable: [],
            significantInsideIgnorable: [], run: none, runFormatting: [], table: none, row: none, cells: [], cellBlocks: [],
            wrappers: [], wrapperContents: [])
        dialect.isProperties = true
        return dialect
    }

    static func dialect(for format: DocumentFormat) -> Dialect { format == .docx ? docx : odt }

    /// How many characters a character element stands for (`text:s text:c="3"` is three spaces).
    func characterCount(of name: QualifiedName, attributeCount: String?) -> Int {
        guard name.local == "s", let attributeCount, let count = Int(attributeCount), count > 0 else { return 1 }
        return min(count, 1000)
    }
}
