import LerendExpressions

/// How a placed picture fills its frame; written after the tag in the picture's name,
/// title or alt text: `{{ organisatie.logo }} kader`.
enum ImageFit: String, Sendable, CaseIterable {
    /// The frame's width stays, the height follows the picture's shape (the default).
    case width = "breedte"
    /// The frame's height stays, the width follows.
    case height = "hoogte"
    /// The picture as large as fits inside the frame, in its own shape.
    case box = "kader"
    /// The frame as it is, the picture stretched to fill it.
    case fixed = "vast"
}

/// A length of a frame: DOCX EMU (no unit), or an ODF length with its unit (`4.5cm`).
struct FrameLength: Sendable, Equatable {
    let value: Double
    let unit: String

    /// An ODF length such as `4.5cm`, `1.77in`, `120pt`.
    init?(odf text: String) {
        let number = text.prefix { $0.isNumber || $0 == "." || $0 == "-" }
        guard let value = Double(number), value > 0 else { return nil }
        let unit = String(text.dropFirst(number.count))
        guard ["cm", "mm", "in", "pt", "pc", "px"].contains(unit) else { return nil }
        self.value = value
        self.unit = unit
    }

    init?(emu text: String) {
        guard let value = Int(text), value > 0 else { return nil }
        self.value = Double(value)
        self.unit = ""
    }

    init(value: Double, unit: String) {
        self.value = value
        self.unit = unit
    }

    /// The length in points, to compare lengths in different units.
    var points: Double {
        let factor: Double =
            switch unit {
            case "cm": 72 / 2.54
            case "mm": 72 / 25.4
            case "in": 72
            case "pc": 12
            case "px": 0.75
            case "pt": 1
            default: 1 / 12_700  // EMU
            }
        return value * factor
    }

    /// As written into the XML: a whole number of EMU, or at most four decimals and the unit.
    var text: String {
        if unit.isEmpty { return String(max(1, Int(value.rounded()))) }
        let scaled = Int((value * 10_000).rounded())
        var digits = String(scaled / 10_000)
        var fraction = String(scaled % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if !fraction.isEmpty { digits += "." + fraction }
        return digits + unit
    }
}

/// What a placed picture writes into the attributes of its frame.
enum ImageField: Sendable {
    /// DOCX `r:embed` of `a:blip`.
    case relationship
    /// ODT `xlink:href` of `draw:image`.
    case href
    /// ODT `draw:mime-type`, `loext:mime-type`.
    case mediaType
    case width
    case height
    /// A name unique in the document (`wp:docPr/@name`, `draw:frame/@draw:name`).
    case name
    /// The file's name as alt text (`@descr`, `@title`, `svg:title`, `svg:desc`).
    case title
}

/// A picture whose name, title or alt text is a tag: the frame's XML is written once per
/// document with the fields of the picture the value names, or left out when it is empty.
struct ImageSlot: Sendable {
    let expression: Expression
    let origin: TagOrigin
    let fit: ImageFit
    let width: FrameLength
    let height: FrameLength
    /// The part the picture is in, whose relationships (DOCX) name its media.
    let part: String

    /// The size of a picture with `aspectRatio` (width / height) in this frame.
    func size(aspectRatio: Double) -> (width: FrameLength, height: FrameLength) {
        guard aspectRatio.isFinite, aspectRatio > 0 else { return (width, height) }
        let fitsHeight = fit == .height || (fit == .box && width.points / aspectRatio > height.points)
        switch fit {
        case .fixed:
            return (width, height)
        case .width, .height, .box:
            if fitsHeight { return (FrameLength(value: height.value * aspectRatio, unit: height.unit), height) }
            return (width, FrameLength(value: width.value / aspectRatio, unit: width.unit))
        }
    }
}
