import Foundation
import LerendDocuments

/// `lerend-benchmark samenvoegen`: all letters in one document (`--één-document`), each
/// format measured in a child process of its own (`samenvoegen run`).
enum MergeBenchmark {
    /// Merges `count` letters into one document at `path` and prints "seconds peak-KB bytes".
    static func runOne(format: String, count: Int, path: String) throws {
        let template = try DocumentTemplate(path: fixtures.appending(path: "brief.\(format)").path(percentEncoded: false))
        let start = ContinuousClock.now
        let report = try DocumentMerge(template: template).write(
            count: count, record: { DocumentMerge.Record(data: letterData($0), label: "brief \($0 + 1)") }, to: path)
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        guard report.failures.isEmpty, report.mergedCount == count else {
            FileHandle.standardError.write(Data("\(report.failures.count) brieven mislukt\n".utf8))
            exit(1)
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print("\(seconds) \(usage.ru_maxrss) \(size)")
    }

    static func table(count: Int, rounds: Int, folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        print("\(count) uitnodigingsbrieven in één document; beste van \(rounds) rondes, elke meting in een eigen proces.\n")
        print("formaat  brieven  seconden  brieven/s  piekgeheugen  document")
        for format in ["docx", "odt"] {
            var best: (seconds: Double, peak: Int, size: Int)?
            for round in 1...rounds {
                let process = Process()
                process.executableURL = URL(filePath: CommandLine.arguments[0]).absoluteURL
                process.arguments = [
                    "samenvoegen", "run", "--format", format, "--count", "\(count)",
                    "--out", "\(folder)/samen-\(round).\(format)",
                ]
                let pipe = Pipe()
                process.standardOutput = pipe
                try process.run()
                let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                let fields = output.split(whereSeparator: \.isWhitespace)
                guard process.terminationStatus == 0, fields.count == 3, let seconds = Double(fields[0]),
                    let peak = Int(fields[1]), let size = Int(fields[2])
                else { throw NSError(domain: "lerend-benchmark", code: Int(process.terminationStatus)) }
                if best == nil || seconds < best!.seconds { best = (seconds, peak, size) }
            }
            let result = best!
            print(
                format.padding(toLength: 9, withPad: " ", startingAt: 0)
                    + String(count).padding(toLength: 9, withPad: " ", startingAt: 0)
                    + dutch(result.seconds, decimals: 2).padding(toLength: 10, withPad: " ", startingAt: 0)
                    + dutch(Double(count) / result.seconds, decimals: 0).padding(toLength: 11, withPad: " ", startingAt: 0)
                    + "\(dutch(Double(result.peak) / 1024, decimals: 1)) MB".padding(toLength: 14, withPad: " ", startingAt: 0)
                    + "\(dutch(Double(result.size) / 1024, decimals: 0)) KB")
        }
    }
}
