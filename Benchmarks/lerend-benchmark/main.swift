// Prints how fast the document engine writes invitation letters to disk, and its peak
// memory. Run in release mode:
//
//     swift run -c release lerend-benchmark            the whole table
//     swift run -c release lerend-benchmark --count 10000 --rounds 3 --map /dev/shm
//     swift run -c release lerend-benchmark run --format docx --workers 2 --count 10000 --out DIR
//     swift build -c release && .build/release/lerend-benchmark export   (lerend export itself)
//     swift run -c release lerend-benchmark samenvoegen --count 1000      (all in one document)
//     .build/release/lerend-benchmark pdf --count 60 --rounds 2           (the PDF pool; LibreOffice)
//     swift run -c release lerend-benchmark presentielijst --deelnemers 100 --bijeenkomsten 7
//     swift build -c release && .build/release/lerend-benchmark web --netwerken 100   (the overview of lerend web)
//
// Every measurement runs in a child process of its own, so that its peak memory
// (getrusage's ru_maxrss) is its own, and writes into a fresh folder.

import Foundation
import LerendDocuments
import LerendExpressions

let fixtures = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")

/// One measurement, as a child process prints it.
struct Measurement {
    var format: String
    var workers: Int
    var count: Int
    var seconds: Double
    var peakKilobytes: Int
    var averageBytes: Int

    var documentsPerSecond: Double { Double(count) / seconds }

    var line: String {
        "\(format) \(workers) \(count) \(seconds) \(peakKilobytes) \(averageBytes)"
    }

    init(format: String, workers: Int, count: Int, seconds: Double, peakKilobytes: Int, averageBytes: Int) {
        (self.format, self.workers, self.count, self.seconds) = (format, workers, count, seconds)
        (self.peakKilobytes, self.averageBytes) = (peakKilobytes, averageBytes)
    }

    init?(line: String) {
        let fields = line.split(separator: " ")
        guard fields.count == 6, let workers = Int(fields[1]), let count = Int(fields[2]),
            let seconds = Double(fields[3]), let peak = Int(fields[4]), let size = Int(fields[5])
        else { return nil }
        self.init(
            format: String(fields[0]), workers: workers, count: count, seconds: seconds, peakKilobytes: peak, averageBytes: size)
    }
}

/// The data of letter `index`: 8 values and a 6-row agenda, names that differ per letter.
func letterData(_ index: Int) -> Value {
    let first = ["Anna", "Bo", "Cas", "Daan", "Eva", "Fatima", "Gijs", "Hanna", "Ilse", "Joost"][index % 10]
    let last = ["de Vries", "Jansen", "Öztürk", "van Dijk", "Bos", "El Amrani", "Mulder", "de Wit"][index % 8]
    let agenda: [Value] = [
        ["tijd": "13.30", "titel": "Opening en vaststellen agenda", "wie": "Marieke Jansen"],
        ["tijd": "13.45", "titel": "Rondleiding dagbesteding", "wie": "Joost van Dijk"],
        ["tijd": "14.30", "titel": "Pauze", "wie": ""],
        ["tijd": "14.45", "titel": "Casus: 'Meneer wil niet naar de activiteit'", "wie": "Fatima El Amrani"],
        ["tijd": "15.30", "titel": "Rondvraag en planning", "wie": "Marieke Jansen"],
        ["tijd": "15.45", "titel": "Sluiting", "wie": "Marieke Jansen"],
    ]
    return [
        "deelnemer": [
            "naam": .string("\(first) \(last)"), "voornaam": .string(first),
            "organisatie": .string("Zorggroep \(["De Linde", "Het Baken", "'t Anker & Partners"][index % 3])"),
        ],
        "datum_brief": .date(LocalDate(year: 2026, month: 2, day: 16)!),
        "bijeenkomst": [
            "titel": "Bijeenkomst 2 – Dagbesteding op maat", "datum": .date(LocalDate(year: 2026, month: 3, day: 10)!),
            "locatie": "Woonzorgcentrum De Linde, Lindelaan 12, Zwolle",
        ],
        "agenda": .list(agenda),
        "afzender": "Marieke Jansen",
    ]
}

/// Renders `count` letters into a fresh folder and prints one measurement line.
func runOne(format: String, workers: Int, count: Int, directory: String) throws {
    let template = try DocumentTemplate(path: fixtures.appending(path: "brief.\(format)").path(percentEncoded: false))
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let merge = MailMerge(template: template, directory: directory, workers: workers)
    let width = String(count).count
    let start = ContinuousClock.now
    let report = merge.run(count: count) { index in
        let number = String(index + 1)
        let name = "brief-" + String(repeating: "0", count: width - number.count) + number + ".\(format)"
        return MailMerge.Job(data: letterData(index), fileName: name, label: "brief \(index + 1)")
    }
    let seconds = (ContinuousClock.now - start) / .seconds(1)
    guard report.failures.isEmpty, report.writtenCount == count else {
        FileHandle.standardError.write(Data("\(report.failures.count) documenten mislukt\n".utf8))
        exit(1)
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let first = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()[0]
    let size = (try? FileManager.default.attributesOfItem(atPath: directory + "/" + first)[.size] as? Int) ?? 0
    print(
        Measurement(
            format: format, workers: workers, count: count, seconds: seconds,
            peakKilobytes: usage.ru_maxrss, averageBytes: size
        ).line)
}

/// Runs this program again for one measurement.
func measure(format: String, workers: Int, count: Int, in folder: String) throws -> Measurement {
    let process = Process()
    process.executableURL = URL(filePath: CommandLine.arguments[0]).absoluteURL
    let directory = "\(folder)/\(format)-\(workers)-\(count)"
    process.arguments = ["run", "--format", format, "--workers", "\(workers)", "--count", "\(count)", "--out", directory]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0,
        let measurement = Measurement(line: output.trimmingCharacters(in: .whitespacesAndNewlines))
    else {
        throw NSError(domain: "lerend-benchmark", code: Int(process.terminationStatus))
    }
    return measurement
}

func value(of option: String, in arguments: [String]) -> String? {
    arguments.firstIndex(of: option).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
}

func dutch(_ number: Double, decimals: Int) -> String {
    String(format: "%.\(decimals)f", number).replacingOccurrences(of: ".", with: ",")
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "run" {
    try runOne(
        format: value(of: "--format", in: arguments) ?? "docx", workers: Int(value(of: "--workers", in: arguments) ?? "1") ?? 1,
        count: Int(value(of: "--count", in: arguments) ?? "1000") ?? 1000,
        directory: value(of: "--out", in: arguments) ?? NSTemporaryDirectory() + "lerend-benchmark")
    exit(0)
}

if arguments.first == "samenvoegen" {
    let count = Int(value(of: "--count", in: arguments) ?? "1000") ?? 1000
    if arguments.dropFirst().first == "run" {
        try MergeBenchmark.runOne(
            format: value(of: "--format", in: arguments) ?? "docx", count: count,
            path: value(of: "--out", in: arguments) ?? NSTemporaryDirectory() + "lerend-samen.docx")
    } else {
        let folder =
            (value(of: "--map", in: arguments) ?? NSTemporaryDirectory())
            + "/lerend-samen-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try MergeBenchmark.table(count: count, rounds: Int(value(of: "--rounds", in: arguments) ?? "3") ?? 3, folder: folder)
    }
    exit(0)
}

if arguments.first == "export" {
    // The real export, run as the organiser runs it.
    let lerend = URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "lerend")
        .path(percentEncoded: false)
    let rounds = Int(value(of: "--rounds", in: arguments) ?? "3") ?? 3
    let root =
        (value(of: "--map", in: arguments) ?? NSTemporaryDirectory())
        + "/lerend-export-\(ProcessInfo.processInfo.processIdentifier)"
    try ExportBenchmark.table(lerend: lerend, root: root, rounds: rounds)
    try? FileManager.default.removeItem(atPath: root)
    exit(0)
}

if arguments.first == "pdf" {
    // lerend export's invitations through the PDF pool (needs LibreOffice).
    let lerend = URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "lerend")
        .path(percentEncoded: false)
    let root =
        (value(of: "--map", in: arguments) ?? NSTemporaryDirectory())
        + "/lerend-pdf-benchmark-\(ProcessInfo.processInfo.processIdentifier)"
    try PDFBenchmark.table(
        lerend: lerend, root: root, count: Int(value(of: "--count", in: arguments) ?? "60") ?? 60,
        rounds: Int(value(of: "--rounds", in: arguments) ?? "2") ?? 2)
    try? FileManager.default.removeItem(atPath: root)
    exit(0)
}

if arguments.first == "web" {
    // lerend web itself, next to this program.
    let lerend = URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "lerend")
    let samples = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "samples/netwerken")
    try WebBenchmark.table(
        lerend: lerend, samples: samples, count: Int(value(of: "--netwerken", in: arguments) ?? "100") ?? 100,
        requests: Int(value(of: "--keer", in: arguments) ?? "50") ?? 50,
        folder: URL(filePath: value(of: "--map", in: arguments) ?? NSTemporaryDirectory()))
    exit(0)
}
if arguments.first == "presentielijst" {
    // The attendance list: one document with a row per participant and a column per meeting.
    let templates = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Templates")
    try AttendanceBenchmark.table(
        templates: templates, participants: Int(value(of: "--deelnemers", in: arguments) ?? "100") ?? 100,
        meetings: Int(value(of: "--bijeenkomsten", in: arguments) ?? "7") ?? 7,
        rounds: Int(value(of: "--rounds", in: arguments) ?? "3") ?? 3)
    exit(0)
}

let count = Int(value(of: "--count", in: arguments) ?? "10000") ?? 10000
let rounds = Int(value(of: "--rounds", in: arguments) ?? "3") ?? 3
// --map DIR puts the documents elsewhere, e.g. --map /dev/shm to leave the disk out.
let root = value(of: "--map", in: arguments) ?? NSTemporaryDirectory()
let folder = root + "/lerend-benchmark-\(ProcessInfo.processInfo.processIdentifier)"
defer { try? FileManager.default.removeItem(atPath: folder) }
print("Uitnodigingsbrief: 8 waarden en een agenda van 6 rijen; documenten naar \(root), elke meting in een eigen proces.")
print("Beste van \(rounds) rondes; geheugen is de piek (maxrss) van het proces.\n")
print("formaat  werkers  documenten  documenten/s  piekgeheugen  documentgrootte")
for format in ["docx", "odt"] {
    for workers in [1, 2] {
        for n in [10, count] {
            var best: Measurement?
            for round in 1...(n == 10 ? 1 : rounds) {
                let measurement = try measure(format: format, workers: workers, count: n, in: "\(folder)/\(round)")
                if best == nil || measurement.documentsPerSecond > best!.documentsPerSecond { best = measurement }
            }
            let result = best!
            let rate = n == 10 ? "-" : dutch(result.documentsPerSecond, decimals: 0)
            print(
                format.padding(toLength: 9, withPad: " ", startingAt: 0)
                    + String(workers).padding(toLength: 9, withPad: " ", startingAt: 0)
                    + String(n).padding(toLength: 12, withPad: " ", startingAt: 0)
                    + rate.padding(toLength: 14, withPad: " ", startingAt: 0)
                    + "\(dutch(Double(result.peakKilobytes) / 1024, decimals: 1)) MB".padding(
                        toLength: 14, withPad: " ", startingAt: 0)
                    + "\(dutch(Double(result.averageBytes) / 1024, decimals: 1)) KB")
        }
    }
}
