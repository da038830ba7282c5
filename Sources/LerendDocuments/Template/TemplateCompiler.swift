import LerendDiagnostics
import LerendExpressions

/// Turns an opened package into the entries of a ``DocumentTemplate``.
struct TemplateCompiler {
    let archive: ZipArchive
    let name: String
    let library: FunctionLibrary

    struct Result {
        let format: DocumentFormat
        let entries: [DocumentTemplate.Entry]
        let warnings: [Diagnostic]
        let tagCount: Int
    }

    static let odtMimeType = "application/vnd.oasis.opendocument.text"

    func compile() throws(DiagnosticList) -> Result {
        let format = try detectFormat()
        let dialect = Dialect.dialect(for: format)
        let templated = try templatedParts(format: format)
        var entries: [DocumentTemplate.Entry] = []
        var diagnostics: [Diagnostic] = []
        var tagCount = 0

        var ordered = archive.entries
        if format == .odt, let index = ordered.firstIndex(where: { $0.name == "mimetype" }) {
            ordered.insert(ordered.remove(at: index), at: 0)
        }
        for entry in ordered {
            do throws(ZipArchiveError) {
                if let label = templated[entry.name] {
                    let bytes = try archive.contents(of: entry)
                    if bytes.contains(0x7B) || bytes.contains(0x7D) {
                        let document: XMLDocument
                        do {
                            document = try XMLDocument(bytes: bytes, name: entry.name)
                        } catch {
                            diagnostics.append(
                                Diagnostic(
                                    .error, id: "T002", "\(entry.name) is geen geldige XML: \(error.message)",
                                    at: SourceLocation(file: name, line: error.line, column: error.column, detail: entry.name),
                                    hint: "open het sjabloon in LibreOffice of Word en sla het opnieuw op"))
                            continue
                        }
                        let compiler = PartCompiler(
                            partName: entry.name, rawName: entry.rawName, partLabel: label, templateName: name,
                            document: document, dialect: dialect, library: library)
                        let part = compiler.compile()
                        diagnostics += compiler.diagnostics
                        tagCount += compiler.tags.count
                        if let part {
                            entries.append(.compiled(part))
                            continue
                        }
                    }
                }
                let method: UInt16
                let size: Int
                let data: [UInt8]
                if entry.name == "mimetype", entry.compressionMethod != 0 {
                    // ODF wants the mimetype stored; repair a template that deflated it.
                    data = try archive.contents(of: entry)
                    (method, size) = (0, data.count)
                } else {
                    data = try archive.rawContents(of: entry)
                    (method, size) = (entry.compressionMethod, entry.size)
                }
                do throws(ZipWriterError) {
                    entries.append(
                        .raw(
                            try ZipWriter.prepare(
                                name: entry.rawName, method: method, crc32: entry.crc32, size: size, data: data)))
                } catch {
                    diagnostics.append(error.diagnostic(templateName: name, format: format))
                }
            } catch {
                diagnostics.append(
                    Diagnostic(
                        .error, id: "T001", "kan '\(entry.name)' in het sjabloon niet lezen: \(error.explanation)",
                        at: SourceLocation(file: name)))
            }
        }
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw DiagnosticList(diagnostics) }
        var warnings = diagnostics
        if tagCount == 0 {
            warnings.append(
                Diagnostic(
                    .warning, id: "T003", "het sjabloon bevat geen enkele tag; elk document wordt er een kopie van",
                    at: SourceLocation(file: name), hint: "zet waarden in het sjabloon, zoals {{ deelnemer.naam }}"))
        }
        return Result(format: format, entries: entries, warnings: warnings, tagCount: tagCount)
    }

    private func detectFormat() throws(DiagnosticList) -> DocumentFormat {
        if let mimetype = archive.entry(named: "mimetype"),
            let bytes = try? archive.contents(of: mimetype)
        {
            let type = String(decoding: bytes, as: UTF8.self)
            if type == Self.odtMimeType || type == Self.odtMimeType + "-template" { return .odt }
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "T001", "'\(name)' is geen tekstdocument maar '\(type)'", at: SourceLocation(file: name),
                    hint: "gebruik een tekstdocument (.odt of .docx), geen spreadsheet of presentatie")
            ])
        }
        if archive.entry(named: "[Content_Types].xml") != nil,
            archive.entries.contains(where: { $0.name.hasPrefix("word/") })
        {
            return .docx
        }
        throw DiagnosticList([
            Diagnostic(
                .error, id: "T001", "'\(name)' is geen ODT- of DOCX-document", at: SourceLocation(file: name),
                hint: "sla het sjabloon op als .odt of .docx")
        ])
    }

    /// The parts that may hold tags, with the Dutch name of each for messages.
    private func templatedParts(format: DocumentFormat) throws(DiagnosticList) -> [String: String] {
        if format == .odt {
            return ["content.xml": "hoofdtekst", "styles.xml": "kop- en voettekst"]
        }
        let kinds: [(suffix: String, label: String)] = [
            ("document.main+xml", "hoofdtekst"), ("template.main+xml", "hoofdtekst"),
            ("document.macroEnabled.main+xml", "hoofdtekst"), ("header+xml", "koptekst"), ("footer+xml", "voettekst"),
            ("footnotes+xml", "voetnoten"), ("endnotes+xml", "eindnoten"),
        ]
        var parts: [String: String] = [:]
        if let types = archive.entry(named: "[Content_Types].xml"), let bytes = try? archive.contents(of: types),
            let document = try? XMLDocument(bytes: bytes, name: "[Content_Types].xml"), let root = document.root
        {
            for override in root.elementChildren where override.localName == "Override" {
                guard let partName = override.attribute("PartName", namespace: ""),
                    let contentType = override.attribute("ContentType", namespace: "")
                else { continue }
                for kind in kinds where contentType.hasSuffix(kind.suffix) {
                    let entryName = partName.hasPrefix("/") ? String(partName.dropFirst()) : partName
                    parts[entryName] = kind.label == "hoofdtekst" ? kind.label : "\(kind.label) (\(entryName))"
                }
            }
        }
        if parts.isEmpty {
            for entry in archive.entries where entry.name.hasPrefix("word/") && entry.name.hasSuffix(".xml") {
                let file = entry.name.dropFirst(5)
                if file == "document.xml" { parts[entry.name] = "hoofdtekst" }
                if file.hasPrefix("header") { parts[entry.name] = "koptekst (\(entry.name))" }
                if file.hasPrefix("footer") { parts[entry.name] = "voettekst (\(entry.name))" }
                if file == "footnotes.xml" { parts[entry.name] = "voetnoten" }
                if file == "endnotes.xml" { parts[entry.name] = "eindnoten" }
            }
        }
        return parts
    }
}
