import ArgumentParser
import Foundation
import LerendData
import LerendDiagnostics
import LerendDocuments
import LerendExpressions
import LerendNetwork

/// `lerend export`: the plan of approach, the invitations and the agendas of a network.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Maakt het plan van aanpak, de uitnodigingen en de agenda's van een netwerk, als .odt of .docx.",
        discussion: """
            Sjablonen komen uit netwerk.sjablonen in het netwerkbestand, anders uit de plugin, \
            anders uit Templates/. Zonder --meeting gaan uitnodigingen en agenda's over de \
            bijeenkomsten vanaf de peildatum. Een deelnemer met onvolledige gegevens wordt gemeld \
            en overgeslagen; de andere documenten worden gewoon gemaakt.
            """)

    enum Document: String, ExpressibleByArgument, CaseIterable {
        case plan, invitations, agendas, all

        init?(argument: String) {
            switch argument {
            case "plan": self = .plan
            case "invitations", "uitnodigingen": self = .invitations
            case "agendas", "agenda": self = .agendas
            case "all", "alles": self = .all
            default: return nil
            }
        }

        static var allValueStrings: [String] { ["plan", "uitnodigingen", "agendas", "alles"] }
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case odt, docx }

    @OptionGroup var options: NetworkOptions

    @Option(name: .long, help: ArgumentHelp("plan, uitnodigingen (invitations), agendas of alles (all).", valueName: "document"))
    var document: Document = .all

    @Option(name: .long, help: ArgumentHelp("odt of docx.", valueName: "formaat"))
    var format: Format = .odt

    @Option(name: .customLong("meeting"), help: ArgumentHelp("Alleen deze bijeenkomst (volgnummer); mag vaker.", valueName: "N"))
    var meetingNumbers: [Int] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("De map voor de documenten.", valueName: "map"))
    var output: String

    @Flag(name: .long, help: "Zet alle documenten daarna in één keer om naar PDF (met LibreOffice).")
    var pdf = false

    @Option(name: .long, help: ArgumentHelp("Hoeveel documenten tegelijk worden gemaakt.", valueName: "aantal"))
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let networkFile = try options.loadNetwork()
        let (checker, selected) = try options.loadPlugins(for: networkFile)
        guard let plugin = selected.first(where: { $0.id == networkFile.network.plugin }) else { throw ExitCode.failure }
        let date = options.date
        let data = DocumentData(networkFile: networkFile, plugin: plugin, date: date)
        let locator = TemplateLocator(networkPath: options.networkPath, networkFile: networkFile, plugin: plugin)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)

        var written: [String] = []
        var failures = 0
        let meetings = try chosenMeetings(data)
        if document == .plan || document == .all {
            let findings = checker.check(networkFile, plugins: selected, on: date)
            let value = data.plan(findings: findings, ruleSets: selected.flatMap(\.ruleSets))
            let result = try renderAll(
                "plan", stems: ["plan van aanpak \(networkFile.network.name)"], labels: ["plan van aanpak"],
                folder: output, locator: locator) { _ in value }
            written += result.written
            failures += result.failures
        }
        if document == .agendas || document == .all {
            for meeting in meetings {
                if let remark = data.meeting(meeting).remark {
                    Console.report([Diagnostic(.warning, id: "X101", "bijeenkomst \(data.number(meeting)): \(remark)",
                                               at: SourceLocation(file: options.networkPath))])
                }
            }
            let result = try renderAll(
                "agenda",
                stems: meetings.map { "agenda bijeenkomst \(data.number($0)) \($0.value(atPath: "datum")?.dateValue?.iso ?? "")" },
                labels: meetings.map { "agenda van bijeenkomst \(data.number($0))" }, folder: output, locator: locator
            ) { data.agenda(for: meetings[$0]) }
            written += result.written
            failures += result.failures
        }
        if document == .invitations || document == .all {
            // Only the names are made up front; each invitation's data is made when it is
            // rendered, so that memory stays flat in the number of participants.
            var pairs: [(participant: Int, meeting: Int)] = []
            var stems: [String] = []
            var labels: [String] = []
            let participants = networkFile.network.participants
            for (index, participant) in participants.enumerated() {
                if let problem = data.problem(with: participant) {
                    Console.report([Diagnostic(
                        .error, id: "X102", "geen uitnodiging voor \(participant.name): \(problem)",
                        at: participant.node.location, hint: "vul de gegevens aan in het netwerkbestand; de andere uitnodigingen worden gewoon gemaakt")])
                    failures += meetings.count
                    continue
                }
                for (meetingIndex, meeting) in meetings.enumerated() {
                    pairs.append((index, meetingIndex))
                    stems.append("uitnodiging bijeenkomst \(data.number(meeting)) \(participant.name)")
                    labels.append("\(participant.name), bijeenkomst \(data.number(meeting))")
                }
            }
            let chosen = pairs
            let prepared = meetings.map { data.meeting($0).value }
            let result = try renderAll(
                "uitnodiging", stems: stems, labels: labels, folder: output + "/uitnodigingen", locator: locator
            ) { data.invitation(for: participants[chosen[$0].participant], toPrepared: prepared[chosen[$0].meeting]) }
            written += result.written
            failures += result.failures
        }
        Console.print("\(written.count) \(written.count == 1 ? "document" : "documenten") geschreven in \(output)/")
        if pdf { try convertToPDF(written) }
        if failures > 0 {
            Console.error("\(failures) \(failures == 1 ? "document" : "documenten") niet gemaakt; zie de meldingen hierboven")
            throw ExitCode.failure
        }
    }

    /// The meetings asked for: `--meeting`, or those on or after the reference date.
    private func chosenMeetings(_ data: DocumentData) throws -> [Value] {
        let all = data.meetings
        if !meetingNumbers.isEmpty {
            for number in meetingNumbers where !all.contains(where: { data.number($0) == number }) {
                Console.error("fout: er is geen bijeenkomst \(number); het netwerk heeft er \(all.count)")
                throw ExitCode.failure
            }
            return all.filter { meetingNumbers.contains(data.number($0)) }
        }
        let upcoming = all.filter { ($0.value(atPath: "datum")?.dateValue).map { $0 >= options.date } ?? false }
        if upcoming.isEmpty, document != .plan {
            Console.error("let op: geen bijeenkomsten vanaf \(options.date.iso); kies er een met --meeting N")
        }
        return upcoming
    }

    /// Renders one template per file stem into `folder`; `data` makes the data of
    /// document `index` when it is rendered.
    private func renderAll(
        _ document: String, stems: [String], labels: [String], folder: String, locator: TemplateLocator,
        data: @escaping @Sendable (Int) -> Value
    ) throws -> (written: [String], failures: Int) {
        guard !stems.isEmpty else { return ([], 0) }
        let path: String
        do throws(TemplateLocator.Failure) {
            path = try locator.path(for: document, format: format.rawValue)
        } catch {
            switch error {
            case .wrongFormat(let path, let wanted):
                Console.error("fout: het eigen sjabloon '\(path)' is geen .\(wanted)-bestand; kies --format \((path as NSString).pathExtension)")
            case .notFound(let document, let searched):
                Console.error("fout: geen sjabloon voor '\(document)' gevonden; gezocht in:\n  " + searched.joined(separator: "\n  "))
            }
            throw ExitCode.failure
        }
        let template: DocumentTemplate
        do throws(DiagnosticList) {
            template = try DocumentTemplate(path: path)
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode.failure
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let names = SafeFileName.distinct(stems.map { SafeFileName.make($0) }, fileExtension: format.rawValue)
        let total = names.count
        let merge = MailMerge(template: template, directory: folder, workers: workers)
        let report = merge.run(count: total, job: { MailMerge.Job(data: data($0), fileName: names[$0], label: labels[$0]) }) { done in
            Console.progress(done, of: total, label: document)
        }
        Console.clearStatus()
        for failure in report.failures {
            var diagnostics = failure.diagnostics
            if let first = diagnostics.indices.first { diagnostics[first].notes.append("bij \(failure.label)") }
            Console.report(diagnostics)
        }
        let failed = Set(report.failures.compactMap(\.fileName))
        return (names.filter { !failed.contains($0) }.map { folder + "/" + $0 }, report.failures.count)
    }

    /// All documents to PDF in one LibreOffice run per folder.
    private func convertToPDF(_ documents: [String]) throws {
        guard let soffice = Console.findProgram("soffice") ?? Console.findProgram("libreoffice") else {
            Console.error("""
                fout: voor --pdf is LibreOffice nodig, en dat is niet gevonden.
                   hint: installeer het met: sudo apt-get install libreoffice-writer-nogui (Debian/Ubuntu), \
                of van https://www.libreoffice.org; de documenten zelf zijn wel gemaakt
                """)
            throw ExitCode.failure
        }
        let byFolder = Dictionary(grouping: documents) { ($0 as NSString).deletingLastPathComponent }
        for (folder, files) in byFolder.sorted(by: { $0.key < $1.key }) {
            let process = Process()
            process.executableURL = URL(filePath: soffice)
            process.arguments = ["--headless", "--norestore", "--convert-to", "pdf", "--outdir", folder.isEmpty ? "." : folder] + files
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus != 0 {
                Console.error("fout: LibreOffice kon de documenten in \(folder) niet omzetten naar PDF")
                throw ExitCode.failure
            }
        }
        Console.print("\(documents.count) \(documents.count == 1 ? "PDF-bestand" : "PDF-bestanden") gemaakt")
    }
}
