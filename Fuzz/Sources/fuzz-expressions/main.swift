// Fuzzes the tag scanner, block matcher, parser and evaluator of LerendExpressions.
//
// The input is read as UTF-8 text twice: as a template text with `{{ }}`, `{% %}` and
// `{# #}` tags (as in a rule's message or a file-name pattern), and as one expression.
// Whatever parses is evaluated against a small fixed context, once with missing values
// as errors and once with missing values as empty.
//
// Known problems that other work removes (loop budgets, nesting depth) are kept out by
// the harness so that a short run looks for new ones; `LEREND_FUZZ_KNOWN=1` lets them in,
// to check after those fixes have landed.
import FuzzSupport
import LerendExpressions

/// The data every input is evaluated against: a little of every kind of value.
let data: Value = [
    "netwerk": ["naam": "Zorg Dichtbij", "themas": ["dementie", "dagbesteding"], "jaar": 2026],
    "deelnemers": [
        ["naam": "Anna de Vries", "rol": "verpleegkundige", "uren": 2.5, "actief": true],
        ["naam": "Bram Jansen", "rol": "arts", "uren": 4, "actief": false, "email": nil],
    ],
    "datum": .date(LocalDate(year: 2026, month: 3, day: 10)!),
    "begintijd": .time(LocalTime(hour: 13, minute: 30)!),
    "aantal": 7, "bedrag": 1234.5, "leeg": [], "tekst": "Één & <twee>",
]

/// The standard functions, with `range` capped at a few numbers: nested loops over a
/// standard `range` (10,000 numbers each) are a known hang that the loop budget of the
/// evaluator is meant to stop; the cap keeps the fuzzer looking for other problems.
let library: FunctionLibrary = {
    var library = FunctionLibrary.standard
    if knownProblems { return library }
    let cap = 32
    library.register(
        ExpressionFunction(
            "range", arity: 1...2, usage: "range(tot) of range(van, tot)", summary: "range met een kleine grens (fuzzen)"
        ) { (call: Invocation) throws(ExpressionError) -> Value in
            let lower = call.count == 2 ? try call.integer(0) : 0
            let upper = try call.integer(call.count - 1)
            guard lower <= upper else { return [] }
            let (size, overflowed) = upper.subtractingReportingOverflow(lower)
            guard !overflowed, size <= cap else {
                throw call.error("range maakt hoogstens \(cap) getallen (fuzzen)")
            }
            return .list((lower..<upper).map { .int($0) })
        })
    return library
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpressions(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    for policy in [MissingValuePolicy.error, .empty] {
        if let template = try? TextTemplate(text, library: library) {
            _ = try? template.render(in: EvaluationContext(root: data, missingValues: policy))
        }
        if let expression = try? Expression(text, library: library) {
            _ = try? expression.evaluate(in: EvaluationContext(root: data, missingValues: policy))
            _ = try? expression.isTrue(in: EvaluationContext(root: data, missingValues: policy))
        }
    }
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    warmUp(fuzzExpressions, with: ["Plugins/kenniz/regels.yaml"])
    withoutLeakChecks { _ = (data, library) }
    return 0
}
