import ArgumentParser
import Foundation
import LerendApplication
import LerendDiagnostics
import LerendExpressions

/// `lerend importeer`: organisations or participants from a spreadsheet.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "importeer",
        abstract: "Voegt organisaties of deelnemers uit een rekenblad (CSV, XLSX, ODS) toe aan een netwerkbestand.",
        discussion: """
            De rij met de kolomnamen (meestal de eerste) bepaalt welk veld elke kolom vult (Naam, \
            E-mailadres, Organisatie, Functie, ...). Kies zelf met --kolom. Lerend toont de kolommen en elke rij; \
            rijen met problemen worden met hun rijnummer genoemd en overgeslagen. Het netwerkbestand \
            wordt niet gewijzigd: met -o komen de rijen in een kopie, met --overschrijven (zonder -o) \
            in het netwerkbestand zelf.
            """)

    @Argument(help: ArgumentHelp("Het netwerkbestand (YAML).", valueName: "netwerk.yaml"))
    var networkPath: String

    @Argument(help: ArgumentHelp("Het rekenblad: .csv, .xlsx of .ods.", valueName: "bestand"))
    var sheetPath: String

    @Option(name: .long, help: ArgumentHelp("organisaties of deelnemers; standaard geraden uit de kolommen.", valueName: "soort"))
    var soort: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Kies het veld van een kolom: 'Kolomnaam=veld' (of 'C=veld'); 'Kolomnaam=' laat de kolom weg. Mag vaker.",
            valueName: "kolom=veld"))
    var kolom: [String] = []

    @Option(
        name: [.customShort("o"), .customLong("uitvoer"), .customLong("output")],
        help: ArgumentHelp("Schrijf een kopie van het netwerkbestand met de rijen erbij.", valueName: "bestand"))
    var output: String?

    @Flag(name: .long, help: "Schrijf in het netwerkbestand zelf (zonder -o), of sta toe dat -o een bestaand bestand vervangt.")
    var overschrijven = false

    @Option(
        name: .customLong("datum"),
        help: ArgumentHelp("De datum in de notitie (JJJJ-MM-DD); standaard vandaag.", valueName: "datum"))
    var dateText: String?

    func validate() throws {
        if let soort, ImportTarget(rawValue: soort) == nil {
            throw ValidationError("--soort \(soort): kies organisaties of deelnemers")
        }
        if let dateText, LocalDate(iso: dateText) == nil {
            throw ValidationError("--datum \(dateText) is geen datum (JJJJ-MM-DD)")
        }
    }

    /// `--datum`, or today in the local time zone.
    private var today: String {
        if let dateText { return dateText }
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!.iso
    }

    func run() throws {
        let preview: ImportPreview
        do throws(DiagnosticList) {
            preview = try NetworkImport.preview(
                networkPath: networkPath, sheetPath: sheetPath, target: soort.flatMap(ImportTarget.init(rawValue:)),
                columnChoices: kolom)
        } catch { throw error.exit() }
        Console.print("\(preview.fileName): \(preview.target.listKey), kolomnamen in rij \(preview.headerRowNumber)\n")
        for column in preview.mapping.columns {
            Console.print("  kolom \(column.letters) '\(column.header)' → \(column.field ?? "(niet gebruikt)")")
        }
        if !preview.problems.isEmpty { throw DiagnosticList(preview.problems).exit() }
        Console.print("")
        for row in preview.rows {
            let summary = zip(preview.fields, row.values).filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1)" }
            Console.print("  rij \(row.number)\(row.isReady ? "" : " (overgeslagen)"): " + summary.joined(separator: " · "))
        }
        Console.report(preview.rows.flatMap(\.problems))
        let ready = preview.entries.count
        Console.print(
            "\n\(ready.counted("rij", "rijen")) klaar om toe te voegen, \(preview.skipped.count.counted("rij", "rijen")) met problemen overgeslagen"
        )
        guard output != nil || overschrijven else {
            if ready > 0 { Console.print("Niets geschreven; schrijf een kopie met -o KOPIE.yaml") }
            return
        }
        do throws(DiagnosticList) {
            let count = try preview.write(to: output, overwrite: overschrijven, today: today)
            Console.print(
                "geschreven: \(output ?? networkPath) (\(count.counted(preview.target.singular, preview.target.listKey)) toegevoegd)"
            )
        } catch { throw error.exit() }
    }
}
