internal import CLibXML2
import LerendDiagnostics

/// What the compiler learnt of the picture tags of one part.
struct ImagePartSummary {
    let part: String
    let replacedReferences: Set<String>
    let otherReferences: Set<String>
}

extension TemplateCompiler {
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let manifestName = "META-INF/manifest.xml"

    /// Prepares the package for picture tags: the relationships of the parts with picture
    /// tags (DOCX) and the manifest (ODT) are taken out of `entries` to be written per
    /// document, placeholder pictures nothing else refers to are dropped, and DOCX content
    /// types get PNG, JPEG and SVG.
    func planImages(
        format: DocumentFormat, parts: [ImagePartSummary], entries: inout [DocumentTemplate.Entry],
        diagnostics: inout [Diagnostic]
    ) -> ImagePackage? {
        guard !parts.isEmpty else { return nil }
        do throws(ImagePlanProblem) {
            return format == .docx
                ? try planWordImages(parts: parts, entries: &entries)
                : try planOpenDocumentImages(parts: parts, entries: &entries)
        } catch {
            diagnostics.append(
                Diagnostic(
                    .error, id: "T301", "kan deel '\(error.part)' niet lezen voor de afbeeldingen: \(error.reason)",
                    at: SourceLocation(file: name, detail: error.part)))
            return nil
        }
    }

    struct ImagePlanProblem: Error {
        let part: String
        let reason: String
    }

    // MARK: - DOCX

    private func planWordImages(
        parts: [ImagePartSummary], entries: inout [DocumentTemplate.Entry]
    ) throws(ImagePlanProblem) -> ImagePackage {
        let mediaPrefix = unusedPrefix("word/media/lerend-afbeelding-") { prefix in
            archive.entries.contains { $0.name.hasPrefix(prefix) }
        }
        var generated: [String: ImagePackage.GeneratedPart] = [:]
        var dropped: Set<String> = []
        var kept: Set<String> = []
        var allIDs: Set<String> = []
        var keptElements: [String: [xmlNodePtr]] = [:]
        var documents: [XMLDocument] = []
        for part in parts {
            let relationships = Self.relationshipsName(of: part.part)
            guard let entry = archive.entry(named: relationships) else { continue }
            let document = try parse(entry)
            documents.append(document)
            for element in document.root?.elementChildren ?? [] where element.localName == "Relationship" {
                let id = element.attribute("Id", namespace: "") ?? ""
                allIDs.insert(id)
                let target = element.attribute("Target", namespace: "").map { Self.resolve($0, from: part.part) }
                let external = element.attribute("TargetMode", namespace: "") == "External"
                if part.replacedReferences.contains(id), !part.otherReferences.contains(id) {
                    if let target, !external { dropped.insert(target) }
                } else {
                    keptElements[part.part, default: []].append(element)
                    if let target, !external { kept.insert(target) }
                }
            }
        }
        let relationshipPrefix = unusedPrefix("rIdLerend") { prefix in allIDs.contains { $0.hasPrefix(prefix) } }
        let declaration = Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n".utf8)
        for part in parts {
            var head = declaration + Array("<Relationships xmlns=\"\(Self.relationshipsNamespace)\">".utf8)
            for element in keptElements[part.part] ?? [] { head += Array(ImageXML.element(element).utf8) }
            let name = Self.relationshipsName(of: part.part)
            generated[part.part] = ImagePackage.GeneratedPart(name: name, head: head, tail: Array("</Relationships>".utf8))
            remove(name, from: &entries)
        }
        // A placeholder shown elsewhere too stays.
        let others = archive.entries.filter {
            $0.name.hasSuffix(".rels") && !parts.map { Self.relationshipsName(of: $0.part) }.contains($0.name)
        }
        var unused = dropped.subtracting(kept)
        for entry in others where !unused.isEmpty {
            let text = String(decoding: try contents(of: entry), as: UTF8.self)
            unused = unused.filter { !text.contains(Self.fileName($0)) }
        }
        for name in unused { remove(name, from: &entries) }
        try rewriteContentTypes(removing: unused, entries: &entries)
        return ImagePackage(
            format: .docx, mediaPrefix: mediaPrefix, relationshipPrefix: relationshipPrefix, relationships: generated,
            manifest: nil)
    }

    /// `[Content_Types].xml` with Defaults for PNG, JPEG and SVG and without the
    /// Overrides of dropped parts.
    private func rewriteContentTypes(removing unused: Set<String>, entries: inout [DocumentTemplate.Entry])
        throws(ImagePlanProblem)
    {
        guard let entry = archive.entry(named: Self.contentTypesName) else { return }
        let document = try parse(entry)
        var text =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"\(Self.contentTypesNamespace)\">"
        var extensions: Set<String> = []
        let children = document.root?.elementChildren ?? []
        for element in children where element.localName == "Default" {
            extensions.insert((element.attribute("Extension", namespace: "") ?? "").lowercased())
            text += ImageXML.element(element)
        }
        for format in [ImageFormat.png, .jpeg, .svg] where !extensions.contains(format.fileExtension) {
            text += "<Default Extension=\"\(format.fileExtension)\" ContentType=\"\(format.mediaType)\"/>"
        }
        for element in children where element.localName == "Override" {
            let part = element.attribute("PartName", namespace: "") ?? ""
            if unused.contains(String(part.drop { $0 == "/" })) { continue }
            text += ImageXML.element(element)
        }
        text += "</Types>"
        replace(Self.contentTypesName, with: Array(text.utf8), in: &entries)
    }

    // MARK: - ODT

    private func planOpenDocumentImages(
        parts: [ImagePartSummary], entries: inout [DocumentTemplate.Entry]
    ) throws(ImagePlanProblem) -> ImagePackage {
        let mediaPrefix = unusedPrefix("Pictures/lerend-afbeelding-") { prefix in
            archive.entries.contains { $0.name.hasPrefix(prefix) }
        }
        func normalized(_ href: String) -> String { href.hasPrefix("./") ? String(href.dropFirst(2)) : href }
        var unused = Set(parts.flatMap(\.replacedReferences).map(normalized))
            .subtracting(parts.flatMap(\.otherReferences).map(normalized))
        let partNames = Set(parts.map(\.part))
        for entry in archive.entries
        where !unused.isEmpty && entry.name.hasSuffix(".xml") && !partNames.contains(entry.name)
            && entry.name != Self.manifestName
        {
            let text = String(decoding: try contents(of: entry), as: UTF8.self)
            unused = unused.filter { !text.contains($0) }
        }
        for name in unused { remove(name, from: &entries) }
        var manifest: ImagePackage.GeneratedPart?
        var manifestPrefix: String?
        if let entry = archive.entry(named: Self.manifestName) {
            let document = try parse(entry)
            guard let root = document.root else { throw ImagePlanProblem(part: Self.manifestName, reason: "leeg") }
            manifestPrefix = root.pointee.ns?.pointee.prefix.map { String(cString: $0) }
            var head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + ImageXML.startTag(root)
            for element in root.elementChildren {
                let path = element.attribute("full-path", namespace: ImageXML.manifestNamespace) ?? ""
                if unused.contains(path) { continue }
                head += ImageXML.element(element)
            }
            manifest = ImagePackage.GeneratedPart(
                name: Self.manifestName, head: Array(head.utf8), tail: Array("</\(root.prefixedName)>".utf8))
            remove(Self.manifestName, from: &entries)
        }
        var package = ImagePackage(
            format: .odt, mediaPrefix: mediaPrefix, relationshipPrefix: "", relationships: [:], manifest: manifest)
        if let prefix = manifestPrefix { package.manifestPrefix = prefix }
        return package
    }

    // MARK: - Helpers

    static func relationshipsName(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
        return "\(part[...slash])_rels/\(part[part.index(after: slash)...]).rels"
    }

    /// A relationship's target as the name of a part in the package.
    static func resolve(_ target: String, from part: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var components = part.split(separator: "/").dropLast().map(String.init)
        for component in target.split(separator: "/") {
            if component == ".." {
                if !components.isEmpty { components.removeLast() }
            } else if component != "." {
                components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }

    static func fileName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

    private func unusedPrefix(_ base: String, taken: (String) -> Bool) -> String {
        var prefix = base
        var round = 1
        while taken(prefix) {
            round += 1
            prefix = base.dropLast() + "\(round)-"
        }
        return prefix
    }

    private func contents(of entry: ZipArchive.Entry) throws(ImagePlanProblem) -> [UInt8] {
        do throws(PackageProblem) {
            return try archive.read(entry, keepingContents: true, limit: limits.textPartSize).contents ?? []
        } catch {
            throw ImagePlanProblem(part: entry.name, reason: "te groot of beschadigd")
        }
    }

    private func parse(_ entry: ZipArchive.Entry) throws(ImagePlanProblem) -> XMLDocument {
        let bytes = try contents(of: entry)
        do throws(XMLParseError) {
            return try XMLDocument(bytes: bytes, name: entry.name, allowsExternalDoctype: true)
        } catch {
            throw ImagePlanProblem(part: entry.name, reason: "geen geldige XML")
        }
    }

    private func remove(_ name: String, from entries: inout [DocumentTemplate.Entry]) {
        entries.removeAll { Self.name(of: $0) == name }
    }

    /// Replaces the entry `name` by `bytes`, stored, in the same place.
    private func replace(_ name: String, with bytes: [UInt8], in entries: inout [DocumentTemplate.Entry]) {
        guard let index = entries.firstIndex(where: { Self.name(of: $0) == name }) else { return }
        let crc = bytes.withUnsafeBytes { Deflater.crc32($0) }
        guard let prepared = try? ZipWriter.prepare(name: Array(name.utf8), method: 0, crc32: crc, size: bytes.count, data: bytes)
        else { return }
        entries[index] = .raw(prepared)
    }

    static func name(of entry: DocumentTemplate.Entry) -> String {
        switch entry {
        case .raw(let prepared): String(decoding: prepared.name, as: UTF8.self)
        case .compiled(let part): part.name
        }
    }
}

/// Writes elements of small package parts (relationships, content types, manifest) back
/// as XML.
enum ImageXML {
    static let manifestNamespace = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

    /// The start tag of `node` with its namespace declarations and attributes, open.
    static func startTag(_ node: xmlNodePtr) -> String {
        var text = "<" + node.prefixedName
        var namespace = node.pointee.nsDef
        while let current = namespace {
            let prefix = current.pointee.prefix.map { ":" + String(cString: $0) } ?? ""
            let href = current.pointee.href.map { String(cString: $0) } ?? ""
            text += " xmlns\(prefix)=\"\(XMLEscaping.attribute(href))\""
            namespace = current.pointee.next
        }
        var attribute = node.pointee.properties
        while let current = attribute {
            let prefix = current.pointee.ns?.pointee.prefix.map { String(cString: $0) + ":" } ?? ""
            let name = current.pointee.name.map { String(cString: $0) } ?? ""
            text += " \(prefix)\(name)=\"\(XMLEscaping.attribute(attributeValue(current)))\""
            attribute = current.pointee.next
        }
        return text + ">"
    }

    /// `node` and what it holds (elements and text).
    static func element(_ node: xmlNodePtr) -> String {
        var text = startTag(node)
        guard node.firstChild != nil else { return String(text.dropLast()) + "/>" }
        var child = node.firstChild
        while let current = child {
            if current.isElement {
                text += element(current)
            } else if current.isText {
                text += XMLEscaping.text(current.textContent)
            }
            child = current.next
        }
        return text + "</\(node.prefixedName)>"
    }
}
