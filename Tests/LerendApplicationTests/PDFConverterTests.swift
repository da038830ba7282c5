import Foundation
import LerendDiagnostics
import Testing

@testable import LerendApplication

/// The PDF pool against a stand-in `soffice`: a shell script that behaves as LibreOffice
/// does on the command line (files in order, one PDF each in `--outdir`), and hangs,
/// crashes or refuses a document when its name says so. It logs each run's profile and
/// process id, and how many runs were going at its start.
@Suite struct PDFConverterTests {
    let folder: String
    let environment: [String: String]

    init() throws {
        folder = try temporaryFolder()
        let bin = folder + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/lopend", withIntermediateDirectories: true)
        let script = """
            #!/bin/bash
            profile=""; out=""; files=()
            while [ $# -gt 0 ]; do
              case "$1" in
                -env:UserInstallation=*) profile="${1#-env:UserInstallation=}" ;;
                --outdir) shift; out="$1" ;;
                --convert-to) shift ;;
                --*) ;;
                *) files+=("$1") ;;
              esac
              shift
            done
            [ -e "${profile#file://}kapot" ] && exit 1
            touch "\(folder)/lopend/$$"
            echo "run $$ $profile $(ls "\(folder)/lopend" | wc -l) ${#files[@]}" >> "\(folder)/runs.log"
            trap 'rm -f "\(folder)/lopend/$$"' EXIT
            for file in "${files[@]}"; do
              name=$(basename "$file"); stem="${name%.*}"
              case "$name" in
                *hangt*) sleep 300 & echo $! > "\(folder)/slaapt"; wait ;;
                *kapot*) echo "Error: source file could not be loaded"; continue ;;
                *crasht*) rm -f "\(folder)/lopend/$$"; kill -SEGV $$ ;;
              esac
              printf '%%PDF-1.4\\n%%%% %s\\n%%%%EOF\\n' "$name" > "$out/$stem.pdf"
              sleep 0.02
            done
            """
        _ = FileManager.default.createFile(atPath: bin + "/soffice", contents: Data(script.utf8))
        chmod(bin + "/soffice", 0o755)
        try FileManager.default.createDirectory(atPath: folder + "/tmp", withIntermediateDirectories: true)
        environment = ["PATH": bin, "HOME": folder + "/home", "TMPDIR": folder + "/tmp"]
    }

    /// Documents called `names` in `docs/`.
    func documents(_ names: [String]) throws -> [String] {
        let docs = folder + "/docs"
        try FileManager.default.createDirectory(atPath: docs, withIntermediateDirectories: true)
        return names.map { name in
            _ = FileManager.default.createFile(atPath: "\(docs)/\(name)", contents: Data("document".utf8))
            return "\(docs)/\(name)"
        }
    }

    /// The runs the stand-in logged: profile, runs going at its start, files given.
    func runs() throws -> [(pid: pid_t, profile: String, concurrent: Int, files: Int)] {
        try String(contentsOfFile: folder + "/runs.log", encoding: .utf8).split(separator: "\n").map { line in
            let fields = line.split(separator: " ")
            return (pid_t(fields[1])!, String(fields[2]), Int(fields[3])!, Int(fields[4])!)
        }
    }

    /// Whether `pid` runs: it exists and is not a zombie waiting for its parent.
    func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return !stat[stat.index(after: close)...].hasPrefix(" Z")
    }

    @Test func convertsEveryDocumentNextToItOnTwoWorkersWithProfilesOfTheirOwn() throws {
        let names = (1...40).map { "brief \($0).odt" }
        let converted = try PDFConverter(environment: environment, workers: 2).convertAll(try documents(names))
        #expect(converted.failures.isEmpty)
        #expect(converted.converted == names.map { "\(folder)/docs/\(($0 as NSString).deletingPathExtension).pdf" })
        for pdf in converted.converted {
            let text = try String(contentsOfFile: pdf, encoding: .utf8)
            #expect(text.contains(((pdf as NSString).lastPathComponent as NSString).deletingPathExtension + ".odt"))
        }
        let runs = try runs()
        #expect(runs.map(\.files).reduce(0, +) == 40)
        #expect(runs.allSatisfy { $0.concurrent <= 2 && $0.files <= PDFConverter.largestChunk })
        #expect(Set(runs.map(\.profile)).count == 2)
        #expect(runs.allSatisfy { $0.profile.contains("/home/.cache/lerend/libreoffice/profiel-") })
        // Nothing is left: no temporary files next to the PDFs, no work folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/docs").count == 80)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/tmp").isEmpty)
    }

    @Test func aDocumentThatHangsIsStoppedAndReportedAndTheOthersGoOn() throws {
        let names = ["a.odt", "b.odt", "c hangt.odt", "d.odt", "e.odt"]
        // 8 s without a PDF: far more than a loaded CI machine (LibreOffice checking
        // documents in other tests) needs to start the stand-in, far less than its hang.
        let converter = PDFConverter(environment: environment, workers: 1, timeout: .seconds(8))
        let started = ContinuousClock.now
        let converted = try converter.convertAll(try documents(names))
        let log = (try? String(contentsOfFile: folder + "/runs.log", encoding: .utf8)) ?? "(geen runs.log)"
        let failures = converted.failures.map { "\($0.id) \($0.location?.file ?? "-"): \($0.message)" }
        #expect(ContinuousClock.now - started < .seconds(120))
        #expect(
            converted.converted.map { ($0 as NSString).lastPathComponent } == ["a.pdf", "b.pdf", "d.pdf", "e.pdf"],
            "\(failures)\n\(log)")
        #expect(converted.failures.count == 1, "\(failures)\n\(log)")
        #expect(converted.failures.first?.id == "A109")
        #expect(converted.failures.first?.location?.file.hasSuffix("c hangt.odt") == true, "\(failures)")
        #expect(converted.failures.first?.message.contains("nog niet klaar") == true, "\(failures)")
        // The stopped run and the `sleep` it started are gone.
        let sleeping = try #require(
            pid_t(try String(contentsOfFile: folder + "/slaapt", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
        )
        let stopped = try #require(try runs().first?.pid)
        for pid in [sleeping, stopped] {
            #expect(!isRunning(pid), "process \(pid) still runs")
        }
    }

    @Test func aCrashBlamesTheDocumentItStoppedAtAndTheRestAreTriedAgain() throws {
        let names = ["a.odt", "b crasht.odt", "c.odt", "d.odt"]
        let converted = try PDFConverter(environment: environment, workers: 1).convertAll(try documents(names))
        #expect(converted.converted.map { ($0 as NSString).lastPathComponent } == ["a.pdf", "c.pdf", "d.pdf"])
        #expect(converted.failures.map(\.id) == ["A109"])
        #expect(converted.failures.first?.message.contains("signaal 11") == true)
        let log = try String(contentsOfFile: folder + "/runs.log", encoding: .utf8)
        #expect(try runs().map(\.files) == [4, 1, 1], "\(log)")
    }

    @Test func aDocumentLibreOfficeCannotLoadIsReportedWithWhatItSaid() throws {
        let converted = try PDFConverter(environment: environment, workers: 2)
            .convertAll(try documents(["a.odt", "b kapot.docx", "c.odt"]))
        #expect(converted.converted.count == 2)
        #expect(converted.failures.count == 1)
        let message = try #require(converted.failures.first?.message)
        #expect(message.contains("source file could not be loaded"))
    }

    @Test func twoDocumentsWithOneNameGiveAnErrorForTheSecondNotAnOverwrite() throws {
        let converted = try PDFConverter(environment: environment).convertAll(try documents(["brief.odt", "brief.docx"]))
        #expect(converted.converted.count == 1)
        #expect(converted.failures.map(\.id) == ["A131"])
        #expect(converted.failures.first?.location?.file.hasSuffix("brief.docx") == true)
        let pdf = try String(contentsOfFile: folder + "/docs/brief.pdf", encoding: .utf8)
        #expect(pdf.contains("brief.odt"))
    }

    @Test func withoutLibreOfficeNothingIsTriedAndTheMessageSaysHowToInstallIt() throws {
        let converter = PDFConverter(environment: ["PATH": folder + "/leeg", "HOME": folder])
        #expect(throws: DiagnosticList.self) { try converter.convertAll([folder + "/x.odt"]) }
        do {
            _ = try converter.convertAll([folder + "/x.odt"])
        } catch {
            #expect(error.diagnostics.map(\.id) == ["A108"])
            #expect(error.diagnostics.first?.hint?.contains("apt-get install") == true)
        }
    }

    @Test func aCachedProfileIsLockedWhileInUseAndTakenAgainAfterwards() throws {
        let cache = folder + "/cache"
        let first = OfficeProfile.claim(cache: cache, temporary: folder, worker: 1)
        let second = OfficeProfile.claim(cache: cache, temporary: folder, worker: 2)
        #expect(first.isCached && second.isCached)
        #expect(first.path != second.path)
        let firstPath = first.path
        _ = consume first
        let again = OfficeProfile.claim(cache: cache, temporary: folder, worker: 3)
        #expect(again.path == firstPath)
        #expect(again.url.hasPrefix("file:///"))
        let temporary = OfficeProfile.claim(cache: nil, temporary: folder, worker: 4)
        #expect(!temporary.isCached)
        #expect(OfficeProfile.cacheFolder(environment: ["HOME": "/h", "LEREND_PDF_PROFIELEN": "tijdelijk"]) == nil)
        #expect(OfficeProfile.cacheFolder(environment: ["HOME": "/h"]) == "/h/.cache/lerend/libreoffice")
    }

    @Test func aCachedProfileLibreOfficeCannotStartWithIsEmptiedOnceAndTheRunTriedAgain() throws {
        let profile = folder + "/home/.cache/lerend/libreoffice/profiel-1"
        try FileManager.default.createDirectory(atPath: profile, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: profile + "/kapot", contents: Data())
        let converted = try PDFConverter(environment: environment, workers: 1).convertAll(try documents(["a.odt", "b.odt"]))
        #expect(converted.failures.isEmpty)
        #expect(converted.converted.count == 2)
        #expect(!FileManager.default.fileExists(atPath: profile + "/kapot"))
    }

    @Test func aPDFCutOffHalfwayIsNotWhole() throws {
        let whole = folder + "/heel.pdf"
        let cut = folder + "/half.pdf"
        _ = FileManager.default.createFile(atPath: whole, contents: Data("%PDF-1.7\n1 0 obj << >>\nendobj\n%%EOF\n".utf8))
        _ = FileManager.default.createFile(atPath: cut, contents: Data("%PDF-1.7\n1 0 obj << >>\nendobj\nxref\n0 1".utf8))
        #expect(OfficeWorker.isWholePDF(whole))
        #expect(!OfficeWorker.isWholePDF(cut))
        #expect(!OfficeWorker.isWholePDF(folder + "/weg.pdf"))
    }
}
