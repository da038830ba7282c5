import LerendDiagnostics
import Synchronization

/// The one queue the workers of a ``PDFConverter`` take their chunks from.
final class PDFQueue: Sendable {
    private struct State {
        var pending: [PDFJob]
        var converted: [String: String] = [:]
        var failures: [String: Diagnostic] = [:]
        var done = 0
    }

    private let state: Mutex<State>
    /// The documents of one run of LibreOffice: an equal share of all of them per worker,
    /// at most ``PDFConverter/largestChunk``. Starting LibreOffice costs more CPU time than
    /// a letter (about 1.1 s against 25 ms), so every worker starts as few times as it can.
    private let chunkSize: Int
    /// The documents in the order they were given, for the result.
    private let order: [String]
    private let total: Int
    private let progress: @Sendable (Int, Int) -> Void

    init(_ jobs: [PDFJob], workers: Int, progress: @escaping @Sendable (Int, Int) -> Void) {
        state = Mutex(State(pending: jobs))
        chunkSize = max(1, min(PDFConverter.largestChunk, (jobs.count + workers - 1) / max(1, workers)))
        order = jobs.map(\.document)
        (self.total, self.progress) = (jobs.count, progress)
    }

    /// The next chunk of ``chunkSize`` documents, or what is left; a job that was sent
    /// back before goes alone.
    func next() -> [PDFJob]? {
        state.withLock { state in
            guard let first = state.pending.first else { return nil }
            if first.retries > 0 {
                state.pending.removeFirst()
                return [first]
            }
            var size = 1
            while size < chunkSize, size < state.pending.count,
                state.pending[size].retries == 0
            {
                size += 1
            }
            defer { state.pending.removeFirst(size) }
            return Array(state.pending.prefix(size))
        }
    }

    /// Records the outcomes of a chunk; the jobs LibreOffice never reached go back to the
    /// front of the queue.
    func record(_ outcomes: [(PDFJob, PDFJob.Outcome)]) {
        state.withLock { state in
            var again: [PDFJob] = []
            for (job, outcome) in outcomes {
                switch outcome {
                case .converted(let path):
                    state.converted[job.document] = path
                    state.done += 1
                case .failed(let reason):
                    state.failures[job.document] = Diagnostic(
                        .error, id: "A109", "geen PDF gemaakt: \(reason)", at: SourceLocation(file: job.label),
                        hint: "open het document in LibreOffice om te zien wat er mis is; de andere documenten gaan door")
                    state.done += 1
                case .retry:
                    var job = job
                    job.retries += 1
                    again.append(job)
                }
            }
            state.pending.insert(contentsOf: again, at: 0)
            progress(state.done, total)
        }
    }

    /// What became of every document, in the order they were given; `extraFailures` first.
    func result(extraFailures: [Diagnostic]) -> PDFConversion {
        state.withLock { state in
            PDFConversion(
                converted: order.compactMap { state.converted[$0] },
                failures: extraFailures + order.compactMap { state.failures[$0] })
        }
    }
}
