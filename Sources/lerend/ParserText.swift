import Foundation
import LerendDiagnostics

/// The fixed English texts of swift-argument-parser (1.8.2), in Dutch.
///
/// The parser's help is asked for unwrapped (`unwrappedWidth`), so that no phrase is
/// broken over two lines; it is translated here and then wrapped to the terminal the
/// way the parser would have (`wrapped(_:width:)`), Dutch being a little longer.
enum ParserText {
    /// A width at which the parser wraps nothing.
    static let unwrappedWidth = 100_000

    /// The column where the parser starts the abstracts of arguments, options and
    /// subcommands (`HelpGenerator.labelColumnWidth`).
    static let labelColumn = 26

    /// A translation: a pattern (ICU, `^`/`$` at every line) and what replaces it.
    struct Rule {
        let pattern: String
        let replacement: ([String]) -> String

        /// `template` with `$1`, `$2`... for the captured groups.
        init(_ pattern: String, _ template: String) {
            self.pattern = pattern
            self.replacement = { groups in
                // One pass, so that a "$2" in the user's own words stays as it is.
                var result = ""
                var characters = template[...]
                while let character = characters.popFirst() {
                    if character == "$", let digit = characters.first?.wholeNumberValue, digit < groups.count {
                        characters.removeFirst()
                        result += groups[digit]
                    } else {
                        result.append(character)
                    }
                }
                return result
            }
        }

        init(_ pattern: String, replacement: @escaping ([String]) -> String) {
            self.pattern = pattern
            self.replacement = replacement
        }
    }

    /// Every text of the parser a user can meet, from `UsageGenerator.swift`,
    /// `HelpGenerator.swift`, `MessageInfo.swift`, `HelpCommand.swift` and
    /// `ParsableArguments.swift`. Whole messages first, so that a longer phrase wins
    /// over a part of it; the quoted parts (names, the user's own words) stay as they are.
    static var rules: [Rule] {
        [
            // The help screen (HelpGenerator).
            Rule(#"^OVERVIEW: "#, "OVERZICHT: "),
            Rule(#"^USAGE: "#, "GEBRUIK: "),
            Rule(#"^ARGUMENTS:$"#, "ARGUMENTEN:"),
            Rule(#"^OPTIONS:$"#, "OPTIES:"),
            Rule(#"^SUBCOMMANDS:$"#, "OPDRACHTEN:"),
            Rule(#"^(.+) SUBCOMMANDS:$"#, "OPDRACHTEN ($1):"),
            Rule(#"\(values: (.*?); default as flag: (.*?)\)"#, "(waarden: $1; zonder waarde: $2)"),
            Rule(#"\(values: (.*?); default: (.*?)\)"#, "(waarden: $1; standaard: $2)"),
            Rule(#"\(values: (.*?)\)"#, "(waarden: $1)"),
            Rule(#"\(default as flag: (.*?)\)"#, "(zonder waarde: $1)"),
            Rule(#"\(default: (.*?)\)"#, "(standaard: $1)"),
            Rule(#"^(  \S.*?) \(default\)(?=  |$)"#, "$1 (standaard)"),
            Rule(#"^  See '(.*) <subcommand>' for detailed help\.$"#, "  Zie '$1 <opdracht>' voor uitleg per opdracht."),
            Rule(#"<subcommand>"#, "<opdracht>"),
            Rule(#"\[<options>\]"#, "[<opties>]"),
            Rule(#"<options>"#, "<opties>"),
            Rule(#"<value>"#, "<waarde>"),
            Rule(#"Show help information\."#, "Toon deze uitleg."),
            Rule(#"Show subcommand help information\."#, "Toon de uitleg bij een opdracht."),
            Rule(#"Show the version\."#, "Toon het versienummer."),
            Rule(#"Dump help information as JSON\."#, "Geef de uitleg als JSON."),
            Rule(#"^Unspecified version$"#, "versie onbekend"),
            // `lerend --versie` is the Dutch name; `--version` stays as an alias (`arguments(_:)`).
            Rule(#"(?<![\w-])--version(?![\w-])"#, "--versie"),

            // Around a parse error (MessageInfo, ParsableArguments._errorPrefix).
            Rule(#"^Error: "#, "fout: "),
            Rule(#"^Help:  "#, "Uitleg:  "),
            Rule(#"^Usage: "#, "Gebruik: "),
            Rule(#"^  See '(.*)' for more information\.$"#, "  Zie '$1' voor meer uitleg."),

            // The parse errors themselves (ErrorMessageGenerator).
            Rule(#"Unknown option '(.*?)'\. Did you mean '(.*?)'\?"#, "onbekende optie '$1'; bedoel je '$2'?"),
            Rule(#"Unknown option '(.*?)'"#, "onbekende optie '$1'"),
            Rule(#"^( *)or: "#, "$1of: "),
            Rule(#"Missing value for '(.*?)'"#, "geen waarde bij '$1'"),
            Rule(
                #"The option '(.*?)' does not take any value, but '(.*)' was specified\."#,
                "bij de optie '$1' hoort geen waarde, maar er is '$2' opgegeven."),
            Rule(#"Unexpected argument '(.*)'"#, "onverwacht argument '$1'"),
            Rule(#"(\d+) unexpected arguments: "#, "$1 onverwachte argumenten: "),
            Rule(#"Value to be set with (.*?) had already been set with (.*)$"#) { groups in
                "de waarde bij \(exclusive(groups[1])) was al gekozen met \(exclusive(groups[2]))"
            },
            Rule(
                #"No value set for non-argument var (.*)\. Replace with a static variable, or let constant\."#,
                "interne fout: geen waarde voor $1"),
            Rule(#"Missing expected argument '(.*)'"#, "ontbrekend argument '$1'"),
            Rule(#"Missing one of: "#, "een van deze ontbreekt: "),
            Rule(#"The value '(.*?)' is invalid for '(.*?)'"#, "de waarde '$1' past niet bij '$2'"),
            Rule(#"The value '(.*?)' is invalid\."#, "de waarde '$1' is ongeldig."),
            Rule(#"\. Please provide one of the following:$"#, ". Kies een van deze:"),
            Rule(#"\. Please provide one of (.*)\.$"#) { groups in
                ". Kies " + groups[1].replacing("' and '", with: "' of '").replacing("' or '", with: "' of '") + "."
            },
            Rule(#"Invalid option: "#, "ongeldige optie: "),
            Rule(#"Missing required subcommand\."#, "er ontbreekt een opdracht."),
            Rule(
                #"Command '(.*)' is not a parent of the current command\."#,
                "interne fout: '$1' is geen bovenliggende opdracht van deze opdracht."),
            Rule(
                #"Internal error\. Parsing command-line arguments hit unimplemented code path\."#,
                "interne fout: dit deel van het lezen van de argumenten is niet gemaakt."),
            Rule(
                #"Internal error\. Invalid state while parsing command-line arguments\."#,
                "interne fout: onverwachte toestand bij het lezen van de argumenten."),
            Rule(#"Can't autodetect a supported shell\."#, "kan niet vaststellen welke shell dit is."),
            Rule(#"Can't generate completion scripts for '(.*)'\."#, "kan geen aanvulscript maken voor '$1'."),
            Rule(#"^Please use (\S+) with one of:$"#, "Gebruik $1 met een van deze:"),
        ]
    }

    /// "flag '-v'" or "flag 'v' in '-xv'" in an exclusivity error, without "flag".
    private static func exclusive(_ text: String) -> String {
        var text = text
        if text.hasPrefix("flag ") { text.removeFirst("flag ".count) }
        if text.hasPrefix("position ") { text = "positie " + text.dropFirst("position ".count) }
        return text
    }

    /// `text` (unwrapped) with every English text of the parser in Dutch.
    static func dutch(_ text: String) -> String {
        rules.reduce(text) { text, rule in replacing(rule, in: text) }
    }

    private static func replacing(_ rule: Rule, in text: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: rule.pattern, options: [.anchorsMatchLines]) else {
            return text
        }
        var result = ""
        var rest = text.startIndex
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let whole = Range(match.range, in: text) else { continue }
            let groups = (0..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
            result += text[rest..<whole.lowerBound] + rule.replacement(groups)
            rest = whole.upperBound
        }
        return result + text[rest...]
    }

    // MARK: The command line

    /// The arguments as the parser knows them: the Dutch `--versie` is its `--version`.
    static func arguments(_ arguments: some Sequence<String>) -> [String] {
        var afterTerminator = false
        return arguments.map { argument in
            if argument == "--" { afterTerminator = true }
            return !afterTerminator && argument == "--versie" ? "--version" : argument
        }
    }

    // MARK: Suggestions

    /// The names a user can mean in a command: its subcommands and its options.
    struct Names {
        var subcommands: [String] = []
        var options: [String] = []
    }

    /// The words the parser did not expect, from its English message.
    static func unexpectedWords(in english: String) -> [String] {
        for line in english.split(separator: "\n") {
            if let word = line.wholeMatch(of: /Error: Unexpected argument '(.*)'/)?.1 { return [String(word)] }
            if let words = line.wholeMatch(of: /Error: \d+ unexpected arguments: '(.*)'/)?.1 {
                return words.split(separator: "', '", omittingEmptySubsequences: false).map(String.init)
            }
        }
        return []
    }

    /// The command the parser was reading, from the usage line of its English message:
    /// "Usage: lerend check <netwerk.yaml> ..." gives "check", the root gives nil.
    static func commandName(in english: String) -> String? {
        for line in english.split(separator: "\n") {
            if let name = line.prefixMatch(of: /Usage: \S+ ([a-z][a-z0-9-]*)(?: |$)/)?.1 { return String(name) }
        }
        return nil
    }

    /// The option names ("-o", "--output") of a help screen rendered at `unwrappedWidth`.
    static func optionNames(inHelp help: String) -> [String] {
        var names: [String] = []
        var inOptions = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.wholeMatch(of: /[A-Z][A-Z0-9 ()'-]*:/) != nil {
                inOptions = line == "OPTIONS:"
                continue
            }
            guard inOptions, let label = line.prefixMatch(of: #/  (-\S[^ ]*(?: [^ ]+)*)/#)?.1 else { continue }
            // "-o, --output <map>": each name is the first word of a part.
            for part in label.split(separator: ", ") {
                if let name = part.split(separator: " ").first, name.hasPrefix("-") { names.append(String(name)) }
            }
        }
        return names
    }

    /// "bedoel je 'check'?" for a word close to a subcommand or an option; a word that
    /// is an option's name without its dashes ("format") gets the option ("--format").
    static func suggestion(for word: String, in names: Names) -> String? {
        let bare = String(word.drop { $0 == "-" })
        guard !bare.isEmpty else { return nil }
        let candidates =
            names.subcommands.map { ($0, $0) }
            + names.options.filter { $0.hasPrefix("--") }.map { (String($0.dropFirst(2)), $0) }
        if let exact = candidates.first(where: { $0.0 == bare && $0.1 != word }) { return "bedoel je '\(exact.1)'?" }
        guard let closest = Suggestions.closest(to: bare, in: candidates.map(\.0)),
            let meant = candidates.first(where: { $0.0 == closest })?.1
        else { return nil }
        return "bedoel je '\(meant)'?"
    }

    /// The first argument, when it names no subcommand of the root (`subcommands`) and
    /// is no option: a misspelt command, whatever error the parser stopped at.
    static func unknownCommand(in arguments: [String], subcommands: [String]) -> String? {
        let first = arguments.first == "help" ? arguments.dropFirst().first : arguments.first
        guard let first, !first.hasPrefix("-"), !subcommands.contains(first), first != "help" else { return nil }
        return first
    }

    /// `dutch` (translated) with a hint line under its first line for every word that is
    /// close to a name the user may have meant: the words the parser did not expect
    /// (`english`), and at the root a first argument that names no command.
    static func addingHints(to dutch: String, english: String, arguments: [String], names: (String?) -> Names) -> String {
        let command = commandName(in: english)
        var words = unexpectedWords(in: english)
        guard command == nil || !words.isEmpty else { return dutch }
        let known = names(command)
        if command == nil, let first = unknownCommand(in: arguments, subcommands: known.subcommands), !words.contains(first) {
            words.insert(first, at: 0)
        }
        let hints = words.compactMap { word in
            suggestion(for: word, in: known).map { words.count == 1 ? $0 : "'\(word)': \($0)" }
        }
        guard !hints.isEmpty else { return dutch }
        var lines = dutch.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert(contentsOf: hints.map { "   hint: \($0)" }, at: 1)
        return lines.joined(separator: "\n")
    }

    // MARK: Wrapping

    /// The width the parser would wrap to: `COLUMNS`, else the terminal of standard
    /// output, else 80.
    static var terminalWidth: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 {
            return columns
        }
        var size = winsize()
        let status = withUnsafeMutablePointer(to: &size) { ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), $0) }
        return status == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    }

    /// Help text rendered at `unwrappedWidth` and translated, wrapped to `width` as the
    /// parser wraps: the overview at its own indent, the abstracts of a section at the
    /// label column. Error messages and usage lines stay whole, as the parser leaves them.
    static func wrapped(_ text: String, width: Int) -> String {
        enum Part { case message, overview, usage, section }
        var part = Part.message
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("OVERZICHT: ") {
                part = .overview
            } else if line.hasPrefix("GEBRUIK: ") {
                part = .usage
            } else if part != .message, line.wholeMatch(of: /[A-Z][A-Z0-9 ()'-]*:/) != nil {
                part = .section
                lines.append(line)
                continue
            }
            switch part {
            case .message, .usage:
                lines.append(line)
            case .overview:
                lines.append(wrap(line, indent: leadingSpaces(line), width: width))
            case .section:
                if let element = line.wholeMatch(of: #/  (\S.*?)  +(\S.*)/#) ?? labelFillingItsColumn(line) {
                    let label = "  " + element.1
                    if label.count < labelColumn {
                        let padded = label + String(repeating: " ", count: labelColumn - label.count) + element.2
                        lines.append(wrap(padded, indent: labelColumn, width: width))
                    } else {
                        lines.append(label)
                        lines.append(
                            wrap(String(repeating: " ", count: labelColumn) + element.2, indent: labelColumn, width: width))
                    }
                } else if let value = line.wholeMatch(of: /( {3,}\S.*?  +)(- .*)/) {
                    // A value of an enumerated discussion: "        tekst     - uitleg".
                    lines.append(wrap(line, indent: value.1.count + 2, width: width))
                } else {
                    lines.append(wrap(line, indent: leadingSpaces(line), width: width))
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A label of exactly one column less than the label column: the parser leaves one
    /// space between it and its text ("  --document <documenten> Welke ...").
    private static func labelFillingItsColumn(_ line: String) -> Regex<(Substring, Substring, Substring)>.Match? {
        let characters = Array(line)
        guard line.hasPrefix("  -"), characters.count > labelColumn, characters[labelColumn - 1] == " ",
            characters[labelColumn] != " ", !String(characters[2..<(labelColumn - 1)]).contains("  ")
        else { return nil }
        // 2 spaces and 23 characters: labelColumn - 1.
        return line.wholeMatch(of: #/  (\S.{21}\S) (\S.*)/#)
    }

    private static func leadingSpaces(_ line: String) -> Int {
        line.prefix { $0 == " " }.count
    }

    /// One line in lines of at most `width` columns, the later ones indented by
    /// `indent`; the first `indent` columns of `line` stay as they are. Breaks at the
    /// last space that fits, as the parser's `wrapped(to:wrappingIndent:)` does.
    private static func wrap(_ line: String, indent: Int, width: Int) -> String {
        let columns = width - indent
        guard line.count > width, columns >= 10 else { return line }
        let head = line.prefix(indent)
        var rest = line.dropFirst(indent)
        var pieces: [Substring] = []
        while true {
            let chunk = rest.prefix(columns)
            if chunk.endIndex == rest.endIndex {
                pieces.append(rest)
                break
            } else if let space = chunk.lastIndex(of: " ") ?? rest.firstIndex(of: " ") {
                pieces.append(rest[..<space])
                rest = rest[rest.index(after: space)...]
            } else {
                pieces.append(rest)
                break
            }
        }
        let margin = String(repeating: " ", count: indent)
        return head
            + pieces.enumerated().map { index, piece in
                index == 0 ? String(piece) : piece.isEmpty ? "" : margin + piece
            }.joined(separator: "\n")
    }
}
