internal import CLibXML2

/// Numbered lists that start again at each record: every list a record after the first
/// uses gets a new `w:num` in numbering.xml, pointing at the same `w:abstractNum`, with a
/// `w:startOverride` for each level.
///
/// Paragraphs numbered through their style (a `w:numPr` in styles.xml, as Word's "List
/// Number" has) get a `w:numPr` of their own that names the new list.
final class WordNumbering {
    private let document: XMLDocument
    /// Each `w:num` by its id.
    private var lists: [Int: xmlNodePtr] = [:]
    /// The start of each level of each `w:abstractNum`.
    private var starts: [String: [(level: String, start: String)]] = [:]
    /// The list and level of each paragraph style that numbers, through `w:basedOn`.
    private var styleLists: [String: (list: Int, level: String)] = [:]
    private var nextList: Int
    /// The new lists of this record, by the list they restart.
    private var current: [Int: Int] = [:]
    private(set) var added: [(list: Int, original: Int)] = []

    /// `nil` when the template has no numbering part.
    init?(numbering: [UInt8]?, styles: [UInt8]?) {
        guard let numbering, let document = try? XMLDocument(bytes: numbering, name: "word/numbering.xml"),
            let root = document.root
        else { return nil }
        self.document = document
        var highest = 0
        for child in root.elementChildren {
            if child.isWord("num"), let id = child.wordAttribute("numId").flatMap({ Int($0) }) {
                lists[id] = child
                highest = max(highest, id)
            } else if child.isWord("abstractNum"), let id = child.wordAttribute("abstractNumId") {
                starts[id] = child.elementChildren.filter { $0.isWord("lvl") }.compactMap { level in
                    guard let number = level.wordAttribute("ilvl") else { return nil }
                    return (number, level.wordChild("start")?.wordAttribute("val") ?? "0")
                }
            }
        }
        nextList = highest + 1
        if let styles, let stylesDocument = try? XMLDocument(bytes: styles, name: "word/styles.xml"),
            let stylesRoot = stylesDocument.root
        {
            styleLists = Self.styleLists(stylesRoot)
        }
    }

    private static func styleLists(_ root: xmlNodePtr) -> [String: (list: Int, level: String)] {
        var own: [String: (list: Int?, level: String?)] = [:]
        var basedOn: [String: String] = [:]
        for style in root.elementChildren where style.isWord("style") && style.wordAttribute("type") == "paragraph" {
            guard let id = style.wordAttribute("styleId") else { continue }
            if let parent = style.wordChild("basedOn")?.wordAttribute("val") { basedOn[id] = parent }
            if let properties = style.wordChild("pPr")?.wordChild("numPr") {
                own[id] = (
                    properties.wordChild("numId")?.wordAttribute("val").flatMap { Int($0) },
                    properties.wordChild("ilvl")?.wordAttribute("val")
                )
            }
        }
        var result: [String: (list: Int, level: String)] = [:]
        for id in Set(own.keys).union(basedOn.keys) {
            var list: Int?
            var level: String?
            var style: String? = id
            var seen: Set<String> = []
            while let name = style, !seen.contains(name), list == nil || level == nil {
                seen.insert(name)
                if let properties = own[name] {
                    list = list ?? properties.list
                    level = level ?? properties.level
                }
                style = basedOn[name]
            }
            if let list, list != 0 { result[id] = (list, level ?? "0") }
        }
        return result
    }

    /// Starts a new record: its lists are new ones.
    func startRecord() { current = [:] }

    /// The list to use in this record instead of `list`.
    func restarted(_ list: Int) -> Int {
        guard list != 0, lists[list] != nil else { return list }
        if let known = current[list] { return known }
        let fresh = nextList
        nextList += 1
        current[list] = fresh
        added.append((fresh, list))
        return fresh
    }

    /// Gives each paragraph under `root` numbered only through its style a `w:numPr` of
    /// its own with this record's list.
    func numberStyledParagraphs(under root: xmlNodePtr) {
        guard !styleLists.isEmpty else { return }
        var paragraphs: [(xmlNodePtr, (list: Int, level: String))] = []
        root.forEachDescendant { node in
            guard node.isWord("p"), let properties = node.wordChild("pPr"), properties.wordChild("numPr") == nil,
                let style = properties.wordChild("pStyle")?.wordAttribute("val"), let numbering = styleLists[style]
            else { return }
            paragraphs.append((properties, numbering))
        }
        for (properties, numbering) in paragraphs {
            let numberingProperties = properties.newElement("numPr")
            let level = properties.newElement("ilvl")
            level.setWordAttribute("val", to: numbering.level)
            let list = properties.newElement("numId")
            list.setWordAttribute("val", to: String(restarted(numbering.list)))
            xmlAddChild(numberingProperties, level)
            xmlAddChild(numberingProperties, list)
            insert(numberingProperties, into: properties, after: WordNames.beforeNumberingProperties)
        }
    }

    /// numbering.xml with the new lists, or `nil` when there are none.
    func part() -> [UInt8]? {
        guard !added.isEmpty, var last = lists.values.max(by: { Self.position($0) < Self.position($1) }) else { return nil }
        for (list, original) in added {
            guard let model = lists[original] else { continue }
            let copy = model.copy()
            copy.setWordAttribute("numId", to: String(list))
            let abstract = copy.wordChild("abstractNumId")?.wordAttribute("val") ?? ""
            for (level, start) in starts[abstract] ?? [] {
                let override =
                    copy.elementChildren.first { $0.isWord("lvlOverride") && $0.wordAttribute("ilvl") == level }
                    ?? {
                        let made = copy.newElement("lvlOverride")
                        made.setWordAttribute("ilvl", to: level)
                        xmlAddChild(copy, made)
                        return made
                    }()
                guard override.wordChild("startOverride") == nil else { continue }
                let restart = copy.newElement("startOverride")
                restart.setWordAttribute("val", to: start)
                if let first = override.pointee.children {
                    xmlAddPrevSibling(first, restart)
                } else {
                    xmlAddChild(override, restart)
                }
            }
            xmlAddNextSibling(last, copy)
            copy.dropRedundantNamespaces()
            last = copy
        }
        return NodeWriter.document(document)
    }

    /// Where a node is among its siblings, to find the last `w:num`.
    private static func position(_ node: xmlNodePtr) -> Int {
        var count = 0
        var previous = node.pointee.prev
        while let current = previous {
            count += 1
            previous = current.pointee.prev
        }
        return count
    }
}
