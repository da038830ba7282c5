internal import CLibXML2

/// What the merge does to a parsed part: find, change, add and write out elements with
/// libxml2. Only used on parts Lerend rendered itself.
extension UnsafeMutablePointer where Pointee == xmlNode {
    /// Whether this is the element `local` in `namespace`.
    func isElement(_ local: String, _ namespace: String) -> Bool {
        isElement && localName == local && namespaceURI == namespace
    }

    /// The first element child `local` in `namespace`.
    func child(_ local: String, _ namespace: String) -> xmlNodePtr? {
        var node = pointee.children
        while let current = node {
            if current.isElement(local, namespace) { return current }
            node = current.pointee.next
        }
        return nil
    }

    /// Every element under this one (not itself), in document order.
    func forEachDescendant(_ body: (xmlNodePtr) -> Void) {
        var node = pointee.children
        while let current = node {
            if current.isElement {
                body(current)
                current.forEachDescendant(body)
            }
            node = current.pointee.next
        }
    }

    /// The first element under this one (or itself) that satisfies `predicate`.
    func firstElement(where predicate: (xmlNodePtr) -> Bool) -> xmlNodePtr? {
        if isElement, predicate(self) { return self }
        var node = pointee.children
        while let current = node {
            if let found = current.firstElement(where: predicate) { return found }
            node = current.pointee.next
        }
        return nil
    }

    /// Sets attribute `local` in `namespace` ("" for none); the namespace must be declared.
    func setAttribute(_ local: String, namespace: String, to value: String) {
        if namespace.isEmpty {
            xmlSetNsProp(self, nil, local, value)
        } else if let ns = namespaceInScope(namespace) {
            xmlSetNsProp(self, ns, local, value)
        }
    }

    /// Removes attribute `local` in `namespace`.
    func removeAttribute(_ local: String, namespace: String) {
        let ns = namespace.isEmpty ? nil : namespace
        if let attribute = xmlHasNsProp(self, local, ns) { xmlRemoveProp(attribute) }
    }

    /// Calls `body` with each attribute's local name, namespace and value; `body` returns
    /// a new value, or `nil` to keep it.
    func rewriteAttributes(_ body: (_ local: String, _ namespace: String, _ value: String) -> String?) {
        var attribute = pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            let local = current.pointee.name.map { String(cString: $0) } ?? ""
            let namespace = current.pointee.ns?.pointee.href.map { String(cString: $0) } ?? ""
            guard let replacement = body(local, namespace, attributeValue(current)) else { continue }
            xmlSetNsProp(self, current.pointee.ns, current.pointee.name, replacement)
        }
    }

    /// A new element `local` in the namespace of `like` (same prefix), not yet placed.
    func newElement(_ local: String) -> xmlNodePtr {
        xmlNewDocNode(pointee.doc, pointee.ns, local, nil)
    }

    /// A new element `local` in `namespace`, declared in scope here, not yet placed.
    func newElement(_ local: String, namespace: String) -> xmlNodePtr {
        xmlNewDocNode(pointee.doc, namespaceInScope(namespace), local, nil)
    }

    /// The declaration of `namespace` here, or on the root of the document when the node
    /// is not placed yet.
    func namespaceInScope(_ namespace: String) -> xmlNsPtr? {
        xmlSearchNsByHref(pointee.doc, self, namespace)
            ?? xmlDocGetRootElement(pointee.doc).flatMap { xmlSearchNsByHref(pointee.doc, $0, namespace) }
    }

    /// A deep copy in the same document, not yet placed.
    func copy() -> xmlNodePtr { xmlDocCopyNode(self, pointee.doc, 1) }

    /// After a copy is placed: drops the namespace declarations libxml2 put on it that
    /// its new ancestors already make, so that it is written as the original was.
    func dropRedundantNamespaces() {
        var previous: xmlNsPtr?
        var declaration = pointee.nsDef
        while let current = declaration {
            declaration = current.pointee.next
            guard let parent = pointee.parent, let inherited = xmlSearchNs(pointee.doc, parent, current.pointee.prefix),
                xmlStrEqual(inherited.pointee.href, current.pointee.href) != 0
            else {
                previous = current
                continue
            }
            replaceNamespace(current, with: inherited)
            if let previous { previous.pointee.next = current.pointee.next } else { pointee.nsDef = current.pointee.next }
            current.pointee.next = nil
            xmlFreeNs(current)
        }
    }

    private func replaceNamespace(_ old: xmlNsPtr, with new: xmlNsPtr) {
        if pointee.ns == old { pointee.ns = new }
        var attribute = pointee.properties
        while let current = attribute {
            if current.pointee.ns == old { current.pointee.ns = new }
            attribute = current.pointee.next
        }
        var child = pointee.children
        while let node = child {
            if node.isElement { node.replaceNamespace(old, with: new) }
            child = node.pointee.next
        }
    }

    /// Takes the node out of its tree and frees it.
    func remove() {
        xmlUnlinkNode(self)
        xmlFreeNode(self)
    }

    /// The start tag as written: name, namespace declarations and attributes.
    var startTag: [UInt8] {
        var text = "<" + prefixedName
        var namespace = pointee.nsDef
        while let current = namespace {
            let prefix = current.pointee.prefix.map { ":" + String(cString: $0) } ?? ""
            let href = current.pointee.href.map { String(cString: $0) } ?? ""
            text += " xmlns\(prefix)=\"\(XMLEscaping.attribute(href))\""
            namespace = current.pointee.next
        }
        var attribute = pointee.properties
        while let current = attribute {
            let prefix = current.pointee.ns?.pointee.prefix.map { String(cString: $0) + ":" } ?? ""
            let name = current.pointee.name.map { String(cString: $0) } ?? ""
            text += " \(prefix)\(name)=\"\(XMLEscaping.attribute(attributeValue(current)))\""
            attribute = current.pointee.next
        }
        return Array((text + ">").utf8)
    }

    var endTag: [UInt8] { Array("</\(prefixedName)>".utf8) }
}

/// Inserts `node` as a child of `parent` before its first child that is not in
/// `precedingNames` (local names of the elements a schema puts before it), so that
/// children stay in schema order.
func insert(_ node: xmlNodePtr, into parent: xmlNodePtr, after precedingNames: Set<String>) {
    var child = parent.pointee.children
    while let current = child {
        if current.isElement, !precedingNames.contains(current.localName) {
            xmlAddPrevSibling(current, node)
            return
        }
        child = current.pointee.next
    }
    xmlAddChild(parent, node)
}

/// Serializes nodes with libxml2 into a byte buffer, reusing one libxml2 buffer.
final class NodeWriter {
    private let buffer: xmlBufferPtr

    init() { buffer = xmlBufferCreate() }
    deinit { xmlBufferFree(buffer) }

    /// Appends `node` and everything in it, as XML, to `output`.
    func append(_ node: xmlNodePtr, into output: inout [UInt8]) {
        xmlBufferEmpty(buffer)
        xmlNodeDump(buffer, node.pointee.doc, node, 0, 0)
        if let content = xmlBufferContent(buffer) {
            output.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
        }
    }

    /// The whole document, with its XML declaration.
    static func document(_ document: XMLDocument) -> [UInt8] {
        var memory: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(document.pointer, &memory, &size, "UTF-8")
        guard let memory else { return [] }
        defer { lerend_xml_free(memory) }
        return Array(UnsafeBufferPointer(start: memory, count: Int(size)))
    }
}
