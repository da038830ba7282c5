import Foundation
import LerendDiagnostics

/// A picture file read and checked once: its bytes and what its header says.
struct LoadedImage: Sendable {
    /// The path with links followed: the same file named two ways is one picture.
    let realPath: String
    let bytes: [UInt8]
    let info: ImageInfo
    /// The file name without folder and extension, for the picture's name and alt text.
    let stem: String
    /// The CRC-32 of the bytes, for the zip member.
    let crc32: UInt32
}

/// The pictures a renderer has read, by the value that named them and the folders they
/// were looked up in: a thousand letters with one logo read it once.
///
/// One per renderer (so one per thread), like the renderer's buffers.
final class ImageCache {
    private var loaded: [String: LoadedImage] = [:]
    /// The zip members of pictures under the names documents gave them.
    private var members: [String: ZipWriter.PreparedEntry] = [:]
    /// Entries are kept up to this many; then the cache starts again.
    static let capacity = 256

    func image(named value: String, folders: ImageFolders, limits: ImageLimits) throws(ImageProblem) -> LoadedImage {
        let key = folders.folders.joined(separator: "\u{0}") + "\u{1}" + value
        if let image = loaded[key] { return image }
        let image = try Self.load(value, folders: folders.folders, limits: limits)
        if loaded.count >= Self.capacity { loaded.removeAll(keepingCapacity: true) }
        loaded[key] = image
        return image
    }

    /// `image` as a stored zip member named `name`, made once.
    func member(named name: String, for image: LoadedImage) throws(ZipWriterError) -> ZipWriter.PreparedEntry {
        let key = name + "\u{0}" + image.realPath
        if let member = members[key] { return member }
        // PNG and JPEG are compressed already; they are stored as they are.
        let member = try ZipWriter.prepare(
            name: Array(name.utf8), method: 0, crc32: image.crc32, size: image.bytes.count, data: image.bytes)
        if members.count >= Self.capacity { members.removeAll(keepingCapacity: true) }
        members[key] = member
        return member
    }

    /// The file `value` names, found in `folders` and checked.
    static func load(_ value: String, folders: [String], limits: ImageLimits) throws(ImageProblem) -> LoadedImage {
        let path = try resolve(value, folders: folders)
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw .unreadable(value: value, path: path, reason: "geen toegang")
        }
        guard (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw .unreadable(value: value, path: path, reason: "het is geen gewoon bestand (maar een map, pipe of apparaat)")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limits.fileSize else { throw .fileTooLarge(value: value, size: size, limit: limits.fileSize) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(value: value, path: path, reason: "geen leesrechten")
        }
        let bytes = [UInt8](data)
        // The file may have grown since it was measured.
        guard bytes.count <= limits.fileSize else { throw .fileTooLarge(value: value, size: bytes.count, limit: limits.fileSize) }
        let info: ImageInfo
        do throws(ImageHeader.Problem) {
            info = try ImageHeader.inspect(bytes)
        } catch {
            switch error {
            case .unknownFormat(let detected): throw .unknownFormat(value: value, detected: detected)
            case .corrupt(let format, let reason): throw .corrupt(value: value, format: format, reason: reason)
            }
        }
        if info.format != .svg {
            let (width, height) = (Int(info.width), Int(info.height))
            if width > limits.side || height > limits.side || width * height > limits.pixels {
                throw .tooManyPixels(value: value, width: width, height: height, limits: limits)
            }
        }
        let file = URL(filePath: path).deletingPathExtension().lastPathComponent
        let crc = bytes.withUnsafeBytes { Deflater.crc32($0) }
        return LoadedImage(realPath: path, bytes: bytes, info: info, stem: file, crc32: crc)
    }

    /// The real path of the file `value` names: relative to the first folder that has it,
    /// and inside that folder once links are followed; an absolute path must lie in one.
    static func resolve(_ value: String, folders: [String]) throws(ImageProblem) -> String {
        guard !folders.isEmpty else { throw .outsideFolders(value: value, folders: []) }
        func standardized(_ path: String) -> String {
            let text = URL(filePath: path).standardizedFileURL.path(percentEncoded: false)
            return text.hasSuffix("/") ? String(text.dropLast()) : text
        }
        func real(_ path: String) -> String {
            URL(filePath: path).standardizedFileURL.resolvingSymlinksInPath().path(percentEncoded: false)
        }
        // By name first (`..`, an absolute path elsewhere), before Lerend looks whether the
        // file exists: a data file cannot find out which files exist elsewhere. Links are
        // followed for a file that exists.
        func lexicallyInside(_ path: String, _ folder: String) -> Bool {
            standardized(path).hasPrefix(standardized(folder) + "/")
        }
        let bases = folders.map { $0.isEmpty ? "." : $0 }
        if value.hasPrefix("/") {
            guard let base = bases.first(where: { lexicallyInside(value, $0) }) else {
                throw .outsideFolders(value: value, folders: folders)
            }
            guard FileManager.default.fileExists(atPath: value) else { throw .notFound(value: value, searched: []) }
            guard InputFile.lies(value, inside: base) else { throw .outsideFolders(value: value, folders: folders) }
            return real(value)
        }
        for base in bases {
            let candidate = standardized(base) + "/" + value
            guard lexicallyInside(candidate, base) else { throw .outsideFolders(value: value, folders: folders) }
            guard FileManager.default.fileExists(atPath: candidate) else { continue }
            guard InputFile.lies(candidate, inside: base) else { throw .outsideFolders(value: value, folders: folders) }
            return real(candidate)
        }
        throw .notFound(value: value, searched: folders)
    }

}
