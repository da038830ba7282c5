/// What a template with picture tags adds to each document's package: where media go,
/// and the parts written per document (DOCX relationships of the parts with pictures,
/// the ODT manifest) around the entries for the pictures placed.
struct ImagePackage: Sendable {
    /// A part rebuilt for each document: the entries for the placed pictures go between
    /// `head` and `tail`.
    struct GeneratedPart: Sendable {
        let name: String
        let head: [UInt8]
        let tail: [UInt8]
    }

    let format: DocumentFormat
    /// `word/media/lerend-afbeelding-` or `Pictures/lerend-afbeelding-`: no part of the
    /// template starts with it.
    let mediaPrefix: String
    /// Relationship ids of placed pictures start with this; no id of the template does.
    let relationshipPrefix: String
    /// DOCX: the relationships part of each part with picture tags, by the part's name.
    let relationships: [String: GeneratedPart]
    /// ODT: `META-INF/manifest.xml`.
    let manifest: GeneratedPart?
    /// The prefix of the manifest's namespace in its root (`manifest`).
    var manifestPrefix = "manifest"

    static let imageRelationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
}

/// A picture as placed in one frame: the values its fields write.
struct PlacedImage {
    let relationship: String
    let href: String
    let mediaType: String
    let width: String
    let height: String
    let name: String
    let title: String

    func text(of field: ImageField) -> String {
        switch field {
        case .relationship: relationship
        case .href: href
        case .mediaType: mediaType
        case .width: width
        case .height: height
        case .name: name
        case .title: title
        }
    }
}

/// The pictures of one document: each file stored once however often it is placed, a
/// relationship per part that shows it, and names unique in the document.
final class ImageSession {
    let package: ImagePackage
    let folders: ImageFolders
    let limits: ImageLimits
    let cache: ImageCache
    private(set) var media: [(name: String, image: LoadedImage)] = []
    private var mediaIndex: [String: Int] = [:]
    /// Per part: the relationship id of each media file, in the order given.
    private var relationships: [String: [(id: String, media: Int)]] = [:]
    private var relationshipIndex: [String: [Int: String]] = [:]
    private var placed = 0

    init(package: ImagePackage, folders: ImageFolders, limits: ImageLimits, cache: ImageCache) {
        self.package = package
        self.folders = folders
        self.limits = limits
        self.cache = cache
    }

    /// The picture `value` names, placed in `slot`'s frame.
    func place(_ value: String, in slot: ImageSlot) throws(ImageProblem) -> PlacedImage {
        let image = try cache.image(named: value, folders: folders, limits: limits)
        if package.format == .docx, image.info.format == .svg { throw .svgInWord(value: value) }
        let index: Int
        if let known = mediaIndex[image.realPath] {
            index = known
        } else {
            index = media.count
            media.append(("\(package.mediaPrefix)\(index + 1).\(image.info.format.fileExtension)", image))
            mediaIndex[image.realPath] = index
        }
        var relationship = ""
        if package.format == .docx {
            if let id = relationshipIndex[slot.part]?[index] {
                relationship = id
            } else {
                relationship = "\(package.relationshipPrefix)\((relationships[slot.part]?.count ?? 0) + 1)"
                relationships[slot.part, default: []].append((relationship, index))
                relationshipIndex[slot.part, default: [:]][index] = relationship
            }
        }
        placed += 1
        let size = slot.size(aspectRatio: image.info.aspectRatio)
        return PlacedImage(
            relationship: relationship, href: media[index].name, mediaType: image.info.format.mediaType,
            width: size.width.text, height: size.height.text, name: "\(image.stem) \(placed)", title: image.stem)
    }

    /// Adds the media files and the generated parts to the document.
    func write(into writer: inout ZipWriter, deflater: Deflater) throws(ZipWriterError) {
        for (name, image) in media { try writer.add(cache.member(named: name, for: image)) }
        for (part, generated) in package.relationships.sorted(by: { $0.key < $1.key }) {
            var bytes = generated.head
            let folder = part.lastIndex(of: "/").map { String(part[...$0]) } ?? ""
            for (id, index) in relationships[part] ?? [] {
                let name = media[index].name
                let target = name.hasPrefix(folder) ? String(name.dropFirst(folder.count)) : "/" + name
                bytes += Array(
                    "<Relationship Id=\"\(id)\" Type=\"\(ImagePackage.imageRelationshipType)\" Target=\"\(XMLEscaping.attribute(target))\"/>"
                        .utf8)
            }
            bytes += generated.tail
            try add(generated.name, bytes, into: &writer, deflater: deflater)
        }
        if let manifest = package.manifest {
            var bytes = manifest.head
            let m = package.manifestPrefix
            for (name, image) in media {
                bytes += Array(
                    "<\(m):file-entry \(m):full-path=\"\(XMLEscaping.attribute(name))\" \(m):media-type=\"\(image.info.format.mediaType)\"/>"
                        .utf8)
            }
            bytes += manifest.tail
            try add(manifest.name, bytes, into: &writer, deflater: deflater)
        }
    }

    private func add(_ name: String, _ bytes: [UInt8], into writer: inout ZipWriter, deflater: Deflater) throws(ZipWriterError) {
        let result = bytes.withUnsafeBytes { contents in
            Result { () throws(ZipWriterError) in
                try writer.add(name: Array(name.utf8), contents: contents, deflater: deflater)
            }
        }
        try result.get()
    }
}
