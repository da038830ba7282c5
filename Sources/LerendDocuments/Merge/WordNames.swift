internal import CLibXML2

/// The namespaces and names the DOCX merge looks for.
enum WordNames {
    static let main = Dialect.wordNamespaces[0]
    static let w14 = IdentifierAttribute.word2010Namespace
    static let drawing = IdentifierAttribute.drawingNamespace
    static let picture = IdentifierAttribute.pictureNamespace
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"

    /// The elements of `w:pPr` that come before `w:numPr` (CT_PPrBase).
    static let beforeNumberingProperties: Set<String> = [
        "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
    ]
    /// The elements of `w:pPr` that come before `w:sectPr`: all but `w:pPrChange`.
    static let afterSectionProperties: Set<String> = ["pPrChange"]
    /// The elements of `w:sectPr` before `w:type` (CT_SectPr).
    static let beforeSectionType: Set<String> = [
        "headerReference", "footerReference", "footnotePr", "endnotePr",
    ]
    /// The elements of `w:sectPr` before `w:pgNumType`.
    static let beforePageNumbering: Set<String> = beforeSectionType.union([
        "type", "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType",
    ])
}

extension UnsafeMutablePointer where Pointee == xmlNode {
    /// Whether this is the WordprocessingML element `local` (transitional or strict).
    func isWord(_ local: String) -> Bool {
        isElement && localName == local && Dialect.wordNamespaces.contains(namespaceURI)
    }

    /// The first WordprocessingML child `local`.
    func wordChild(_ local: String) -> xmlNodePtr? {
        var node = pointee.children
        while let current = node {
            if current.isWord(local) { return current }
            node = current.pointee.next
        }
        return nil
    }

    /// The value of the WordprocessingML attribute `local` (`w:val`, `w:id`).
    func wordAttribute(_ local: String) -> String? {
        attribute(local, namespace: namespaceURI)
    }

    func setWordAttribute(_ local: String, to value: String) {
        setAttribute(local, namespace: namespaceURI, to: value)
    }
}
