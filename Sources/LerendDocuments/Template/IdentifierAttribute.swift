/// Which attributes are ids, and which refer to one.
enum IdentifierAttribute {
    struct Kind {
        /// Ids that refer to each other share a group: a bookmark's start and end.
        let group: String
        let style: IdentifierSlot.Style
        let isReference: Bool
    }

    static let word2010Namespace = "http://schemas.microsoft.com/office/word/2010/wordml"
    static let drawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let pictureNamespace = "http://schemas.openxmlformats.org/drawingml/2006/picture"

    /// The kind of attribute `attribute` (in `namespace`) of `element`, if it is an id.
    static func kind(
        element: QualifiedName, attribute: String, namespace: String, format: DocumentFormat
    ) -> Kind? {
        if format == .odt {
            if attribute == "id", namespace == PartCompiler.xmlNamespace {
                return Kind(group: "xml:id", style: .suffixed, isReference: false)
            }
            guard namespace == Dialect.textNamespace, element.namespace == Dialect.textNamespace else { return nil }
            switch (element.local, attribute) {
            case ("list", "continue-list"): return Kind(group: "xml:id", style: .suffixed, isReference: true)
            case ("bookmark", "name"), ("bookmark-start", "name"):
                return Kind(group: "bookmark", style: .suffixed, isReference: false)
            case ("bookmark-end", "name"): return Kind(group: "bookmark", style: .suffixed, isReference: true)
            default: return nil
            }
        }
        if namespace == word2010Namespace, attribute == "paraId" || attribute == "textId" {
            return Kind(group: attribute, style: .hexadecimal, isReference: false)
        }
        if namespace.isEmpty, attribute == "id",
            (element.local == "docPr" && element.namespace == drawingNamespace)
                || (element.local == "cNvPr" && element.namespace == pictureNamespace)
        {
            return Kind(group: "drawing", style: .decimal, isReference: false)
        }
        guard Dialect.wordNamespaces.contains(namespace), Dialect.wordNamespaces.contains(element.namespace) else { return nil }
        switch (element.local, attribute) {
        case ("bookmarkStart", "id"): return Kind(group: "bookmark", style: .decimal, isReference: false)
        case ("bookmarkEnd", "id"): return Kind(group: "bookmark", style: .decimal, isReference: true)
        case ("bookmarkStart", "name"): return Kind(group: "bookmarkName", style: .suffixed, isReference: false)
        // The id of a content control, in its `w:sdtPr`.
        case ("id", "val"): return Kind(group: "sdt", style: .decimal, isReference: false)
        default: return nil
        }
    }
}
