internal import CLibXML2

/// A relationships part (`word/_rels/document.xml.rels`), with room for new relationships.
final class PackageRelationships {
    struct Relationship {
        let id: String
        let type: String
        /// The part it points at, as a package name ("word/header1.xml"); `nil` when external.
        let part: String?
    }

    let document: XMLDocument
    private(set) var relationships: [Relationship] = []
    private var ids: Set<String> = []
    private var added = 0

    /// The relationships of the part `owner` ("word/document.xml"), from `bytes`.
    init?(_ bytes: [UInt8]?, owner: String) {
        guard let bytes, let document = try? XMLDocument(bytes: bytes, name: Self.name(of: owner)), let root = document.root
        else { return nil }
        self.document = document
        let folder = owner.split(separator: "/").dropLast().joined(separator: "/")
        for child in root.elementChildren where child.localName == "Relationship" {
            guard let id = child.attribute("Id", namespace: ""), let type = child.attribute("Type", namespace: ""),
                let target = child.attribute("Target", namespace: "")
            else { continue }
            let external = child.attribute("TargetMode", namespace: "") == "External"
            relationships.append(
                Relationship(id: id, type: type, part: external ? nil : Self.resolve(target, from: folder)))
            ids.insert(id)
        }
    }

    /// The name of the relationships part of `part`: "word/_rels/document.xml.rels".
    static func name(of part: String) -> String {
        var pieces = part.split(separator: "/").map(String.init)
        let file = pieces.popLast() ?? part
        return (pieces + ["_rels", file + ".rels"]).joined(separator: "/")
    }

    /// `target` relative to `folder`, as a package name.
    static func resolve(_ target: String, from folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var pieces = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." {
                _ = pieces.popLast()
            } else if piece != "." {
                pieces.append(String(piece))
            }
        }
        return pieces.joined(separator: "/")
    }

    /// Adds a relationship of `type` to `target` (relative to the owner's folder), with a
    /// new id.
    func add(type: String, target: String) -> String {
        var id: String
        repeat {
            added += 1
            id = "rIdLerend\(added)"
        } while ids.contains(id)
        ids.insert(id)
        guard let root = document.root else { return id }
        let element = root.newElement("Relationship")
        element.setAttribute("Id", namespace: "", to: id)
        element.setAttribute("Type", namespace: "", to: type)
        element.setAttribute("Target", namespace: "", to: target)
        xmlAddChild(root, element)
        return id
    }

    var bytes: [UInt8] { NodeWriter.document(document) }
}

/// `[Content_Types].xml`, with room for new overrides.
final class ContentTypes {
    let document: XMLDocument

    /// The content type of each part named in an override, by part name ("/word/header1.xml").
    private var overrides: [String: String] = [:]

    init?(_ bytes: [UInt8]?) {
        guard let bytes, let document = try? XMLDocument(bytes: bytes, name: "[Content_Types].xml") else { return nil }
        self.document = document
        for child in document.root?.elementChildren ?? [] where child.localName == "Override" {
            if let name = child.attribute("PartName", namespace: ""), let type = child.attribute("ContentType", namespace: "") {
                overrides[name] = type
            }
        }
    }

    /// The content type of `part` ("word/header1.xml").
    func type(of part: String) -> String? { overrides["/" + part] }

    func add(part: String, type: String) {
        guard let root = document.root else { return }
        let element = root.newElement("Override")
        element.setAttribute("PartName", namespace: "", to: "/" + part)
        element.setAttribute("ContentType", namespace: "", to: type)
        xmlAddChild(root, element)
    }

    var bytes: [UInt8] { NodeWriter.document(document) }
}
