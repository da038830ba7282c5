import ArgumentParser
import Foundation
import LerendApplication
import LerendData
import LerendDiagnostics
import LerendDocuments
import LerendExpressions

/// `lerend render`: fills an ODT or DOCX template with YAML or JSON data.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Vult een .odt- of .docx-sjabloon met gegevens uit een YAML- of JSON-bestand.",
        discussion: """
            Eén document:
              lerend render uitnodiging.docx gegevens.yaml -o uitnodiging-ingevuld.docx

            Eén document per element van een lijst (samenvoegen):
              lerend render uitnodiging.docx gegevens.yaml --per deelnemers --als deelnemer \\
                -o uitnodigingen --naam "uitnodiging {{ deelnemer.naam }}"

            Alle elementen in één document, elk op een nieuwe pagina (om te printen):
              lerend render uitnodiging.docx gegevens.yaml --per deelnemers --als deelnemer \\
                --één-document uitnodigingen.docx
            """)

    @Argument(help: ArgumentHelp("Het sjabloon: een .odt- of .docx-bestand met {{ }}- en {% %}-tags.", valueName: "sjabloon"))
    var template: String

    @Argument(help: ArgumentHelp("De gegevens: een YAML- of JSON-bestand.", valueName: "gegevens"))
    var data: String

    @Option(
        name: [.customShort("o"), .customLong("uitvoer"), .customLong("output")],
        help: ArgumentHelp(
            "Het document dat ontstaat, of met --per de map voor de documenten.", valueName: "uitvoer"))
    var output: String?

    @Option(
        name: [.customLong("één-document"), .customLong("een-document"), .customLong("one-document")],
        help: ArgumentHelp(
            "Met --per: zet alle elementen in dit ene document, elk vanaf een nieuwe pagina, in plaats van een map.",
            valueName: "document"))
    var oneDocument: String?

    @Flag(
        name: [.customLong("alles-of-niets"), .customLong("all-or-nothing")],
        help: "Met --één-document: schrijf niets als één element een fout geeft (anders komen de goede erin).")
    var allOrNothing = false

    @Option(
        name: [.customLong("per"), .customLong("each")],
        help: ArgumentHelp("Maak één document per element van de lijst op dit pad.", valueName: "pad"))
    var each: String?

    @Option(
        name: [.customLong("als"), .customLong("as")],
        help: ArgumentHelp(
            "Met --per: de naam waaronder het element in het sjabloon staat; zonder deze optie staan de velden van het element los.",
            valueName: "naam"))
    var binding: String?

    @Option(
        name: [.customLong("naam"), .customLong("name")],
        help: ArgumentHelp(
            "Met --per: het patroon voor de bestandsnamen, bijvoorbeeld \"uitnodiging {{ deelnemer.naam }}\".",
            valueName: "patroon"))
    var name: String?

    @Flag(
        name: [.customLong("leeg-toestaan"), .customLong("allow-missing")],
        help: "Laat ontbrekende waarden leeg in plaats van te stoppen met een fout.")
    var allowMissing = false

    @Option(
        name: [.customLong("tegelijk"), .customLong("workers")],
        help: ArgumentHelp("Met --per: hoeveel documenten tegelijk worden gemaakt.", valueName: "aantal"))
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if output == nil, oneDocument == nil { throw ValidationError("geef -o (of met --per: --één-document)") }
        if output != nil, oneDocument != nil { throw ValidationError("geef -o of --één-document, niet allebei") }
        if each == nil, oneDocument != nil { throw ValidationError("--één-document werkt alleen samen met --per") }
        if oneDocument == nil, allOrNothing { throw ValidationError("--alles-of-niets werkt alleen samen met --één-document") }
        if oneDocument != nil, name != nil { throw ValidationError("--naam werkt niet samen met --één-document") }
        if each == nil, binding != nil { throw ValidationError("--als werkt alleen samen met --per") }
        if each == nil, name != nil { throw ValidationError("--naam werkt alleen samen met --per") }
        if workers < 1 { throw ValidationError("--tegelijk moet minstens 1 zijn") }
    }

    func run() throws {
        let compiled: DocumentTemplate
        let dataFile: DataFile
        do throws(DiagnosticList) {
            compiled = try DocumentTemplate(path: template)
            Console.report(compiled.warnings)
            dataFile = try DataFile.load(path: data)
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode.failure
        }
        let options = RenderOptions(
            missingValues: allowMissing ? .empty : .error, imageFolders: .beside(data, template))
        if let each, let oneDocument {
            try renderMerged(compiled, dataFile: dataFile, listPath: each, into: oneDocument, options: options)
        } else if let each {
            try renderEach(compiled, dataFile: dataFile, listPath: each, options: options)
        } else {
            try renderOne(compiled, data: dataFile.value, options: options)
        }
    }

    private func renderOne(_ compiled: DocumentTemplate, data: Value, options: RenderOptions) throws {
        let path = try outputPath(for: compiled)
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        do throws(DiagnosticList) {
            try DocumentRenderer(template: compiled).render(data, options: options, to: path)
        } catch {
            Console.report(error.diagnostics)
            Console.error("geen document geschreven")
            throw ExitCode.failure
        }
        Console.print("geschreven: \(path)")
    }

    /// `-o` (or `--één-document`) with the template's extension; another extension is an
    /// error, none is added.
    func outputPath(for compiled: DocumentTemplate) throws -> String {
        let output = self.output ?? oneDocument ?? ""
        let wanted = compiled.format.fileExtension
        let given = (output as NSString).pathExtension.lowercased()
        let path = given.isEmpty ? output + "." + wanted : output
        if [template, data].contains(where: { OutputGuard.same($0, path) }) {
            Console.report([
                Diagnostic(
                    .error, id: "O005", "-o wijst naar het sjabloon of het gegevensbestand zelf",
                    at: SourceLocation(file: output),
                    hint: "kies een andere naam; Lerend overschrijft nooit zijn eigen invoer")
            ])
            throw ExitCode.failure
        }
        if given.isEmpty || given == wanted { return path }
        Console.report([
            Diagnostic(
                .error, id: "O002", "het sjabloon is een .\(wanted)-bestand, maar -o eindigt op .\(given)",
                at: SourceLocation(file: output),
                hint:
                    "noem het document '\((output as NSString).deletingPathExtension).\(wanted)'; een ander formaat vraagt een ander sjabloon"
            )
        ])
        throw ExitCode.failure
    }

    private func renderEach(_ compiled: DocumentTemplate, dataFile: DataFile, listPath: String, options: RenderOptions) throws {
        let (records, labels) = try records(in: dataFile, at: listPath)
        var pattern: TextTemplate?
        do throws(ExpressionError) {
            if let name { pattern = try TextTemplate(name) }
        } catch {
            Console.report([error.diagnostic(in: name ?? "", at: SourceLocation(file: "--naam"))])
            throw ExitCode.failure
        }
        let output = self.output ?? ""
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            Console.report([
                Diagnostic(
                    .error, id: "O003", "kan map '\(output)' niet maken", at: SourceLocation(file: output),
                    hint: "controleer het pad en of je er mag schrijven")
            ])
            throw ExitCode.failure
        }
        let stem = ((template as NSString).lastPathComponent as NSString).deletingPathExtension
        let prepared = MailMerge.jobs(
            records: records, shared: dataFile.value, binding: binding, pattern: pattern,
            defaultStem: stem, fileExtension: compiled.format.fileExtension, labels: labels)
        let merge = MailMerge(template: compiled, directory: output, options: options, workers: workers)
        let total = prepared.jobs.count
        let started = ContinuousClock.now
        let report = merge.run(prepared.jobs) { done in
            if done % 50 == 0 || done == total { Console.status("\(done) van \(total) documenten") }
        }
        Console.clearStatus()
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        let failures = prepared.failures + report.failures
        for failure in failures {
            var diagnostics = failure.diagnostics
            if let first = diagnostics.indices.first { diagnostics[first].notes.append("bij \(failure.label)") }
            Console.report(diagnostics)
        }
        let documents = report.written.count == 1 ? "document" : "documenten"
        Console.print("\(report.written.count) \(documents) geschreven in \(output)/ (\(seconds.dutch(decimals: 2)) s)")
        if !failures.isEmpty {
            Console.error("\(failures.count) van \(records.count) records niet geschreven; zie de meldingen hierboven")
            throw ExitCode.failure
        }
    }

    /// The list at `path` in the data file with a label for each element ("deelnemers[3],
    /// gegevens.yaml regel 17"), or a message that points at what is there instead.
    func records(in file: DataFile, at path: String) throws -> (records: [Value], labels: [String]) {
        let (node, missingStep) = file.root.descendant(atPath: path)
        if let missingStep {
            Console.report([
                file.diagnostic(
                    id: "D201", "--per \(path): '\(missingStep)' staat niet in de gegevens", at: node,
                    hint: Suggestions.hint(for: missingStep, in: node.keys)
                        ?? "geef het pad naar een lijst, bijvoorbeeld --per deelnemers")
            ])
            throw ExitCode.failure
        }
        guard case .sequence(let items, _) = node else {
            Console.report([
                file.diagnostic(
                    id: "D202", "--per \(path) moet naar een lijst wijzen, maar dit is een \(node.kindName)", at: node,
                    hint: "een lijst schrijf je met '- ' voor elk element")
            ])
            throw ExitCode.failure
        }
        let labels = items.enumerated().map { index, item in
            "\(path)[\(index + 1)]" + (item.location.line.map { ", \(file.path) regel \($0)" } ?? "")
        }
        return (items.map(\.value), labels)
    }
}
