import ArgumentParser
import Foundation
import LerendApplication
import LerendData
import LerendDiagnostics
import LerendDocuments
import LerendExpressions

/// `lerend sjabloon`: compiles templates and shows what data they need.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sjabloon",
        abstract: "Controleert .odt- en .docx-sjablonen en toont welke gegevens ze nodig hebben.",
        discussion: """
            Elke fout in een sjabloon staat bij het deel en de alinea; de opdracht eindigt dan met \
            een foutcode. Zonder fouten toont ze de velden die het sjabloon leest (lijsten met de \
            velden van hun elementen), de functies en filters en de lusvariabelen, elk met de plaats.

              lerend sjabloon Templates/uitnodiging.odt
              lerend sjabloon uitnodiging.docx --gegevens gegevens.yaml
            """)

    @Argument(help: ArgumentHelp("Een of meer sjablonen: .odt- of .docx-bestanden.", valueName: "sjabloon"))
    var templates: [String]

    @Option(
        name: [.customLong("formaat"), .customLong("format")],
        help: ArgumentHelp("tekst (standaard) of json, voor andere programma's.", valueName: "vorm"))
    var format: CheckCommand.Format = .tekst

    @Option(
        name: [.customLong("gegevens"), .customLong("data")],
        help: ArgumentHelp(
            "Een YAML- of JSON-bestand: toont welke velden die het sjabloon leest erin ontbreken (er wordt niets geschreven).",
            valueName: "bestand"))
    var data: String?

    @Option(
        name: [.customLong("per"), .customLong("each")],
        help: ArgumentHelp(
            "Met --gegevens: controleer elk element van de lijst op dit pad, zoals render --per dat invult.",
            valueName: "pad"))
    var each: String?

    @Option(
        name: [.customLong("als"), .customLong("as")],
        help: ArgumentHelp("Met --per: de naam waaronder het element in het sjabloon staat.", valueName: "naam"))
    var binding: String?

    @Flag(
        name: [.customLong("tags")],
        help: "Toon ook elke tag met zijn plaats (deel, alinea, kolom).")
    var listTags = false

    func validate() throws {
        if data == nil, each != nil { throw ValidationError("--per werkt alleen samen met --gegevens") }
        if each == nil, binding != nil { throw ValidationError("--als werkt alleen samen met --per") }
    }

    /// The data of each document: the whole file, or with `--per` one record each, with
    /// the label of its place (`deelnemers[2]`).
    private func records(_ file: DataFile) throws -> [(data: Value, label: String?)] {
        guard let each else { return [(file.value, nil)] }
        guard let list = file.value.value(atPath: each) else {
            Console.report([
                Diagnostic(
                    .error, id: "D201", "--per \(each): het pad staat niet in de gegevens", at: SourceLocation(file: file.path),
                    hint: "geef het pad naar een lijst, bijvoorbeeld --per deelnemers")
            ])
            throw ExitCode.failure
        }
        guard case .list(let items) = list else {
            Console.report([
                Diagnostic(
                    .error, id: "D202", "--per \(each) moet naar een lijst wijzen", at: SourceLocation(file: file.path),
                    hint: "een lijst schrijf je met '- ' voor elk element")
            ])
            throw ExitCode.failure
        }
        return items.enumerated().map { index, item in
            (MailMerge.recordData(item, shared: file.value, binding: binding), "\(each)[\(index + 1)]")
        }
    }

    /// The missing fields of every record, each message once with the records it concerns.
    private func missingFields(_ needs: DataNeeds, _ records: [(data: Value, label: String?)]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var labels: [[String]] = []
        for record in records {
            for diagnostic in needs.missingFields(in: record.data) {
                let index =
                    found.firstIndex { $0.message == diagnostic.message && $0.location == diagnostic.location }
                    ?? {
                        found.append(diagnostic)
                        labels.append([])
                        return found.count - 1
                    }()
                if let label = record.label { labels[index].append(label) }
            }
        }
        for index in found.indices where !labels[index].isEmpty {
            let shown = labels[index].prefix(5).joined(separator: ", ")
            found[index].notes.append("bij " + shown + (labels[index].count > 5 ? " en nog \(labels[index].count - 5)" : ""))
        }
        return found
    }

    func run() throws {
        var data: DataFile?
        if let path = self.data {
            do throws(DiagnosticList) {
                data = try DataFile.load(path: path)
            } catch {
                Console.report(error.diagnostics)
                throw ExitCode.failure
            }
        }
        var failed = false
        var forms: [TemplateForm] = []
        for (number, path) in templates.enumerated() {
            let compiled: DocumentTemplate
            do throws(DiagnosticList) {
                compiled = try DocumentTemplate(path: path)
            } catch {
                Console.report(error.diagnostics)
                failed = true
                if format == .json { forms.append(TemplateForm(failedAt: path, error.diagnostics)) }
                continue
            }
            Console.report(compiled.warnings)
            let needs = compiled.dataNeeds
            let missing = try data.map { missingFields(needs, try records($0)) } ?? []
            if missing.contains(where: { $0.severity == .error }) { failed = true }
            switch format {
            case .tekst:
                if number > 0 { Console.print("") }
                Console.print(Self.text(compiled, needs))
                if listTags { Console.print(Self.tagText(compiled)) }
                if let data { printMissing(missing, data: data.path) }
            case .json:
                forms.append(TemplateForm(compiled, needs, missing: data == nil ? nil : missing, listTags: listTags))
            }
        }
        if format == .json { Console.print(Self.json(forms)) }
        if failed { throw ExitCode.failure }
    }

    private func printMissing(_ missing: [Diagnostic], data: String) {
        if missing.isEmpty {
            Console.print("\n\(data): alle velden die het sjabloon leest staan erin")
            return
        }
        let errors = missing.filter { $0.severity == .error }.count
        Console.report(missing)
        Console.print(
            "\n\(data): \(errors.counted("veld ontbreekt", "velden ontbreken"))"
                + (missing.count > errors
                    ? ", \((missing.count - errors).counted("veld", "velden")) alleen binnen een {% if %}" : ""))
    }

    // MARK: text

    static func text(_ template: DocumentTemplate, _ needs: DataNeeds) -> String {
        var lines = ["\(template.name): \(template.tagCount.counted("tag", "tags")), \(template.format.fileExtension)"]
        if needs.fields.isEmpty {
            lines.append("\nhet sjabloon leest geen gegevens")
        } else {
            lines.append("\nVelden")
            for field in needs.fields { lines += fieldLines(field, depth: 1) }
        }
        if !needs.loops.isEmpty {
            lines.append("\nLusvariabelen")
            for loop in needs.loops {
                lines.append("  \(loop.name) in \(loop.iterable)  [\(place(loop.place))]")
            }
        }
        if !needs.functions.isEmpty {
            lines.append("\nFuncties en filters")
            for name in needs.functions.keys.sorted() {
                lines.append("  \(name)  [\(places(needs.functions[name]!))]")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// "Tags" and one line per tag: `  hoofdtekst, alinea 1, kolom 7: {{ deelnemer.naam }}`.
    static func tagText(_ template: DocumentTemplate) -> String {
        let tags = template.tagList
        guard !tags.isEmpty else { return "" }
        return (["\nTags"] + tags.map { "  \(place($0.place)), kolom \($0.place.column ?? 1): \($0.tag)" })
            .joined(separator: "\n")
    }

    private static func fieldLines(_ field: DataNeeds.Field, depth: Int) -> [String] {
        var remarks: [String] = []
        if field.isList { remarks.append("lijst") }
        if field.conditionOnly {
            remarks.append("alleen in voorwaarden")
        } else if field.optional {
            remarks.append("mag ontbreken")
        }
        var line = String(repeating: "  ", count: depth) + field.name + (field.isList ? "[]" : "")
        if !remarks.isEmpty { line += " (" + remarks.joined(separator: ", ") + ")" }
        if !field.occurrences.isEmpty { line += "  [\(places(field.occurrences.map(\.place)))]" }
        return [line] + field.children.flatMap { fieldLines($0, depth: depth + 1) }
    }

    /// "hoofdtekst, alinea 3".
    static func place(_ location: SourceLocation) -> String { location.detail ?? location.file }

    /// At most three places, then how many more.
    static func places(_ locations: [SourceLocation]) -> String {
        var unique: [String] = []
        for location in locations where !unique.contains(place(location)) { unique.append(place(location)) }
        let shown = unique.prefix(3).joined(separator: "; ")
        return unique.count > 3 ? shown + "; en nog \(unique.count - 3)" : shown
    }

    // MARK: JSON

    struct PlaceForm: Encodable {
        let bestand: String
        let plaats: String?
    }

    struct FieldForm: Encodable {
        let naam, pad: String
        let lijst, alleenVoorwaarden, magOntbreken: Bool
        let gebruik: [String]
        let plaatsen: [PlaceForm]
        let velden: [FieldForm]

        enum CodingKeys: String, CodingKey {
            case naam, pad, lijst, gebruik, plaatsen, velden
            case alleenVoorwaarden = "alleen_voorwaarden"
            case magOntbreken = "mag_ontbreken"
        }

        init(_ field: DataNeeds.Field, parent: String?) {
            naam = field.name
            pad = parent.map { "\($0).\(field.name)" } ?? field.name
            lijst = field.isList
            alleenVoorwaarden = field.conditionOnly
            magOntbreken = field.optional
            gebruik = field.uses.map(\.rawValue)
            plaatsen = field.occurrences.map { PlaceForm($0.place) }.uniqued
            let base = pad + (field.isList ? "[]" : "")
            velden = field.children.map { FieldForm($0, parent: base) }
        }
    }

    struct LoopForm: Encodable {
        let naam, lijst: String
        let pad: String?
        let plaats: PlaceForm
    }

    struct FunctionForm: Encodable {
        let naam: String
        let plaatsen: [PlaceForm]
    }

    struct TagForm: Encodable {
        let tag: String
        let plaats: PlaceForm
        let kolom: Int?
    }

    struct MessageForm: Encodable {
        let id: String?
        let ernst, melding: String
        let plaats: PlaceForm?
        let kolom: Int?
        let hint: String?
    }

    struct TemplateForm: Encodable {
        let sjabloon: String
        let formaat: String?
        let tags: Int?
        let fouten: [MessageForm]
        let velden: [FieldForm]
        let lusvariabelen: [LoopForm]
        let functies: [FunctionForm]
        let ontbrekend: [MessageForm]?
        let tagLijst: [TagForm]?

        enum CodingKeys: String, CodingKey {
            case sjabloon, formaat, tags, fouten, velden, lusvariabelen, functies, ontbrekend
            case tagLijst = "tag_lijst"
        }

        init(failedAt path: String, _ diagnostics: [Diagnostic]) {
            sjabloon = path
            formaat = nil
            tags = nil
            fouten = diagnostics.map(MessageForm.init)
            velden = []
            lusvariabelen = []
            functies = []
            ontbrekend = nil
            tagLijst = nil
        }

        init(_ template: DocumentTemplate, _ needs: DataNeeds, missing: [Diagnostic]?, listTags: Bool) {
            sjabloon = template.name
            formaat = template.format.fileExtension
            tags = template.tagCount
            fouten = []
            velden = needs.fields.map { FieldForm($0, parent: nil) }
            lusvariabelen = needs.loops.map {
                LoopForm(naam: $0.name, lijst: $0.iterable, pad: $0.listPath, plaats: PlaceForm($0.place))
            }
            functies = needs.functions.keys.sorted().map {
                FunctionForm(naam: $0, plaatsen: needs.functions[$0]!.map(PlaceForm.init).uniqued)
            }
            ontbrekend = missing?.map(MessageForm.init)
            tagLijst =
                listTags
                ? template.tagList.map { TagForm(tag: $0.tag, plaats: PlaceForm($0.place), kolom: $0.place.column) } : nil
        }
    }

    static func json(_ forms: [TemplateForm]) -> String {
        struct Form: Encodable { let sjablonen: [TemplateForm] }
        return JSONText.encode(Form(sjablonen: forms))
    }
}

extension TemplateCommand.PlaceForm: Equatable {
    init(_ location: SourceLocation) {
        self.init(bestand: location.file, plaats: location.detail)
    }
}

extension TemplateCommand.MessageForm {
    init(_ diagnostic: Diagnostic) {
        self.init(
            id: diagnostic.id, ernst: diagnostic.severity.key, melding: diagnostic.message,
            plaats: diagnostic.location.map { TemplateCommand.PlaceForm($0) }, kolom: diagnostic.location?.column,
            hint: diagnostic.hint)
    }
}

extension Array where Element: Equatable {
    /// The elements without repeats, in their first order.
    fileprivate var uniqued: [Element] {
        var result: [Element] = []
        for element in self where !result.contains(element) { result.append(element) }
        return result
    }
}
