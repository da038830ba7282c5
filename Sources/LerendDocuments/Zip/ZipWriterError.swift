import LerendDiagnostics
import LerendExpressions

/// Why ``ZipWriter`` could not write a document: it does not fit the plain zip format,
/// whose sizes and offsets have 32 bits and whose count of members has 16, or zlib
/// could not compress a part.
///
/// The writer does not write zip64, so a document that would need it is refused with a
/// message instead of being written wrong (or stopping the program).
enum ZipWriterError: Error, Equatable {
    /// A part, or its compressed form, is larger than `limit` bytes.
    case partTooLarge(part: String, size: Int, limit: Int)
    /// The document grows past the largest offset the format can point at: at the start
    /// of `part`, or at the central directory when `part` is `nil`.
    case documentTooLarge(part: String?, limit: Int)
    /// The document would have more than `limit` parts.
    case tooManyParts(limit: Int)
    /// A part's name is longer than `limit` bytes.
    case nameTooLong(part: String, limit: Int)
    /// zlib could not compress `part`.
    case compressionFailed(part: String, DeflateError)

    /// The error as a message about a document of `templateName`, which has `format`.
    func diagnostic(templateName: String, format: DocumentFormat) -> Diagnostic {
        let file = ".\(format.fileExtension)-bestand"
        let hint =
            "maak het document kleiner, bijvoorbeeld met kortere lijsten in de gegevens of kleinere afbeeldingen in het sjabloon"
        switch self {
        case .partTooLarge(let part, let size, let limit):
            return Diagnostic(
                .error, id: "O006",
                "'\(part)' wordt te groot voor een \(file): \(Self.bytes(size)), hoogstens \(Self.bytes(limit))",
                at: SourceLocation(file: templateName, detail: part), hint: hint)
        case .documentTooLarge(let part, let limit):
            return Diagnostic(
                .error, id: "O006", "het document wordt te groot voor een \(file): meer dan \(Self.bytes(limit))",
                at: SourceLocation(file: templateName, detail: part), hint: hint)
        case .nameTooLong(let part, let limit):
            return Diagnostic(
                .error, id: "O006", "de naam '\(part.prefix(60))…' is te lang voor een \(file): hoogstens \(Self.bytes(limit))",
                at: SourceLocation(file: templateName))
        case .compressionFailed(let part, let error):
            return Diagnostic(
                .error, id: "O008", "kan '\(part)' niet comprimeren: \(error.explanation)",
                at: SourceLocation(file: templateName, detail: part),
                hint: "probeer het opnieuw; gaat het weer mis, meld dan deze melding")
        case .tooManyParts(let limit):
            return Diagnostic(
                .error, id: "O007",
                "het document krijgt te veel delen voor een \(file): hoogstens \(DutchFormatting.number(Double(limit), decimals: 0))",
                at: SourceLocation(file: templateName), hint: "haal delen die het document niet nodig heeft uit het sjabloon")
        }
    }

    /// `4.294.967.294 bytes`.
    private static func bytes(_ count: Int) -> String {
        "\(DutchFormatting.number(Double(count), decimals: 0)) bytes"
    }
}
