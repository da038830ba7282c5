import Foundation
import LerendTestSupport
import Testing

/// The texts swift-argument-parser writes (help, usage, parse errors), as an organiser
/// reads them: in Dutch, with a suggestion for a misspelt command or option.
@Suite struct DutchTextTests {
    static let subcommands = ["check", "status", "plan", "calendar", "export", "render", "sjabloon", "uitleg", "plugin"]
    /// The commands of `lerend plugin`.
    static let pluginCommands = ["nieuw", "toets", "pak", "installeer", "lijst", "verwijder"]

    /// Every way to ask for help: `lerend`, `lerend --help`, `lerend help <cmd>`, `lerend <cmd> --help`...
    static let helpRequests: [[String]] =
        [[], ["--help"], ["-h"], ["help"]]
        + subcommands.flatMap { [[$0, "--help"], [$0, "-h"], ["help", $0]] }
        + pluginCommands.flatMap { [["plugin", $0, "--help"], ["help", "plugin", $0]] }

    /// The English of the parser's help screens (HelpGenerator.swift, UsageGenerator.swift,
    /// MessageInfo.swift, HelpCommand.swift of swift-argument-parser 1.8.2).
    static let englishHelp = [
        "OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS", "(values:", "default:", "default as flag",
        "(default)", "See '", "for detailed help", "for more information", "<subcommand>", "<options>", "<value>",
        "Show help information", "Show subcommand help information", "Show the version", "Dump help information",
        "Unspecified version", "--version", "Usage:", "Help:", "Error:",
    ]

    /// The English of the parser's error messages (ErrorMessageGenerator in UsageGenerator.swift).
    static let englishErrors =
        englishHelp + [
            "Unexpected argument", "unexpected arguments", "Unknown option", "Did you mean", "Missing value for",
            "Missing expected argument", "Missing one of", "Missing required subcommand", "The value", "is invalid",
            "Please provide", "one of the following", "does not take any value", "was specified", "had already been set",
            "Invalid option", "Internal error", "Can't", " or: ", "Error Domain", "The file", "The operation",
        ]

    /// `text` with every run of white space as one space, so that a phrase the wrapping
    /// broke over two lines is still found.
    static func flat(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func english(in text: String, from phrases: [String]) -> [String] {
        let text = flat(text).lowercased()
        return phrases.filter { text.contains($0.lowercased()) }
    }

    static func run(_ arguments: [String]) throws -> Program.Result {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        return try Program.run(arguments, in: folder)
    }

    @Test func helpNamesValuesAndDefaultsInDutch() throws {
        let check = Self.flat(try Self.run(["check", "--help"]).output)
        #expect(check.contains("(waarden: tekst, json; standaard: tekst)"), "\(check)")
        let export = Self.flat(try Self.run(["help", "export"]).output)
        #expect(export.contains("(waarden: odt, docx; standaard: odt)"), "\(export)")
        #expect(export.contains(/--workers <aantal> .*\(standaard: \d+\)/), "\(export)")
        let reference = Self.flat(try Self.run(["uitleg", "-h"]).output)
        #expect(reference.contains("(waarden: functies, velden)"), "\(reference)")
    }

    @Test(arguments: helpRequests)
    func helpHasNoEnglishOfTheParser(arguments: [String]) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("OVERZICHT: "))
        #expect(result.output.contains("GEBRUIK: lerend"))
        #expect(result.output.contains("OPTIES:"))
        #expect(result.output.contains("--versie "))
        #expect(Self.english(in: result.output + result.errors, from: Self.englishHelp) == [], "\(result.output)")
    }

    /// Dutch is longer than English; the help is still wrapped to the terminal, with the
    /// continued abstracts under the label column. Usage lines stay whole, as the parser leaves them.
    @Test(arguments: helpRequests.filter { $0.last == "--help" })
    func helpFitsTheTerminal(arguments: [String]) throws {
        let width = ProcessInfo.processInfo.environment["COLUMNS"].flatMap { Int($0) } ?? 80
        let output = try Self.run(arguments).output
        for line in output.split(separator: "\n") where !line.hasPrefix("GEBRUIK: ") {
            #expect(line.count <= width, "\(line)")
        }
        // In the sections, a line is a label (2 spaces) or a continued abstract (26).
        let sections = output.split(separator: "\n").drop { !["ARGUMENTEN:", "OPTIES:", "OPDRACHTEN:"].contains($0) }
        for line in sections where line.first == " " {
            #expect([2, 26].contains(line.prefix { $0 == " " }.count), "\(line)")
        }
    }

    @Test(arguments: [
        (
            ["check"],
            "fout: ontbrekend argument '<netwerk.yaml>'\nUitleg:  <netwerk.yaml>  Het netwerkbestand (YAML).\nGebruik: lerend check <netwerk.yaml>"
        ),
        (["check"], "  Zie 'lerend check --help' voor meer uitleg."),
        (["check", "netwerk.yaml", "b", "c"], "fout: 2 onverwachte argumenten: 'b', 'c'\n"),
        (
            ["check", "netwerk.yaml", "--format", "xml"],
            "fout: de waarde 'xml' past niet bij '--format <vorm>'. Kies 'tekst' of 'json'.\n"
        ),
        (["uitleg", "iets"], "fout: de waarde 'iets' past niet bij '<onderwerp>'. Kies 'functies' of 'velden'.\n"),
        (["check", "netwerk.yaml", "--datum"], "fout: geen waarde bij '--datum <datum>'\nUitleg:  --datum <datum>  "),
        (
            ["export", "netwerk.yaml", "-o", "uit", "--pdf=ja"],
            "fout: bij de optie '--pdf' hoort geen waarde, maar er is 'ja' opgegeven.\n"
        ),
        (["check", "netwerk.yaml", "--formt", "json"], "fout: onbekende optie '--formt'; bedoel je '--format'?\n"),
        (["render", "a.odt", "b.yaml", "-o", "c.odt", "-x"], "fout: onbekende optie '-x'\n"),
    ])
    func parseErrorsAreDutch(arguments: [String], expected: String) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 64)
        #expect(result.errors.contains(expected), "\(result.errors)")
        #expect(Self.english(in: result.errors, from: Self.englishErrors) == [], "\(result.errors)")
    }

    @Test(arguments: [
        (["chek"], "fout: onverwacht argument 'chek'\n   hint: bedoel je 'check'?\nGebruik: lerend <opdracht>"),
        (
            ["stauts", "netwerk.yaml"],
            "fout: 2 onverwachte argumenten: 'stauts', 'netwerk.yaml'\n   hint: 'stauts': bedoel je 'status'?\n"
        ),
        (["check", "netwerk.yaml", "format", "json"], "   hint: 'format': bedoel je '--format'?\n"),
        (["check", "netwerk.yaml", "formaat", "json"], "   hint: 'formaat': bedoel je '--formaat'?\n"),
        (["expotr", "netwerk.yaml", "-o", "uit"], "fout: onbekende optie '-o'\n   hint: bedoel je 'export'?\n"),
    ])
    func misspeltWordsGetASuggestion(arguments: [String], expected: String) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 64)
        #expect(result.errors.contains(expected), "\(result.errors)")
        #expect(Self.english(in: result.errors, from: Self.englishErrors) == [], "\(result.errors)")
    }

    @Test func farWordsGetNoSuggestion() throws {
        let result = try Self.run(["xyz"])
        #expect(result.status == 64)
        #expect(result.errors.hasPrefix("fout: onverwacht argument 'xyz'\nGebruik: "), "\(result.errors)")
    }

    @Test(arguments: [["help", "kalender"], ["kalender", "--help"]])
    func helpForAnUnknownCommandSaysSo(arguments: [String]) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 0)
        #expect(result.errors == "let op: 'kalender' is geen opdracht van lerend\n   hint: bedoel je 'calendar'?\n")
        #expect(result.output.hasPrefix("OVERZICHT: Lerende netwerken"))
        #expect(!result.output.contains("hint:"), "the hint goes to standard error only")
    }

    @Test func versionHasADutchNameAndKeepsItsEnglishOne() throws {
        for spelling in ["--versie", "--version"] {
            let result = try Self.run([spelling])
            #expect(result.status == 0)
            #expect(result.output == "0.1.0\n", "\(spelling): \(result.output)\(result.errors)")
        }
    }

    @Test func fileErrorsOfTheSystemAreDutch() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TestNetworks.network(participants: 2).write(
            to: folder.appending(path: "netwerk.yaml"), atomically: true, encoding: .utf8)
        try "geen map".write(to: folder.appending(path: "bestand"), atomically: true, encoding: .utf8)
        let result = try Program.run(["export", "netwerk.yaml", "--datum", "2026-01-01", "-o", "bestand/uit"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.errors.hasPrefix(
                "bestand/uit: fout[O003]: kan map 'bestand/uit' niet maken: 'bestand' is een bestand, geen map\n"),
            "\(result.errors)")
        #expect(Self.english(in: result.errors, from: Self.englishErrors) == [], "\(result.errors)")
    }
}
