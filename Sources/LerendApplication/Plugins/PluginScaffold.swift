import Foundation
public import LerendDiagnostics
public import LerendNetwork

/// Writes a bundle to start from (`lerend plugin nieuw`): a manifest, one rule with its
/// examples, a small workflow, the default templates and a README for the author. It
/// passes `lerend plugin toets` as it is.
public enum PluginScaffold: Sendable {
    /// What was written.
    public struct Result: Sendable {
        public let id: String
        /// The bundle folder.
        public let path: String
        /// The files written, relative to the bundle.
        public let files: [String]
        /// Kinds of document without a default template to copy.
        public let missingTemplates: [DocumentKind]
    }

    /// Makes the bundle folder `path`; its last part is the plugin id. Refuses a folder
    /// that exists.
    public static func create(at path: String, locator: ResourceLocator) throws(DiagnosticList) -> Result {
        let id = (path as NSString).lastPathComponent
        guard PluginArchiveFormat.isSafeID(id), id.lowercased() == id else {
            let suggestion = id.lowercased().replacingOccurrences(of: " ", with: "-").filter {
                $0.isLetter || $0.isNumber || $0 == "-"
            }
            throw refusal(
                "'\(id)' kan geen id van een plugin zijn", path,
                hint: "gebruik kleine letters, cijfers en streepjes" + (suggestion.isEmpty ? "" : ", zoals '\(suggestion)'"))
        }
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            throw refusal(
                "\(path) bestaat al", path, hint: "kies een andere naam; 'lerend plugin nieuw' schrijft nooit over een map heen")
        }
        var files: [(String, Data)] = [
            ("plugin.yaml", Data(manifest(id: id).utf8)), ("regels.yaml", Data(rules(id: id).utf8)),
            ("werkproces.yaml", Data(workflow(id: id).utf8)), ("voorbeelden/netwerk.yaml", Data(network(id: id).utf8)),
            ("README.md", Data(readme(id: id).utf8)),
        ]
        var missing: [DocumentKind] = []
        var templateLines: [String] = []
        for kind in DocumentKind.allCases {
            var formats: [String] = []
            for format in ["odt", "docx"] {
                let name = "\(kind.defaultTemplateName).\(format)"
                guard let source = locator.defaultTemplate(named: name), let data = manager.contents(atPath: source) else {
                    continue
                }
                files.append(("sjablonen/" + name, data))
                formats.append("\(format): sjablonen/\(name)")
            }
            if formats.isEmpty {
                missing.append(kind)
            } else {
                templateLines.append("  \(kind.rawValue): {\(formats.joined(separator: ", "))}")
            }
        }
        if !templateLines.isEmpty {
            files[0].1 += Data(
                ("# Sjablonen per soort document; pas ze aan in Word of LibreOffice (zie Docs/sjablonen.md).\nsjablonen:\n"
                    + templateLines.joined(separator: "\n") + "\n").utf8)
        }
        // Written next to its place and renamed into it: a failure leaves nothing behind.
        let parent = (path as NSString).deletingLastPathComponent
        let staging = (parent.isEmpty ? "." : parent) + "/.lerend-nieuw-\(UUID().uuidString)"
        defer { try? manager.removeItem(atPath: staging) }
        do {
            for (name, data) in files {
                let target = staging + "/" + name
                try manager.createDirectory(
                    atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try data.write(to: URL(filePath: target))
            }
            try manager.moveItem(atPath: staging, toPath: path)
        } catch {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "P139", "kan de bundel niet schrijven: \(SystemErrorText.dutch(error) ?? "\(error)")",
                    at: SourceLocation(file: path))
            ])
        }
        return Result(id: id, path: path, files: files.map(\.0).sorted(), missingTemplates: missing)
    }

    private static func refusal(_ message: String, _ path: String, hint: String) -> DiagnosticList {
        DiagnosticList([Diagnostic(.error, id: "P138", message, at: SourceLocation(file: path), hint: hint)])
    }

    /// "Zorggroep oost" for `zorggroep-oost`.
    static func title(_ id: String) -> String {
        let words = id.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// "ZO" for `zorggroep-oost`, "AC" for `acme`: the start of the rule ids.
    static func rulePrefix(_ id: String) -> String {
        let parts = id.split { $0 == "-" || $0 == "_" }.filter { $0.first?.isLetter == true }
        let letters = parts.count >= 2 ? String(parts.prefix(2).map { $0.first! }) : String((parts.first ?? "ab").prefix(2))
        return letters.uppercased()
    }

    static func lerendRange() -> String {
        let current = LerendVersion.current
        return ">=\(current.parts[0]).\(current.parts[1]) <\(current.parts[0] + 1).0"
    }

    static func manifest(id: String) -> String {
        """
        # Het manifest van de plugin; zie README.md en Docs/plugins.md.
        id: \(id)
        naam: \(title(id))
        beschrijving: De afspraken van \(title(id)) voor haar lerende netwerken.
        versie: "0.1.0"                 # de versie van deze bundel; hoog haar op bij elke nieuwe uitgave
        lerend: "\(lerendRange())"          # de versies van Lerend waarvoor de bundel gemaakt is
        regels: [regels.yaml]
        werkproces: werkproces.yaml
        teksten:
          inleiding: Dit plan beschrijft hoe ons lerend netwerk werkt.
          afspraken: [We starten op tijd., We delen documenten.]
          contact: \(title(id))

        """
    }

    static func rules(id: String) -> String {
        """
        regelset: Eigen afspraken \(title(id))
        versie: "\(Calendar(identifier: .gregorian).component(.year, from: Date()))"
        bron: Onze afspraken over lerende netwerken

        # Elk voorbeeld begint bij dit netwerk en wordt op deze datum getoetst.
        voorbeelden:
          peildatum: 2026-01-15
          netwerk: voorbeelden/netwerk.yaml

        regels:
          - id: \(rulePrefix(id))-01
            ernst: waarschuwing
            voor_elk: b in bijeenkomsten
            wanneer: weekday(b.datum) == 5
            melding: "Bijeenkomst {{ b.nummer }} valt op een vrijdag; wij vergaderen niet op vrijdag."
            bron: We plannen geen netwerkbijeenkomsten op vrijdag.
            voorbeelden:
              - verwacht: gaat af
                uitleg: de eerste bijeenkomst op vrijdag 13 maart
                wijzig: {bijeenkomsten.1.datum: 2026-03-13}
              - verwacht: gaat niet af
                uitleg: alle bijeenkomsten op een dinsdag

        """
    }

    static func workflow(id: String) -> String {
        """
        naam: Het stappenplan van \(title(id))
        bron: Onze afspraken over lerende netwerken

        voorbeelden:
          peildatum: 2026-01-15

        fasen:
          - id: start
            naam: Het netwerk starten
            uitleg: Wie doen er mee, en waarom?
            taken:
              - naam: Schrijf het doel op
                klaar_als: netwerk.doel
                hint: vul 'doel' in onder 'netwerk:'
                voorbeelden:
                  - {verwacht: klaar, wijzig: {netwerk.doel: Samen leren over dagbesteding}}
                  - {verwacht: niet klaar}
              - naam: Zoek minstens drie organisaties
                klaar_als: count(organisaties) >= 3
                voorbeelden:
                  - {verwacht: klaar, netwerk: voorbeelden/netwerk.yaml}
                  - {verwacht: niet klaar}
            documenten: [plan]
          - id: jaar
            naam: Het jaar plannen
            taken:
              - naam: Plan de bijeenkomsten van het jaar
                klaar_als: count(bijeenkomsten) >= 2
                voorbeelden:
                  - {verwacht: klaar, netwerk: voorbeelden/netwerk.yaml}
                  - {verwacht: niet klaar, netwerk: voorbeelden/netwerk.yaml, wijzig: {bijeenkomsten.2: null}}
            documenten: [uitnodiging, agenda]

        """
    }

    static func network(id: String) -> String {
        """
        # Het netwerk waar de voorbeelden van regels.yaml bij beginnen: het breekt geen regel.
        netwerk:
          naam: Voorbeeldnetwerk
          plugin: \(id)
        organisaties:
          - {naam: De Linde, plaats: Zwolle}
          - {naam: Het Baken, plaats: Kampen}
          - {naam: Avondrood, plaats: Deventer}
        deelnemers:
          - {naam: Anna Bakker, organisatie: De Linde, email: a.bakker@delinde.nl}
          - {naam: Bram de Vries, organisatie: Het Baken, email: b.devries@hetbaken.nl}
        bijeenkomsten:
          - {datum: 2026-03-10, begintijd: "13:30", duur_minuten: 150, gastheer: De Linde}
          - {datum: 2026-05-12, begintijd: "13:30", duur_minuten: 150, gastheer: Het Baken}

        """
    }

    static func readme(id: String) -> String {
        """
        # Plugin \(id)

        Deze map is een plugin voor Lerend: de regels, het stappenplan en de sjablonen van
        \(title(id)). Je hoeft niet te programmeren: alles staat in YAML-bestanden.

        | bestand | wat erin staat |
        |---|---|
        | `plugin.yaml` | het manifest: id, naam, versie, voor welke Lerend, en welke bestanden erbij horen |
        | `regels.yaml` | de regels waaraan `lerend check` een netwerk toetst, elk met voorbeelden |
        | `werkproces.yaml` | het stappenplan voor `lerend status`, met voorbeelden per taak |
        | `voorbeelden/` | netwerkbestanden waar de voorbeelden bij beginnen |
        | `sjablonen/` | de sjablonen voor plan, uitnodiging en agenda (kopieën van de standaard) |

        ## Zo werk je

        1. Pas een regel aan of voeg er een toe in `regels.yaml`. Schrijf bij elke regel
           minstens één voorbeeld dat afgaat (`verwacht: gaat af`) en één dat niet afgaat
           (`verwacht: gaat niet af`). Een voorbeeld begint bij `voorbeelden/netwerk.yaml`
           en verandert daar iets aan met `wijzig:`, bijvoorbeeld
           `wijzig: {bijeenkomsten.1.datum: 2026-03-13}` (in een lijst tel je vanaf 1;
           `null` haalt iets weg).
        2. Toets de bundel:

               lerend plugin toets \(id)

           Elke fout noemt het bestand, de regel en de kolom. Elk voorbeeld krijgt een regel
           met `goed` of `FOUT`; aan het eind staat hoeveel er goed gingen.
        3. Probeer de plugin op een echt netwerk:

               lerend check netwerk.yaml --plugins \(id)

        4. Hoog `versie:` in `plugin.yaml` op en maak er één bestand van:

               lerend plugin pak \(id)

           Dat geeft `\(id)-<versie>.lerendplugin`. Stuur dat naar de organisatoren van je
           netwerken. Zij installeren het met

               lerend plugin installeer \(id)-<versie>.lerendplugin

           en zetten `plugin: \(id)` onder `netwerk:` in hun netwerkbestand.

        Alles over regels, werkprocessen, voorbeelden en versies staat in `Docs/plugins.md`
        van Lerend; de expressietaal van `wanneer:` en `klaar_als:` in `Docs/expressietaal.md`.

        """
    }
}
