/// The namespaces and names the ODT merge looks for.
enum OpenDocumentNames {
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let text = Dialect.textNamespace
    static let table = Dialect.tableNamespace
    static let drawing = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    static let formatting = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    static let xml = PartCompiler.xmlNamespace

    /// The children of `office:text` that come before its content, once per document.
    static let prelude: Set<String> = [
        "forms", "tracked-changes", "variable-decls", "sequence-decls", "user-field-decls", "dde-connection-decls",
        "alphabetical-index-auto-mark-file", "calculation-settings", "content-validations", "label-ranges",
    ]
    /// The children of `office:text` that come after its content, once per document.
    static let trailer: Set<String> = [
        "named-expressions", "database-ranges", "data-pilot-tables", "consolidation", "dde-links",
    ]

    /// Attributes whose value is a name that must be unique in the document, or refers to
    /// one in the same record: (element, attribute namespace, attribute); `nil` element:
    /// on every element.
    static let names: [(element: String?, namespace: String, attribute: String)] = [
        (nil, xml, "id"),
        ("list", text, "continue-list"),
        ("bookmark", text, "name"), ("bookmark-start", text, "name"), ("bookmark-end", text, "name"),
        ("reference-mark", text, "name"), ("reference-mark-start", text, "name"), ("reference-mark-end", text, "name"),
        ("section", text, "name"),
        ("bookmark-ref", text, "ref-name"), ("reference-ref", text, "ref-name"), ("note-ref", text, "ref-name"),
        ("sequence-ref", text, "ref-name"), ("sequence", text, "ref-name"),
        ("note", text, "id"),
        ("frame", drawing, "name"),
        ("table", table, "name"),
    ]
}
