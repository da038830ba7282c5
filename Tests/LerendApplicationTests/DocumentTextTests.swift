import Foundation
import LerendApplication
import LerendDiagnostics
import LerendExpressions
import LerendNetwork
import LerendTestSupport
import Testing

@testable import LerendDocuments

/// The documents as their recipients read them: every document the samples export, in
/// both formats and for every plugin, read back as text.
@Suite struct DocumentTextTests {
    /// A network of the Kwaliteitskader plugin, which has no templates of its own.
    static let qualityNetwork = """
        netwerk:
          naam: Netwerk Kwaliteit Oost
          plugin: kwaliteitskader-2017
          contactpersoon: {naam: Anna Bakker, email: a.bakker@zorg.nl}
        organisaties:
          - {naam: Organisatie 1, rechtspersoon: Stichting 1, bestuur: Bestuur 1, aantal_clienten: 60, plaats: Zwolle}
          - {naam: Organisatie 2, rechtspersoon: Stichting 2, bestuur: Bestuur 2, aantal_clienten: 50, plaats: Deventer}
          - {naam: Organisatie 3, rechtspersoon: Stichting 3, bestuur: Bestuur 3, aantal_clienten: 40, plaats: Kampen}
        deelnemers:
          - {naam: Anna Bakker, organisatie: Organisatie 1, email: a.bakker@zorg.nl}
          - {naam: Bas de Vries, aanhef: Geachte heer De Vries, organisatie: Organisatie 2, email: b.devries@zorg.nl}
          - {naam: Cor Smit, organisatie: Organisatie 3, email: c.smit@zorg.nl}
        bijeenkomsten:
          - datum: 2023-03-14
            begintijd: "13:30"
            duur_minuten: 150
            gastheer: Organisatie 1
            locatie: {naam: De Linde, plaats: Zwolle}
            thema: Valpreventie
          - datum: 2023-06-13
            begintijd: "13:30"
            duur_minuten: 150
            gastheer: Organisatie 2

        """

    /// The networks of the samples with the reference date `scripts/render-samples.sh`
    /// uses, and the network of the Kwaliteitskader.
    static func networks() throws -> [(name: String, text: String, date: LocalDate)] {
        [
            (
                "zorg-dichtbij", try String(contentsOfFile: Repository.sample("zorg-dichtbij"), encoding: .utf8),
                LocalDate(year: 2026, month: 1, day: 5)!
            ),
            (
                "kleinschalig-zuid", try String(contentsOfFile: Repository.sample("kleinschalig-zuid"), encoding: .utf8),
                LocalDate(year: 2026, month: 1, day: 15)!
            ),
            ("kwaliteit-oost", qualityNetwork, LocalDate(year: 2023, month: 1, day: 10)!),
        ]
    }

    /// Every document of `text` in `format`, as (path, kind, plain text).
    static func documents(
        _ text: String, date: LocalDate, format: DocumentFormat, request: ExportRequest? = nil
    ) throws -> [(path: String, kind: DocumentKind, text: String)] {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/netwerk.yaml"
        try write(text, to: path)
        let session = try NetworkSession.open(path, locator: Repository.locator(), date: date)
        let plan = try session.exportPlan(request ?? ExportRequest(format: format))
        var result: [(path: String, kind: DocumentKind, text: String)] = []
        let failures = try DocumentExporter().documents(plan) { document in
            result.append((document.path, document.kind, try plainText(document.bytes, format: format)))
        }
        #expect(failures.isEmpty, "\(DiagnosticRenderer().render(failures))")
        return result
    }

    /// The text of a document's main part: one line per paragraph, tags removed.
    static func plainText(_ bytes: [UInt8], format: DocumentFormat) throws -> String {
        let archive = try ZipArchive(bytes: bytes)
        let name = format == .docx ? "word/document.xml" : "content.xml"
        // The body, then the headers and footers (ODT: in styles.xml).
        let names = [name] + archive.entries.map(\.name).filter { $0 == "styles.xml" || $0.hasPrefix("word/footer") }
        var xml = ""
        for part in names {
            let entry = try #require(archive.entry(named: part))
            xml += String(decoding: try archive.contents(of: entry), as: UTF8.self) + "\n"
        }
        xml = xml.replacing(/<\/(text:p|text:h|w:p)>/, with: "\n").replacing(/<(text:tab|w:tab)\/>/, with: " ")
            .replacing(/<[^>]+>/, with: "")
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
            xml = xml.replacing(entity, with: character)
        }
        return xml
    }

    /// What no document may contain, each with the reason a test names.
    static var defects: [(pattern: Regex<Substring>, what: String)] {
        [
            (/\b(?:KZ|KK|WT)-\d{2}\b/, "a rule code"), (/\b[ADEMNOPTX]\d{3}\b/, "a diagnostic id"), (/`/, "a back-quote"),
            (/\w\((?:en|s|n)\)|advies\/adviezen/, "an \"(en)\" plural"),
            (/nog niet bekend|nog te bepalen|nog te kiezen|onbekend/, "a placeholder"),
            (/\{\{|\{%|%\}|\}\}/, "a tag left over"), (/\blerend (?:plan|check|export|status|plugin)\b/, "tool syntax"),
            (/\b(?:netwerk|besluiten|kwaliteit|bijeenkomsten|deelnemers|organisaties|voorkeuren)\.[a-z_]+/, "a field name"),
            (/(?:^|\s)--[a-z]/, "a command-line option"),
            (/·\s*·|^\s*·|·\s*$/, "an empty part between dots"),
        ]
    }

    @Test(arguments: [DocumentFormat.odt, .docx])
    func noDocumentShowsCodesSyntaxPluralsOrPlaceholders(format: DocumentFormat) throws {
        var kinds: Set<DocumentKind> = []
        for network in try Self.networks() {
            let documents = try Self.documents(network.text, date: network.date, format: format)
            #expect(!documents.isEmpty)
            let name = try #require(network.text.firstMatch(of: /\n  naam: (.+)\n/)).output.1
            for document in documents {
                kinds.insert(document.kind)
                for line in document.text.split(separator: "\n") {
                    for defect in Self.defects {
                        if let match = line.firstMatch(of: defect.pattern) {
                            Issue.record("\(network.name)/\(document.path): \(defect.what) '\(match.output)' in: \(line)")
                        }
                    }
                    if line.hasPrefix("Betreft:") {
                        // Sentence case: a capital only at the start and in the network's name.
                        let rest = line.dropFirst("Betreft: ".count).replacing(name, with: "")
                        #expect(rest.first?.isUppercase == true, "\(document.path): \(line)")
                        #expect(!rest.dropFirst().contains { $0.isUppercase }, "\(document.path): \(line)")
                    }
                }
            }
        }
        #expect(kinds == Set(DocumentKind.allCases))
    }

    @Test(arguments: [DocumentFormat.odt, .docx])
    func aPlanSaysNoSentenceTwice(format: DocumentFormat) throws {
        for network in try Self.networks() {
            let plan = try #require(
                try Self.documents(network.text, date: network.date, format: format).first { $0.kind == .plan })
            var seen: Set<String> = []
            let sentences = plan.text.replacing(/([.!?])\s+/, with: { $0.output.1 + "\n" }).split(separator: "\n")
            for sentence in sentences.map({ String($0).trimmingCharacters(in: .whitespaces) })
            where sentence.count > 25 && ".!?".contains(sentence.last ?? " ") {
                #expect(seen.insert(sentence).inserted, "\(network.name): said twice: \(sentence)")
            }
        }
    }

    /// A phrase of every item of seed 004 that the KenniZ plan carries.
    static let seed004 = [
        // the seven start questions
        "niet op een simpele manier worden opgelost", "voldoende draagvlak voor een lerende benadering",
        "Is de groep evenwichtig samengesteld", "in gelijke mate betrokken bij de opgave", "Welke kennis is in het netwerk nodig",
        "aanwezig bij een van de deelnemende zorgpartners", "Waar of via wie kan de ontbrekende kennis",
        // the six participant criteria
        "werkzaam binnen de kleinschalige zorg", "een jaar lang aan dezelfde groep te verbinden",
        "vertrouwen in elkaars integriteit", "zowel successen als leermomenten", "maken voldoende tijd vrij",
        "niet alleen te denken, maar ook te doen",
        // the tips
        "Wees niet te bescheiden", "Deel ook je dilemma's", "documenten deelt", "balans in halen en brengen",
        "Breng variatie", "Maak resultaten zichtbaar", "afspraken over procesbegeleiding",
        "procesbegeleider die de bijeenkomst stroomlijnt",
        "Herijk regelmatig", "koekje op tafel",
        // Programma: algemeen, filled with the network
        "Programma: algemeen", "Deelname aan Lerend Netwerk Kleinschalig Zuid in 2026 is gratis voor zorgpartners van KenniZ",
        "binnen 1 jaar 7 bijeenkomsten met een vaste groep", "minimaal 6 en maximaal 10 deelnemende zorgorganisaties",
        "1 of 2 thema's", "minstens 2,5 uur", "gespreksleider bij de eerste, de vierde en de laatste bijeenkomst",
        "Aanvullende behoeften", "dienen de deelnemers in bij KenniZ",
        // what is expected of each participant
        "die van het kwaliteitskader, te delen om met elkaar te benchmarken", "Wat kom je brengen?", "En wat kom je halen?",
        "harde afspraken over commitment, data, locatie en inhoud", "op haar website publiceert",
        "Dag van de Kleinschalige Zorg", "Online deelnemen heeft niet de voorkeur",
        "Aan het eind van de derde inhoudelijke bijeenkomst evalueren we kort",
        // contact and sources
        "Dokter Lelykade 257", "secretariaat@kenniz.nl", "Bronnen", "Nederlands Jeugdinstituut",
        "Zorgpartnerbijeenkomst KenniZ, 18 november 2022",
    ]

    @Test(arguments: [DocumentFormat.odt, .docx])
    func theKenniZPlanCarriesSeed004FilledWithTheNetwork(format: DocumentFormat) throws {
        let network = try #require(try Self.networks().first { $0.name == "kleinschalig-zuid" })
        let plan = try #require(try Self.documents(network.text, date: network.date, format: format).first { $0.kind == .plan })
        let text = plan.text.replacing("\n", with: " ")
        for phrase in Self.seed004 { #expect(text.contains(phrase), "the KenniZ plan lacks: \(phrase)") }
        #expect(text.components(separatedBy: "• ").count - 1 >= 7 + 6 + 10 + 8 + 5 + 3)
    }

    @Test(arguments: [DocumentFormat.odt, .docx])
    func theFiveStepsPlanCoversStepsCharacteristicsFormsAndTips(format: DocumentFormat) throws {
        let network = try #require(try Self.networks().first { $0.name == "zorg-dichtbij" })
        let plan = try #require(try Self.documents(network.text, date: network.date, format: format).first { $0.kind == .plan })
        for step in 1...5 { #expect(plan.text.contains("Stap \(step):")) }
        for phrase in [
            "3 kenmerken", "gedeelde urgentie", "We hebben een klik", "duidelijke afspraken over de organisatie",
            "Themabijeenkomsten (onze keuze)", "Werkgroep: 10 keer per jaar", "Intervisie:", "10 tips", "Beter goed gejat",
            "Laat die bijvoorbeeld rouleren", "Een goede sfeer is heel belangrijk", "Verander en stop op tijd",
        ] {
            #expect(plan.text.contains(phrase), "the plan in 5 steps lacks: \(phrase)")
        }
    }

    @Test func theAgendaNamesAPersonWhereItWouldNameTheHostOrganisation() throws {
        let network = try #require(try Self.networks().first { $0.name == "kleinschalig-zuid" })
        let documents = try Self.documents(
            network.text, date: network.date, format: .odt,
            request: ExportRequest(kinds: [.agenda], format: .odt, meetingNumbers: [2]))
        let agenda = try #require(documents.first)
        // Meeting 2 has no facilitator; its host Zorgvilla De Eik is Mo Haddou, who prepares it.
        #expect(agenda.text.contains("Opening en vaststellen agenda\nWelkom door de gastheer.\nMo Haddou\n"), "\(agenda.text)")
        #expect(agenda.text.contains("Gastheer\nZorgvilla De Eik\n"))
        #expect(agenda.text.components(separatedBy: "\nZorgvilla De Eik\n").count - 1 == 1, "only the host's row")
    }

    /// A KenniZ network whose meeting 4 has no place, theme or facilitator yet.
    static func networkWithUnknowns() throws -> String {
        let text = try String(contentsOfFile: Repository.sample("kleinschalig-zuid"), encoding: .utf8)
        let start = try #require(text.range(of: "    locatie: {naam: Landgoed Wolfsberg"))
        let end = try #require(text.range(of: "    evaluatie: true"))
        return text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "    gastheer: Landgoed Wolfsberg\n")
    }

    @Test func anUnknownValueLeavesItsSentenceOutByDefault() throws {
        let documents = try Self.documents(
            try Self.networkWithUnknowns(), date: LocalDate(year: 2026, month: 1, day: 15)!, format: .odt,
            request: ExportRequest(kinds: [.agenda, .invitation], format: .odt, meetingNumbers: [4]))
        let invitation = try #require(documents.first { $0.kind == .invitation })
        #expect(invitation.text.contains("Datum: donderdag 28 mei 2026"))
        #expect(!invitation.text.contains("Plaats:"))
        #expect(!invitation.text.contains("Gespreksleider:"))
        #expect(!invitation.text.contains("Het thema is"))
        let agenda = try #require(documents.first { $0.kind == .agenda })
        #expect(!agenda.text.contains("Gespreksleider"))
        #expect(!agenda.text.contains("Plaats\n"))
        #expect(agenda.text.contains("Gastheer\nLandgoed Wolfsberg"))
    }

    @Test func reportedUnknownValuesStopTheExportBeforeAnythingIsWritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/netwerk.yaml"
        try write(try Self.networkWithUnknowns(), to: path)
        let session = try NetworkSession.open(
            path, locator: Repository.locator(), date: LocalDate(year: 2026, month: 1, day: 15)!)
        let error = #expect(throws: DiagnosticList.self) {
            _ = try session.exportPlan(ExportRequest(meetingNumbers: [4], unknownValues: .report))
        }
        let messages = error?.diagnostics.filter { $0.id == "X105" }.map(\.message) ?? []
        #expect(messages.contains("bijeenkomst 4 (28 mei 2026): de plaats is nog niet bekend"))
        #expect(messages.contains("bijeenkomst 4 (28 mei 2026): het thema is nog niet bekend"))
        #expect(messages.contains("bijeenkomst 4 (28 mei 2026): de gespreksleider is nog niet bekend"))
        #expect(error?.diagnostics.first { $0.id == "X105" }?.location?.line != nil)
        // Meetings with everything known report nothing, so the export goes on.
        let known = try session.exportPlan(ExportRequest(kinds: [.agenda], meetingNumbers: [2], unknownValues: .report))
        #expect(known.documentCount == 1)
    }
}
