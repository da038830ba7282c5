import ArgumentParser
import LerendApplication
import LerendDiagnostics
import LerendNetwork

/// `lerend wijzig`: sets values in a network file, keeping the rest as it is.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wijzig",
        abstract: "Wijzigt waarden in een netwerkbestand en laat de rest staan zoals het is.",
        discussion: """
            Elke wijziging is PAD=WAARDE: sleutels met punten, een element van een lijst met [n] \
            (vanaf 0), zoals netwerk.naam="Nieuw" of organisaties[1].plaats=Zwolle. Alleen de \
            regels die veranderen worden herschreven; opmerkingen, volgorde en aanhalingstekens \
            blijven. Een wijziging die het bestand ongeldig zou maken wordt geweigerd en het bestand \
            blijft onveranderd. De vorige versie komt in .geschiedenis/ naast het bestand (zie \
            lerend geschiedenis).
            """)

    @Argument(help: ArgumentHelp("Het netwerkbestand (YAML).", valueName: "netwerk.yaml"))
    var networkPath: String

    @Argument(help: ArgumentHelp("De wijzigingen: PAD=WAARDE.", valueName: "PAD=WAARDE"))
    var assignments: [String] = []

    @Option(name: .customLong("weg"), help: ArgumentHelp("Haal deze sleutel weg; mag vaker.", valueName: "PAD"))
    var removals: [String] = []

    func validate() throws {
        if assignments.isEmpty && removals.isEmpty {
            throw ValidationError("noem minstens één wijziging: PAD=WAARDE, of --weg PAD")
        }
    }

    func run() throws {
        do throws(DiagnosticList) {
            var edits: [NetworkEdit] = []
            for assignment in assignments { edits.append(try NetworkEdit.assignment(assignment)) }
            for removal in removals { edits.append(.remove(try NetworkPath.parse(removal))) }
            let document = try NetworkDocument.open(networkPath)
            let change = try NetworkDocument.apply(edits, to: networkPath, expecting: document.version)
            Console.report(change.warnings)
            guard let previous = change.previous else {
                Console.print("\(networkPath): niets veranderd, de waarden stonden er al zo")
                return
            }
            Console.print("gewijzigd: \(networkPath) (\(edits.count.counted("wijziging", "wijzigingen")))")
            Console.print(
                "vorige versie: \(previous.id) (terug met: lerend geschiedenis \(networkPath) --herstel \(previous.id))")
        } catch { throw error.exit() }
    }
}
