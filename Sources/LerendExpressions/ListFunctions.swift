import OrderedCollections

/// Functions over lists: counting, aggregating, filtering and ordering.
///
/// Where a function looks at a property of each element, it takes either a field name
/// (`sum(organisaties, 'clienten')`) or a function (`sum(organisaties, o => o.clienten)`).
enum ListFunctions {
    /// The largest list `range` makes: templates cannot loop forever.
    static let rangeLimit = 10_000

    static let all: [ExpressionFunction] = {
        let count = ExpressionFunction(
            "count", arity: 1...2, usage: "count(lijst, x => voorwaarde)",
            summary: "Het aantal elementen; met een voorwaarde het aantal dat eraan voldoet.", lambdaPositions: [1]
        ) { call throws(ExpressionError) in
            let value = try call.value(0)
            switch value {
            case .string(let text) where call.count == 1: return .int(text.count)
            case .object(let members) where call.count == 1: return .int(members.count)
            default: break
            }
            let items = try call.list(0)
            guard call.count == 2 else { return .int(items.count) }
            var total = 0
            for item in items where try call.apply(1, to: item)?.isTruthy ?? false { total += 1 }
            return .int(total)
        }
        let sum = ExpressionFunction(
            "sum", arity: 1...2, usage: "sum(lijst, x => getal)", summary: "De som van de elementen (of van een veld ervan).",
            lambdaPositions: [1]
        ) { call throws(ExpressionError) in
            var integerTotal = 0
            var decimalTotal = 0.0
            var isDecimal = false
            for item in try call.list(0) {
                let value = call.count == 2 ? try call.applyRequired(1, to: item) : item
                switch value {
                case .int(let number):
                    let (result, overflow) = integerTotal.addingReportingOverflow(number)
                    if overflow { throw call.error("de som is te groot") }
                    integerTotal = result
                case .double(let number):
                    isDecimal = true
                    decimalTotal += number
                case .null:
                    continue
                default:
                    throw call.error("'sum' telt getallen op, maar kreeg \(value.kindName)", argument: call.count - 1)
                }
            }
            return isDecimal ? .double(decimalTotal + Double(integerTotal)) : .int(integerTotal)
        }
        let minimum = extreme("min", "Het kleinste element; met x => waarde de kleinste van die waarden.", wantsLarger: false)
        let maximum = extreme("max", "Het grootste element; met x => waarde de grootste van die waarden.", wantsLarger: true)
        let distinct = ExpressionFunction(
            "distinct", arity: 1...2, usage: "distinct(lijst, x => waarde)",
            summary: "De lijst zonder dubbele waarden; met een functie de verschillende waarden daarvan.",
            lambdaPositions: [1]
        ) { call throws(ExpressionError) in
            var seen = Set<Value>()
            var result: [Value] = []
            for item in try call.list(0) {
                let value = call.count == 2 ? try call.applyRequired(1, to: item) : item
                if seen.insert(value).inserted { result.append(value) }
            }
            return .list(result)
        }
        let all = ExpressionFunction(
            "all", arity: 1...2, usage: "all(lijst, x => voorwaarde)",
            summary: "Of alle elementen waar zijn (aan de voorwaarde voldoen); waar voor een lege lijst.",
            lambdaPositions: [1]
        ) { call throws(ExpressionError) in
            for item in try call.list(0) {
                let truth = call.count == 2 ? (try call.apply(1, to: item)?.isTruthy ?? false) : item.isTruthy
                if !truth { return .bool(false) }
            }
            return .bool(true)
        }
        let any = ExpressionFunction(
            "any", arity: 1...2, usage: "any(lijst, x => voorwaarde)",
            summary: "Of minstens één element waar is (aan de voorwaarde voldoet).", lambdaPositions: [1]
        ) { call throws(ExpressionError) in
            for item in try call.list(0) {
                let truth = call.count == 2 ? (try call.apply(1, to: item)?.isTruthy ?? false) : item.isTruthy
                if truth { return .bool(true) }
            }
            return .bool(false)
        }
        let filter = ExpressionFunction(
            "filter", arity: 2...2, usage: "filter(lijst, x => voorwaarde)",
            summary: "De elementen die aan de voorwaarde voldoen.", lambdaPositions: [1]
        ) { call throws(ExpressionError) in
            var result: [Value] = []
            for item in try call.list(0) where try call.apply(1, to: item)?.isTruthy ?? false { result.append(item) }
            return .list(result)
        }
        let map = ExpressionFunction(
            "map", arity: 2...2, usage: "map(lijst, x => waarde)", summary: "Van elk element een waarde, als lijst.",
            lambdaPositions: [1]
        ) { call throws(ExpressionError) in
            var result: [Value] = []
            for item in try call.list(0) { result.append(try call.applyRequired(1, to: item)) }
            return .list(result)
        }
        let sort = ExpressionFunction(
            "sort", arity: 1...2, usage: "sort(lijst, x => sleutel)",
            summary: "De lijst oplopend gesorteerd (op een veld of functie); gelijke blijven in volgorde.",
            lambdaPositions: [1]
        ) { call throws(ExpressionError) in
            let items = try call.list(0)
            var keyed: [(key: Value, item: Value)] = []
            for item in items { keyed.append((call.count == 2 ? try call.applyRequired(1, to: item) : item, item)) }
            var failure: ExpressionError?
            let sorted = keyed.enumerated().sorted { a, b in
                guard let order = Comparison.order(a.element.key, b.element.key) else {
                    failure = failure ?? call.error("de elementen zijn niet met elkaar te vergelijken")
                    return a.offset < b.offset
                }
                return order == 0 ? a.offset < b.offset : order < 0
            }
            if let failure { throw failure }
            return .list(sorted.map(\.element.item))
        }
        let reverse = ExpressionFunction(
            "reverse", arity: 1...1, usage: "reverse(lijst)", summary: "De lijst in omgekeerde volgorde."
        ) { call throws(ExpressionError) in
            if case .string(let text) = try call.value(0) { return .string(String(text.reversed())) }
            return .list(try call.list(0).reversed())
        }
        let first = ExpressionFunction(
            "first", arity: 1...1, usage: "first(lijst)", summary: "Het eerste element (leeg bij een lege lijst)."
        ) { call throws(ExpressionError) in try call.list(0).first ?? .null }
        let last = ExpressionFunction(
            "last", arity: 1...1, usage: "last(lijst)", summary: "Het laatste element (leeg bij een lege lijst)."
        ) { call throws(ExpressionError) in try call.list(0).last ?? .null }
        let join = ExpressionFunction(
            "join", arity: 1...2, usage: "join(lijst, scheiding)", summary: "De elementen als tekst achter elkaar."
        ) { call throws(ExpressionError) in
            let separator = try call.string(1, default: "")
            var parts: [String] = []
            for item in try call.list(0) {
                guard let text = item.printedText else {
                    throw call.error(
                        "een lijst van objecten kan niet worden samengevoegd", argument: 0,
                        hint: "kies eerst een veld: map(lijst, x => x.naam)")
                }
                parts.append(text)
            }
            try TextLimit.check(TextLimit.joinedCount(parts, separator: separator), span: call.span)
            return .string(parts.joined(separator: separator))
        }
        let length = ExpressionFunction(
            "length", arity: 1...1, usage: "length(waarde)", summary: "Het aantal elementen of tekens."
        ) { call throws(ExpressionError) in
            switch try call.value(0) {
            case .string(let text): return .int(text.count)
            case .list(let items): return .int(items.count)
            case .object(let members): return .int(members.count)
            case .null: return .int(0)
            case let other: throw call.wrongKind(0, expected: "een lijst of tekst", found: other)
            }
        }
        let range = ExpressionFunction(
            "range", arity: 1...2, usage: "range(tot) of range(van, tot)",
            summary: "De gehele getallen van 'van' (standaard 0) tot (niet tot en met) 'tot'; hoogstens 10.000."
        ) { call throws(ExpressionError) in
            let lower = call.count == 2 ? try call.integer(0) : 0
            let upper = try call.integer(call.count - 1)
            let (size, overflowed) = upper.subtractingReportingOverflow(lower)
            guard !overflowed, size <= rangeLimit else {
                throw ExpressionError(
                    id: ExpressionErrorID.limitExceeded, "range maakt hoogstens \(rangeLimit) getallen", span: call.span)
            }
            return .list(lower < upper ? (lower..<upper).map { .int($0) } : [])
        }
        return [
            count, sum, minimum, maximum, distinct, distinct.alias("unique"), all, any, filter, map, sort, reverse, first,
            last, join, length, range,
        ]
    }()

    private static func extreme(_ name: String, _ summary: String, wantsLarger: Bool) -> ExpressionFunction {
        ExpressionFunction(
            name, arity: 1...2, usage: "\(name)(lijst, x => waarde)", summary: summary, lambdaPositions: [1]
        ) { call throws(ExpressionError) in
            var best: (key: Value, item: Value)?
            for item in try call.list(0) {
                let key = call.count == 2 ? try call.applyRequired(1, to: item) : item
                guard let current = best else {
                    best = (key, item)
                    continue
                }
                guard let order = Comparison.order(key, current.key) else {
                    throw call.error("'\(name)' kan een \(key.kindName) en een \(current.key.kindName) niet vergelijken")
                }
                if wantsLarger ? order > 0 : order < 0 { best = (key, item) }
            }
            // With a key function, the result is the key (the smallest value), as in rules
            // such as `min(bijeenkomsten, b => b.duur_minuten) >= 150`.
            return (call.count == 2 ? best?.key : best?.item) ?? .null
        }
    }
}
