import ArgumentParser
import Foundation
import LerendDiagnostics
import LerendExpressions
import LerendNetwork

/// `lerend check`: the findings of the rule sets about a network.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Toetst een netwerk aan de regels van zijn plugins (Kwaliteitskader, Waardigheid en trots, KenniZ).",
        discussion: """
            Elke bevinding staat bij haar ernst (fouten, waarschuwingen, adviezen), met de regel, \
            de melding en de zin uit het brondocument. De opdracht eindigt met een foutcode als \
            er fouten zijn.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case tekst, json
    }

    @OptionGroup var options: NetworkOptions

    @Option(name: .long, help: ArgumentHelp("tekst (standaard) of json, voor andere programma's.", valueName: "vorm"))
    var format: Format = .tekst

    func run() throws {
        let networkFile = try options.loadNetwork()
        let (checker, selected) = try options.loadPlugins(for: networkFile)
        let date = options.date
        let findings = checker.check(networkFile, plugins: selected, on: date)
        switch format {
        case .tekst: printText(findings, network: networkFile.network, plugins: selected, date: date)
        case .json: try printJSON(findings, network: networkFile.network, plugins: selected, date: date)
        }
        if findings.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
    }

    private func printText(_ findings: [Finding], network: Network, plugins: [any Plugin], date: LocalDate) {
        let renderer = DiagnosticRenderer(colored: Console.isStandardOutputTerminal)
        let sets = plugins.flatMap { plugin in plugin.ruleSets.map { "\($0.name) (\($0.version))" } }
        Console.print("\(network.name): getoetst op \(DutchFormatting.date(date, style: "middel")) aan "
            + DutchFormatting.enumeration(sets, conjunction: "en"))
        for (severity, title) in [(Severity.error, "Fouten"), (.warning, "Waarschuwingen"), (.advice, "Adviezen")] {
            let group = findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            Console.print("\n\(title) (\(group.count))\n")
            Console.print(group.map { renderer.render($0.diagnostic) }.joined(separator: "\n\n"))
        }
        let counts = [(Severity.error, "fout", "fouten"), (.warning, "waarschuwing", "waarschuwingen"), (.advice, "advies", "adviezen")]
            .map { severity, one, many in
                let count = findings.filter { $0.severity == severity }.count
                return "\(count) \(count == 1 ? one : many)"
            }
        Console.print("\n" + DutchFormatting.enumeration(counts, conjunction: "en"))
    }

    private func printJSON(_ findings: [Finding], network: Network, plugins: [any Plugin], date: LocalDate) throws {
        let report = CheckReport(
            netwerk: network.name, datum: date.iso,
            regelsets: plugins.flatMap { plugin in
                plugin.ruleSets.map { CheckReport.RuleSetEntry(plugin: plugin.id, naam: $0.name, versie: $0.version) }
            },
            bevindingen: findings.map { finding in
                CheckReport.Entry(
                    id: finding.ruleID, ernst: finding.severity.key, melding: finding.message, plugin: finding.plugin,
                    regelset: finding.ruleSet,
                    bron: finding.source.map { CheckReport.Source(document: $0.document, zin: $0.sentence) },
                    plaats: finding.location.map { CheckReport.Place(bestand: $0.file, regel: $0.line, kolom: $0.column) },
                    opmerkingen: finding.notes)
            },
            aantallen: [
                "fouten": findings.filter { $0.severity == .error }.count,
                "waarschuwingen": findings.filter { $0.severity == .warning }.count,
                "adviezen": findings.filter { $0.severity == .advice }.count,
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        Console.print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }
}

/// The JSON form of `lerend check --format json`; its keys are stable.
struct CheckReport: Encodable {
    struct RuleSetEntry: Encodable { let plugin, naam, versie: String }
    struct Source: Encodable { let document, zin: String }
    struct Place: Encodable {
        let bestand: String
        let regel: Int?
        let kolom: Int?
    }
    struct Entry: Encodable {
        let id, ernst, melding, plugin, regelset: String
        let bron: Source?
        let plaats: Place?
        let opmerkingen: [String]
    }
    let netwerk: String
    let datum: String
    let regelsets: [RuleSetEntry]
    let bevindingen: [Entry]
    let aantallen: [String: Int]
}
