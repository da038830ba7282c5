import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One LibreOffice at a time with a profile of its own: it converts a chunk of documents
/// in one run (`soffice --convert-to pdf` takes many files, and starting LibreOffice costs
/// more than converting a one-page letter), watching the output folder for progress.
///
/// LibreOffice converts the files in the order given and writes each PDF whole before it
/// loads the next, so a run that hangs is stopped when no PDF has appeared for `timeout`:
/// the document it was busy with is reported, the ones after it go back in the queue.
struct OfficeWorker {
    let soffice: String
    let profile: OfficeProfile
    /// The worker's own folder: `uit/` for the PDFs, `log` for LibreOffice's output.
    let folder: String
    let timeout: Duration

    private var outputFolder: String { folder + "/uit" }
    private var log: String { folder + "/log" }

    init(soffice: String, profile: OfficeProfile, folder: String, timeout: Duration) {
        (self.soffice, self.profile, self.folder, self.timeout) = (soffice, profile, folder, timeout)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// Converts `chunk` in one run; one outcome per job, in order, and whether the run was
    /// stopped because it hung.
    func convert(_ chunk: [PDFJob]) -> (outcomes: [PDFJob.Outcome], hung: Bool) {
        // Not with intermediate folders: once an interruption has removed the run's work
        // folder, nothing is made again.
        try? FileManager.default.removeItem(atPath: outputFolder)
        try? FileManager.default.createDirectory(atPath: outputFolder, withIntermediateDirectories: false)
        let arguments =
            [
                "-env:UserInstallation=\(profile.url)", "--headless", "--invisible", "--nologo", "--nodefault",
                "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir", outputFolder,
            ] + chunk.map(\.document)
        let child: ChildProcess
        do throws(SystemError) {
            child = try ChildProcess(program: soffice, arguments: arguments, log: log)
        } catch {
            return (chunk.map { _ in .failed("LibreOffice ('\(soffice)') kon niet starten: \(error.text)") }, false)
        }
        var seen = 0
        var lastProgress = ContinuousClock.now
        var hung = false
        while child.poll() == nil {
            let count = pdfCount()
            if count > seen {
                (seen, lastProgress) = (count, .now)
            } else if ContinuousClock.now - lastProgress > timeout {
                child.stop()
                hung = true
                _ = child.wait(timeout: .seconds(10))
                break
            }
            usleep(25_000)
        }
        let ending = child.poll()
        return (outcomes(chunk, clean: !hung && ending == .exited(0), hung: hung, ending: ending), hung)
    }

    /// Which jobs are done, which failed, which go back: after a clean run every document
    /// without a whole PDF failed; after a hang or a crash only the first one did, and the
    /// ones after it were never tried.
    private func outcomes(_ chunk: [PDFJob], clean: Bool, hung: Bool, ending: ChildProcess.Ending?) -> [PDFJob.Outcome] {
        var outcomes: [PDFJob.Outcome] = []
        var blamed = false
        for job in chunk {
            let path = outputFolder + "/" + job.outputName
            if Self.isWholePDF(path) {
                outcomes.append(.converted(path))
            } else if clean {
                outcomes.append(.failed(reason(hung: false, ending: ending)))
            } else if !blamed {
                blamed = true
                outcomes.append(.failed(reason(hung: hung, ending: ending)))
            } else {
                outcomes.append(.retry)
            }
        }
        return outcomes
    }

    private func reason(hung: Bool, ending: ChildProcess.Ending?) -> String {
        if hung {
            return "LibreOffice was na \(timeout.components.seconds) s nog niet klaar met dit document en is gestopt"
        }
        let said = lastLogLine().map { ": '\($0)'" } ?? ""
        switch ending {
        case .signalled(let signal): return "LibreOffice stopte onverwacht (signaal \(signal)) bij dit document\(said)"
        case .exited(let code) where code != 0: return "LibreOffice stopte met code \(code) bij dit document\(said)"
        default: return "LibreOffice kon dit document niet omzetten\(said)"
        }
    }

    /// How many PDFs the output folder holds.
    private func pdfCount() -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: outputFolder)) ?? []).count { $0.hasSuffix(".pdf") }
    }

    /// The last line LibreOffice wrote that says something went wrong.
    private func lastLogLine() -> String? {
        guard let text = try? String(contentsOfFile: log, encoding: .utf8) else { return nil }
        return text.split(whereSeparator: \.isNewline).last { $0.localizedCaseInsensitiveContains("error") }
            .map { String($0.prefix(200)) }
    }

    /// Whether `path` is a PDF written to the end: it starts with `%PDF-` and its last
    /// line is `%%EOF`.
    static func isWholePDF(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 5), head.elementsEqual("%PDF-".utf8),
            let size = try? handle.seekToEnd(), size > 16
        else { return false }
        try? handle.seek(toOffset: size - min(size, 64))
        guard let tail = try? handle.readToEnd() else { return false }
        let text = String(decoding: tail, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.hasSuffix("%%EOF")
    }
}
