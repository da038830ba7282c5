internal import CLibXML2
import LerendDiagnostics
import LerendExpressions

/// The pictures of one part whose name, title or alt text is a tag, found before the part
/// is written: the frames, the attributes and texts that get the placed picture's
/// values, and what the placeholder pictures referred to.
struct ImageRecords {
    /// The element written once per placed picture (DOCX `w:drawing`, ODT `draw:frame`),
    /// with its slot's index.
    var frames: [xmlNodePtr: Int] = [:]
    var slots: [ImageSlot] = []
    var attributeHoles: [xmlAttrPtr: ImageField] = [:]
    var textHoles: [xmlNodePtr: ImageField] = [:]
    /// Nodes of a placeholder left out: the SVG extension of a DOCX picture, the fallback
    /// images and embedded data of an ODT frame.
    var skipped: Set<xmlNodePtr> = []
    /// What the placeholders referred to: DOCX relationship ids, ODT `xlink:href`s.
    var replacedReferences: Set<String> = []
    /// Every such reference elsewhere in the part, which keeps its target.
    var otherReferences: Set<String> = []
}

enum ImageNamespace {
    static let wordDrawing = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let drawingML = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let picture = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    static let svg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
    static let xlink = "http://www.w3.org/1999/xlink"
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let loext = "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
    /// The extension of `a:blip` with an SVG next to its PNG.
    static let svgBlipURI = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
}

extension PartCompiler {
    /// The tag in a picture's name, title or alt text, as read.
    enum ImageTagText: Equatable {
        case none
        case tag(expression: String, contentColumn: Int, length: Int, fit: ImageFit)
        case malformed
    }

    /// `{{ expression }}`, optionally followed by one of the ``ImageFit`` words.
    static func imageTag(_ text: String) -> ImageTagText {
        guard text.contains("{{") || text.contains("{%") else { return .none }
        let characters = Array(text)
        var start = 0
        while start < characters.count, characters[start].isWhitespace { start += 1 }
        guard start + 1 < characters.count, characters[start] == "{", characters[start + 1] == "{" else { return .malformed }
        var close = start + 2
        while close + 1 < characters.count, !(characters[close] == "}" && characters[close + 1] == "}") { close += 1 }
        guard close + 1 < characters.count else { return .malformed }
        let expression = String(characters[(start + 2)..<close])
        let rest = String(characters[(close + 2)...]).trimmingWhitespace
        guard !expression.trimmingWhitespace.isEmpty, !expression.contains("{{"), !rest.contains("{") else { return .malformed }
        let fit: ImageFit
        if rest.isEmpty {
            fit = .width
        } else if let word = ImageFit(rawValue: rest.lowercased()) {
            fit = word
        } else {
            return .malformed
        }
        return .tag(expression: expression, contentColumn: start + 2, length: close + 2 - start, fit: fit)
    }

    /// Finds the pictures whose name, title or alt text is a tag.
    func collectImages() {
        guard let root = document.root, !dialect.isProperties else { return }
        var frames: [xmlNodePtr] = []
        collectFrames(under: root, into: &frames)
        for frame in frames {
            if dialect.format == .docx { collectWordPicture(frame) } else { collectOpenDocumentPicture(frame) }
        }
        guard !images.frames.isEmpty else { return }
        collectOtherReferences(root)
    }

    private func collectFrames(under node: xmlNodePtr, into frames: inout [xmlNodePtr]) {
        var child = node.firstChild
        while let current = child {
            if current.isElement {
                let name = current.qualifiedName
                let isFrame =
                    dialect.format == .docx
                    ? name.local == "drawing" && Dialect.wordNamespaces.contains(name.namespace)
                    : name.local == "frame" && name.namespace == ImageNamespace.draw
                if isFrame { frames.append(current) } else { collectFrames(under: current, into: &frames) }
            }
            child = current.next
        }
    }

    // MARK: - DOCX

    private func collectWordPicture(_ drawing: xmlNodePtr) {
        guard
            let placement = drawing.elementChildren.first(where: {
                $0.namespaceURI == ImageNamespace.wordDrawing && ($0.localName == "inline" || $0.localName == "anchor")
            }),
            let properties = placement.elementChildren.first(where: { $0.localName == "docPr" })
        else { return }
        let candidates = attributes(of: properties).filter { ["name", "title", "descr"].contains($0.local) }
        guard let tagged = firstTag(in: candidates.map(\.value), frame: drawing) else { return }
        let origin = tagged.origin
        let blips = descendants(of: drawing) { $0.localName == "blip" && $0.namespaceURI == ImageNamespace.drawingML }
        let extent = placement.elementChildren.first { $0.localName == "extent" }
        guard blips.count == 1, let blip = blips.first,
            let embed = attributes(of: blip).first(where: { $0.local == "embed" && $0.namespace == ImageNamespace.relationships }
            ),
            !attributes(of: blip).contains(where: { $0.local == "link" }),
            let extent, let width = extent.attribute("cx", namespace: "").flatMap(FrameLength.init(emu:)),
            let height = extent.attribute("cy", namespace: "").flatMap(FrameLength.init(emu:))
        else {
            diagnostics.append(
                origin.diagnostic(
                    id: "B111", "deze tekening kan geen afbeelding krijgen: het is geen gewone, ingevoegde afbeelding",
                    hint: "voeg een afbeelding in (Invoegen > Afbeelding) en zet de tag in de alternatieve tekst"))
            return
        }
        let index = images.slots.count
        images.slots.append(
            ImageSlot(
                expression: tagged.expression, origin: origin, fit: tagged.fit, width: width, height: height, part: partName))
        images.frames[drawing] = index
        images.replacedReferences.insert(embed.value)
        images.attributeHoles[embed.pointer] = .relationship
        for size in [extent] + descendants(of: drawing, where: { $0.localName == "ext" && $0.parent?.localName == "xfrm" }) {
            for attribute in attributes(of: size) where attribute.namespace.isEmpty {
                if attribute.local == "cx" { images.attributeHoles[attribute.pointer] = .width }
                if attribute.local == "cy" { images.attributeHoles[attribute.pointer] = .height }
            }
        }
        let names =
            [properties] + descendants(of: drawing) { $0.localName == "cNvPr" && $0.namespaceURI == ImageNamespace.picture }
        for element in names {
            for attribute in attributes(of: element) where ["name", "title", "descr"].contains(attribute.local) {
                guard attribute.value.contains("{") else { continue }
                images.attributeHoles[attribute.pointer] = attribute.local == "name" ? .name : .title
            }
        }
        // The SVG beside a placeholder's PNG goes with it.
        for extension_ in descendants(of: blip, where: { $0.localName == "ext" && $0.parent?.localName == "extLst" })
        where extension_.attribute("uri", namespace: "") == ImageNamespace.svgBlipURI {
            images.skipped.insert(extension_)
            for svg in descendants(of: extension_, where: { _ in true }) {
                for attribute in attributes(of: svg) where attribute.namespace == ImageNamespace.relationships {
                    images.replacedReferences.insert(attribute.value)
                }
            }
        }
    }

    // MARK: - ODT

    private func collectOpenDocumentPicture(_ frame: xmlNodePtr) {
        var candidates = attributes(of: frame).filter { $0.local == "name" && $0.namespace == ImageNamespace.draw }.map(\.value)
        let texts = frame.elementChildren.filter {
            $0.namespaceURI == ImageNamespace.svg && ($0.localName == "title" || $0.localName == "desc")
        }
        for element in texts {
            candidates.append(element.firstChild.map { $0.isText ? $0.textContent : "" } ?? "")
        }
        guard let found = firstTag(in: candidates, frame: frame) else { return }
        let origin = found.origin
        let pictures = frame.elementChildren.filter { $0.localName == "image" && $0.namespaceURI == ImageNamespace.draw }
        guard let picture = pictures.first,
            let href = attributes(of: picture).first(where: { $0.local == "href" && $0.namespace == ImageNamespace.xlink }),
            let width = frame.attribute("width", namespace: ImageNamespace.svg).flatMap(FrameLength.init(odf:)),
            let height = frame.attribute("height", namespace: ImageNamespace.svg).flatMap(FrameLength.init(odf:))
        else {
            diagnostics.append(
                origin.diagnostic(
                    id: "B111", "dit kader kan geen afbeelding krijgen: er staat geen afbeelding met een breedte en hoogte in",
                    hint: "voeg een afbeelding in (Invoegen > Afbeelding) en zet de tag in de naam, titel of beschrijving"))
            return
        }
        let index = images.slots.count
        images.slots.append(
            ImageSlot(expression: found.expression, origin: origin, fit: found.fit, width: width, height: height, part: partName))
        images.frames[frame] = index
        images.replacedReferences.insert(href.value)
        images.attributeHoles[href.pointer] = .href
        for attribute in attributes(of: picture) where attribute.local == "mime-type" {
            images.attributeHoles[attribute.pointer] = .mediaType
        }
        for attribute in attributes(of: frame) where attribute.namespace == ImageNamespace.svg {
            if attribute.local == "width" { images.attributeHoles[attribute.pointer] = .width }
            if attribute.local == "height" { images.attributeHoles[attribute.pointer] = .height }
        }
        for attribute in attributes(of: frame) where attribute.local == "name" && attribute.namespace == ImageNamespace.draw {
            images.attributeHoles[attribute.pointer] = .name
        }
        for element in texts {
            if let text = element.firstChild, text.isText, text.textContent.contains("{") { images.textHoles[text] = .title }
        }
        // Embedded data and the fallback pictures of the placeholder go with it.
        for child in picture.elementChildren where child.localName == "binary-data" { images.skipped.insert(child) }
        for other in pictures.dropFirst() {
            images.skipped.insert(other)
            if let reference = other.attribute("href", namespace: ImageNamespace.xlink) {
                images.replacedReferences.insert(reference)
            }
        }
    }

    // MARK: - Shared

    /// The first tag among a picture's name, title and alt text, parsed; `nil` when there
    /// is none, or after an error (when the first is not a single tag, or does not parse).
    private func firstTag(
        in candidates: [String], frame: xmlNodePtr
    ) -> (expression: Expression, fit: ImageFit, origin: TagOrigin)? {
        for value in candidates {
            let read = Self.imageTag(value)
            let location = imageLocation(of: frame)
            switch read {
            case .none:
                continue
            case .malformed:
                let origin = TagOrigin(
                    location: location, paragraphText: value, column: 0, contentColumn: 0,
                    length: value.count)
                diagnostics.append(
                    origin.diagnostic(
                        id: "B110", "de naam, titel of beschrijving van een afbeelding is geen losse tag",
                        hint: "zet er één tag in, zoals {{ organisatie.logo }}, met eventueel "
                            + ImageFit.allCases.map(\.rawValue).joined(separator: ", ") + " erachter"))
                return nil
            case .tag(let source, let contentColumn, let length, let fit):
                let origin = TagOrigin(
                    location: location, paragraphText: value,
                    column: contentColumn - 2, contentColumn: contentColumn, length: length)
                do throws(ExpressionError) {
                    return (try Expression(source, library: library), fit, origin)
                } catch {
                    diagnostics.append(origin.diagnostic(for: error))
                    return nil
                }
            }
        }
        return nil
    }

    /// The paragraph (or table cell) of a picture, for messages; the part when the
    /// picture stands outside a paragraph.
    private func imageLocation(of frame: xmlNodePtr) -> SourceLocation {
        if let paragraph = frame.ancestor(where: { dialect.paragraphs.contains($0.qualifiedName) }),
            let index = paragraphIndex[paragraph]
        {
            var place = location(of: paragraphs[index])
            place.detail = (place.detail ?? partLabel) + ", afbeelding"
            return place
        }
        return SourceLocation(file: templateName, detail: "\(partLabel), afbeelding")
    }

    /// References outside the tagged pictures: DOCX relationship ids, ODT `xlink:href`s.
    private func collectOtherReferences(_ node: xmlNodePtr) {
        var child = node.firstChild
        while let current = child {
            defer { child = current.next }
            guard current.isElement, images.frames[current] == nil else { continue }
            for attribute in attributes(of: current) {
                if dialect.format == .docx, attribute.namespace == ImageNamespace.relationships {
                    images.otherReferences.insert(attribute.value)
                }
                if dialect.format == .odt, attribute.namespace == ImageNamespace.xlink, attribute.local == "href" {
                    images.otherReferences.insert(attribute.value)
                }
            }
            collectOtherReferences(current)
        }
    }

    private func attributes(of node: xmlNodePtr) -> [(pointer: xmlAttrPtr, local: String, namespace: String, value: String)] {
        var result: [(pointer: xmlAttrPtr, local: String, namespace: String, value: String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            result.append(
                (
                    current, current.pointee.name.map { String(cString: $0) } ?? "",
                    current.pointee.ns?.pointee.href.map { String(cString: $0) } ?? "", attributeValue(current)
                ))
            attribute = current.pointee.next
        }
        return result
    }

    private func descendants(of node: xmlNodePtr, where predicate: (xmlNodePtr) -> Bool) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.firstChild
        while let current = child {
            if current.isElement {
                if predicate(current) { result.append(current) }
                result += descendants(of: current, where: predicate)
            }
            child = current.next
        }
        return result
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
