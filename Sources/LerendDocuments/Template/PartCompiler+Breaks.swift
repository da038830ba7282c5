internal import CLibXML2

extension PartCompiler {
    /// Where a paragraph's break is, seen from its control tags.
    enum BreakSide: Equatable {
        /// Before the tags (DOCX: a break run before them; ODT: a style that breaks before
        /// the paragraph): the paragraph goes before the tags' markers.
        case beforeTags
        /// After the tags (a break run after them, a section break, a style that breaks after
        /// the paragraph): the paragraph goes after the markers.
        case afterTags
    }

    /// The page, column and section breaks in a paragraph, and which of them come before
    /// any text of it (DOCX), or the side the paragraph's style breaks on (ODT).
    struct BreakElements {
        var nodes: [xmlNodePtr] = []
        /// For each of `nodes`: whether it comes after the paragraph's tags.
        var after: [Bool?] = []
        var styleSide: BreakSide?
        /// DOCX `w:pageBreakBefore` in the paragraph's properties.
        var breaksBefore = false
        var styleBreaksOnBothSides = false
    }

    func breakElements(of paragraph: xmlNodePtr) -> BreakElements {
        var result = BreakElements()
        if dialect.format == .odt {
            guard let style = paragraph.attribute("style-name", namespace: Dialect.textNamespace),
                let breaks = paragraphStyleBreaks[style]
            else { return result }
            result.styleSide = breaks.before ? .beforeTags : .afterTags
            result.styleBreaksOnBothSides = breaks.before && breaks.after
            return result
        }
        func visit(_ element: xmlNodePtr) {
            for child in element.elementChildren {
                let name = child.qualifiedName
                guard Dialect.wordNamespaces.contains(name.namespace) else { continue }
                switch name.local {
                case "br":
                    let type = child.attribute("type", namespace: name.namespace)
                    if type == "page" || type == "column" {
                        result.nodes.append(child)
                        result.after.append(nil)
                    }
                case "sectPr":
                    result.nodes.append(child)
                    result.after.append(true)
                case "pageBreakBefore":
                    let value = child.attribute("val", namespace: name.namespace)
                    if value != "0" && value != "false" && value != "off" {
                        result.breaksBefore = true
                    }
                case "p":
                    continue
                case "pPr", "r", "hyperlink", "ins", "smartTag", "customXml", "sdt", "sdtContent", "dir", "bdo":
                    visit(child)
                default:
                    continue
                }
            }
        }
        visit(paragraph)
        return result
    }

    /// The side of the tags the breaks are on, or `nil` when there are none or they are on
    /// both sides.
    func breakSide(_ found: BreakElements, in record: ParagraphRecord) -> BreakSide? {
        if dialect.format == .odt { return found.styleBreaksOnBothSides ? nil : found.styleSide }
        guard !found.nodes.isEmpty else { return found.breaksBefore ? .beforeTags : nil }
        // Document order within the paragraph: breaks against the text nodes of the tags.
        let tagNodes = Set(record.tags.map { tags[$0].textNode })
        var order: [xmlNodePtr: Int] = [:]
        var counter = 0
        func number(_ node: xmlNodePtr) {
            var child = node.firstChild
            while let current = child {
                order[current] = counter
                counter += 1
                if current.isElement { number(current) }
                child = current.next
            }
        }
        number(record.node)
        let tagPositions = tagNodes.compactMap { order[$0] }
        guard let first = tagPositions.min(), let last = tagPositions.max() else { return nil }
        var sides = Set<Bool>()
        for (node, after) in zip(found.nodes, found.after) {
            if let after {
                sides.insert(after)
            } else if let position = order[node] {
                if position < first {
                    sides.insert(false)
                } else if position > last {
                    sides.insert(true)
                } else {
                    return nil
                }
            }
        }
        if found.breaksBefore { sides.insert(false) }
        guard sides.count == 1 else { return nil }
        return sides.first! ? .afterTags : .beforeTags
    }

    /// ODT automatic paragraph styles that break the page or column before or after.
    static func paragraphStyleBreaks(in document: XMLDocument) -> [String: (before: Bool, after: Bool)] {
        let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
        let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
        let fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
        var result: [String: (before: Bool, after: Bool)] = [:]
        guard let root = document.root else { return result }
        for styles in root.elementChildren where styles.localName == "automatic-styles" && styles.namespaceURI == office {
            for element in styles.elementChildren where element.localName == "style" && element.namespaceURI == style {
                guard element.attribute("family", namespace: style) == "paragraph",
                    let name = element.attribute("name", namespace: style)
                else { continue }
                for properties in element.elementChildren where properties.localName == "paragraph-properties" {
                    let breaks = ["page", "column"]
                    let before = properties.attribute("break-before", namespace: fo).map(breaks.contains) ?? false
                    let after = properties.attribute("break-after", namespace: fo).map(breaks.contains) ?? false
                    if before || after { result[name] = (before, after) }
                }
            }
        }
        return result
    }
}
