import Testing
import LerendDiagnostics
import LerendExpressions

/// Errors carry a stable id, a Dutch message, a span and a hint.
@Suite struct ErrorMessageTests {
    static func parseError(_ source: String) -> ExpressionError? {
        do throws(ExpressionError) {
            _ = try Expression(source)
            return nil
        } catch {
            return error
        }
    }

    static func evaluationError(_ source: String, _ data: Value) -> ExpressionError? {
        do throws(ExpressionError) {
            _ = try Expression(source).printed(in: EvaluationContext(root: data))
            return nil
        } catch {
            return error
        }
    }

    @Test func unknownFunctionWithDidYouMean() throws {
        let error = try #require(Self.parseError("cont(organisaties) > 3"))
        #expect(error.id == "E104")
        #expect(error.message == "onbekende functie 'cont'")
        #expect(error.hint == "bedoel je 'count'?")
        #expect(error.span == SourceSpan(start: 0, length: 4))
    }

    @Test func unknownFilterWithDidYouMean() throws {
        let error = try #require(Self.parseError("naam | hoofdleter"))
        #expect(error.message == "onbekende filter 'hoofdleter'")
        #expect(error.hint == "bedoel je 'hoofdletter'?")
    }

    @Test func wrongNumberOfArguments() throws {
        let error = try #require(Self.parseError("datum(dag, 'lang', 3)"))
        #expect(error.id == "E105")
        #expect(error.message == "'datum' krijgt 3 argumenten, maar verwacht 1 tot 2")
        #expect(error.hint == "gebruik: datum(d, stijl)")
    }

    @Test(arguments: ["count(organisaties", "'open tekst", "a ==", "a.", "(1 + 2", "a b"])
    func syntaxErrorsHaveAnIdAndAPlace(source: String) throws {
        let error = try #require(Self.parseError(source))
        #expect(error.id.hasPrefix("E1"))
        #expect(error.span.start <= source.count)
        #expect(!error.message.isEmpty)
    }

    @Test func missingValueNamesThePathAndSuggestsAKey() throws {
        let error = try #require(Self.evaluationError("deelnemer.voornam", ["deelnemer": ["voornaam": "Anna"]]))
        #expect(error.id == "E201")
        #expect(error.message == "'deelnemer.voornam' ontbreekt: 'deelnemer' heeft geen veld 'voornam'")
        #expect(error.hint == "bedoel je 'voornaam'?")
    }

    @Test func emptyValueSuggestsADefault() throws {
        let error = try #require(Self.evaluationError("deelnemer.aanhef", ["deelnemer": ["aanhef": .null]]))
        #expect(error.message == "'deelnemer.aanhef' is leeg in de gegevens")
        #expect(error.hint?.contains("standaard('...')") == true)
    }

    @Test func templatesCannotLoopForever() throws {
        let error = try #require(Self.evaluationError("count(range(20000))", [:]))
        #expect(error.id == "E205")
    }

    @Test func divisionByZero() throws {
        let error = try #require(Self.evaluationError("1 / 0", [:]))
        #expect(error.id == "E203")
    }

    @Test func diagnosticPlacesTheErrorInItsLine() throws {
        let error = try #require(Self.parseError("cont(organisaties) > 3"))
        let line = "    wanneer: cont(organisaties) > 3"
        let diagnostic = error.diagnostic(in: line, at: SourceLocation(file: "regels.yaml", line: 8, column: 14), columnOffset: 13)
        #expect(DiagnosticRenderer().render(diagnostic) == """
            regels.yaml:8:14: fout[E104]: onbekende functie 'cont'
              8 |     wanneer: cont(organisaties) > 3
                |              ^~~~
               hint: bedoel je 'count'?
            """)
    }
}
