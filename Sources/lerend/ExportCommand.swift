import ArgumentParser
import Foundation
import LerendApplication
import LerendDiagnostics
import LerendDocuments
import LerendNetwork

/// `lerend export`: the plan of approach, the invitations, the agendas and the attendance
/// lists of a network.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Maakt het plan van aanpak, de uitnodigingen, de agenda's en de presentielijst van een netwerk, als .odt of .docx.",
        discussion: """
            Sjablonen komen uit netwerk.sjablonen in het netwerkbestand, anders uit de plugin, \
            anders uit de sjablonen van Lerend zelf. Zonder --bijeenkomst gaan uitnodigingen en \
            agenda's over de bijeenkomsten vanaf de peildatum. Een deelnemer met onvolledige \
            gegevens wordt gemeld en overgeslagen; de andere documenten worden gewoon gemaakt.
            """)

    /// The documents asked for on the command line.
    enum Documents: String, ExpressibleByArgument, CaseIterable {
        case plan, uitnodigingen, agendas, presentielijst, alles

        /// The Dutch names, and the singular and English spellings as aliases.
        init?(argument: String) {
            switch argument.lowercased() {
            case "plan": self = .plan
            case "uitnodigingen", "uitnodiging", "invitations": self = .uitnodigingen
            case "agendas", "agenda", "agenda's": self = .agendas
            case "presentielijst", "presentielijsten", "attendance": self = .presentielijst
            case "alles", "all": self = .alles
            default: return nil
            }
        }

        var kinds: [DocumentKind] {
            switch self {
            case .plan: [.plan]
            case .uitnodigingen: [.invitation]
            case .agendas: [.agenda]
            case .presentielijst: [.attendanceList]
            case .alles: DocumentKind.allCases
            }
        }
    }

    @OptionGroup var options: NetworkOptions

    @Option(
        name: .long,
        help: ArgumentHelp("Welke documenten: plan, uitnodigingen, agendas, presentielijst of alles.", valueName: "documenten"))
    var document: Documents = .alles

    /// The format asked for on the command line.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case odt, docx

        init?(argument: String) { self.init(rawValue: argument.lowercased().replacing(/^\./, with: "")) }

        var documentFormat: DocumentFormat { self == .odt ? .odt : .docx }
    }

    @Option(name: [.customLong("formaat"), .customLong("format")], help: ArgumentHelp("odt of docx.", valueName: "formaat"))
    var format: Format = .odt

    @Option(
        name: [.customLong("bijeenkomst"), .customLong("meeting")],
        help: ArgumentHelp("Alleen deze bijeenkomst (volgnummer); mag vaker.", valueName: "N"))
    var meetingNumbers: [Int] = []

    @Option(
        name: [.customShort("o"), .customLong("uitvoer"), .customLong("output")],
        help: ArgumentHelp("De map voor de documenten.", valueName: "map"))
    var output: String

    @Flag(name: .long, help: "Zet de documenten daarna om naar PDF (met LibreOffice, één proces per --tegelijk).")
    var pdf = false

    @Flag(
        name: [.customLong("samenvoegen"), .customLong("merge")],
        help: "Zet de uitnodigingen van elke bijeenkomst in één document, en alle agenda's in één, elk vanaf een nieuwe pagina.")
    var merge = false

    @Flag(
        name: [.customLong("email"), .customLong("e-mail")],
        help:
            "Schrijf per uitnodiging ook een e-mail (.eml, nog niet verstuurd) met de uitnodiging, de agenda en de agenda-uitnodiging als bijlagen, in MAP/e-mails; versturen doet lerend verstuur."
    )
    var email = false

    @Option(
        name: [.customLong("onbekend"), .customLong("unknown")],
        help: ArgumentHelp(
            "Wat er gebeurt met een gegeven dat nog niet bekend is (plaats, thema of gespreksleider van een bijeenkomst, vorm van het netwerk): weglaten laat de zin weg, melden noemt elk ontbrekend gegeven en schrijft niets.",
            valueName: "weglaten|melden"))
    var unknown: Unknown = .weglaten

    /// What to do with a value not known yet, as the command line says it.
    enum Unknown: String, ExpressibleByArgument, CaseIterable {
        case weglaten, melden

        init?(argument: String) {
            switch argument.lowercased() {
            case "weglaten", "omit": self = .weglaten
            case "melden", "report": self = .melden
            default: return nil
            }
        }

        var policy: UnknownValuePolicy { self == .weglaten ? .omit : .report }
    }

    @Option(
        name: [.customLong("pdf-wachttijd"), .customLong("pdf-timeout")],
        help: ArgumentHelp(
            "Hoeveel seconden LibreOffice over één document mag doen voordat het wordt afgebroken.",
            valueName: "seconden"))
    var pdfTimeout: Int = 60

    @Option(
        name: [.customLong("tegelijk"), .customLong("workers")],
        help: ArgumentHelp("Hoeveel documenten tegelijk worden gemaakt.", valueName: "aantal"))
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if workers < 1 { throw ValidationError("--tegelijk moet minstens 1 zijn") }
        if email, merge {
            throw ValidationError("--email werkt niet samen met --samenvoegen: een e-mail hoort bij één uitnodiging")
        }
        if pdfTimeout < 1 { throw ValidationError("--pdf-wachttijd moet minstens 1 seconde zijn") }
    }

    func run() throws {
        let session = try options.openSession()
        let plan: ExportPlan
        let result: DocumentExporter.Result
        do throws(DiagnosticList) {
            plan = try session.exportPlan(
                ExportRequest(
                    kinds: email ? Array(Set(document.kinds + [.invitation, .agenda])) : document.kinds,
                    format: format.documentFormat, meetingNumbers: meetingNumbers, unknownValues: unknown.policy))
            Console.report(plan.problems)
            let inputs = [session.path] + plan.batches.map(\.templatePath)
            let exporter = DocumentExporter(workers: workers)
            let progress: @Sendable (DocumentKind, Int, Int) -> Void = { kind, done, total in
                Console.progress(done, of: total, label: kind.label)
            }
            result =
                try merge
                ? exporter.writeMerged(plan, into: output, inputs: inputs, progress: progress)
                : exporter.write(plan, into: output, inputs: inputs, progress: progress)
        } catch { throw error.exit() }
        Console.clearStatus()
        Console.report(result.failures)
        Console.print("\(result.written.count.counted("document", "documenten")) geschreven in \(output)/")
        var pdfFailures = 0
        if pdf, !result.written.isEmpty {
            do throws(DiagnosticList) {
                let converter = PDFConverter(
                    environment: ProcessInfo.processInfo.environment, workers: workers, timeout: .seconds(pdfTimeout))
                let conversion = try converter.convertAll(result.written) { done, total in
                    Console.progress(done, of: total, label: "PDF")
                }
                Console.clearStatus()
                Console.report(conversion.failures)
                pdfFailures = conversion.failures.count
                Console.print(conversion.converted.count.counted("PDF-bestand", "PDF-bestanden") + " gemaakt")
            } catch { throw error.exit() }
        }
        let failed = result.failedCount + plan.skippedCount
        var mailsSkipped = 0
        if email {
            let mails: MailExportResult
            do throws(DiagnosticList) {
                mails = try session.writeInvitationMails(plan, documents: result, into: output, attachPDF: pdf)
            } catch { throw error.exit() }
            Console.report(mails.problems)
            Console.print(
                "\(mails.written.count.counted("e-mail", "e-mails")) geschreven in \(output)/\(NetworkSession.mailFolder)/"
                    + " (versturen: lerend verstuur \(output)/\(NetworkSession.mailFolder))")
            mailsSkipped = mails.skippedCount
        }
        if failed > 0 {
            Console.error("\(failed.counted("document", "documenten")) niet gemaakt; zie de meldingen hierboven")
        }
        if mailsSkipped > 0 {
            Console.error("\(mailsSkipped.counted("e-mail", "e-mails")) niet gemaakt; zie de meldingen hierboven")
        }
        if pdfFailures > 0 {
            Console.error("\(pdfFailures.counted("PDF-bestand", "PDF-bestanden")) niet gemaakt; zie de meldingen hierboven")
        }
        if failed + pdfFailures + mailsSkipped > 0 { throw ExitCode.failure }
    }
}
