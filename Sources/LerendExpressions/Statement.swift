import LerendDiagnostics

/// The statement inside a control tag `{% ... %}`.
package enum Statement: Sendable {
    /// `for naam in lijst`.
    case forLoop(variable: String, iterable: Expression)
    case endFor
    /// `if voorwaarde`.
    case ifBlock(Expression)
    /// `elif voorwaarde`.
    case elseIf(Expression)
    case elseBranch
    case endIf

    static let keywords = ["for", "endfor", "if", "elif", "else", "endif"]

    /// Parses the text between `{%` and `%}` (without a scope marker).
    package static func parse(_ source: String, library: FunctionLibrary = .standard) throws(ExpressionError) -> Statement {
        var parser = Parser(tokens: try Lexer.tokenize(source), library: library)
        let keywordToken = parser.current
        guard case .name(let keyword) = keywordToken.kind else {
            throw ExpressionError(
                id: TemplateErrorID.unknownStatement, "een opdracht tussen {% %} begint met for, if, elif, else, endfor of endif",
                span: keywordToken.span, hint: "voor een waarde gebruik je {{ ... }}")
        }
        _ = parser.advance()
        let statement: Statement
        switch keyword {
        case "for":
            let (variable, _) = try parser.expectIdentifier("de naam van de lusvariabele, zoals 'punt' in 'for punt in agenda'")
            if parser.current.isSymbol(",") {
                throw ExpressionError(
                    id: ExpressionErrorID.unexpectedToken, "een lus heeft één variabele", span: parser.current.span,
                    hint: "schrijf 'for punt in agenda'")
            }
            try parser.expectWord("in")
            let start = parser.current.span.start
            let node = try parser.parseExpression()
            statement = .forLoop(variable: variable, iterable: Expression(source: slice(source, from: start), node: node))
        case "if", "elif":
            let start = parser.current.span.start
            let node = try parser.parseExpression()
            let expression = Expression(source: slice(source, from: start), node: node)
            statement = keyword == "if" ? .ifBlock(expression) : .elseIf(expression)
        case "else": statement = .elseBranch
        case "endfor": statement = .endFor
        case "endif": statement = .endIf
        case "elseif", "elsif", "else_if":
            throw ExpressionError(
                id: TemplateErrorID.unknownStatement, "onbekende opdracht '\(keyword)'", span: keywordToken.span,
                hint: "schrijf 'elif'")
        case "end", "einde", "eind":
            throw ExpressionError(
                id: TemplateErrorID.unknownStatement, "onbekende opdracht '\(keyword)'", span: keywordToken.span,
                hint: "sluit af met 'endfor' of 'endif'")
        default:
            throw ExpressionError(
                id: TemplateErrorID.unknownStatement, "onbekende opdracht '\(keyword)'", span: keywordToken.span,
                hint: Suggestions.hint(for: keyword, in: keywords) ?? "bekende opdrachten: \(keywords.joined(separator: ", "))")
        }
        guard parser.isAtEnd else { throw parser.unexpected(expected: "het einde van de opdracht") }
        return statement
    }

    private static func slice(_ source: String, from start: Int) -> String {
        String(source.dropFirst(start)).trimmingPrefixAndSuffixSpaces
    }

    /// How the statement is written, for messages: `{% for %}`.
    /// Whether the statement opens a block: `for` or `if`.
    package var opensBlock: Bool {
        switch self {
        case .forLoop, .ifBlock: true
        default: false
        }
    }

    package var tagName: String {
        switch self {
        case .forLoop: "{% for %}"
        case .endFor: "{% endfor %}"
        case .ifBlock: "{% if %}"
        case .elseIf: "{% elif %}"
        case .elseBranch: "{% else %}"
        case .endIf: "{% endif %}"
        }
    }
}

/// The stable ids of errors in the structure of a template (shared by text and document templates).
package enum TemplateErrorID {
    package static let unclosedBlock = "T101"
    package static let unexpectedEnd = "T102"
    package static let mismatchedEnd = "T103"
    package static let misplacedBranch = "T104"
    package static let unclosedTag = "T105"
    package static let unknownStatement = "T106"
    package static let crossesCells = "T107"
    package static let crossesRows = "T108"
    package static let crossesStructure = "T109"
    package static let conflictingScope = "T110"
    package static let tagInAttribute = "T111"
    package static let unopenedTag = "T112"
    package static let nestedTooDeep = "T113"
    /// `{%tc ...%}` outside a table cell, or its tags in different rows.
    package static let columnPlace = "T114"
    /// A row (or the grid) whose cells do not line up with the repeated columns.
    package static let columnSpan = "T115"
    /// `{%tc if %}`, `{% else %}` in a column loop, two column loops over one column.
    package static let columnForm = "T116"
}
