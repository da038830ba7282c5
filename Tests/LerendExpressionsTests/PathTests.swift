import LerendExpressions
import Testing

/// Reading values: dotted paths, list indexes, keys in brackets, loop variables.
@Suite struct PathTests {
    static let data: Value = [
        "netwerk": ["naam": "Zorg Dichtbij", "themas": ["Familie", "Eigen regie"], "leeg": .null],
        "organisaties": [
            ["naam": "De Linde", "plaats": "Zwolle"], ["naam": "Het Baken", "plaats": "Deventer"],
            ["naam": "'t Anker", "plaats": "Kampen"],
        ],
        "rooster": [["a", "b"], ["c", "d"]],
        "met spatie": ["sleutel met spatie": "gevonden"],
        "naam": "wortel",
    ]

    @Test(
        arguments: [
            ("netwerk.naam", "Zorg Dichtbij"),
            ("organisaties.0.naam", "De Linde"),
            ("organisaties.2.plaats", "Kampen"),
            ("organisaties[1].naam", "Het Baken"),
            ("organisaties[-1].naam", "'t Anker"),
            ("organisaties[-3].naam", "De Linde"),
            ("organisaties[1 + 1].naam", "'t Anker"),
            ("netwerk['naam']", "Zorg Dichtbij"),
            ("netwerk[\"naam\"]", "Zorg Dichtbij"),
            ("netwerk.themas[0]", "Familie"),
            ("rooster[1][0]", "c"),
            ("rooster.1.0", "c"),
            ("rooster.0.1", "b"),
            ("netwerk.naam[0]", "Z"),
            ("netwerk.naam[-1]", "j"),
            ("['x', 'y'][1]", "y"),
            ("first(organisaties).plaats", "Zwolle"),
            ("(organisaties | last).naam", "'t Anker"),
        ] as [(String, String)])
    func readsThePath(source: String, expected: String) throws {
        #expect(try Check.printed(source, Self.data) == expected)
    }

    @Test func expressionsKnowTheirPlainPath() throws {
        #expect(try Expression("netwerk.naam").path == "netwerk.naam")
        #expect(try Expression("organisaties.0.naam").path == "organisaties[0].naam")
        #expect(try Expression("netwerk['naam']").path == "netwerk['naam']")
        #expect(try Expression("netwerk.naam | hoofdletters").path == nil)
        #expect(try Expression("count(organisaties)").path == nil)
    }

    @Test func outOfRangeIndexesAndAbsentKeysAreMissingNotCrashes() throws {
        #expect(try Expression("organisaties[3]").evaluateIfPresent(in: EvaluationContext(root: Self.data)) == nil)
        #expect(try Expression("organisaties[-4]").evaluateIfPresent(in: EvaluationContext(root: Self.data)) == nil)
        #expect(try Expression("netwerk['adres']").evaluateIfPresent(in: EvaluationContext(root: Self.data)) == nil)
        #expect(try Expression("netwerk.leeg.straat").evaluateIfPresent(in: EvaluationContext(root: Self.data)) == nil)
        #expect(try Expression("netwerk.naam[99]").evaluateIfPresent(in: EvaluationContext(root: Self.data)) == nil)
        #expect(try Expression("organisaties[3] is defined").evaluate(Self.data) == false)
        #expect(try Expression("organisaties[3].naam | standaard('-')").evaluate(Self.data) == "-")
    }

    @Test func loopVariablesShadowTheRootAndUnshadowWhenPopped() throws {
        let context = EvaluationContext(root: Self.data)
        let expression = try Expression("naam")
        #expect(try expression.evaluate(in: context) == "wortel")
        context.push("naam", "lus")
        #expect(try expression.evaluate(in: context) == "lus")
        context.push("naam", "binnenste")
        #expect(try expression.evaluate(in: context) == "binnenste")
        context.replaceInnermost("vervangen")
        #expect(try expression.evaluate(in: context) == "vervangen")
        context.pop()
        #expect(try expression.evaluate(in: context) == "lus")
        context.pop()
        #expect(try expression.evaluate(in: context) == "wortel")
    }

    @Test func aRootThatIsNoObjectHasNoNames() throws {
        #expect(try Expression("naam").evaluateIfPresent(in: EvaluationContext(root: ["a", "b"])) == nil)
    }

    @Test func valuePathHelperReadsDotsAndIndexes() {
        #expect(Self.data.value(atPath: "organisaties.1.plaats") == "Deventer")
        #expect(Self.data.value(atPath: "organisaties.9.plaats") == nil)
        #expect(Self.data.value(atPath: "netwerk.naam.x") == nil)
        #expect(Self.data["netwerk"]?["naam"] == "Zorg Dichtbij")
        #expect(Value.string("x")["naam"] == nil)
    }

    @Test func settingAFieldKeepsTheOthers() {
        let value: Value = ["a": 1]
        #expect(value.setting("b", to: 2) == ["a": 1, "b": 2])
        #expect(value.setting("a", to: 3) == ["a": 3])
        #expect(Value.string("x").setting("a", to: 1) == ["a": 1])
    }
}
