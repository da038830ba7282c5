/// The kinds of picture a template's picture can be replaced by, recognised by their
/// first bytes, never by the file's extension.
public enum ImageFormat: String, Sendable {
    case png
    case jpeg
    case svg

    /// The extension of the media part in the document.
    var fileExtension: String { rawValue }

    /// The media type in `[Content_Types].xml` and the ODF manifest.
    var mediaType: String {
        switch self {
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .svg: "image/svg+xml"
        }
    }

    /// The name an organiser knows.
    var label: String {
        switch self {
        case .png: "PNG"
        case .jpeg: "JPEG"
        case .svg: "SVG"
        }
    }
}

/// What the engine reads from an image file's header: its format, its size in pixels
/// and the shape it is shown in.
struct ImageInfo: Sendable, Equatable {
    let format: ImageFormat
    /// The size in pixels as stored; for SVG its width and height in CSS pixels.
    let width: Double
    let height: Double
    /// Width divided by height as the image is shown: after the EXIF orientation of a
    /// JPEG (a quarter turn swaps them) and a pixel density that differs between the two
    /// directions (PNG `pHYs`, JPEG `JFIF`).
    let aspectRatio: Double
}
