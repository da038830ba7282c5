/// Functions on texts and single values: case, defaults, trimming, joining.
package enum TextFunctions {
    static let all: [ExpressionFunction] = {
        let upper = ExpressionFunction(
            "upper", arity: 1...1, usage: "upper(tekst)", summary: "De tekst in hoofdletters."
        ) { call throws(ExpressionError) in .string(try text(call, 0).uppercased()) }
        let lower = ExpressionFunction(
            "lower", arity: 1...1, usage: "lower(tekst)", summary: "De tekst in kleine letters."
        ) { call throws(ExpressionError) in .string(try text(call, 0).lowercased()) }
        let capitalize = ExpressionFunction(
            "capitalize", arity: 1...1, usage: "capitalize(tekst)",
            summary: "De eerste letter als hoofdletter (ij wordt IJ); de rest blijft zoals hij is."
        ) { call throws(ExpressionError) in .string(DutchFormatting.capitalized(try text(call, 0))) }
        let title = ExpressionFunction(
            "title", arity: 1...1, usage: "title(tekst)", summary: "Elk woord met een hoofdletter."
        ) { call throws(ExpressionError) in
            .string(
                try text(call, 0).split(separator: " ", omittingEmptySubsequences: false)
                    .map { DutchFormatting.capitalized(String($0)) }.joined(separator: " "))
        }
        let trim = ExpressionFunction(
            "trim", arity: 1...1, usage: "trim(tekst)", summary: "De tekst zonder spaties aan begin en eind."
        ) { call throws(ExpressionError) in
            .string(String(try text(call, 0).drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()))
        }
        let replace = ExpressionFunction(
            "replace", arity: 3...3, usage: "replace(tekst, oud, nieuw)", summary: "Vervangt elk 'oud' door 'nieuw'."
        ) { call throws(ExpressionError) in
            let old = try call.string(1)
            guard !old.isEmpty else { throw call.error("de te vervangen tekst is leeg", argument: 1) }
            let original = try text(call, 0)
            let new = try call.string(2)
            let growth = new.utf8.count - old.utf8.count
            if growth > 0 {
                let (added, overflow) = original.ranges(of: old).count.multipliedReportingOverflow(by: growth)
                try TextLimit.check(overflow ? .max : original.utf8.count &+ added, span: call.span)
            }
            return .string(original.replacing(old, with: new))
        }
        let `default` = ExpressionFunction(
            "default", arity: 2...2, usage: "default(waarde, standaard)",
            summary: "De waarde, of de standaardwaarde als de waarde ontbreekt of leeg is.", acceptsMissing: true
        ) { call throws(ExpressionError) in
            if let value = call.possiblyMissing(0), value != .null, value != .string("") { return value }
            return call.possiblyMissing(1) ?? .string("")
        }
        let string = ExpressionFunction(
            "string", arity: 1...1, usage: "string(waarde)", summary: "De waarde als tekst, zoals hij geprint wordt."
        ) { call throws(ExpressionError) in .string(try text(call, 0)) }
        let integer = ExpressionFunction(
            "int", arity: 1...1, usage: "int(waarde)", summary: "De waarde als geheel getal (afgekapt)."
        ) { call throws(ExpressionError) in
            switch try call.value(0) {
            case .int(let number): return .int(number)
            case .double(let number) where number.isFinite && abs(number) < 9e18: return .int(Int(number))
            case .string(let text):
                guard let number = Int(text.trimmingPrefixAndSuffixSpaces) else {
                    throw call.error("'\(text)' is geen geheel getal", argument: 0)
                }
                return .int(number)
            case let other: throw call.wrongKind(0, expected: "een getal of tekst", found: other)
            }
        }
        let round = ExpressionFunction(
            "round", arity: 1...2, usage: "round(n, decimalen)", summary: "Rondt af (half van nul af)."
        ) { call throws(ExpressionError) in
            let number = try call.number(0)
            let decimals = try call.integer(1, default: 0)
            if decimals == 0, abs(number) < 9e18 { return .int(Int(number.rounded(.toNearestOrAwayFromZero))) }
            var scale = 1.0
            for _ in 0..<max(0, min(decimals, 10)) { scale *= 10 }
            return .double((number * scale).rounded(.toNearestOrAwayFromZero) / scale)
        }
        let absolute = ExpressionFunction(
            "abs", arity: 1...1, usage: "abs(n)", summary: "De absolute waarde."
        ) { call throws(ExpressionError) in
            switch try call.value(0) {
            case .int(let number) where number != Int.min: return .int(abs(number))
            default: return .double(abs(try call.number(0)))
            }
        }
        let split = ExpressionFunction(
            "split", arity: 2...2, usage: "split(tekst, scheiding)", summary: "Splitst een tekst in een lijst."
        ) { call throws(ExpressionError) in
            let separator = try call.string(1)
            guard !separator.isEmpty else { throw call.error("de scheiding is leeg", argument: 1) }
            return .list(
                try call.string(0).split(separator: separator, omittingEmptySubsequences: false).map { .string(String($0)) })
        }
        let startsWith = ExpressionFunction(
            "startswith", arity: 2...2, usage: "startswith(tekst, begin)", summary: "Of de tekst met 'begin' begint."
        ) { call throws(ExpressionError) in .bool(try call.string(0).hasPrefix(try call.string(1))) }
        let endsWith = ExpressionFunction(
            "endswith", arity: 2...2, usage: "endswith(tekst, eind)", summary: "Of de tekst op 'eind' eindigt."
        ) { call throws(ExpressionError) in .bool(try call.string(0).hasSuffix(try call.string(1))) }

        let normalize = ExpressionFunction(
            "normalize", arity: 1...1, usage: "normalize(tekst)",
            summary: "De tekst om namen te vergelijken: kleine letters, leestekens als spatie, één spatie tussen woorden "
                + "('Stichting  Zorg-Noord.' wordt 'stichting zorg noord')."
        ) { call throws(ExpressionError) in .string(normalized(try text(call, 0))) }

        return [
            normalize, normalize.alias("normaal"), upper, upper.alias("hoofdletters"), lower, lower.alias("kleine_letters"),
            capitalize,
            capitalize.alias("hoofdletter"), title, trim, replace, `default`, `default`.alias("standaard"), string,
            string.alias("tekst"), integer, round, absolute, split, startsWith, endsWith,
        ]
    }()

    /// `text` for comparing names: lower case, every run of punctuation and white space
    /// one space, none at the ends. Letters and digits (with their accents) stay.
    package static func normalized(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    /// Argument `index` as printed text; objects are an error.
    static func text(_ call: Invocation, _ index: Int) throws(ExpressionError) -> String {
        let value = try call.value(index)
        guard let text = value.printedText else {
            throw call.wrongKind(index, expected: "een tekst", found: value)
        }
        return text
    }
}

extension String {
    var trimmingPrefixAndSuffixSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
