import LerendDiagnostics
import LerendExpressions

/// The messages about one spreadsheet file, each located at the file, a part of the
/// package, or a row and column ("rij 5, kolom C").
struct SheetProblems {
    let fileName: String

    static let resave = "open het bestand in Excel of LibreOffice en sla het opnieuw op"

    func at(row: Int? = nil, column: Int? = nil, part: String? = nil) -> SourceLocation {
        var places: [String] = []
        if let part { places.append(PackageProblem.printable(part)) }
        if let row { places.append("rij \(row)") }
        if let column { places.append("kolom \(ColumnName.letters(column))") }
        return SourceLocation(file: fileName, detail: places.isEmpty ? nil : places.joined(separator: ", "))
    }

    func fileTooLarge(_ size: Int, limit: Int) -> Diagnostic {
        Diagnostic(
            .error, id: "I102", "het rekenblad is \(Self.megabytes(size)); Lerend leest er hoogstens \(Self.megabytes(limit))",
            at: at(), hint: "is dit het goede bestand? Een lijst van deelnemers is veel kleiner")
    }

    func notASpreadsheet(_ why: String, hint: String) -> Diagnostic {
        Diagnostic(.error, id: "I103", "'\(fileName)' is geen rekenblad dat Lerend kan lezen: \(why)", at: at(), hint: hint)
    }

    func badText(_ why: String, row: Int? = nil) -> Diagnostic {
        Diagnostic(
            .error, id: "I104", "de tekst van het bestand is onleesbaar: \(why)", at: at(row: row),
            hint: "sla het in Excel op als 'CSV UTF-8 (door komma's gescheiden)'")
    }

    func unclosedQuote(row: Int, column: Int) -> Diagnostic {
        Diagnostic(
            .error, id: "I105", "een cel begint met een aanhalingsteken (\") dat niet wordt afgesloten",
            at: at(row: row, column: column),
            hint:
                "alles tot het eind van het bestand zou in deze cel komen; zet een \" aan het eind van de cel, of schrijf een \" in de tekst als \"\""
        )
    }

    func damaged(_ problem: PackageProblem) -> Diagnostic {
        switch problem {
        case .tooManyEntries(let count, let limit):
            return Diagnostic(
                .error, id: "I111",
                "het rekenblad heeft \(Self.number(count)) delen; Lerend leest er hoogstens \(Self.number(limit))",
                at: at(), hint: "een echt .xlsx- of .ods-bestand heeft er enkele tientallen; is dit het goede bestand?")
        case .partTooLarge(let part, let size, let limit), .textPartTooLarge(let part, let size, let limit):
            return partTooLarge(part, size: size, limit: limit)
        case .packageTooLarge(let size, let limit):
            return Diagnostic(
                .error, id: "I111",
                "het rekenblad is uitgepakt \(Self.megabytes(size)); Lerend leest hoogstens \(Self.megabytes(limit))", at: at(),
                hint: "is dit het goede bestand?")
        case .damaged(let part, .longerThanDeclared):
            return Diagnostic(
                .error, id: "I111",
                "uit het deel '\(PackageProblem.printable(part))' komt meer dan het opgeeft (een zip-bom?); het uitpakken is gestopt",
                at: at(part: part), hint: Self.resave)
        case .unsafeName(let part, let fault):
            return Diagnostic(
                .error, id: "I110",
                "het rekenblad bevat een deel met een onveilige naam: \(PackageProblem.explanation(of: fault))",
                at: at(part: part), hint: Self.resave)
        case .duplicateName(let part, _):
            return Diagnostic(
                .error, id: "I110", "het deel '\(PackageProblem.printable(part))' staat twee keer in het rekenblad",
                at: at(part: part), hint: "een programma zou een van beide kiezen; \(Self.resave)")
        case .badChecksum(let part):
            return damagedPart(part, "de controlesom (CRC-32) klopt niet")
        case .unsupportedMethod(let part, let method):
            return damagedPart(part, "het is ingepakt met methode \(method); Lerend kent alleen 0 en 8 (deflate)")
        case .damaged(let part, let damage):
            return damagedPart(part, PackageProblem.explanation(of: damage))
        case .missingPart(let part, _):
            return missingPart(part)
        case .unreadable(let part, let error):
            return damagedPart(part, error.explanation)
        }
    }

    func damagedPart(_ part: String, _ why: String) -> Diagnostic {
        Diagnostic(
            .error, id: "I110", "het deel '\(PackageProblem.printable(part))' van het rekenblad is beschadigd: \(why)",
            at: at(part: part), hint: "is het bestand goed overgekomen? Vraag het opnieuw op, of \(Self.resave)")
    }

    func unreadablePackage(_ error: ZipArchiveError) -> Diagnostic {
        Diagnostic(
            .error, id: "I110", "het rekenblad kan niet worden gelezen: \(error.explanation)", at: at(),
            hint: "is het bestand goed overgekomen? Vraag het opnieuw op, of \(Self.resave)")
    }

    func partTooLarge(_ part: String, size: Int, limit: Int) -> Diagnostic {
        Diagnostic(
            .error, id: "I111",
            "het deel '\(PackageProblem.printable(part))' is uitgepakt \(Self.megabytes(size)); Lerend leest hoogstens \(Self.megabytes(limit)) per deel",
            at: at(part: part), hint: "een lijst van deelnemers is veel kleiner; is dit het goede bestand?")
    }

    func missingPart(_ part: String) -> Diagnostic {
        Diagnostic(
            .error, id: "I112", "het rekenblad mist het deel '\(PackageProblem.printable(part))'", at: at(part: part),
            hint: Self.resave)
    }

    func badXML(_ error: XMLParseError, part: String) -> Diagnostic {
        var location = at(part: part)
        if error.line > 0 { location.detail = "\(PackageProblem.printable(part)), regel \(error.line)" }
        return Diagnostic(
            .error, id: "I113", "het deel '\(PackageProblem.printable(part))' is geen leesbare XML: \(error.detail)",
            at: location,
            hint: Self.resave)
    }

    func tooManyRows(row: Int, limit: Int) -> Diagnostic {
        Diagnostic(
            .error, id: "I120", "het rekenblad heeft meer dan \(Self.number(limit)) rijen; Lerend leest er hoogstens zoveel",
            at: at(row: row), hint: "verdeel de lijst over meer bestanden, of verwijder lege rijen met opmaak aan het eind")
    }

    func tooManyColumns(row: Int, column: Int, limit: Int) -> Diagnostic {
        Diagnostic(
            .error, id: "I121", "de rij heeft meer dan \(Self.number(limit)) kolommen; Lerend leest er hoogstens zoveel",
            at: at(row: row, column: column), hint: "een lijst van deelnemers heeft er enkele tientallen; is dit het goede blad?")
    }

    func tooManyCells(row: Int, limit: Int) -> Diagnostic {
        Diagnostic(
            .error, id: "I122",
            "het rekenblad heeft meer dan \(Self.number(limit)) gevulde cellen; Lerend leest er hoogstens zoveel",
            at: at(row: row), hint: "verdeel de lijst over meer bestanden")
    }

    func cellTooLong(row: Int, column: Int, limit: Int) -> Diagnostic {
        Diagnostic(
            .error, id: "I123", "de cel heeft meer dan \(Self.number(limit)) tekens; Lerend leest er hoogstens zoveel",
            at: at(row: row, column: column), hint: "zo'n lange tekst past in geen veld van een netwerkbestand")
    }

    func badCell(_ why: String, row: Int, column: Int?, part: String) -> Diagnostic {
        Diagnostic(
            .error, id: "I124", "een cel is onleesbaar: \(why)", at: at(row: row, column: column, part: part), hint: Self.resave)
    }

    static func number(_ value: Int) -> String { DutchFormatting.number(Double(value), decimals: 0) }

    /// `16,2 MB` (one decimal, so that a size just over a limit does not read as the limit),
    /// or bytes below one MB.
    static func megabytes(_ bytes: Int) -> String {
        bytes < 1_048_576
            ? "\(number(bytes)) bytes"
            : DutchFormatting.number((Double(bytes) / 104_857.6).rounded(.down) / 10, decimals: bytes % 1_048_576 == 0 ? 0 : 1)
                + " MB"
    }
}
