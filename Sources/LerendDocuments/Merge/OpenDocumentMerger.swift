internal import CLibXML2
import LerendDiagnostics

/// Merges the records of an ODT template: see ``DocumentMerge``.
struct OpenDocumentMerger: FormatMerger {
    let source: MergeSource
    let path: String
    static let mainName = "content.xml"
    static let stylesName = "styles.xml"
    private let stream = MergedPartStream()
    private let writer = NodeWriter()
    /// The first record's content.xml: its automatic styles get the styles that start a page.
    private var first: XMLDocument?
    private var firstParts: [String: [UInt8]] = [:]
    private var automaticStyles: xmlNodePtr?
    /// styles.xml of the first record, parsed when a record needs page styles of its own.
    private var styles: XMLDocument?
    /// The page style each record starts with.
    private var masterPage: String?
    /// The styles made so far, by family, original style and page style.
    private var breakStyles: [String: String] = [:]
    private var trailer: [UInt8] = []
    private var count = 0

    var bodySize: Int { stream.size }

    init(source: MergeSource, path: String) throws(DiagnosticList) {
        self.source = source
        self.path = path
    }

    mutating func add(_ parts: [String: [UInt8]], label: String) throws(DiagnosticList) {
        let document: XMLDocument
        do throws(XMLParseError) {
            document = try XMLDocument(bytes: source.contents(of: Self.mainName, in: parts) ?? [], name: Self.mainName)
        } catch {
            throw DiagnosticList([error.diagnostic(templateName: path, part: Self.mainName)])
        }
        guard let root = document.root, let body = root.child("body", OpenDocumentNames.office),
            let text = body.child("text", OpenDocumentNames.office)
        else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "O021", "'content.xml' heeft geen office:text",
                    at: SourceLocation(file: path, detail: Self.mainName))
            ])
        }
        let record = count
        let content = text.elementChildren.filter {
            !OpenDocumentNames.prelude.contains($0.localName) && !OpenDocumentNames.trailer.contains($0.localName)
        }
        if record == 0 {
            first = document
            firstParts = parts
            automaticStyles = root.child("automatic-styles", OpenDocumentNames.office)
            masterPage = startingMasterPage(content, parts: parts)
            for node in text.elementChildren where OpenDocumentNames.trailer.contains(node.localName) {
                writer.append(node, into: &trailer)
            }
        } else {
            let page = pageStyle(parts, record: record)
            Self.rename(content, suffix: "_r\(record + 1)")
            Self.restartLists(content)
            startPage(content, masterPage: page)
        }
        var output: [UInt8] = []
        for node in content { writer.append(node, into: &output) }
        do throws(DeflateError) {
            try stream.write(output)
        } catch {
            throw DiagnosticList([
                ZipWriterError.compressionFailed(part: Self.mainName, error).diagnostic(templateName: path, format: .odt)
            ])
        }
        count += 1
    }

    mutating func finish(images: ImageSession?) throws(DiagnosticList) -> [UInt8] {
        guard let first, let root = first.root, let body = root.child("body", OpenDocumentNames.office),
            let text = body.child("text", OpenDocumentNames.office)
        else { return [] }
        var prefix = Array(#"<?xml version="1.0" encoding="UTF-8"?>"#.utf8) + [0x0A] + root.startTag
        var child = root.pointee.children
        while let node = child, node != body {
            writer.append(node, into: &prefix)
            child = node.pointee.next
        }
        prefix += body.startTag + text.startTag
        for node in text.elementChildren where OpenDocumentNames.prelude.contains(node.localName) {
            writer.append(node, into: &prefix)
        }
        let main: ZipWriter.PreparedEntry
        do throws(DeflateError) {
            try stream.write(trailer + text.endTag + body.endTag + root.endTag)
            try stream.finish()
        } catch {
            throw DiagnosticList([
                ZipWriterError.compressionFailed(part: Self.mainName, error).diagnostic(templateName: path, format: .odt)
            ])
        }
        do throws(ZipWriterError) {
            main = try stream.entry(name: Array(Self.mainName.utf8), prefix: prefix)
        } catch {
            throw DiagnosticList([error.diagnostic(templateName: path, format: .odt)])
        }
        var replaced: [String: [UInt8]] = [:]
        if let styles { replaced[Self.stylesName] = NodeWriter.document(styles) }
        return try source.package(
            replaced: replaced, prepared: [Self.mainName: main], rendered: firstParts, added: [], images: images,
            documentName: path)
    }

    /// The page style the document starts with: the one the first paragraph's style
    /// names, else "Standard" (LibreOffice's default page style) when it exists, else the
    /// first one in styles.xml.
    private func startingMasterPage(_ content: [xmlNodePtr], parts: [String: [UInt8]]) -> String? {
        if let start = Self.firstBlock(content), let (name, _) = Self.styleAttribute(of: start),
            let style = automaticStyle(name, family: Self.family(of: start)),
            let page = style.attribute("master-page-name", namespace: OpenDocumentNames.style), !page.isEmpty
        {
            return page
        }
        guard let bytes = source.contents(of: Self.stylesName, in: parts),
            let document = try? XMLDocument(bytes: bytes, name: Self.stylesName),
            let masters = document.root?.child("master-styles", OpenDocumentNames.office)
        else { return nil }
        let names = masters.elementChildren.filter { $0.isElement("master-page", OpenDocumentNames.style) }.compactMap {
            $0.attribute("name", namespace: OpenDocumentNames.style)
        }
        return names.contains("Standard") ? "Standard" : names.first
    }

    /// The page style of record `record`: the starting one, or a copy of it with the
    /// record's own header and footer when those differ from the first record's.
    private mutating func pageStyle(_ parts: [String: [UInt8]], record: Int) -> String? {
        guard let masterPage, let bytes = parts[Self.stylesName], bytes != firstParts[Self.stylesName],
            let document = try? XMLDocument(bytes: bytes, name: Self.stylesName),
            let page = Self.masterPage(masterPage, in: document)
        else { return masterPage }
        if styles == nil, let firstBytes = firstParts[Self.stylesName] {
            styles = try? XMLDocument(bytes: firstBytes, name: Self.stylesName)
        }
        guard let styles, let masters = styles.root?.child("master-styles", OpenDocumentNames.office) else {
            return masterPage
        }
        let name = "\(masterPage)_r\(record + 1)"
        Self.rename([page], suffix: "_r\(record + 1)")
        let copy = xmlDocCopyNode(page, styles.pointer, 1)!
        copy.setAttribute("name", namespace: OpenDocumentNames.style, to: name)
        copy.setAttribute("display-name", namespace: OpenDocumentNames.style, to: name)
        xmlAddChild(masters, copy)
        copy.dropRedundantNamespaces()
        return name
    }

    private static func masterPage(_ name: String, in document: XMLDocument) -> xmlNodePtr? {
        document.root?.child("master-styles", OpenDocumentNames.office)?.elementChildren.first {
            $0.isElement("master-page", OpenDocumentNames.style)
                && $0.attribute("name", namespace: OpenDocumentNames.style) == name
        }
    }

    /// The first paragraph, heading or table of a record, where its page starts.
    private static func firstBlock(_ content: [xmlNodePtr]) -> xmlNodePtr? {
        for node in content {
            if let found = node.firstElement(where: {
                $0.isElement("p", OpenDocumentNames.text) || $0.isElement("h", OpenDocumentNames.text)
                    || $0.isElement("table", OpenDocumentNames.table)
            }) {
                return found
            }
        }
        return nil
    }

    private static func family(of node: xmlNodePtr) -> String {
        node.localName == "table" ? "table" : "paragraph"
    }

    /// The style attribute of a paragraph or table: its value and namespace.
    private static func styleAttribute(of node: xmlNodePtr) -> (String, String)? {
        let namespace = node.localName == "table" ? OpenDocumentNames.table : OpenDocumentNames.text
        return node.attribute("style-name", namespace: namespace).map { ($0, namespace) }
    }

    private func automaticStyle(_ name: String, family: String) -> xmlNodePtr? {
        automaticStyles?.elementChildren.first {
            $0.isElement("style", OpenDocumentNames.style) && $0.attribute("name", namespace: OpenDocumentNames.style) == name
                && $0.attribute("family", namespace: OpenDocumentNames.style) == family
        }
    }

    /// Gives the first paragraph or table of a record a style that starts a new page
    /// with `masterPage`, numbered from 1.
    private mutating func startPage(_ content: [xmlNodePtr], masterPage: String?) {
        guard let start = Self.firstBlock(content), let automaticStyles else { return }
        let family = Self.family(of: start)
        let namespace = family == "table" ? OpenDocumentNames.table : OpenDocumentNames.text
        let original = start.attribute("style-name", namespace: namespace)
        let key = "\(family)\u{0}\(original ?? "")\u{0}\(masterPage ?? "")"
        if let known = breakStyles[key] {
            start.setAttribute("style-name", namespace: namespace, to: known)
            return
        }
        let name = "LerendRecord\(breakStyles.count + 1)"
        let style: xmlNodePtr
        if let original, let model = automaticStyle(original, family: family) {
            style = model.copy()
        } else {
            style = automaticStyles.newElement("style", namespace: OpenDocumentNames.style)
            style.setAttribute("family", namespace: OpenDocumentNames.style, to: family)
            if let original { style.setAttribute("parent-style-name", namespace: OpenDocumentNames.style, to: original) }
        }
        style.setAttribute("name", namespace: OpenDocumentNames.style, to: name)
        style.removeAttribute("display-name", namespace: OpenDocumentNames.style)
        if let masterPage { style.setAttribute("master-page-name", namespace: OpenDocumentNames.style, to: masterPage) }
        let propertiesName = family == "table" ? "table-properties" : "paragraph-properties"
        let properties =
            style.child(propertiesName, OpenDocumentNames.style)
            ?? {
                let made = style.newElement(propertiesName, namespace: OpenDocumentNames.style)
                if let first = style.pointee.children { xmlAddPrevSibling(first, made) } else { xmlAddChild(style, made) }
                return made
            }()
        properties.setAttribute("break-before", namespace: OpenDocumentNames.formatting, to: "page")
        properties.setAttribute("page-number", namespace: OpenDocumentNames.style, to: "1")
        xmlAddChild(automaticStyles, style)
        style.dropRedundantNamespaces()
        breakStyles[key] = name
        start.setAttribute("style-name", namespace: namespace, to: name)
    }

    /// Appends `suffix` to every id and unique name under `nodes`, and to what refers to them.
    private static func rename(_ nodes: [xmlNodePtr], suffix: String) {
        func visit(_ node: xmlNodePtr) {
            let element = node.localName
            node.rewriteAttributes { local, namespace, value in
                for name in OpenDocumentNames.names
                where name.attribute == local && name.namespace == namespace && (name.element == nil || name.element == element) {
                    return value + suffix
                }
                return nil
            }
        }
        for node in nodes {
            visit(node)
            node.forEachDescendant(visit)
        }
    }

    /// A list that continues the numbering of an earlier list continues only one of the
    /// same record: the first list of each list style in a record starts at 1.
    private static func restartLists(_ content: [xmlNodePtr]) {
        var styles: Set<String> = []
        var ids: Set<String> = []
        for node in content {
            let lists =
                [node].filter { $0.isElement("list", OpenDocumentNames.text) }
                + {
                    var found: [xmlNodePtr] = []
                    node.forEachDescendant { if $0.isElement("list", OpenDocumentNames.text) { found.append($0) } }
                    return found
                }()
            for list in lists {
                if let id = list.attribute("id", namespace: OpenDocumentNames.xml) { ids.insert(id) }
                if let continued = list.attribute("continue-list", namespace: OpenDocumentNames.text), !ids.contains(continued) {
                    list.removeAttribute("continue-list", namespace: OpenDocumentNames.text)
                }
                let style = list.attribute("style-name", namespace: OpenDocumentNames.text) ?? ""
                if list.attribute("continue-numbering", namespace: OpenDocumentNames.text) == "true", !styles.contains(style) {
                    list.setAttribute("continue-numbering", namespace: OpenDocumentNames.text, to: "false")
                }
                styles.insert(style)
            }
        }
    }
}
