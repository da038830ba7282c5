import LerendExpressions
import Testing

/// Expressions and templates made to crash, hang or fill the memory: each gets a Dutch
/// error with its id instead.
@Suite struct HostileInputTests {
    static func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }

    @Test(
        arguments: [
            ("not", repeated("not ", 10_000) + "true"),
            ("parentheses", repeated("(", 10_000) + "1" + repeated(")", 10_000)),
            ("minus", repeated("-", 10_000) + "1"),
            ("lists", repeated("[", 10_000) + repeated("]", 10_000)),
            ("and", "true" + repeated(" and true", 20_000)),
            ("or", "false" + repeated(" or false", 20_000)),
            ("plus", "1" + repeated(" + 1", 20_000)),
            ("concatenation", "'a'" + repeated(" ~ 'a'", 20_000)),
            ("times", "1" + repeated(" * 1", 20_000)),
            ("filters", "1" + repeated(" | abs", 20_000)),
            ("members", "x" + repeated(".a", 20_000)),
            ("indexes", "x" + repeated("[0]", 20_000)),
            ("conditionals", repeated("1 if true else ", 10_000) + "2"),
            ("calls", repeated("abs(", 10_000) + "1" + repeated(")", 10_000)),
        ])
    func deepNestingIsRefusedNotAStackOverflow(_ name: String, _ source: String) throws {
        let error = try #require(Check.parseError(source), "\(name)")
        #expect(error.id == "E110", "\(name): \(error)")
        #expect(error.message.contains("te diep genest"))
    }

    @Test func nestingUpToTheLimitStillWorks() throws {
        #expect(try Check.value(Self.repeated("(", 60) + "1" + Self.repeated(")", 60)) == .int(1))
        #expect(try Check.value("1" + Self.repeated(" + 1", 100)) == .int(101))
        #expect(try Check.value(Self.repeated("not ", 100) + "true") == .bool(true))
    }

    @Test func aLongFlatListIsNoNesting() throws {
        let list = "[" + (0..<20_000).map(String.init).joined(separator: ", ") + "]"
        #expect(try Check.value("length(\(list))") == .int(20_000))
    }

    @Test func blocksNestedTooDeepAreRefused() throws {
        let source = Self.repeated("{% if true %}", 10_000) + "x" + Self.repeated("{% endif %}", 10_000)
        let error = try #require(Check.templateError(source))
        #expect(error.id == "T113")
        let loops = Self.repeated("{% for a in range(2) %}", 1_000) + "x" + Self.repeated("{% endfor %}", 1_000)
        #expect(Check.templateError(loops)?.id == "T113")
        let fine = Self.repeated("{% if true %}", 40) + "x" + Self.repeated("{% endif %}", 40)
        #expect(try TextTemplate(fine).render([:]) == "x")
    }

    @Test func nestedLoopsShareOneBudget() throws {
        // 3^20 iterations in all, though every single loop is small.
        let source = Self.repeated("{% for a in range(3) %}", 20) + "x" + Self.repeated("{% endfor %}", 20)
        let template = try TextTemplate(source)
        let context = EvaluationContext(root: [:], limits: RenderLimits(iterations: 10_000))
        do throws(ExpressionError) {
            _ = try template.render(in: context)
            Issue.record("the budget did not stop the loops")
        } catch {
            #expect(error.id == "E207")
            #expect(error.message.contains("10.000 herhalingen"))
        }
        #expect(context.iterationsUsed == 10_001)
    }

    @Test func theBudgetAllowsWhatItCounts() throws {
        let template = try TextTemplate("{% for a in range(100) %}{% for b in range(100) %}x{% endfor %}{% endfor %}")
        let context = EvaluationContext(root: [:], limits: RenderLimits(iterations: 10_100))
        #expect(try template.render(in: context).count == 10_000)
    }

    @Test func outputPastTheLimitStops() throws {
        let template = try TextTemplate("{% for a in range(10000) %}{{ t }}{% endfor %}")
        let context = EvaluationContext(
            root: ["t": .string(String(repeating: "x", count: 1_000))], limits: RenderLimits(outputBytes: 100_000))
        do throws(ExpressionError) {
            _ = try template.render(in: context)
            Issue.record("the output limit did not stop the loop")
        } catch {
            #expect(error.id == "E208")
        }
    }

    @Test func textsBuiltTooLongAreRefused() throws {
        let long = String(repeating: "x", count: 10_000)
        #expect(Check.error("range(10000) | join('\(long)')")?.id == "E209")
        let big: Value = ["t": .string(String(repeating: "x", count: 9 * 1_048_576))]
        #expect(Check.error("t ~ t", big)?.id == "E209")
        #expect(Check.error("t + t", big)?.id == "E209")
        #expect(Check.error("replace(t, 'x', 'xx')", big)?.id == "E209")
        #expect(Check.error("replace(replace('x', 'x', '\(long)'), 'x', '\(long)')")?.id == "E209")
        #expect(try Check.printed("replace('abc', 'b', 'xyz')") == "axyzc")
        #expect(try Check.printed("['a', 'b'] | join('-')") == "a-b")
    }

    @Test func aListOfObjectsDoesNotPrintAsNothing() throws {
        let data: Value = ["lijst": [["naam": "A"]]]
        let error = try #require(Check.error("lijst", data))
        #expect(error.id == "E202")
        #expect(error.message == "'lijst' is een lijst met objecten en geen tekst")
    }
}
