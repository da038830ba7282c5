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
    /// and returns the one to use. Returns the comment anchors, which the caller removes,
    /// and the references to footnotes and endnotes.
    @discardableResult
    func renumber(
        _ root: xmlNodePtr, record: Int, numbering: ((Int) -> Int)? = nil
    ) -> (comments: [xmlNodePtr], notes: [xmlNodePtr]) {
        var bookmarks: [String: String] = [:]
        var comments: [xmlNodePtr] = []
        var notes: [xmlNodePtr] = []
        let suffix = "_r\(record + 1)"
        var names = NameCache()
        func visit(_ node: xmlNodePtr) {
            let name = names[node.pointee.name]
            let namespace = names[node.pointee.ns?.pointee.href]
            let isWord = Dialect.wordNamespaces.contains(namespace)
            if isWord, name == "commentRangeStart" || name == "commentRangeEnd" || name == "commentReference" {
                comments.append(node)
                return
            }
            if isWord, name == "footnoteReference" || name == "endnoteReference" { notes.append(node) }
            var attribute = node.pointee.properties
            while let current = attribute {
                attribute = current.pointee.next
                let local = names[current.pointee.name]
                let attributeNamespace = names[current.pointee.ns?.pointee.href]
                let replacement: String?
                if attributeNamespace == WordNames.w14, local == "paraId" || local == "textId" {
                    replacement = hex()
                } else if local == "id", attributeNamespace.isEmpty,
                    (name == "docPr" && namespace == WordNames.drawing) || (name == "cNvPr" && namespace == WordNames.picture)
                {
                    replacement = decimal()
                } else if isWord, Dialect.wordNamespaces.contains(attributeNamespace) {
                    switch (name, local) {
                    case ("bookmarkStart", "id"), ("bookmarkEnd", "id"):
                        let value = attributeValue(current)
                        let fresh = bookmarks[value] ?? decimal()
                        bookmarks[value] = fresh
                        replacement = fresh
                    case ("bookmarkStart", "name"):
                        replacement = attributeValue(current) + suffix
                    case ("id", "val") where node.parent?.isWord("sdtPr") == true:
                        replacement = decimal()
                    case ("numId", "val") where node.parent?.isWord("numPr") == true:
                        replacement = numbering.flatMap { restart in Int(attributeValue(current)).map { String(restart($0)) } }
                    default:
                        replacement = nil
                    }
                } else {
                    replacement = nil
                }
                if let replacement { xmlSetNsProp(node, current.pointee.ns, current.pointee.name, replacement) }
            }
        }
        if root.isElement { visit(root) }
        root.forEachDescendant(visit)
        return (comments, notes)
    }
}

/// The Swift text of libxml2's names, made once per name: a parsed document keeps each
/// name once (its dictionary), so the pointer stands for the name.
struct NameCache {
    private var known: [UnsafePointer<xmlChar>: String] = [:]

    subscript(_ pointer: UnsafePointer<xmlChar>?) -> String {
        mutating get {
            guard let pointer else { return "" }
            if let name = known[pointer] { return name }
            let name = String(cString: pointer)
            known[pointer] = name
            return name
        }
    }
}
