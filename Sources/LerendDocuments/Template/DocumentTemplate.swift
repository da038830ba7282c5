public import LerendDiagnostics
public import LerendExpressions

/// An ODT or DOCX template, compiled once so that it can render many documents fast.
///
/// Compiling reads the package with libzip, parses the XML parts that can hold tags
/// (body, headers, footers, footnotes; in ODT also the master pages in `styles.xml`)
/// with libxml2, joins tags that the word processor split over runs, and turns each part
/// into a program of literal bytes and values. Parts without tags are kept in their
/// compressed form and copied into every document as they are.
///
/// A template is immutable and can be shared between threads; rendering is done by a
/// ``DocumentRenderer``, one per thread.
public final class DocumentTemplate: Sendable {
    /// The name used in messages, usually the file name.
    public let name: String
    public let format: DocumentFormat
    /// Remarks that do not stop the template from working.
    public let warnings: [Diagnostic]
    /// How many tags the template holds.
    public let tagCount: Int
    let entries: [Entry]
    /// What picture tags add to each document (media, relationships, manifest), if any.
    let images: ImagePackage?

    enum Entry: Sendable {
        case raw(ZipWriter.PreparedEntry)
        case compiled(CompiledPart)
    }

    /// The largest template file opened; templates with pictures are a few MB.
    public static let sizeLimit = 256 * 1_048_576

    /// Reads and compiles the template at `path`; throws every error it has at once.
    ///
    /// The package is checked before anything is compiled (see ``TemplateLimits`` for how
    /// much is read): a package that Word or LibreOffice would reject, or that unpacks
    /// into more than the limits, is an error.
    public convenience init(
        path: String, library: FunctionLibrary = .standard, limits: TemplateLimits = .standard
    ) throws(DiagnosticList) {
        if let problem = InputFile.problem(path, what: "sjabloon", limit: Self.sizeLimit, ids: ("T004", "T005")) {
            throw DiagnosticList([problem])
        }
        let archive: ZipArchive
        do {
            archive = try ZipArchive(path: path)
        } catch {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "T001", "kan sjabloon '\(path)' niet openen: \(error.explanation)",
                    at: SourceLocation(file: path),
                    hint: error.code == 9 ? nil : "een sjabloon is een .odt- of .docx-bestand, opgeslagen met LibreOffice of Word"
                )
            ])
        }
        try self.init(archive: archive, name: path, library: library, limits: limits)
    }

    /// Compiles a template held in memory, checked as ``init(path:library:limits:)`` does.
    public convenience init(
        bytes: [UInt8], name: String, library: FunctionLibrary = .standard, limits: TemplateLimits = .standard
    ) throws(DiagnosticList) {
        guard bytes.count <= Self.sizeLimit else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "T005",
                    "sjabloon '\(name)' is \(bytes.count / 1_048_576) MB; Lerend leest er hoogstens \(Self.sizeLimit / 1_048_576) MB",
                    at: SourceLocation(file: name), hint: "is dit het goede bestand? Een echt sjabloon is veel kleiner")
            ])
        }
        let archive: ZipArchive
        do {
            archive = try ZipArchive(bytes: bytes)
        } catch {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "T001", "kan sjabloon '\(name)' niet openen: \(error.explanation)", at: SourceLocation(file: name)
                )
            ])
        }
        try self.init(archive: archive, name: name, library: library, limits: limits)
    }

    private init(archive: ZipArchive, name: String, library: FunctionLibrary, limits: TemplateLimits) throws(DiagnosticList) {
        let compiler = TemplateCompiler(archive: archive, name: name, library: library, limits: limits)
        let result = try compiler.compile()
        self.name = name
        self.format = result.format
        self.entries = result.entries
        self.warnings = result.warnings
        self.tagCount = result.tagCount
        self.images = result.images
    }

    /// The names of the parts that hold tags, in package order.
    public var templatedParts: [String] {
        entries.compactMap { if case .compiled(let part) = $0 { return part.name } else { return nil } }
    }
}
