internal import CLibXML2

/// A namespace-qualified element name.
struct QualifiedName: Hashable, Sendable {
    let namespace: String
    let local: String
}

extension UnsafeMutablePointer where Pointee == xmlNode {
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointee.type == XML_TEXT_NODE }

    var localName: String { pointee.name.map { String(cString: $0) } ?? "" }

    var namespaceURI: String { pointee.ns?.pointee.href.map { String(cString: $0) } ?? "" }

    var qualifiedName: QualifiedName { QualifiedName(namespace: namespaceURI, local: localName) }

    /// The name as written, with its prefix: `w:p`.
    var prefixedName: String {
        if let prefix = pointee.ns?.pointee.prefix { return String(cString: prefix) + ":" + localName }
        return localName
    }

    var parent: xmlNodePtr? { pointee.parent }
    var next: xmlNodePtr? { pointee.next }
    var firstChild: xmlNodePtr? { pointee.children }

    /// The element children, in order.
    var elementChildren: [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = pointee.children
        while let node = child {
            if node.isElement { result.append(node) }
            child = node.pointee.next
        }
        return result
    }

    /// The text of a text node.
    var textContent: String { pointee.content.map { String(cString: $0) } ?? "" }

    /// The value of the attribute `local` in namespace `namespace`.
    func attribute(_ local: String, namespace: String) -> String? {
        var attribute = pointee.properties
        while let current = attribute {
            let name = current.pointee.name.map { String(cString: $0) } ?? ""
            let uri = current.pointee.ns?.pointee.href.map { String(cString: $0) } ?? ""
            if name == local, uri == namespace { return attributeValue(current) }
            attribute = current.pointee.next
        }
        return nil
    }

    /// The nearest ancestor (not the node itself) that satisfies `predicate`.
    func ancestor(where predicate: (xmlNodePtr) -> Bool) -> xmlNodePtr? {
        var node = pointee.parent
        while let current = node, current.pointee.type != XML_DOCUMENT_NODE {
            if predicate(current) { return current }
            node = current.pointee.parent
        }
        return nil
    }
}

/// The text of an attribute (its children are text nodes).
func attributeValue(_ attribute: xmlAttrPtr) -> String {
    var text = ""
    var child = attribute.pointee.children
    while let node = child {
        if let content = node.pointee.content { text += String(cString: content) }
        child = node.pointee.next
    }
    return text
}
