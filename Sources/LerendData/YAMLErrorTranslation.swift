import LerendDiagnostics
import Yams

/// Says in Dutch what went wrong when a YAML file cannot be read, and where.
enum YAMLErrorTranslation {
    /// The problems of `error`: one per duplicate key, else one.
    static func diagnostics(for error: any Error, path: String, lines: [Substring]) -> [Diagnostic] {
        if case .duplicatedKeysInMapping(let duplicates, let context)? = error as? YamlError, duplicates.count > 1 {
            return duplicates.sorted().map { key in
                diagnostic(for: YamlError.duplicatedKeysInMapping(duplicates: [key], context: context), path: path, lines: lines)
            }
        }
        return [diagnostic(for: error, path: path, lines: lines)]
    }

    static func diagnostic(for error: any Error, path: String, lines: [Substring]) -> Diagnostic {
        func sourceLine(_ line: Int?) -> String? {
            guard let line, lines.indices.contains(line - 1) else { return nil }
            return String(lines[line - 1])
        }
        guard let yamlError = error as? YamlError else {
            return Diagnostic(.error, id: "D103", "kan '\(path)' niet lezen: \(error)", at: SourceLocation(file: path))
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let (message, hint) = translate(problem: problem, context: context?.text, line: sourceLine(mark.line))
            var notes: [String] = []
            if let context, context.mark.line != mark.line {
                notes.append("dit begon op regel \(context.mark.line), kolom \(context.mark.column)")
            }
            return Diagnostic(
                .error, id: "D103", message, at: SourceLocation(file: path, line: mark.line, column: mark.column),
                sourceLine: sourceLine(mark.line), hint: hint, notes: notes)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.sorted().first ?? ""
            // Yams names the mapping; the places of the two keys are found in its lines.
            let places = keyLines(key, mappingLine: context.mark.line, column: context.mark.column, lines: lines)
            if places.count >= 2 {
                return Diagnostic(
                    .error, id: "D105", "sleutel '\(key)' komt twee keer voor",
                    at: SourceLocation(file: path, line: places[1], column: context.mark.column),
                    sourceLine: sourceLine(places[1]), length: key.count,
                    hint: "de eerste staat op regel \(places[0]); haal een van beide weg")
            }
            return Diagnostic(
                .error, id: "D105",
                "dubbele sleutel \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", "))",
                at: SourceLocation(file: path, line: context.mark.line, column: context.mark.column),
                sourceLine: sourceLine(context.mark.line), hint: "elke sleutel mag in een object maar één keer voorkomen")
        case .reader(let problem, _, _, _):
            return Diagnostic(
                .error, id: "D102", "'\(path)' bevat ongeldige tekens (\(problem))", at: SourceLocation(file: path),
                hint: "sla het bestand op als UTF-8")
        default:
            return Diagnostic(.error, id: "D103", "kan '\(path)' niet lezen: \(yamlError)", at: SourceLocation(file: path))
        }
    }

    /// The line numbers of `key` in the block mapping that starts at `mappingLine` and
    /// `column` (both from 1), until the mapping ends.
    static func keyLines(_ key: String, mappingLine: Int, column: Int, lines: [Substring]) -> [Int] {
        var found: [Int] = []
        var index = mappingLine - 1
        while index < lines.count {
            let line = lines[index]
            let indent = line.prefix { $0 == " " || $0 == "-" }.count
            let text = line.dropFirst(indent)
            if index > mappingLine - 1, !text.isEmpty, !text.hasPrefix("#"), indent < column - 1 { break }
            if indent == column - 1, text.hasPrefix(key + ":") { found.append(index + 1) }
            index += 1
        }
        return found
    }

    /// The Dutch message and hint for a libyaml problem text.
    static func translate(problem: String, context: String?, line: String?) -> (String, String?) {
        let usesTabs = line?.contains("\t") ?? false
        switch problem {
        case let text where text.contains("cannot start any token"):
            if usesTabs { return ("tab gebruikt om in te springen", "spring in met spaties, niet met tabs") }
            return ("teken dat hier niet kan staan", "zet tekst met bijzondere tekens tussen aanhalingstekens")
        case let text where text.contains("mapping values are not allowed"):
            return (
                "onverwachte ':' in een waarde",
                "zet een waarde met een dubbele punt tussen aanhalingstekens, of controleer de inspringing"
            )
        case let text where text.contains("did not find expected key"):
            return ("verwachtte hier een sleutel", "controleer de inspringing: alle sleutels van een object staan even ver in")
        case let text where text.contains("could not find expected ':'"):
            return ("verwachtte ':' na de sleutel", "schrijf 'sleutel: waarde'")
        case let text where text.contains("did not find expected '-' indicator"):
            return ("verwachtte een '-' voor het volgende element van de lijst", "controleer de inspringing van de lijst")
        case let text where text.contains("found unexpected end of stream"):
            return ("het bestand houdt onverwacht op", "is er een aanhalingsteken of haakje niet gesloten?")
        case let text where text.contains("found unknown escape character"):
            return (
                "onbekende '\\'-code in een tekst tussen dubbele aanhalingstekens",
                "gebruik enkele aanhalingstekens of schrijf '\\\\'"
            )
        case let text where text.contains("did not find expected node content"):
            return ("verwachtte hier een waarde", "controleer de inspringing en de '-' van lijsten")
        case let text where text.contains("block sequence entries are not allowed"):
            return (
                "een '-' staat op een plek waar geen lijst kan beginnen", "begin een lijst op een nieuwe regel onder de sleutel"
            )
        case let text where text.contains("did not find expected ',' or"):
            return (
                "verwachtte een ',' of een sluitend haakje",
                "zet komma's tussen de elementen en sluit elke '[' met ']' en elke '{' met '}'"
            )
        case let text where text.contains("found undefined alias"):
            return ("onbekende verwijzing (*naam)", "schrijf de waarde uit")
        case let text where text.contains("found a tab character"):
            return ("tab gebruikt om in te springen", "spring in met spaties, niet met tabs")
        case let text where text.contains("Maximum nesting level"):
            return (
                "de gegevens zijn hier te diep genest (meer dan 1000 lijsten of objecten in elkaar)",
                "zo diep nest geen netwerk of plugin; is een haakje of de inspringing verkeerd?"
            )
        default:
            // libyaml's own text stays for plugin authors, after a Dutch sentence.
            return (
                "YAML kan hier niet worden gelezen (libyaml: \(problem)" + (context.map { ", \($0)" } ?? "") + ")",
                usesTabs ? "spring in met spaties, niet met tabs" : "controleer de inspringing, de aanhalingstekens en de haakjes"
            )
        }
    }
}
