public import LerendDiagnostics
public import LerendExpressions

/// Renders many records into one document: each record starts on a new page, with the
/// template's page settings, headers and footers, and lists numbered from 1 again.
///
/// A record that fails (a missing value) is reported and left out, unless
/// ``requiresEveryRecord`` is set; then nothing is written. The merged file is written
/// under a temporary name and renamed, so `path` never holds half a document.
///
/// - DOCX: the body of each record in turn; every record but the last ends its last
///   paragraph with a copy of the template's final `w:sectPr`, so each record is its own
///   section (a new page, its page size, margins and headers). Lists get a new `w:num`
///   per record, with `w:startOverride`; paragraph, bookmark, drawing and content control
///   ids are made unique.
/// - ODT: the `office:text` children of each record in turn; the first paragraph (or
///   table) of each record after the first gets an automatic style that starts a new
///   page with the template's first page style; lists restart, `xml:id`s and names are
///   made unique.
///
/// A header or footer that comes out differently for a record (it holds a tag about the
/// record) becomes a part (DOCX) or page style (ODT) of that record's own.
public struct DocumentMerge: Sendable {
    /// One record: its data and what it is called in messages.
    public struct Record: Sendable {
        public var data: Value
        public var label: String

        public init(data: Value, label: String) {
            self.data = data
            self.label = label
        }
    }

    /// What a merge did.
    public struct Report: Sendable {
        /// How many records are in the document.
        public var mergedCount = 0
        /// The records left out, with their messages.
        public var failures: [MailMerge.Failure] = []
        /// Whether the document was written (not when every record failed, or one did
        /// and ``DocumentMerge/requiresEveryRecord`` is set).
        public var written = false

        public init() {}
    }

    /// The bound on the merged document: bytes of XML of its body (O020).
    public struct Limits: Sendable {
        public var bodyBytes: Int

        public init(bodyBytes: Int = 1_024 * 1_048_576) { self.bodyBytes = bodyBytes }

        public static let standard = Limits()
    }

    public let template: DocumentTemplate
    public let options: RenderOptions
    public var limits: Limits
    /// Write nothing when any record fails, instead of the records that did not.
    public var requiresEveryRecord: Bool

    public init(
        template: DocumentTemplate, options: RenderOptions = RenderOptions(), limits: Limits = .standard,
        requiresEveryRecord: Bool = false
    ) {
        self.template = template
        self.options = options
        self.limits = limits
        self.requiresEveryRecord = requiresEveryRecord
    }

    /// Renders `count` records made one at a time by `record` into the document at `path`.
    ///
    /// `progress` is called after each record with the number done. Throws when the
    /// document cannot be made at all (too large, not writable); a failed record is in
    /// the report.
    public func write(
        count: Int, record: (Int) -> Record, to path: String, progress: ((Int) -> Void)? = nil
    ) throws(DiagnosticList) -> Report {
        var report = Report()
        let source = MergeSource(template: template)
        var merger: any FormatMerger =
            template.format == .docx
            ? try WordMerger(source: source, path: path) : try OpenDocumentMerger(source: source, path: path)
        let renderer = RecordRenderer(template: template)
        let images = template.images.map {
            ImageSession(package: $0, folders: options.imageFolders, limits: options.imageLimits, cache: ImageCache())
        }
        for index in 0..<count {
            let next = record(index)
            let parts: [String: [UInt8]]
            do throws(DiagnosticList) {
                parts = try renderer.render(next.data, options: options, images: images, label: next.label)
            } catch {
                report.failures.append(MailMerge.Failure(label: next.label, fileName: nil, diagnostics: error.diagnostics))
                progress?(index + 1)
                continue
            }
            if report.failures.isEmpty || !requiresEveryRecord {
                try merger.add(parts, label: next.label)
                if merger.bodySize > limits.bodyBytes {
                    throw DiagnosticList([tooLarge(path: path, label: next.label)])
                }
                report.mergedCount += 1
            }
            progress?(index + 1)
        }
        guard report.mergedCount > 0, report.failures.isEmpty || !requiresEveryRecord else { return report }
        let package = try merger.finish(images: images)
        try AtomicFile.write(package, to: path)
        report.written = true
        return report
    }

    private func tooLarge(path: String, label: String) -> Diagnostic {
        Diagnostic(
            .error, id: "O020",
            "het samengevoegde document wordt groter dan \(limits.bodyBytes / 1_048_576) MB tekst-XML; er is niets geschreven",
            at: SourceLocation(file: path, detail: template.format == .docx ? "word/document.xml" : "content.xml"),
            hint: "maak per groep een document (bijvoorbeeld per bijeenkomst), of laat --één-document weg",
            notes: ["bij \(label)"])
    }
}

/// What the two formats do with each record and at the end.
protocol FormatMerger {
    /// Bytes of XML written into the body so far.
    var bodySize: Int { get }
    /// Adds a record: every templated part rendered for it, by name.
    mutating func add(_ parts: [String: [UInt8]], label: String) throws(DiagnosticList)
    /// The whole package, with the pictures placed in its records.
    mutating func finish(images: ImageSession?) throws(DiagnosticList) -> [UInt8]
}
