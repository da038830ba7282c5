internal import CLibXML2
import LerendDiagnostics

/// Merges the records of a DOCX template: see ``DocumentMerge``.
struct WordMerger: FormatMerger {
    let source: MergeSource
    let path: String
    let mainName: String
    private let stream = MergedPartStream()
    private let writer = NodeWriter()
    private let identifiers = WordIdentifiers()
    private let numbering: WordNumbering?
    private let relationships: PackageRelationships?
    private let contentTypes: ContentTypes?
    private let notes: WordNotes
    /// The header and footer parts that hold tags, with the relationship that names each.
    private let headerParts: [(id: String, type: String, part: String)]
    private var names: Set<String>
    private var added: [(name: String, contents: [UInt8])] = []
    private var first: [String: [UInt8]] = [:]
    private var prefix: [UInt8] = []
    private var suffix: [UInt8] = []
    /// The latest record, written when the next one comes (then it ends with a section
    /// break) or at the end (then its section is the document's last).
    private var pending: (document: XMLDocument, body: xmlNodePtr)?
    private var count = 0

    var bodySize: Int { stream.size }

    init(source: MergeSource, path: String) throws(DiagnosticList) {
        self.source = source
        self.path = path
        let packageRelationships = PackageRelationships(source.rawContents(of: "_rels/.rels"), owner: "")
        mainName =
            packageRelationships?.relationships.first { $0.type.hasSuffix("/officeDocument") }?.part ?? "word/document.xml"
        let relationships = PackageRelationships(
            source.rawContents(of: PackageRelationships.name(of: mainName)), owner: mainName)
        self.relationships = relationships
        contentTypes = ContentTypes(source.rawContents(of: TemplateCompiler.contentTypesName))
        let numberingPart = relationships?.relationships.first { $0.type.hasSuffix("/numbering") }?.part
        let stylesPart = relationships?.relationships.first { $0.type.hasSuffix("/styles") }?.part
        numbering = WordNumbering(
            numbering: numberingPart.flatMap(source.rawContents(of:)),
            styles: stylesPart.flatMap(source.rawContents(of:)))
        let compiled = source.compiledNames
        notes = WordNotes(source: source, relationships: relationships, identifiers: identifiers)
        headerParts = (relationships?.relationships ?? []).compactMap { relationship in
            guard let part = relationship.part, compiled.contains(part),
                relationship.type.hasSuffix("/header") || relationship.type.hasSuffix("/footer")
            else { return nil }
            return (relationship.id, relationship.type, part)
        }
        names = Set(
            source.template.entries.map {
                switch $0 {
                case .raw(let prepared): String(decoding: prepared.name, as: UTF8.self)
                case .compiled(let part): part.name
                }
            })
    }

    mutating func add(_ parts: [String: [UInt8]], label: String) throws(DiagnosticList) {
        let document: XMLDocument
        do throws(XMLParseError) {
            document = try XMLDocument(bytes: source.contents(of: mainName, in: parts) ?? [], name: mainName)
        } catch {
            throw DiagnosticList([error.diagnostic(templateName: path, part: mainName)])
        }
        guard let root = document.root, let body = root.wordChild("body") else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "O021", "'\(mainName)' heeft geen w:body", at: SourceLocation(file: path, detail: mainName))
            ])
        }
        let record = count
        if record == 0 {
            first = parts
            notes.keepFirst(parts)
            prefix = Array(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#.utf8) + [0x0A] + root.startTag
            var child = root.pointee.children
            while let node = child, node != body {
                writer.append(node, into: &prefix)
                child = node.pointee.next
            }
            prefix += body.startTag
            suffix = body.endTag
            child = body.pointee.next
            while let node = child {
                writer.append(node, into: &suffix)
                child = node.pointee.next
            }
            suffix += root.endTag
            identifiers.keep(body)
        } else {
            let copies = headerCopies(parts, record: record)
            if !copies.isEmpty {
                body.forEachDescendant { node in
                    guard node.isWord("headerReference") || node.isWord("footerReference"),
                        let id = node.attribute("id", namespace: WordNames.relationships), let copy = copies[id]
                    else { return }
                    node.setAttribute("id", namespace: WordNames.relationships, to: copy)
                }
            }
            numbering?.startRecord()
            let numbering = self.numbering
            // Comments belong to the template's first copy: later records leave out their anchors.
            let found = identifiers.renumber(
                body, record: record, numbering: numbering.map { lists in { lists.restarted($0) } })
            for anchor in found.comments { anchor.remove() }
            if !found.notes.isEmpty { notes.copy(found.notes, from: parts, record: record) }
            numbering?.numberStyledParagraphs(under: body)
            Self.startOnNewPage(body)
        }
        if let pending { try write(pending.body, last: false) }
        pending = (document, body)
        count += 1
    }

    mutating func finish(images: ImageSession?) throws(DiagnosticList) -> [UInt8] {
        if let pending { try write(pending.body, last: true) }
        pending = nil
        do throws(DeflateError) {
            try stream.write(suffix)
            try stream.finish()
        } catch {
            throw DiagnosticList([
                ZipWriterError.compressionFailed(part: mainName, error).diagnostic(templateName: path, format: .docx)
            ])
        }
        let main: ZipWriter.PreparedEntry
        do throws(ZipWriterError) {
            main = try stream.entry(name: Array(mainName.utf8), prefix: prefix)
        } catch {
            throw DiagnosticList([error.diagnostic(templateName: path, format: .docx)])
        }
        var replaced: [String: [UInt8]] = [:]
        if let part = numbering?.part(),
            let name = relationships?.relationships.first(where: { $0.type.hasSuffix("/numbering") })?.part
        {
            replaced[name] = part
        }
        for (name, part) in notes.parts() { replaced[name] = part }
        if !added.isEmpty {
            if let relationships { replaced[PackageRelationships.name(of: mainName)] = relationships.bytes }
            if let contentTypes { replaced[TemplateCompiler.contentTypesName] = contentTypes.bytes }
        }
        return try source.package(
            replaced: replaced, prepared: [mainName: main], rendered: first, added: added, images: images, documentName: path)
    }

    /// Writes a record's body into the stream; a record that is not the last ends with
    /// a copy of its final section properties, so that the next starts a section of its own.
    private mutating func write(_ body: xmlNodePtr, last: Bool) throws(DiagnosticList) {
        let final = body.elementChildren.last.flatMap { $0.isWord("sectPr") ? $0 : nil }
        if !last, let final { Self.endSection(body, with: final) }
        var output: [UInt8] = []
        var child = body.pointee.children
        while let node = child {
            if node != final || last { writer.append(node, into: &output) }
            child = node.pointee.next
        }
        do throws(DeflateError) {
            try stream.write(output)
        } catch {
            throw DiagnosticList([
                ZipWriterError.compressionFailed(part: mainName, error).diagnostic(templateName: path, format: .docx)
            ])
        }
    }

    /// Puts a copy of `final` in the last paragraph of `body` (or a new paragraph after a
    /// table or a paragraph that already ends a section).
    private static func endSection(_ body: xmlNodePtr, with final: xmlNodePtr) {
        let content = body.elementChildren.filter { $0 != final }
        let copy = final.copy()
        if let last = content.last, last.isWord("p"), last.wordChild("pPr")?.wordChild("sectPr") == nil {
            let properties =
                last.wordChild("pPr")
                ?? {
                    let made = last.newElement("pPr")
                    if let first = last.pointee.children { xmlAddPrevSibling(first, made) } else { xmlAddChild(last, made) }
                    return made
                }()
            if let change = properties.wordChild("pPrChange") {
                xmlAddPrevSibling(change, copy)
            } else {
                xmlAddChild(properties, copy)
            }
            copy.dropRedundantNamespaces()
        } else {
            let paragraph = final.newElement("p")
            let properties = final.newElement("pPr")
            xmlAddChild(properties, copy)
            xmlAddChild(paragraph, properties)
            xmlAddPrevSibling(final, paragraph)
            copy.dropRedundantNamespaces()
        }
    }

    /// Makes the first section of a record start on a new page, numbered from 1.
    private static func startOnNewPage(_ body: xmlNodePtr) {
        let final = body.elementChildren.last.flatMap { $0.isWord("sectPr") ? $0 : nil }
        // A section break inside the record is in the properties of a paragraph of the body
        // (or of one in a content control around it).
        let first =
            body.elementChildren.lazy.compactMap { child in
                (child.isWord("sdt") ? child.wordChild("sdtContent")?.elementChildren ?? [] : [child]).lazy.compactMap {
                    $0.isWord("p") ? $0.wordChild("pPr")?.wordChild("sectPr") : nil
                }.first
            }.first ?? final
        guard let first else { return }
        if let type = first.wordChild("type") {
            if !["nextPage", "oddPage", "evenPage"].contains(type.wordAttribute("val") ?? "nextPage") {
                type.setWordAttribute("val", to: "nextPage")
            }
        }
        // Without w:type a section starts on the next page.
        let numbering = first.wordChild("pgNumType")
        if numbering?.wordAttribute("start") == nil {
            let element =
                numbering
                ?? {
                    let made = first.newElement("pgNumType")
                    insert(made, into: first, after: WordNames.beforePageNumbering)
                    return made
                }()
            element.setWordAttribute("start", to: "1")
        }
    }

    /// The headers and footers that come out differently for this record than for the
    /// first, each as a part of its own; returns the new relationship id of each.
    private mutating func headerCopies(_ parts: [String: [UInt8]], record: Int) -> [String: String] {
        var copies: [String: String] = [:]
        // A relationships part rebuilt for pictures cannot take more relationships here: with
        // pictures in the body or in a header, the headers stay those of the first record.
        guard let relationships, source.generatedPart(PackageRelationships.name(of: mainName)) == nil else { return copies }
        for header in headerParts {
            guard let bytes = parts[header.part], bytes != first[header.part],
                source.generatedPart(PackageRelationships.name(of: header.part)) == nil
            else { continue }
            let stem = header.part.hasSuffix(".xml") ? String(header.part.dropLast(4)) : header.part
            var name = "\(stem)-\(record + 1).xml"
            var serial = 1
            while names.contains(name) {
                serial += 1
                name = "\(stem)-\(record + 1)-\(serial).xml"
            }
            names.insert(name)
            var contents = bytes
            if let document = try? XMLDocument(bytes: bytes, name: header.part), let root = document.root {
                identifiers.renumber(root, record: record)
                contents = NodeWriter.document(document)
            }
            added.append((name, contents))
            if let ownRelationships = source.rawContents(of: PackageRelationships.name(of: header.part)) {
                added.append((PackageRelationships.name(of: name), ownRelationships))
            }
            let folder = mainName.split(separator: "/").dropLast().joined(separator: "/")
            let target = folder.isEmpty ? name : String(name.dropFirst(folder.count + 1))
            copies[header.id] = relationships.add(type: header.type, target: target)
            if let type = contentTypes?.type(of: header.part) { contentTypes?.add(part: name, type: type) }
        }
        return copies
    }
}
