import LerendDiagnostics

/// Why the picture a tag names cannot be placed; each kind has its own id.
enum ImageProblem: Error {
    /// B101: no such file in any of the folders.
    case notFound(value: String, searched: [String])
    /// B102: there, but not a regular file or not readable.
    case unreadable(value: String, path: String, reason: String)
    /// B103: the path ends outside the folders (or no folders were given).
    case outsideFolders(value: String, folders: [String])
    /// B104: not PNG, JPEG or SVG.
    case unknownFormat(value: String, detected: String?)
    /// B105: a damaged header.
    case corrupt(value: String, format: ImageFormat, reason: String)
    /// B106: a file larger than the limit.
    case fileTooLarge(value: String, size: Int, limit: Int)
    /// B107: more pixels than the limit.
    case tooManyPixels(value: String, width: Int, height: Int, limits: ImageLimits)
    /// B108: SVG in a DOCX.
    case svgInWord(value: String)
    /// B109: the value is not a text.
    case notAPath(source: String, kind: String)

    var id: String {
        switch self {
        case .notFound: "B101"
        case .unreadable: "B102"
        case .outsideFolders: "B103"
        case .unknownFormat: "B104"
        case .corrupt: "B105"
        case .fileTooLarge: "B106"
        case .tooManyPixels: "B107"
        case .svgInWord: "B108"
        case .notAPath: "B109"
        }
    }

    func diagnostic(at origin: TagOrigin) -> Diagnostic {
        let (message, hint) = text
        return origin.diagnostic(id: id, message, hint: hint)
    }

    private var text: (String, String?) {
        switch self {
        case .notFound(let value, let searched):
            let web = value.hasPrefix("http://") || value.hasPrefix("https://")
            return (
                "afbeelding '\(value)' niet gevonden"
                    + (searched.isEmpty ? "" : "; gezocht in: \(searched.joined(separator: ", "))"),
                web
                    ? "Lerend haalt geen afbeeldingen van internet; sla het bestand op naast het gegevensbestand"
                    : "een pad is relatief aan de map van het gegevensbestand, het sjabloon of de pluginbundel"
            )
        case .unreadable(let value, let path, let reason):
            return ("kan afbeelding '\(value)' (\(path)) niet lezen: \(reason)", "geef een gewoon, leesbaar bestand")
        case .outsideFolders(let value, let folders):
            return (
                "afbeelding '\(value)' ligt buiten de mappen waaruit Lerend afbeeldingen mag lezen",
                folders.isEmpty
                    ? "er zijn geen mappen voor afbeeldingen opgegeven (RenderOptions.imageFolders)"
                    : "zet de afbeelding in \(folders.joined(separator: " of ")); '..', een absoluut pad of een koppeling naar elders mag niet"
            )
        case .unknownFormat(let value, let detected):
            return (
                "'\(value)' is geen PNG-, JPEG- of SVG-afbeelding" + (detected.map { " maar \($0)" } ?? ""),
                "sla de afbeelding op als PNG of JPEG; Lerend kijkt naar de inhoud, niet naar de extensie"
            )
        case .corrupt(let value, let format, let reason):
            return ("afbeelding '\(value)' is geen geldige \(format.label): \(reason)", "sla de afbeelding opnieuw op")
        case .fileTooLarge(let value, let size, let limit):
            return (
                "afbeelding '\(value)' is \(size / 1_048_576) MB; een afbeelding mag hoogstens \(limit / 1_048_576) MB zijn",
                "verklein de afbeelding; een logo is meestal minder dan 1 MB"
            )
        case .tooManyPixels(let value, let width, let height, let limits):
            return (
                "afbeelding '\(value)' is \(width) × \(height) pixels; hoogstens \(limits.side) pixels per zijde en \(limits.pixels / 1_000_000) miljoen pixels in totaal",
                "verklein de afbeelding"
            )
        case .svgInWord(let value):
            return (
                "afbeelding '\(value)' is SVG; een .docx kan een SVG alleen tonen met een PNG ernaast, en die maakt Lerend niet",
                "gebruik een PNG (of een .odt-sjabloon, dat SVG wel kan tonen)"
            )
        case .notAPath(let source, let kind):
            return (
                "een afbeelding-tag verwacht de naam van een bestand, maar '\(source)' is een \(kind)",
                "geef een pad, zoals logo.png; een lege waarde haalt de afbeelding weg"
            )
        }
    }
}
