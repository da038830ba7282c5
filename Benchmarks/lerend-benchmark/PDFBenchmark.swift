import Foundation
import LerendApplication

/// Measures the PDF pool: the invitations of a network, made by `lerend export`, turned
/// into PDF by ``PDFConverter`` with 1 and 2 LibreOffice processes. The first run of
/// each count starts with empty profiles (as on a new machine); the rounds after it
/// reuse them, as every later run of `lerend export --pdf` does.
enum PDFBenchmark {
    static func table(lerend: String, root: String, count: Int, rounds: Int) throws {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = root + "/home"
        environment["XDG_CACHE_HOME"] = nil
        print("\nPDF: \(count) uitnodigingen (lerend export), omgezet door LibreOffice-processen naast elkaar\n")
        print("formaat  processen  documenten  eerste keer (s)  daarna: PDF's/s  pagina's per PDF")
        for format in ["odt", "docx"] {
            let folder = "\(root)/pdf-\(format)"
            _ = try ExportBenchmark.run(lerend: lerend, participants: count, format: format, workers: 2, in: folder)
            let documents = try FileManager.default.subpathsOfDirectory(atPath: folder + "/uit")
                .filter { $0.hasSuffix("." + format) }.sorted().map { "\(folder)/uit/\($0)" }
            for workers in [1, 2] {
                try? FileManager.default.removeItem(atPath: root + "/home")
                let converter = PDFConverter(environment: environment, workers: workers)
                var first = 0.0
                var best = Double.infinity
                for round in 0...rounds {
                    let start = ContinuousClock.now
                    let conversion = try converter.convertAll(documents)
                    let seconds = (ContinuousClock.now - start) / .seconds(1)
                    guard conversion.failures.isEmpty, conversion.converted.count == documents.count else {
                        FileHandle.standardError.write(Data("\(conversion.failures.count) PDF's mislukt\n".utf8))
                        exit(1)
                    }
                    if round == 0 { first = seconds } else { best = min(best, seconds) }
                }
                let pages = pageCount(documents[0].replacingOccurrences(of: "." + format, with: ".pdf"))
                let columns: [(String, Int)] = [
                    (format, 9), (String(workers), 11), (String(documents.count), 12), (dutch(first, decimals: 1), 17),
                    (dutch(Double(documents.count) / best, decimals: 1), 17), (pages.map(String.init) ?? "?", 0),
                ]
                print(columns.map { $0.1 == 0 ? $0.0 : $0.0.padding(toLength: $0.1, withPad: " ", startingAt: 0) }.joined())
            }
        }
    }

    /// The pages of a PDF, by `pdfinfo` (poppler-utils), or `nil` without it.
    static func pageCount(_ pdf: String) -> Int? {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/pdfinfo")
        process.arguments = [pdf]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return output.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
    }
}
