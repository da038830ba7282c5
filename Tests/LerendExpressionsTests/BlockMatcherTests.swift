import LerendExpressions
import Testing

/// Pairing `for`/`endfor` and `if`/`elif`/`else`/`endif` into nested blocks, and the problems when they do not pair.
@Suite struct BlockMatcherTests {
    static func statements(_ sources: [String]) throws -> [Statement] {
        try sources.map { (source: String) throws -> Statement in try Statement.parse(source) }
    }

    @Test func nestedBlocksWithParentsAndDepths() throws {
        let (blocks, problems) = BlockMatcher.match(
            try Self.statements([
                "for g in groepen", "if g.naam", "elif g.id", "else", "endif", "for l in g.leden", "endfor", "endfor",
                "if x", "endif",
            ]))
        #expect(problems.isEmpty)
        #expect(blocks.count == 4)
        #expect(blocks.map(\.kind) == [.loop, .condition, .loop, .condition])
        #expect(blocks.map(\.open) == [0, 1, 5, 8])
        #expect(blocks.map(\.close) == [7, 4, 6, 9])
        #expect(blocks.map(\.parent) == [nil, 0, 0, nil])
        #expect(blocks.map(\.depth) == [0, 1, 1, 0])
        #expect(blocks[1].branches == [2, 3])
        #expect(blocks[1].statements == [1, 2, 3, 4])
    }

    @Test func aLoopMayHaveAnElseForWhenItIsEmpty() throws {
        let (blocks, problems) = BlockMatcher.match(try Self.statements(["for x in xs", "else", "endfor"]))
        #expect(problems.isEmpty)
        #expect(blocks.first?.branches == [1])
    }

    @Test func deeplyNestedBlocksKnowTheirParent() throws {
        let (blocks, problems) = BlockMatcher.match(try Self.statements(["if a", "if b", "if c", "endif", "endif", "endif"]))
        #expect(problems.isEmpty)
        #expect(blocks.map(\.parent) == [nil, 0, 1])
        #expect(blocks.map(\.depth) == [0, 1, 2])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var statements: [String]
        var problems: [(id: String, statement: Int, message: String)]
        var testDescription: String { statements.joined(separator: " | ") }
    }

    static let cases: [Case] = [
        Case(statements: ["for x in xs"], problems: [("T101", 0, "{% for %} wordt niet afgesloten")]),
        Case(statements: ["if a", "for x in xs", "endfor"], problems: [("T101", 0, "{% if %} wordt niet afgesloten")]),
        Case(statements: ["if a", "if b", "endif"], problems: [("T101", 0, "{% if %} wordt niet afgesloten")]),
        Case(statements: ["endfor"], problems: [("T102", 0, "{% endfor %} zonder bijbehorende {% for %}")]),
        Case(statements: ["if a", "endfor", "endif"], problems: [("T102", 1, "{% endfor %} zonder bijbehorende {% for %}")]),
        Case(
            statements: ["for x in xs", "if a", "endfor"],
            problems: [("T103", 1, "{% if %} wordt niet afgesloten; {% endfor %} sluit een eerder blok")]),
        Case(statements: ["elif a"], problems: [("T104", 0, "{% elif %} staat niet binnen een {% if %}")]),
        Case(statements: ["if a", "else", "else", "endif"], problems: [("T104", 2, "{% else %} staat na {% else %}")]),
        Case(statements: ["for x in xs", "else", "else", "endfor"], problems: [("T104", 2, "{% else %} staat na {% else %}")]),
        Case(
            statements: ["for x in xs", "elif a", "endfor"],
            problems: [("T104", 1, "{% elif %} staat binnen een {% for %} in plaats van een {% if %}")]),
        Case(
            statements: ["for x in xs", "if a", "for y in ys"],
            problems: [
                ("T101", 0, "{% for %} wordt niet afgesloten"), ("T101", 1, "{% if %} wordt niet afgesloten"),
                ("T101", 2, "{% for %} wordt niet afgesloten"),
            ]),
    ]

    @Test(arguments: cases)
    func problems(_ expected: Case) throws {
        let (_, problems) = BlockMatcher.match(try Self.statements(expected.statements))
        #expect(problems.map(\.id) == expected.problems.map(\.id))
        #expect(problems.map(\.statement) == expected.problems.map(\.statement))
        #expect(problems.map(\.message) == expected.problems.map(\.message))
    }

    @Test func statementsParseWithTheirParts() throws {
        guard case .forLoop(let variable, let iterable) = try Statement.parse(" for punt in agenda | reverse ") else {
            Issue.record("a for loop")
            return
        }
        #expect(variable == "punt")
        #expect(iterable.source == "agenda | reverse")
        guard case .elseIf(let condition) = try Statement.parse("elif a > 1") else {
            Issue.record("an elif")
            return
        }
        #expect(condition.source == "a > 1")
        #expect(try Statement.parse("endfor").tagName == "{% endfor %}")
        #expect(try Statement.parse("else").tagName == "{% else %}")
    }
}
