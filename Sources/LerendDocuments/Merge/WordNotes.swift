internal import CLibXML2

/// Footnotes and endnotes of the records after the first: each reference gets a copy of
/// its note, rendered for that record, under a new id in footnotes.xml or endnotes.xml.
final class WordNotes {
    private struct Kind {
        let element: String
        let part: String
        var document: XMLDocument?
        var nextId = 0
    }

    private let source: MergeSource
    private let identifiers: WordIdentifiers
    private var kinds: [String: Kind] = [:]
    /// The rendered notes part of the record being copied, by part name.
    private var recordParts: [String: XMLDocument] = [:]

    init(source: MergeSource, relationships: PackageRelationships?, identifiers: WordIdentifiers) {
        self.source = source
        self.identifiers = identifiers
        for (reference, element, type, fallback) in [
            ("footnoteReference", "footnote", "/footnotes", "word/footnotes.xml"),
            ("endnoteReference", "endnote", "/endnotes", "word/endnotes.xml"),
        ] {
            let part = relationships?.relationships.first { $0.type.hasSuffix(type) }?.part ?? fallback
            kinds[reference] = Kind(element: element, part: part)
        }
    }

    /// Gives each of `references` (in record `record`, rendered as `parts`) a copy of its note.
    func copy(_ references: [xmlNodePtr], from parts: [String: [UInt8]], record: Int) {
        recordParts = [:]
        for reference in references {
            guard var kind = kinds[reference.localName], let id = reference.wordAttribute("id") else { continue }
            if kind.document == nil {
                guard let bytes = source.rawContents(of: kind.part) ?? firstRendering(kind.part, parts),
                    let document = try? XMLDocument(bytes: bytes, name: kind.part), let root = document.root
                else { continue }
                kind.document = document
                kind.nextId =
                    (root.elementChildren.compactMap { $0.wordAttribute("id").flatMap { Int($0) } }.max() ?? 0) + 1
            }
            guard let merged = kind.document, let root = merged.root, let note = note(id, kind: kind, in: parts) else {
                kinds[reference.localName] = kind
                continue
            }
            let copy = xmlDocCopyNode(note, merged.pointer, 1)!
            xmlAddChild(root, copy)
            copy.dropRedundantNamespaces()
            copy.setWordAttribute("id", to: String(kind.nextId))
            identifiers.renumber(copy, record: record)
            reference.setWordAttribute("id", to: String(kind.nextId))
            kind.nextId += 1
            kinds[reference.localName] = kind
        }
    }

    /// The notes part as the first record rendered it: kept from the first call.
    private var firstParts: [String: [UInt8]] = [:]

    /// Called with the first record's parts before any copy.
    func keepFirst(_ parts: [String: [UInt8]]) { firstParts = parts }

    private func firstRendering(_ part: String, _ parts: [String: [UInt8]]) -> [UInt8]? { firstParts[part] }

    /// The note `id` in this record's rendering of its part.
    private func note(_ id: String, kind: Kind, in parts: [String: [UInt8]]) -> xmlNodePtr? {
        let document: XMLDocument
        if let known = recordParts[kind.part] {
            document = known
        } else {
            guard let bytes = source.contents(of: kind.part, in: parts),
                let parsed = try? XMLDocument(bytes: bytes, name: kind.part)
            else { return nil }
            recordParts[kind.part] = parsed
            document = parsed
        }
        return document.root?.elementChildren.first { $0.isWord(kind.element) && $0.wordAttribute("id") == id }
    }

    /// The notes parts that got copies, by name.
    func parts() -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for kind in kinds.values {
            if let document = kind.document { result[kind.part] = NodeWriter.document(document) }
        }
        return result
    }
}
