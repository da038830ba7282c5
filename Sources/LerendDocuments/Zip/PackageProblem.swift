import LerendDiagnostics
import LerendExpressions

/// Why a template's package is refused before a document is made from it: what a
/// reader (Word, LibreOffice, an unzip tool) would reject or read differently.
enum PackageProblem: Error, Equatable {
    /// How a name is unsafe.
    enum NameFault: Equatable {
        case empty, absolute, backslash, driveLetter, emptySegment, dotSegment, controlCharacter, notUTF8
    }

    /// How a member's data is damaged.
    enum Damage: Equatable {
        /// More came out than the declared size; decompressing stopped there.
        case longerThanDeclared(size: Int)
        case truncated
        case invalidData
        case sizeMismatch(declared: Int, actual: Int)
    }

    case unsafeName(part: String, NameFault)
    case duplicateName(part: String, earlier: String)
    case badChecksum(part: String)
    case unsupportedMethod(part: String, method: UInt16)
    case damaged(part: String, Damage)
    case missingPart(part: String, format: DocumentFormat)
    case tooManyEntries(count: Int, limit: Int)
    case partTooLarge(part: String, size: Int, limit: Int)
    /// A part that is parsed into a tree (one that may hold tags, or the list of
    /// content types) is larger than the limit of such parts.
    case textPartTooLarge(part: String, size: Int, limit: Int)
    case packageTooLarge(size: Int, limit: Int)
    case unreadable(part: String, ZipArchiveError)

    private static let resave = "open het sjabloon in LibreOffice of Word en sla het opnieuw op"

    /// The problem as a message about the template `templateName`.
    func diagnostic(templateName: String) -> Diagnostic {
        let file = SourceLocation(file: templateName)
        func at(_ part: String) -> SourceLocation { SourceLocation(file: templateName, detail: Self.printable(part)) }
        switch self {
        case .unsafeName(let part, let fault):
            return Diagnostic(
                .error, id: "T201", "het sjabloon bevat een deel met een onveilige naam: \(Self.explanation(of: fault))",
                at: at(part), hint: "een echt .odt- of .docx-bestand heeft alleen namen als 'word/document.xml'; \(Self.resave)")
        case .duplicateName(let part, let earlier):
            let same = part == earlier ? "twee keer" : "twee keer (als '\(Self.printable(earlier))' en '\(Self.printable(part))')"
            return Diagnostic(
                .error, id: "T202", "het deel '\(Self.printable(part))' staat \(same) in het sjabloon",
                at: at(part), hint: "een lezer zou een van beide kiezen; \(Self.resave)")
        case .badChecksum(let part):
            return Diagnostic(
                .error, id: "T203", "het deel '\(Self.printable(part))' is beschadigd: de controlesom (CRC-32) klopt niet",
                at: at(part), hint: "is het bestand goed overgekomen? Vraag het opnieuw op, of \(Self.resave)")
        case .unsupportedMethod(let part, let method):
            return Diagnostic(
                .error, id: "T204",
                "het deel '\(Self.printable(part))' is ingepakt met methode \(method); Lerend kent alleen 0 (niet ingepakt) en 8 (deflate)",
                at: at(part), hint: "Word en LibreOffice gebruiken alleen die twee; \(Self.resave)")
        case .damaged(let part, let damage):
            return Diagnostic(
                .error, id: "T205", "het deel '\(Self.printable(part))' is beschadigd: \(Self.explanation(of: damage))",
                at: at(part), hint: "is het bestand goed overgekomen? Vraag het opnieuw op, of \(Self.resave)")
        case .missingPart(let part, let format):
            return Diagnostic(
                .error, id: "T206", "het sjabloon mist het deel '\(part)', dat elk .\(format.fileExtension)-bestand heeft",
                at: file, hint: Self.resave)
        case .tooManyEntries(let count, let limit):
            return Diagnostic(
                .error, id: "T207",
                "het sjabloon heeft \(Self.number(count)) delen; Lerend leest er hoogstens \(Self.number(limit))",
                at: file, hint: "een echt sjabloon heeft er enkele tientallen; is dit het goede bestand?")
        case .partTooLarge(let part, let size, let limit):
            return Diagnostic(
                .error, id: "T208",
                "het deel '\(Self.printable(part))' is uitgepakt \(Self.megabytes(size)) (zo staat het in het archief); Lerend leest hoogstens \(Self.megabytes(limit)) per deel",
                at: at(part), hint: "maak afbeeldingen of ingevoegde bestanden in het sjabloon kleiner")
        case .textPartTooLarge(let part, let size, let limit):
            return Diagnostic(
                .error, id: "T208",
                "het deel '\(Self.printable(part))' is uitgepakt \(Self.megabytes(size)) (zo staat het in het archief); Lerend leest hoogstens \(Self.megabytes(limit)) per deel met tekst",
                at: at(part), hint: "zo'n groot deel maakt geen tekstverwerker; verdeel de tekst over meer sjablonen")
        case .packageTooLarge(let size, let limit):
            return Diagnostic(
                .error, id: "T209",
                "het sjabloon is uitgepakt \(Self.megabytes(size)); Lerend leest hoogstens \(Self.megabytes(limit)) per sjabloon",
                at: file, hint: "maak afbeeldingen of ingevoegde bestanden in het sjabloon kleiner")
        case .unreadable(let part, let error):
            return Diagnostic(
                .error, id: "T001", "kan '\(Self.printable(part))' in het sjabloon niet lezen: \(error.explanation)", at: at(part)
            )
        }
    }

    static func explanation(of fault: NameFault) -> String {
        switch fault {
        case .empty: "de naam is leeg"
        case .absolute: "de naam begint met '/' (een pad vanaf de hoofdmap)"
        case .backslash: "de naam bevat een '\\' (een Windows-pad)"
        case .driveLetter: "de naam begint met een stationsletter, zoals 'C:'"
        case .emptySegment: "de naam bevat '//' (een lege map)"
        case .dotSegment: "de naam bevat '.' of '..' als map (buiten het sjabloon)"
        case .controlCharacter: "de naam bevat een stuurteken"
        case .notUTF8: "de naam is geen geldige UTF-8"
        }
    }

    static func explanation(of damage: Damage) -> String {
        switch damage {
        case .longerThanDeclared(let size):
            "er komt meer uit dan de \(number(size)) bytes die het deel opgeeft (een zip-bom?); het uitpakken is daar gestopt"
        case .truncated: "de ingepakte gegevens houden te vroeg op"
        case .invalidData: "de ingepakte gegevens zijn ongeldig"
        case .sizeMismatch(let declared, let actual):
            "het deel geeft \(number(declared)) bytes op, maar bevat er \(number(actual))"
        }
    }

    /// A name with its control characters written out (`\u{1B}`), safe to print.
    static func printable(_ name: String) -> String {
        var text = ""
        for scalar in name.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                text += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    private static func number(_ value: Int) -> String { DutchFormatting.number(Double(value), decimals: 0) }

    /// `256 MB`, or bytes below one MB.
    private static func megabytes(_ bytes: Int) -> String {
        bytes < 1_048_576 ? "\(number(bytes)) bytes" : "\(number(bytes / 1_048_576)) MB"
    }
}
