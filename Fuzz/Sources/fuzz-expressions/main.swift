// Fuzzes the tag scanner, block matcher, parser and evaluator of LerendExpressions.
//
// The input is read as UTF-8 text twice: as a template text with `{{ }}`, `{% %}` and
// `{# #}` tags (as in a rule's message or a file-name pattern), and as one expression.
// Whatever parses is evaluated against a small fixed context, once with missing values
// as errors and once with missing values as empty.
//
// Known problems that other work removes (loop budgets, nesting depth) are kept out so
// that a short run looks for new ones: `range` has a budget per input (``fuzzLibrary``),
// texts with more than two loops or functions of an element are skipped
// (``hasManyLoops``), and inputs are at most 1 KB (`-max_len`, set by scripts/fuzz.sh).
// `LEREND_FUZZ_KNOWN=1` lets them in, to check after those fixes have landed.
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

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpressions(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    startInput()
    if !knownProblems, hasManyLoops(text) { return 0 }
    for policy in [MissingValuePolicy.error, .empty] {
        if let template = try? TextTemplate(text, library: fuzzLibrary) {
            _ = try? template.render(in: EvaluationContext(root: data, missingValues: policy))
        }
        if let expression = try? Expression(text, library: fuzzLibrary) {
            _ = try? expression.evaluate(in: EvaluationContext(root: data, missingValues: policy))
            _ = try? expression.isTrue(in: EvaluationContext(root: data, missingValues: policy))
        }
    }
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    warmUp(fuzzExpressions, with: ["Plugins/kenniz/regels.yaml"])
    withoutLeakChecks { _ = (data, fuzzLibrary) }
    return 0
}
