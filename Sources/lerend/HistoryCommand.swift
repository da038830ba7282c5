import ArgumentParser
import Foundation
import LerendApplication
import LerendDiagnostics
import LerendExpressions
import LerendNetwork

/// `lerend geschiedenis`: the earlier versions of a network file, and restoring one.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geschiedenis",
        abstract: "Toont de eerdere versies van een netwerkbestand, of zet er een terug.",
        discussion: """
            Voor elke wijziging (door lerend wijzig of de webapp) wordt de vorige versie bewaard \
            in .geschiedenis/<bestandsnaam>/ naast het bestand; de nieuwste \(NetworkHistory.kept) \
            blijven. Terugzetten is zelf een wijziging: de versie van nu gaat eerst de \
            geschiedenis in.
            """)

    @Argument(help: ArgumentHelp("Het netwerkbestand (YAML).", valueName: "netwerk.yaml"))
    var networkPath: String

    @Option(name: .customLong("herstel"), help: ArgumentHelp("Zet deze versie terug.", valueName: "versie"))
    var restore: String?

    func run() throws {
        do throws(DiagnosticList) {
            let document = try NetworkDocument.open(networkPath)
            if let restore {
                let change = try NetworkDocument.restore(restore, of: networkPath, expecting: document.version)
                Console.report(change.warnings)
                if let previous = change.previous {
                    Console.print("teruggezet: \(networkPath) is weer versie \(restore)")
                    Console.print("de versie van daarnet: \(previous.id)")
                } else {
                    Console.print("\(networkPath) was al gelijk aan versie \(restore)")
                }
                return
            }
            let entries = document.history.entries()
            guard !entries.isEmpty else {
                Console.print("\(networkPath) heeft nog geen eerdere versies")
                return
            }
            Console.print("Eerdere versies van \(networkPath), de nieuwste eerst:\n")
            for entry in entries {
                Console.print(
                    "  \(entry.id)  \(Self.describe(entry.date))  \(DutchFormatting.number(Double(entry.version.size), decimals: 0)) bytes"
                )
            }
            Console.print("\nterugzetten: lerend geschiedenis \(networkPath) --herstel \(entries[0].id)")
        } catch { throw error.exit() }
    }

    /// "2 december 2026 17:15" in the local time zone.
    private static func describe(_ date: Date) -> String {
        let parts = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        guard let day = LocalDate(year: parts.year!, month: parts.month!, day: parts.day!) else { return "" }
        let time = String(format: "%02d:%02d", parts.hour!, parts.minute!)
        return DutchFormatting.date(day, style: "middel") + " " + time
    }
}
