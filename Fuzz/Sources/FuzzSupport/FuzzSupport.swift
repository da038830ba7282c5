// What the fuzz targets share: their settings, the repository they were built from, and
// a way to set up their fixed data without LeakSanitizer counting it.
import LerendExpressions

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The value of the environment variable `name`, if set.
public func setting(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}

/// Whether the known problems that the targets keep out are let in (`LEREND_FUZZ_KNOWN=1`):
/// to check them after the fixes of issue 13 have landed (see Fuzz/README.md).
public let knownProblems = setting("LEREND_FUZZ_KNOWN") == "1"

/// Whether a target prints the messages of each input (`LEREND_FUZZ_VERBOSE=1`), to see
/// how far an input gets.
public let verbose = setting("LEREND_FUZZ_VERBOSE") == "1"

/// The path of `relative` in the repository this was built from, such as
/// `samples/netwerken/kleinschalig-zuid.yaml`.
public func repositoryPath(_ relative: String) -> String {
    // #filePath is <repository>/Fuzz/Sources/FuzzSupport/FuzzSupport.swift.
    var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(4)
    return components.joined(separator: "/") + "/" + relative
}

@_silgen_name("__lsan_disable") private func lsanDisable()
@_silgen_name("__lsan_enable") private func lsanEnable()

/// Runs `body` with LeakSanitizer ignoring what it allocates: for the fixed data of a
/// target and the statics of the libraries, set up once from `LLVMFuzzerInitialize`.
///
/// They live as long as the process, yet LeakSanitizer reports part of them at exit:
/// Swift keeps the tag of a multi-payload or indirect enum in the spare bits of a pointer,
/// and such a pointer does not look like one to the scanner. Inputs are checked as usual.
public func withoutLeakChecks(_ body: () -> Void) {
    lsanDisable()
    body()
    lsanEnable()
}

/// The bytes of the file at `path`, or nil when it cannot be read.
public func contents(of path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes += buffer[..<count]
    }
    return bytes
}

/// Runs the target's `test` once on each of the files at `paths` (in the repository), with
/// leak checks off: this sets up the statics the libraries make on first use.
public func warmUp(_ test: (UnsafeRawPointer?, Int) -> CInt, with paths: [String]) {
    withoutLeakChecks {
        for path in paths {
            guard let bytes = contents(of: repositoryPath(path)) else { continue }
            _ = bytes.withUnsafeBytes { test($0.baseAddress, $0.count) }
        }
    }
}

/// How many numbers all calls of `range` together may make for one input of
/// ``fuzzLibrary``; ``startInput()`` resets it.
public let rangeBudget = 256
private var rangeLeft = rangeBudget

/// Starts the budget of `range` of one input afresh.
public func startInput() { rangeLeft = rangeBudget }

/// The standard functions, with a `range` that makes at most ``rangeBudget`` numbers per
/// input over all its calls: nested loops over a standard `range` (10,000 numbers each)
/// are a known hang that the loop budget of the evaluator is meant to stop (issue 13);
/// the budget keeps the fuzzer looking for other problems. With `LEREND_FUZZ_KNOWN=1` it
/// is the standard library.
public let fuzzLibrary: FunctionLibrary = {
    var library = FunctionLibrary.standard
    if knownProblems { return library }
    library.register(
        ExpressionFunction(
            "range", arity: 1...2, usage: "range(tot) of range(van, tot)", summary: "range met een budget (fuzzen)"
        ) { (call: Invocation) throws(ExpressionError) -> Value in
            let lower = call.count == 2 ? try call.integer(0) : 0
            let upper = try call.integer(call.count - 1)
            guard lower <= upper else { return [] }
            let (size, overflowed) = upper.subtractingReportingOverflow(lower)
            guard !overflowed, size <= rangeLeft else {
                throw call.error("range maakt hoogstens \(rangeBudget) getallen per invoer (fuzzen)")
            }
            rangeLeft -= size
            return .list((lower..<upper).map { .int($0) })
        })
    return library
}()

/// Whether `text` has more than two loops and functions of an element (`for`, `=>`)
/// together: nested over literal lists, three of them can already take minutes (no loop
/// budget yet, issue 13). Two over lists of a 1 KB input stay below ~65,000 steps.
public func hasManyLoops(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    var count = 0
    for word in [Array("for".utf8), Array("=>".utf8)] where bytes.count >= word.count {
        for start in 0...(bytes.count - word.count) where bytes[start..<(start + word.count)].elementsEqual(word) {
            count += 1
            if count > 2 { return true }
        }
    }
    return false
}
