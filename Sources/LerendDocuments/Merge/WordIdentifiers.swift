internal import CLibXML2

/// Gives the ids of each record after the first values of their own: paragraph and
/// text ids (`w14:paraId`, `w14:textId`), bookmarks (ids and names), drawings
/// (`wp:docPr`, `pic:cNvPr`) and content controls, across the whole merged document.
final class WordIdentifiers {
    /// Fresh numbers start here: above the ids of the first record, which keeps its own
    /// (Word's small numbers, and the renumbering of repetitions from 0x3A000000), and
    /// below 0x80000000 as `w14:paraId` requires.
    static let firstNumber = 0x5000_0000
    private var nextHex = firstNumber
    private var nextDecimal = firstNumber
    /// The hexadecimal ids the first record uses, never given again.
    private var taken: Set<Int> = []

    /// Notes the paragraph ids of the first record, which stay as they are.
    func keep(_ root: xmlNodePtr) {
        root.forEachDescendant { node in
            for name in ["paraId", "textId"] {
                if let value = node.attribute(name, namespace: WordNames.w14), let number = Int(value, radix: 16) {
                    taken.insert(number)
                }
            }
        }
    }

    private func hex() -> String {
        while taken.contains(nextHex) { nextHex += 1 }
        defer { nextHex += 1 }
        let digits = String(nextHex, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    private func decimal() -> String {
        defer { nextDecimal += 1 }
        return String(nextDecimal)
    }

    /// Renumbers the ids under `root` (and of `root`), for record number `record` (1 for
    /// the second record). `numbering`, when given, is called with each list's `w:numId`
    /// and returns the one to use.
    func renumber(_ root: xmlNodePtr, record: Int, numbering: ((Int) -> Int)? = nil) {
        var bookmarks: [String: String] = [:]
        let suffix = "_r\(record + 1)"
        func visit(_ node: xmlNodePtr) {
            let name = node.localName
            let namespace = node.namespaceURI
            let isWord = Dialect.wordNamespaces.contains(namespace)
            node.rewriteAttributes { local, attributeNamespace, value in
                if attributeNamespace == WordNames.w14, local == "paraId" || local == "textId" { return hex() }
                if local == "id", attributeNamespace.isEmpty,
                    (name == "docPr" && namespace == WordNames.drawing) || (name == "cNvPr" && namespace == WordNames.picture)
                {
                    return decimal()
                }
                guard isWord, Dialect.wordNamespaces.contains(attributeNamespace) else { return nil }
                switch (name, local) {
                case ("bookmarkStart", "id"), ("bookmarkEnd", "id"):
                    if let known = bookmarks[value] { return known }
                    let fresh = decimal()
                    bookmarks[value] = fresh
                    return fresh
                case ("bookmarkStart", "name"):
                    return value + suffix
                case ("id", "val") where node.parent?.isWord("sdtPr") == true:
                    return decimal()
                case ("numId", "val") where node.parent?.isWord("numPr") == true:
                    guard let numbering, let number = Int(value) else { return nil }
                    return String(numbering(number))
                default:
                    return nil
                }
            }
        }
        if root.isElement { visit(root) }
        root.forEachDescendant(visit)
    }
}
