import Foundation

/// The largest picture a tag may place: a file others send (a data file, a plugin
/// bundle) cannot fill memory or make a document no word processor opens.
public struct ImageLimits: Sendable {
    /// The largest image file, in bytes (B106).
    public var fileSize: Int
    /// The most pixels of one side (B107).
    public var side: Int
    /// The most pixels of the whole picture (B107).
    public var pixels: Int

    public init(fileSize: Int = 20 * 1_048_576, side: Int = 20_000, pixels: Int = 100_000_000) {
        self.fileSize = fileSize
        self.side = side
        self.pixels = pixels
    }

    public static let standard = ImageLimits()
}

/// Where the files that picture tags name may come from: relative paths are looked up
/// in each folder in turn, and no path (through `..`, an absolute path or a link) may
/// end outside them. Without folders a picture tag cannot place anything (B103).
public struct ImageFolders: Sendable, Equatable {
    public var folders: [String]

    public init(_ folders: [String]) { self.folders = folders }

    public static let none = ImageFolders([])

    /// The folders of `files`, in order and each once: pictures named relative to a data
    /// file and then to a template.
    public static func beside(_ files: String...) -> ImageFolders {
        var folders: [String] = []
        for file in files {
            let folder = URL(filePath: file).standardizedFileURL.deletingLastPathComponent().path(percentEncoded: false)
            if !folders.contains(folder) { folders.append(folder) }
        }
        return ImageFolders(folders)
    }
}
