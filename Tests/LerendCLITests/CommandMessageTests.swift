import Foundation
import LerendTestSupport
import Testing

/// What an organiser sees when a command has nothing to do, or is asked to do harm.
@Suite struct CommandMessageTests {
    static let sample = Program.repository.appending(path: "samples/netwerken/zorg-dichtbij.yaml")

    /// A copy of the Waardigheid en trots sample in a fresh folder, with the lines ended as `lineEnd`.
    static func copy(in folder: URL, lineEnd: String = "\n") throws -> URL {
        let network = folder.appending(path: "netwerk.yaml")
        let text = try String(contentsOf: sample, encoding: .utf8)
        try Data(text.replacing("\n", with: lineEnd).utf8).write(to: network)
        return network
    }

    @Test(arguments: ["netwerk.yaml", "./netwerk.yaml", "link.yaml"])
    func calendarNeverWritesOverTheNetworkFile(output: String) throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let network = try Self.copy(in: folder)
        try FileManager.default.createSymbolicLink(at: folder.appending(path: "link.yaml"), withDestinationURL: network)
        let before = try Data(contentsOf: network)

        let result = try Program.run(["calendar", "netwerk.yaml", "-o", output], in: folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("fout[O005]: -o wijst naar het netwerkbestand zelf"))
        #expect(try Data(contentsOf: network) == before)
    }

    @Test func calendarWithoutMeetingsWritesNoEmptyFile() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = TestNetworks.network(participants: 2).components(separatedBy: "bijeenkomsten:")[0]
        try Data(text.utf8).write(to: folder.appending(path: "netwerk.yaml"))

        let result = try Program.run(["calendar", "netwerk.yaml", "-o", "jaar.ics"], in: folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("fout[A103]: Netwerk Test heeft nog geen bijeenkomsten met een datum"))
        #expect(result.errors.contains("lerend plan"))
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "jaar.ics").path(percentEncoded: false)))
    }

    @Test func checkOfAMissingFileSaysWhatIsWrongAndNothingElse() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Program.run(["check", "nietbestaand.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("nietbestaand.yaml: fout[D101]: bestand 'nietbestaand.yaml' bestaat niet"))
        #expect(!result.errors.contains("gewijzigd"))
    }

    @Test func exportAfterTheLastMeetingNamesTheDateInDutchAndWhatCanBeChosen() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.copy(in: folder)
        let result = try Program.run(
            ["export", "netwerk.yaml", "-o", "docs", "--document", "agendas", "--datum", "2027-01-01"], in: folder)
        #expect(
            result.errors.contains(
                "waarschuwing[A107]: geen bijeenkomsten op of na 1 januari 2027; de laatste was bijeenkomst 3 op 19 mei 2026"))
        #expect(!result.errors.contains("2027-01-01"))
        #expect(result.errors.contains("--bijeenkomst N"))
        #expect(result.output.contains("0 documenten geschreven"))
    }

    @Test func exportOfANetworkWithoutMeetingsDoesNotAdviseChoosingOne() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = TestNetworks.network(participants: 2).components(separatedBy: "bijeenkomsten:")[0]
        try Data(text.utf8).write(to: folder.appending(path: "netwerk.yaml"))
        let result = try Program.run(["export", "netwerk.yaml", "-o", "docs", "--document", "uitnodigingen"], in: folder)
        #expect(result.errors.contains("waarschuwing[A107]: Netwerk Test heeft nog geen bijeenkomsten"))
        #expect(!result.errors.contains("--bijeenkomst"))
        let asked = try Program.run(["export", "netwerk.yaml", "-o", "docs", "--bijeenkomst", "2"], in: folder)
        #expect(asked.status == 1)
        #expect(asked.errors.contains("fout[A106]: er is geen bijeenkomst 2; het netwerk heeft nog geen bijeenkomsten"))
    }

    @Test func aNotepadFileKeepsItsLinesInMessagesAndPlanAddsToIt() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let network = try Self.copy(in: folder, lineEnd: "\r\n")
        let broken = try String(contentsOf: network, encoding: .utf8).replacing(
            "  naam: Lerend netwerk", with: "  nam: Lerend netwerk")
        try Data(broken.utf8).write(to: folder.appending(path: "kapot.yaml"))

        let check = try Program.run(["check", "kapot.yaml"], in: folder)
        #expect(
            check.errors.contains(
                "kapot.yaml:8:3: fout[N102]: onbekende sleutel 'nam' in het netwerk\n  8 |   nam: Lerend netwerk Zorg Dichtbij\n    |   ^~~"
            ))

        let plan = try Program.run(["plan", "netwerk.yaml", "--datum", "2026-01-02", "-o", "kopie.yaml"], in: folder)
        #expect(plan.status == 0, "\(plan.errors)")
        #expect(!plan.errors.contains("D105"))
        let copy = try String(contentsOf: folder.appending(path: "kopie.yaml"), encoding: .utf8)
        #expect(copy.contains("# voorgesteld door lerend plan op 2026-01-02\r\n"))
        #expect(!copy.replacing("\r\n", with: "").contains("\n"), "every line keeps the Windows line end")
        let status = try Program.run(["status", "kopie.yaml"], in: folder)
        #expect(status.status == 0, "\(status.errors)")
    }

    @Test func unknownValuesAreReportedBeforeAnythingIsWrittenOrLeftOut() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // One meeting without a place, and without the facilitator KenniZ gives the first.
        try Data(TestNetworks.network(participants: 2).utf8).write(to: folder.appending(path: "netwerk.yaml"))
        let reported = try Program.run(
            ["export", "netwerk.yaml", "--datum", "2026-01-01", "-o", "docs", "--onbekend", "melden"], in: folder)
        #expect(reported.status == 1)
        #expect(reported.errors.contains("fout[X105]: bijeenkomst 1 (10 maart 2026): de plaats is nog niet bekend"))
        #expect(reported.errors.contains("fout[X105]: bijeenkomst 1 (10 maart 2026): de gespreksleider is nog niet bekend"))
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "docs").path(percentEncoded: false)))
        let omitted = try Program.run(["export", "netwerk.yaml", "--datum", "2026-01-01", "-o", "docs"], in: folder)
        #expect(omitted.status == 0, "\(omitted.errors)")
        #expect(!omitted.errors.contains("X105"))
        #expect(FileManager.default.fileExists(atPath: folder.appending(path: "docs").path(percentEncoded: false)))
    }

    @Test func exportHelpShowsTheDutchValuesAndDefault() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let help = try Program.run(["export", "--help"], in: folder)
        // The values may wrap over lines.
        #expect(help.output.replacing(/\s+/, with: " ").contains("plan, uitnodigingen, agendas, presentielijst, alles"))
        #expect(help.output.contains("alles)"))
        #expect(!help.output.contains(": all)"))
        // Every line of the options is an option or text at the label column, also after a
        // label that fills the column ("--document <documenten>").
        let options = help.output.components(separatedBy: "OPTIES:\n").last ?? ""
        for line in options.split(separator: "\n") {
            #expect(line.hasPrefix("  -") || line.hasPrefix(String(repeating: " ", count: 26)), "\(line)")
        }
        let english = try Program.run(
            ["export", Self.sample.path(percentEncoded: false), "-o", "docs", "--document", "all", "--datum", "2026-01-01"],
            in: folder)
        #expect(english.status == 0, "English spellings stay as aliases: \(english.errors)")
    }

    @Test(arguments: [["check"], ["status"], ["plan"], ["calendar", "-o", "jaar.ics"], ["export", "-o", "docs"]])
    func aDurationTooLargeForAnyClockIsALocatedErrorInEveryCommand(command: [String]) throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: Self.sample, encoding: .utf8)
            .replacing("duur_minuten: 150", with: "duur_minuten: 9223372036854775807")
        try Data(text.utf8).write(to: folder.appending(path: "netwerk.yaml"))
        let result = try Program.run([command[0], "netwerk.yaml"] + command.dropFirst() + ["--datum", "2026-01-01"], in: folder)
        #expect(result.status == 1, "an error, not a crash (\(result.status))")
        #expect(result.errors.contains("fout[N107]: 'duur_minuten' is 9223372036854775807, maar moet tussen 1 en 1.440 liggen"))
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "jaar.ics").path(percentEncoded: false)))
    }

    @Test func textFromTheFileCannotDrawOnTheTerminalAndALongLineIsCutAroundTheCaret() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = String(repeating: "x", count: 100_000)
        let text = TestNetworks.network(participants: 2)
            .replacing("  plugin: kenniz", with: "  plugin: kenniz\n  vorm: \"intervisie\\e[2J\\e]0;titel\\a\u{202E}\"")
            .replacing("  - {naam: Organisatie 1, plaats: Zwolle}", with: "  - {naam: Organisatie 1, plaats: \(long), soort: x}")
        try Data(text.utf8).write(to: folder.appending(path: "netwerk.yaml"))

        let result = try Program.run(["check", "netwerk.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.errors.contains(
                "fout[N106]: 'intervisie\u{FFFD}[2J\u{FFFD}]0;titel\u{FFFD}\u{FFFD}' is geen geldige waarde voor 'vorm'"))
        #expect(!result.errors.contains("\u{1B}"), "no escape reaches the terminal")
        #expect(!result.errors.contains("\u{202E}"))
        #expect(result.errors.split(separator: "\n").allSatisfy { $0.count < 200 }, "no line of 100,000 characters")
        let lines = result.errors.split(separator: "\n").map(String.init)
        let source = try #require(lines.firstIndex { $0.contains("soort: x}") })
        #expect(lines[source].hasSuffix("xxxx, soort: x}"))
        #expect(lines[source].contains("| …xxx"))
        let caret = lines[source + 1]
        #expect(
            caret.firstIndex(of: "^").map { caret.distance(from: caret.startIndex, to: $0) }
                == lines[source].firstRange(of: "soort").map {
                    lines[source].distance(from: lines[source].startIndex, to: $0.lowerBound)
                })
    }

    /// A folder, a pipe (which would make a read wait for ever) and a file far too large, as
    /// network file and as template.
    @Test func anInputThatIsNoOrdinaryFileIsRefusedBeforeItIsRead() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = { (name: String) in folder.appending(path: name).path(percentEncoded: false) }
        try FileManager.default.createDirectory(atPath: path("map.yaml"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: path("map.odt"), withIntermediateDirectories: true)
        #expect(mkfifo(path("pijp.yaml"), 0o600) == 0)
        #expect(mkfifo(path("pijp.odt"), 0o600) == 0)
        for (name, size) in [("groot.yaml", 65 * 1_048_576), ("groot.odt", 257 * 1_048_576)] {
            // Sparse: it claims its size without taking the disk space.
            #expect(FileManager.default.createFile(atPath: path(name), contents: nil))
            let handle = try FileHandle(forWritingTo: folder.appending(path: name))
            try handle.truncate(atOffset: UInt64(size))
            try handle.close()
        }
        try Data("naam: Anna\n".utf8).write(to: folder.appending(path: "gegevens.yaml"))

        let cases: [([String], String)] = [
            (["check", "map.yaml"], "map.yaml: fout[D107]: 'map.yaml' is een map, geen gegevensbestand"),
            (["check", "pijp.yaml"], "pijp.yaml: fout[D107]: 'pijp.yaml' is geen gewoon bestand"),
            (
                ["check", "groot.yaml"],
                "groot.yaml: fout[D108]: gegevensbestand 'groot.yaml' is 65 MB; Lerend leest er hoogstens 64 MB"
            ),
            (
                ["render", "map.odt", "gegevens.yaml", "-o", "uit.odt"],
                "map.odt: fout[T004]: 'map.odt' is een map, geen sjabloon"
            ),
            (
                ["render", "pijp.odt", "gegevens.yaml", "-o", "uit.odt"],
                "pijp.odt: fout[T004]: 'pijp.odt' is geen gewoon bestand"
            ),
            (["render", "groot.odt", "gegevens.yaml", "-o", "uit.odt"], "groot.odt: fout[T005]: sjabloon 'groot.odt' is 257 MB"),
        ]
        for (arguments, expected) in cases {
            let result = try Program.run(arguments, in: folder)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.errors.contains(expected), "\(arguments): \(result.errors)")
        }
    }
}
