import Foundation

/// Measures `lerend export` itself: invitations for a network of N participants, as a
/// separate process whose time and peak memory (`wait4`'s rusage) are its own.
enum ExportBenchmark {
    /// A network file with `participants` participants over 12 organisations.
    static func network(participants: Int) -> String {
        var text = """
            netwerk:
              naam: Netwerk Benchmark
              plugin: kenniz
              contactpersoon: {naam: Deelnemer 1, email: d1@zorg.nl}
            organisaties:

            """
        for number in 1...12 { text += "  - {naam: Organisatie \(number), plaats: Zwolle}\n" }
        text += "deelnemers:\n"
        for number in 1...participants {
            text +=
                "  - {naam: Deelnemer \(number), organisatie: Organisatie \(number % 12 + 1), email: d\(number)@zorg.nl, "
                + "functie: teamleider}\n"
        }
        text += """
            bijeenkomsten:
              - datum: 2026-03-10
                begintijd: "13:30"
                duur_minuten: 150
                gastheer: Organisatie 1
                thema: Familieparticipatie
                locatie: {naam: De Linde, adres: Lindelaan 12, postcode: 8011 AB, plaats: Zwolle}
                voorbereiders: [Deelnemer 1, Deelnemer 2]

            """
        return text
    }

    /// Seconds and peak memory (KB) of one `lerend export` run.
    static func run(lerend: String, participants: Int, format: String, workers: Int, in folder: String) throws -> (Double, Int) {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/netwerk.yaml"
        try Data(network(participants: participants).utf8).write(to: URL(filePath: path))
        let arguments = [
            lerend, "export", path, "--document", "uitnodigingen", "--format", format, "--datum", "2026-01-01",
            "--workers", String(workers), "-o", folder + "/uit",
        ]
        var pid: pid_t = 0
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let start = ContinuousClock.now
        guard posix_spawn(&pid, lerend, &actions, nil, &argv, environ) == 0 else {
            throw NSError(domain: "lerend-benchmark", code: 1)
        }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        guard status == 0 else { throw NSError(domain: "lerend-benchmark", code: Int(status)) }
        return (seconds, usage.ru_maxrss)
    }

    static func table(lerend: String, root: String, rounds: Int) throws {
        print("\nlerend export: uitnodigingen voor een netwerk van N deelnemers (hele proces: inlezen, controleren, schrijven)\n")
        print("formaat  werkers  deelnemers  documenten/s  piekgeheugen")
        for format in ["odt", "docx"] {
            for workers in [1, 2] {
                for participants in [100, 1000, 5000] {
                    var best: (Double, Int)?
                    for round in 1...rounds {
                        let folder = "\(root)/export-\(format)-\(workers)-\(participants)-\(round)"
                        let result = try run(
                            lerend: lerend, participants: participants, format: format, workers: workers, in: folder)
                        // Folders are removed at the end, not between runs: ext4 is slow to
                        // hand out inodes it has just freed, which would hit the next run.
                        if best == nil || result.0 < best!.0 { best = result }
                    }
                    let (seconds, peak) = best!
                    print(
                        format.padding(toLength: 9, withPad: " ", startingAt: 0)
                            + String(workers).padding(toLength: 9, withPad: " ", startingAt: 0)
                            + String(participants).padding(toLength: 12, withPad: " ", startingAt: 0)
                            + dutch(Double(participants) / seconds, decimals: 0).padding(
                                toLength: 14, withPad: " ", startingAt: 0)
                            + "\(dutch(Double(peak) / 1024, decimals: 1)) MB")
                }
            }
        }
    }
}
