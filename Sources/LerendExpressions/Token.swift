/// A word or symbol of an expression.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case name(String)
        case integer(Int)
        case decimal(Double)
        case string(String)
        case symbol(String)
        case end
    }

    var kind: Kind
    var span: SourceSpan

    var isEnd: Bool { kind == .end }

    func isSymbol(_ symbol: String) -> Bool { kind == .symbol(symbol) }

    /// Whether this is the bare word `word` (keywords are names to the lexer).
    func isWord(_ word: String) -> Bool { kind == .name(word) }

    /// How the token looks in a message.
    var display: String {
        switch kind {
        case .name(let name): "'\(name)'"
        case .integer(let value): "'\(value)'"
        case .decimal(let value): "'\(value)'"
        case .string(let value): "tekst '\(value)'"
        case .symbol(let symbol): "'\(symbol)'"
        case .end: "het einde van de expressie"
        }
    }
}
