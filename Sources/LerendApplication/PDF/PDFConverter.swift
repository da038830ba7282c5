import Foundation
public import LerendDiagnostics
import LerendDocuments
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns documents into PDF with LibreOffice, on a pool of LibreOffice processes.
///
/// One worker per core, each with a LibreOffice profile of its own (``OfficeProfile``),
/// takes the next chunk of documents from one queue and converts it in one run
/// (``OfficeWorker``). A document that makes LibreOffice hang is stopped after `timeout`
/// and reported; the others go on. Each PDF lands next to its document, written whole or
/// not at all.
public struct PDFConverter: Sendable {
    /// The folders searched for `soffice` or `libreoffice`, as in `PATH`.
    public let programSearchPath: String
    /// How many LibreOffice processes run at once.
    public let workers: Int
    /// How long a document may take before its LibreOffice is stopped.
    public let timeout: Duration
    /// Where profiles are kept between runs, or `nil` for temporary ones only.
    let profileCache: String?
    /// Where a run keeps its work folders (the system's temporary folder).
    let temporaryRoot: String

    /// The most documents one LibreOffice run converts before it starts again.
    static let largestChunk = 100

    /// - Parameters:
    ///   - environment: `PATH` (where LibreOffice is), `HOME`/`XDG_CACHE_HOME` (where
    ///     profiles are kept), `TMPDIR`.
    ///   - workers: LibreOffice processes at once; by default one per core.
    ///   - timeout: how long one document may take.
    public init(environment: [String: String], workers: Int? = nil, timeout: Duration = .seconds(60)) {
        programSearchPath = environment["PATH"] ?? "/usr/bin:/bin"
        self.workers = max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount)
        self.timeout = timeout
        profileCache = OfficeProfile.cacheFolder(environment: environment)
        var temporary = environment["TMPDIR"] ?? "/tmp"
        while temporary.count > 1, temporary.hasSuffix("/") { temporary.removeLast() }
        temporaryRoot = temporary
    }

    /// Converts `documents`; the PDF of each lands next to it. Returns how many were
    /// converted, or throws the problems once the others are done.
    public func convert(_ documents: [String]) throws(DiagnosticList) -> Int {
        let conversion = try convertAll(documents)
        if !conversion.failures.isEmpty { throw DiagnosticList(conversion.failures) }
        return conversion.converted.count
    }

    /// Converts `documents` and tells what became of each: the PDFs made, in the order of
    /// `documents`, and a located error for each that failed. Throws only when nothing can
    /// be converted (no LibreOffice, no work folder).
    ///
    /// `progress` is called with the number done and the total, from the workers' threads,
    /// one call at a time.
    public func convertAll(
        _ documents: [String], progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) throws(DiagnosticList) -> PDFConversion {
        guard !documents.isEmpty else { return PDFConversion(converted: [], failures: []) }
        guard
            let soffice = ProgramSearch.find("soffice", in: programSearchPath)
                ?? ProgramSearch.find("libreoffice", in: programSearchPath)
        else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "A108", "voor PDF is LibreOffice nodig, en dat is niet gevonden",
                    hint: "installeer het met: sudo apt-get install libreoffice-writer-nogui (Debian/Ubuntu), "
                        + "of van https://www.libreoffice.org; de documenten zelf zijn wel gemaakt")
            ])
        }
        let (jobs, duplicates) = Self.jobs(documents)
        let work = try makeWorkFolder()
        defer {
            try? FileManager.default.removeItem(atPath: work)
            Interruption.forget(work)
        }
        let queue = PDFQueue(jobs, workers: workers, progress: progress)
        let threads = min(workers, jobs.count)
        let group = DispatchGroup()
        for index in 1...threads {
            group.enter()
            let thread = Thread { [self] in
                runWorker(index, soffice: soffice, work: work, queue: queue)
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        return queue.result(extraFailures: duplicates)
    }

    private func runWorker(_ index: Int, soffice: String, work: String, queue: PDFQueue) {
        let profile = OfficeProfile.claim(cache: profileCache, temporary: work, worker: index)
        let worker = OfficeWorker(soffice: soffice, profile: profile, folder: "\(work)/werker-\(index)", timeout: timeout)
        var mayReset = profile.isCached
        while let chunk = queue.next() {
            let first = worker.convert(chunk)
            var outcomes = first.outcomes
            // A cached profile that LibreOffice cannot start with (it ends without a single
            // PDF, not stopped for hanging) is emptied once and the chunk tried again.
            if mayReset, !first.hung, !outcomes.contains(where: { if case .converted = $0 { true } else { false } }) {
                mayReset = false
                profile.reset()
                outcomes = worker.convert(chunk).outcomes
            }
            mayReset = false
            queue.record(zip(chunk, outcomes).map { job, outcome in (job, Self.deliver(job, outcome)) })
        }
    }

    /// Moves a converted PDF into place, whole or not at all.
    private static func deliver(_ job: PDFJob, _ outcome: PDFJob.Outcome) -> PDFJob.Outcome {
        guard case .converted(let path) = outcome else { return outcome }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failed("de PDF van LibreOffice is niet te lezen")
        }
        do throws(DiagnosticList) {
            try AtomicFile.write([UInt8](data), to: job.destination)
        } catch {
            return .failed(error.diagnostics.first?.message ?? "kan '\(job.destination)' niet schrijven")
        }
        return .converted(job.destination)
    }

    /// A job per document; two documents whose PDF would have the same name (`brief.odt`
    /// and `brief.docx` in one folder) are an error for the second, not an overwrite.
    static func jobs(_ documents: [String]) -> ([PDFJob], [Diagnostic]) {
        let current = FileManager.default.currentDirectoryPath
        var jobs: [PDFJob] = []
        var duplicates: [Diagnostic] = []
        var made: [String: String] = [:]
        for document in documents {
            let absolute = document.hasPrefix("/") ? document : current + "/" + document
            let destination = ((absolute as NSString).deletingPathExtension as String) + ".pdf"
            let shown = ((document as NSString).deletingPathExtension as String) + ".pdf"
            if let earlier = made[destination] {
                duplicates.append(
                    Diagnostic(
                        .error, id: "A131",
                        "de PDF van dit document zou '\(shown)' overschrijven, die al van '\(earlier)' is gemaakt",
                        at: SourceLocation(file: document), hint: "zet PDF's van .odt en .docx in verschillende mappen"))
                continue
            }
            made[destination] = document
            jobs.append(PDFJob(document: absolute, destination: destination, label: document))
        }
        return (jobs, duplicates)
    }

    /// A folder of this run in the temporary folder (`lerend-pdf-<pid>-XXXXXX`), removed
    /// when the run ends or is interrupted; folders of runs that have ended are removed first.
    private func makeWorkFolder() throws(DiagnosticList) -> String {
        let prefix = "lerend-pdf-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporaryRoot)) ?? [] where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            if let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid != getpid(),
                kill(pid, 0) != 0, errno == ESRCH
            {
                try? FileManager.default.removeItem(atPath: temporaryRoot + "/" + name)
            }
        }
        var template = Array("\(temporaryRoot)/\(prefix)\(getpid())-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "A130",
                    "kan geen werkmap voor LibreOffice maken in '\(temporaryRoot)': "
                        + String(cString: strerror(errno)), at: SourceLocation(file: temporaryRoot),
                    hint: "maak ruimte in de tijdelijke map, of noem een andere met TMPDIR")
            ])
        }
        let path = String(cString: made)
        Interruption.remember(path)
        return path
    }
}
