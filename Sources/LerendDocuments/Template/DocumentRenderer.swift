public import LerendDiagnostics
public import LerendExpressions

/// What to do with values the data does not have, and similar choices of one render.
public struct RenderOptions: Sendable {
    /// A missing value is an error by default; `.empty` prints nothing instead.
    public var missingValues: MissingValuePolicy
    /// The bounds of one document: `{% for %}` iterations counted across nested loops and
    /// all parts (E207), and the size of the output (E208). Past one, the document is not made.
    public var limits: RenderLimits
    /// The folders picture tags may read files from (the data file's, the template's, a
    /// plugin bundle's); none by default, which makes every picture tag an error (B103).
    public var imageFolders: ImageFolders
    /// The largest picture file and the most pixels a picture tag places (B106, B107).
    public var imageLimits: ImageLimits

    public init(
        missingValues: MissingValuePolicy = .error, limits: RenderLimits = .standard, imageFolders: ImageFolders = .none,
        imageLimits: ImageLimits = .standard
    ) {
        self.missingValues = missingValues
        self.limits = limits
        self.imageFolders = imageFolders
        self.imageLimits = imageLimits
    }

    /// Options with `iterationLimit` loop iterations per document instead of the standard.
    public init(missingValues: MissingValuePolicy = .error, iterationLimit: Int) {
        self.init(missingValues: missingValues, limits: RenderLimits(iterations: iterationLimit))
    }
}

/// Renders documents from a compiled ``DocumentTemplate``, reusing its buffers and
/// its deflate stream from one document to the next.
///
/// Make one renderer per thread; a renderer is not thread-safe, the template is.
public final class DocumentRenderer {
    public let template: DocumentTemplate
    private let makeDeflater: () -> Deflater
    private var deflater: Deflater
    private var writer: ZipWriter
    private var xml: [UInt8] = []
    private let imageCache = ImageCache()

    public convenience init(template: DocumentTemplate) {
        self.init(template: template, zipLimits: .zip)
    }

    /// A renderer whose documents must fit `zipLimits` and whose deflate streams come from
    /// `makeDeflater` (both different only in tests).
    init(template: DocumentTemplate, zipLimits: ZipWriter.Limits, makeDeflater: @escaping () -> Deflater = { Deflater() }) {
        self.template = template
        self.writer = ZipWriter(limits: zipLimits)
        self.makeDeflater = makeDeflater
        self.deflater = makeDeflater()
    }

    /// The document for `data`, as the bytes of an .odt or .docx file.
    ///
    /// - Parameter documentName: named in error messages, such as the output file.
    public func render(
        _ data: Value, options: RenderOptions = RenderOptions(), documentName: String? = nil
    ) throws(DiagnosticList) -> [UInt8] {
        try build(data, options: options, documentName: documentName)
        return writer.bytes
    }

    /// Renders `data` and writes the document to `path`: first under a temporary name in
    /// the same folder, then renamed, so that `path` never holds half a document.
    public func render(
        _ data: Value, options: RenderOptions = RenderOptions(), to path: String, documentName: String? = nil
    ) throws(DiagnosticList) {
        try build(data, options: options, documentName: documentName ?? path)
        try AtomicFile.write(writer.bytes, to: path)
    }

    private func build(_ data: Value, options: RenderOptions, documentName: String?) throws(DiagnosticList) {
        let context = EvaluationContext(root: data, missingValues: options.missingValues, limits: options.limits)
        writer.reset()
        var errors: [Diagnostic] = []
        do throws(ZipWriterError) {
            let identifiers = IdentifierRenumbering()
            let images = template.images.map {
                ImageSession(package: $0, folders: options.imageFolders, limits: options.imageLimits, cache: imageCache)
            }
            for (number, entry) in template.entries.enumerated() {
                switch entry {
                case .raw(let prepared):
                    try writer.add(prepared)
                case .compiled(let part):
                    xml.removeAll(keepingCapacity: true)
                    var runner = ProgramRunner(context: context, output: xml, identifiers: identifiers, part: number)
                    runner.images = images
                    runner.render(part.program)
                    xml = runner.output
                    errors += runner.errors
                    try addDeflated(part)
                }
            }
            if errors.isEmpty, let images { try images.write(into: &writer, deflater: deflater) }
            try writer.finish()
        } catch {
            // The archive is not whole; the next document starts a new one, and after a zlib
            // error with a new stream.
            if case .compressionFailed = error { deflater = makeDeflater() }
            errors.append(error.diagnostic(templateName: template.name, format: template.format))
        }
        guard errors.isEmpty else {
            if let documentName {
                for index in errors.indices { errors[index].notes.append("in document '\(documentName)'") }
            }
            throw DiagnosticList(errors)
        }
    }

    /// Adds the rendered XML of `part` to the archive.
    private func addDeflated(_ part: CompiledPart) throws(ZipWriterError) {
        // `withUnsafeBytes` rethrows untyped, so the error is carried out as a result.
        let result = xml.withUnsafeBytes { contents in
            Result { () throws(ZipWriterError) in
                try writer.add(name: part.rawName, prefix: part.prefix, contents: contents, deflater: deflater)
            }
        }
        try result.get()
    }
}

/// A renderer reuses its buffers from one document to the next: one per thread.
@available(*, unavailable)
extension DocumentRenderer: Sendable {}
