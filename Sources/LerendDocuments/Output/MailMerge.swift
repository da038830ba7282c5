import Dispatch
public import LerendDiagnostics
public import LerendExpressions
import OrderedCollections
import Synchronization

/// Renders one document per record into a folder: a mail merge.
///
/// Each record's document is written under a temporary name and renamed, so the folder
/// never holds half a document; a record that fails (a missing value, a bad name) is
/// reported and the others are still written. Running it again gives the same bytes.
public struct MailMerge: Sendable {
    /// One document to make.
    public struct Job: Sendable {
        public var data: Value
        /// The file name, with extension, inside the output folder.
        public var fileName: String
        /// What the record is called in messages ("record 3", "Anna de Vries").
        public var label: String

        public init(data: Value, fileName: String, label: String) {
            self.data = data
            self.fileName = fileName
            self.label = label
        }
    }

    /// A record that was not written, and why.
    public struct Failure: Sendable {
        public let label: String
        public let fileName: String?
        public let diagnostics: [Diagnostic]

        public init(label: String, fileName: String?, diagnostics: [Diagnostic]) {
            self.label = label
            self.fileName = fileName
            self.diagnostics = diagnostics
        }
    }

    public struct Report: Sendable {
        /// How many documents were written.
        public var writtenCount = 0
        /// Paths of the documents written, in record order; only filled by ``run(_:progress:)``,
        /// so that a streamed batch keeps its memory flat.
        public var written: [String] = []
        public var failures: [Failure] = []

        public init() {}
    }

    public let template: DocumentTemplate
    public let directory: String
    public let options: RenderOptions
    /// How many threads render at once.
    public let workers: Int
    /// Makes each worker's renderer; tests give it one that fails on purpose.
    var makeRenderer: @Sendable (DocumentTemplate) -> DocumentRenderer = { DocumentRenderer(template: $0) }

    public init(template: DocumentTemplate, directory: String, options: RenderOptions = RenderOptions(), workers: Int = 1) {
        self.template = template
        self.directory = directory
        self.options = options
        self.workers = max(1, workers)
    }

    /// The data of each record: the record under `binding` next to the shared data, or,
    /// without a binding, the record's fields over the shared data (as in a mail merge).
    public static func recordData(_ record: Value, shared: Value, binding: String?) -> Value {
        guard case .object(var members) = shared else {
            if let binding { return [binding: record] }
            return record
        }
        if let binding {
            members[binding] = record
        } else if case .object(let fields) = record {
            for (key, value) in fields { members[key] = value }
        }
        return .object(members)
    }

    /// Jobs for `records` with names from `pattern`, made safe and distinct. Records
    /// whose name cannot be made are returned as failures.
    ///
    /// - Parameter labels: what each record is called in messages; "record 1", "record 2"
    ///   ... when not given.
    public static func jobs(
        records: [Value], shared: Value, binding: String?, pattern: TextTemplate?, defaultStem: String,
        fileExtension: String, labels: [String]? = nil
    ) -> (jobs: [Job], failures: [Failure]) {
        var stems: [String] = []
        var prepared: [(data: Value, label: String)] = []
        var failures: [Failure] = []
        let width = String(records.count).count
        for (index, record) in records.enumerated() {
            let data = recordData(record, shared: shared, binding: binding)
            let number = String(index + 1)
            let padded = String(repeating: "0", count: max(0, width - number.count)) + number
            let label = labels.map { $0[index] } ?? "record \(index + 1)"
            guard let pattern else {
                stems.append(SafeFileName.make("\(defaultStem)-\(padded)"))
                prepared.append((data, label))
                continue
            }
            do throws(ExpressionError) {
                let name = try pattern.render(in: EvaluationContext(root: data))
                stems.append(SafeFileName.make(name, fallback: "\(defaultStem)-\(padded)"))
                prepared.append((data, label))
            } catch {
                failures.append(
                    Failure(
                        label: label, fileName: nil,
                        diagnostics: [error.diagnostic(in: pattern.source, at: SourceLocation(file: "--naam"))]))
            }
        }
        let names = SafeFileName.distinct(stems, fileExtension: fileExtension)
        let jobs = zip(prepared, names).map { Job(data: $0.data, fileName: $1, label: $0.label) }
        return (jobs, failures)
    }

    /// Renders every job; `progress` is called with the number of documents done so far,
    /// one call at a time (see ``run(count:job:progress:)``).
    public func run(_ jobs: [Job], progress: (@Sendable (Int) -> Void)? = nil) -> Report {
        var report = run(count: jobs.count, job: { jobs[$0] }, progress: progress)
        let failed = Set(report.failures.map(\.fileName))
        report.written = jobs.filter { !failed.contains($0.fileName) }.map(path(of:))
        return report
    }

    /// Renders `count` jobs made one at a time by `job`, so that a large batch need not
    /// be held in memory at once. Documents are written in parallel by ``workers`` threads.
    ///
    /// `progress` is called after each document, never twice at once, with the counts
    /// 1, 2, 3 ... in order; it holds up the other workers while it runs, so keep it short.
    public func run(count: Int, job: @Sendable (Int) -> Job, progress: (@Sendable (Int) -> Void)? = nil) -> Report {
        AtomicFile.removeLeftovers(in: directory)
        let failed = Mutex<[Int: Failure]>([:])
        // The count and the callback share one lock: calls come one at a time, each with
        // one more than the call before.
        let done = Mutex<Int>(0)
        let workerCount = min(workers, max(1, count))
        let template = self.template
        let options = self.options
        let makeRenderer = self.makeRenderer
        DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
            let renderer = makeRenderer(template)
            for index in stride(from: worker, to: count, by: workerCount) {
                let job = job(index)
                let path = path(of: job)
                do throws(DiagnosticList) {
                    try renderer.render(job.data, options: options, to: path, documentName: job.fileName)
                } catch {
                    let failure = Failure(label: job.label, fileName: job.fileName, diagnostics: error.diagnostics)
                    failed.withLock { $0[index] = failure }
                }
                done.withLock { count in
                    count += 1
                    progress?(count)
                }
            }
        }
        var report = Report()
        report.failures = failed.withLock { failures in failures.keys.sorted().map { failures[$0]! } }
        report.writtenCount = count - report.failures.count
        return report
    }

    private func path(of job: Job) -> String {
        directory == "." ? job.fileName : "\(directory)/\(job.fileName)"
    }
}
