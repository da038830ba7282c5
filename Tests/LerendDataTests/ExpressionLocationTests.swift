import LerendData
import LerendDiagnostics
import LerendExpressions
import Testing

/// Expressions and text templates written in a data file: their errors point at the exact column.
@Suite struct ExpressionLocationTests {
    static func expressionProblem(_ text: String, key: String) throws -> String? {
        let file = try DataFile.parse(text, path: "regels.yaml")
        let node = file.root.descendant(atPath: key).node
        do throws(Diagnostic) {
            _ = try file.expression(at: node)
            return nil
        } catch {
            return DiagnosticRenderer().render(error)
        }
    }

    @Test func anUnknownFunctionPointsIntoTheLine() throws {
        #expect(
            try Self.expressionProblem("regel:\n  wanneer: cont(organisaties) > 3\n", key: "regel.wanneer") == """
                regels.yaml:2:12: fout[E104]: onbekende functie 'cont'
                  2 |   wanneer: cont(organisaties) > 3
                    |            ^~~~
                   hint: bedoel je 'count'?
                """)
    }

    @Test func aQuotedExpressionCountsTheQuote() throws {
        let rendered = try #require(try Self.expressionProblem("wanneer: \"aantal >= 3 &&\"\n", key: "wanneer"))
        #expect(rendered.hasPrefix("regels.yaml:1:23: fout[E101]: onverwacht teken '&'"), "\(rendered)")
    }

    @Test func aValidExpressionParsesAndEvaluates() throws {
        let file = try DataFile.parse("wanneer: count(organisaties) >= 2\norganisaties: [a, b]\n", path: "regels.yaml")
        let expression = try file.expression(at: try #require(file.root["wanneer"]))
        #expect(try expression.evaluate(file.value) == true)
    }

    @Test func anExpressionMustBeOneLineOfText() throws {
        let file = try DataFile.parse("wanneer:\n  - a\n", path: "regels.yaml")
        let node = try #require(file.root["wanneer"])
        do throws(Diagnostic) {
            _ = try file.expression(at: node)
            Issue.record("a list is no expression")
        } catch {
            #expect(error.id == "D203")
            #expect(error.message == "hier hoort een uitdrukking, maar dit is een lijst")
        }
    }

    @Test func aMessageTemplateErrorPointsIntoTheLine() throws {
        let file = try DataFile.parse("melding: Het netwerk telt {{ count(organisaties }} organisaties\n", path: "regels.yaml")
        let node = try #require(file.root["melding"])
        do throws(Diagnostic) {
            _ = try file.textTemplate(at: node)
            Issue.record("the template must fail")
        } catch {
            #expect(error.id == "E103")
            #expect(
                error.location == SourceLocation(file: "regels.yaml", line: 1, column: 49), "at the }} where the ) is missing")
        }
    }

    @Test func anEvaluationErrorIsPlacedAtItsNode() throws {
        let file = try DataFile.parse("wanneer: deelnemer.voornam ~ 'x'\n", path: "regels.yaml")
        let node = try #require(file.root["wanneer"])
        let expression = try file.expression(at: node)
        do throws(ExpressionError) {
            _ = try expression.evaluate(["deelnemer": ["voornaam": "Anna"]])
            Issue.record("a missing value must fail")
        } catch {
            let diagnostic = file.located(error, at: node)
            #expect(diagnostic.location == SourceLocation(file: "regels.yaml", line: 1, column: 10))
            #expect(diagnostic.length == 17)
            #expect(diagnostic.hint == "bedoel je 'voornaam'?")
        }
    }
}
