/// Splits an expression into tokens.
///
/// Word processors replace straight quotes by curly ones as the author types, so
/// `‘…’`, `“…”` and `„…”` delimit texts as well as `'…'` and `"…"`. A non-breaking space
/// counts as a space.
struct Lexer {
    private let characters: [Character]
    private var position = 0

    init(_ source: String) { characters = Array(source) }

    static let symbols: [String] = [
        "==", "!=", "<=", ">=", "=>", "//", "<", ">", "+", "-", "*", "/", "%", "~", "|", ".", ",", "(", ")", "[", "]",
        ":", "=",
    ]

    static func tokenize(_ source: String) throws(ExpressionError) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.isEnd { return tokens }
        }
    }

    mutating func next() throws(ExpressionError) -> Token {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
        guard position < characters.count else { return Token(kind: .end, span: SourceSpan(start: position, length: 1)) }
        let start = position
        let character = characters[position]

        if character.isLetter || character == "_" {
            while position < characters.count,
                characters[position].isLetter || characters[position].isNumber || characters[position] == "_"
            {
                position += 1
            }
            return Token(kind: .name(String(characters[start..<position])), span: span(from: start))
        }
        if character.isASCII, character.isNumber { return try number(from: start) }
        if let closing = Self.closingQuote(for: character) { return try string(from: start, closing: closing) }

        for symbol in Self.symbols where matches(symbol) {
            position += symbol.count
            return Token(kind: .symbol(symbol), span: span(from: start))
        }
        throw ExpressionError(
            id: ExpressionErrorID.unexpectedCharacter, "onverwacht teken '\(character)'",
            span: SourceSpan(start: start, length: 1),
            hint: character == "&"
                ? "schrijf 'and' in plaats van '&&'" : character == "!" ? "schrijf 'not' in plaats van '!'" : nil)
    }

    private func matches(_ symbol: String) -> Bool {
        var index = position
        for character in symbol {
            guard index < characters.count, characters[index] == character else { return false }
            index += 1
        }
        return true
    }

    private func span(from start: Int) -> SourceSpan { SourceSpan(start: start, length: position - start) }

    private mutating func number(from start: Int) throws(ExpressionError) -> Token {
        while position < characters.count, characters[position].isASCII, characters[position].isNumber { position += 1 }
        var isDecimal = false
        // After a '.' the number is a list index, so `rooster.0.1` is two indexes, not `0.1`.
        let isIndex = start > 0 && characters[start - 1] == "."
        if !isIndex, position + 1 < characters.count, characters[position] == ".", characters[position + 1].isASCII,
            characters[position + 1].isNumber
        {
            isDecimal = true
            position += 1
            while position < characters.count, characters[position].isASCII, characters[position].isNumber { position += 1 }
        }
        let text = String(characters[start..<position])
        if isDecimal, let value = Double(text) { return Token(kind: .decimal(value), span: span(from: start)) }
        if let value = Int(text) { return Token(kind: .integer(value), span: span(from: start)) }
        throw ExpressionError(id: ExpressionErrorID.overflow, "het getal \(text) is te groot", span: span(from: start))
    }

    private mutating func string(from start: Int, closing: Set<Character>) throws(ExpressionError) -> Token {
        position += 1
        var text = ""
        while position < characters.count {
            let character = characters[position]
            if closing.contains(character) {
                position += 1
                return Token(kind: .string(text), span: span(from: start))
            }
            if character == "\\", position + 1 < characters.count {
                let escaped = characters[position + 1]
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                default: text.append(escaped)
                }
                position += 2
                continue
            }
            text.append(character)
            position += 1
        }
        throw ExpressionError(
            id: ExpressionErrorID.unterminatedString, "tekst wordt niet afgesloten",
            span: SourceSpan(start: start, length: characters.count - start),
            hint: "sluit de tekst af met hetzelfde aanhalingsteken waarmee hij begint")
    }

    /// The quotes that may close a text opened by `character`, or `nil` if it is no quote.
    static func closingQuote(for character: Character) -> Set<Character>? {
        switch character {
        case "'": ["'"]
        case "\"": ["\""]
        case "‘", "‚": ["’", "‘"]
        case "’": ["’"]
        case "“", "„": ["”", "“"]
        case "”": ["”"]
        default: nil
        }
    }
}
