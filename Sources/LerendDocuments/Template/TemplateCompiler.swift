import LerendDiagnostics
import LerendExpressions

/// Turns an opened package into the entries of a ``DocumentTemplate``.
///
/// Before anything is compiled the package is checked as a reader would: its names,
/// methods and sizes (``PackageValidator``), every member decompressed once and
/// compared with its size and CRC-32, the parts its format requires, and every XML part
/// parsed. A document is never made from a package Word or LibreOffice would reject.
struct TemplateCompiler {
    let archive: ZipArchive
    let name: String
    let library: FunctionLibrary
    var limits: TemplateLimits = .standard

    struct Result {
        let format: DocumentFormat
        let entries: [DocumentTemplate.Entry]
        let warnings: [Diagnostic]
        let tagCount: Int
        /// What picture tags add to each document's package (`Images/`).
        var images: ImagePackage? = nil
    }

    static let odtMimeType = "application/vnd.oasis.opendocument.text"
    static let contentTypesName = "[Content_Types].xml"
    /// The label of the parts with the document's properties (title, subject, custom).
    static let propertiesLabel = "documenteigenschappen"

    func compile() throws(DiagnosticList) -> Result {
        try refuse(PackageValidator(entries: archive.entries, limits: limits).directoryProblems())
        let members = try readMembers()
        let format = try detectFormat(members)
        let dialect = Dialect.dialect(for: format)
        var diagnostics: [Diagnostic] = []
        var contentTypes: XMLDocument?
        if format == .docx, let member = members[Self.contentTypesName] {
            do throws(XMLParseError) {
                contentTypes = try XMLDocument(bytes: member.contents ?? [], name: Self.contentTypesName)
            } catch {
                diagnostics.append(error.diagnostic(templateName: name, part: Self.contentTypesName))
            }
        }
        let templated = templatedParts(format: format, contentTypes: contentTypes)
        let mainPart = templated.first { $0.value == "hoofdtekst" }?.key
        let missing = PackageValidator.requiredParts(of: format, mainPart: mainPart).filter { members[$0] == nil }
        if !missing.isEmpty {
            throw DiagnosticList(
                diagnostics + missing.map { PackageProblem.missingPart(part: $0, format: format).diagnostic(templateName: name) })
        }

        var entries: [DocumentTemplate.Entry] = []
        var tagCount = 0
        var imageParts: [ImagePartSummary] = []
        var ordered = archive.entries
        if format == .odt, let index = ordered.firstIndex(where: { $0.name == "mimetype" }) {
            ordered.insert(ordered.remove(at: index), at: 0)
        }
        for entry in ordered {
            guard let member = members[entry.name] else { continue }
            let label = templated[entry.name]
            if Self.isXMLPart(entry), entry.name != Self.contentTypesName, label != nil || entry.size > 0 {
                // One part decompressed at a time (again: it was checked, not kept), and only
                // a part that may hold tags becomes a tree.
                let bytes: [UInt8]
                do throws(PackageProblem) {
                    bytes = try read(entry, keepingContents: true, parsedIntoATree: label != nil).contents ?? []
                } catch {
                    diagnostics.append(error.diagnostic(templateName: name))
                    continue
                }
                if let label {
                    let document: XMLDocument
                    do throws(XMLParseError) {
                        document = try XMLDocument(bytes: bytes, name: entry.name)
                    } catch {
                        diagnostics.append(error.diagnostic(templateName: name, part: entry.name))
                        continue
                    }
                    if bytes.contains(0x7B) || bytes.contains(0x7D) {
                        let compiler = PartCompiler(
                            partName: entry.name, rawName: entry.rawName, partLabel: label, templateName: name,
                            document: document,
                            dialect: label == Self.propertiesLabel ? Dialect.properties(of: format) : dialect, library: library)
                        let part = compiler.compile()
                        diagnostics += compiler.diagnostics
                        tagCount += compiler.tags.count + compiler.images.frames.count
                        if !compiler.images.frames.isEmpty {
                            imageParts.append(
                                ImagePartSummary(
                                    part: entry.name, replacedReferences: compiler.images.replacedReferences,
                                    otherReferences: compiler.images.otherReferences))
                        }
                        if let part {
                            entries.append(.compiled(part))
                            continue
                        }
                    }
                } else {
                    do throws(XMLParseError) {
                        try XMLDocument.check(bytes, name: entry.name, allowsExternalDoctype: true)
                    } catch {
                        diagnostics.append(error.diagnostic(templateName: name, part: entry.name))
                        continue
                    }
                }
            }
            let method: UInt16
            let data: [UInt8]
            if entry.name == "mimetype", entry.compressionMethod != 0 {
                // ODF wants the mimetype stored; repair a template that deflated it.
                (method, data) = (0, member.contents ?? [])
            } else {
                do throws(ZipArchiveError) {
                    (method, data) = (entry.compressionMethod, try archive.rawContents(of: entry))
                } catch {
                    diagnostics.append(PackageProblem.unreadable(part: entry.name, error).diagnostic(templateName: name))
                    continue
                }
            }
            do throws(ZipWriterError) {
                entries.append(
                    .raw(
                        try ZipWriter.prepare(
                            name: entry.rawName, method: method, crc32: entry.crc32, size: entry.size, data: data)))
            } catch {
                diagnostics.append(error.diagnostic(templateName: name, format: format))
            }
        }
        let images =
            diagnostics.contains { $0.severity == .error }
            ? nil : planImages(format: format, parts: imageParts, entries: &entries, diagnostics: &diagnostics)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw DiagnosticList(diagnostics) }
        var warnings = diagnostics
        if tagCount == 0 {
            warnings.append(
                Diagnostic(
                    .warning, id: "T003", "het sjabloon bevat geen enkele tag; elk document wordt er een kopie van",
                    at: SourceLocation(file: name), hint: "zet waarden in het sjabloon, zoals {{ deelnemer.naam }}"))
        }
        return Result(format: format, entries: entries, warnings: warnings, tagCount: tagCount, images: images)
    }

    /// Whether `entry` is parsed as XML: every `.xml` and `.rels` part.
    private static func isXMLPart(_ entry: ZipArchive.Entry) -> Bool {
        let name = entry.name.lowercased()
        return !entry.isDirectory && (name.hasSuffix(".xml") || name.hasSuffix(".rels"))
    }

    private func refuse(_ problems: [PackageProblem]) throws(DiagnosticList) {
        guard problems.isEmpty else { throw DiagnosticList(problems.map { $0.diagnostic(templateName: name) }) }
    }

    /// Every member read and checked once, by name; only `mimetype` and
    /// `[Content_Types].xml` keep their decompressed bytes, so that memory holds one
    /// decompressed part at a time, and none keeps its stored bytes.
    private func readMembers() throws(DiagnosticList) -> [String: ZipArchive.Member] {
        var members: [String: ZipArchive.Member] = [:]
        var problems: [PackageProblem] = []
        for entry in archive.entries {
            do throws(PackageProblem) {
                let isContentTypes = entry.name == Self.contentTypesName
                let member = try read(
                    entry, keepingContents: isContentTypes || entry.name == "mimetype", parsedIntoATree: isContentTypes)
                // The stored bytes are read again when the part is copied: the archive is in
                // memory, and holding every part twice would double what a template costs.
                members[entry.name] = ZipArchive.Member(raw: [], contents: member.contents)
            } catch {
                problems.append(error)
            }
        }
        try refuse(problems)
        return members
    }

    /// `entry` read and checked, within the limit of a part that becomes a tree when it
    /// does.
    private func read(
        _ entry: ZipArchive.Entry, keepingContents: Bool, parsedIntoATree: Bool
    ) throws(PackageProblem) -> ZipArchive.Member {
        let limit = parsedIntoATree ? min(limits.textPartSize, limits.partSize) : limits.partSize
        do throws(PackageProblem) {
            return try archive.read(entry, keepingContents: keepingContents, limit: limit)
        } catch {
            if parsedIntoATree, case .partTooLarge(let part, let size, _) = error, size <= limits.partSize {
                throw .textPartTooLarge(part: part, size: size, limit: limit)
            }
            throw error
        }
    }

    private func detectFormat(_ members: [String: ZipArchive.Member]) throws(DiagnosticList) -> DocumentFormat {
        if let mimetype = members["mimetype"] {
            let type = PackageProblem.printable(String(decoding: mimetype.contents ?? [], as: UTF8.self))
            if type == Self.odtMimeType || type == Self.odtMimeType + "-template" { return .odt }
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "T001", "'\(name)' is geen tekstdocument maar '\(type.prefix(100))'",
                    at: SourceLocation(file: name),
                    hint: "gebruik een tekstdocument (.odt of .docx), geen spreadsheet of presentatie")
            ])
        }
        // A package with a Word body is a DOCX; without [Content_Types].xml it is refused
        // as one that misses that part (T206), not as something else (T001).
        if members[Self.contentTypesName] != nil, archive.entries.contains(where: { $0.name.hasPrefix("word/") }) {
            return .docx
        }
        if members["word/document.xml"] != nil { return .docx }
        // An ODF body without `mimetype` is an ODT that misses that part.
        if members["content.xml"] != nil, members["META-INF/manifest.xml"] != nil { return .odt }
        throw DiagnosticList([
            Diagnostic(
                .error, id: "T001", "'\(name)' is geen ODT- of DOCX-document", at: SourceLocation(file: name),
                hint: "sla het sjabloon op als .odt of .docx")
        ])
    }

    /// The parts that may hold tags, with the Dutch name of each for messages.
    private func templatedParts(format: DocumentFormat, contentTypes: XMLDocument?) -> [String: String] {
        if format == .odt {
            return ["content.xml": "hoofdtekst", "styles.xml": "kop- en voettekst", "meta.xml": Self.propertiesLabel]
        }
        let kinds: [(suffix: String, label: String)] = [
            ("document.main+xml", "hoofdtekst"), ("template.main+xml", "hoofdtekst"),
            ("document.macroEnabled.main+xml", "hoofdtekst"), ("header+xml", "koptekst"), ("footer+xml", "voettekst"),
            ("footnotes+xml", "voetnoten"), ("endnotes+xml", "eindnoten"),
        ]
        var parts: [String: String] = [:]
        for entry in archive.entries where entry.name == "docProps/core.xml" || entry.name == "docProps/custom.xml" {
            parts[entry.name] = Self.propertiesLabel
        }
        if let root = contentTypes?.root {
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
        if parts.values.allSatisfy({ $0 == Self.propertiesLabel }) {
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
