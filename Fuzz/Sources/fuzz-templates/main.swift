// Fuzzes the document engine of LerendDocuments: the input is an ODT or DOCX package in
// memory (libzip reads it from a buffer), compiled as a template and, when that works,
// rendered once with a little data, with missing values as errors and as empty.
//
// Packages whose central directory claims a member larger than 64 MB are skipped: the
// engine allocates the claimed size before it reads (issue 13, being fixed with the
// package validation), which libFuzzer reports as out-of-memory at once.
// `LEREND_FUZZ_KNOWN=1` lets them in.
import LerendDocuments
import LerendExpressions

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether the known problems are let in (`LEREND_FUZZ_KNOWN=1`).
let knownProblems = getenv("LEREND_FUZZ_KNOWN").map { String(cString: $0) == "1" } ?? false

/// Whether a central directory header in `bytes` claims a compressed or uncompressed
/// size above `limit` (a zip64 size, 0xFFFFFFFF, included).
func claimsHugeMember(_ bytes: [UInt8], limit: UInt32 = 64 << 20) -> Bool {
    func word(_ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
    var index = 0
    while index + 28 <= bytes.count {
        if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 1, bytes[index + 3] == 2,
            word(index + 20) > limit || word(index + 24) > limit
        {
            return true
        }
        index += 1
    }
    return false
}

/// The data of one invitation, in the shape of the templates in `Templates/`.
let data: Value = [
    "netwerk": ["naam": "Zorg Dichtbij", "themas": ["dementie"], "doel": "Van elkaar leren"],
    "afzender": ["naam": "Marieke Jansen", "organisatie": "De Linde", "plaats": "Zwolle"],
    "deelnemer": ["naam": "Anna de Vries", "organisatie": "Het Anker"],
    "deelnemers": [["naam": "Anna de Vries"], ["naam": "Bram & <Jansen>"]],
    "bijeenkomst": [
        "nummer": 2, "titel": "Dagbesteding", "datum": .date(LocalDate(year: 2026, month: 3, day: 10)!),
        "begintijd": .time(LocalTime(hour: 13, minute: 30)!), "agenda": [["tijd": "13:30", "onderwerp": "Welkom"]],
    ],
    "datum_brief": .date(LocalDate(year: 2026, month: 2, day: 16)!),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    if !knownProblems, claimsHugeMember(bytes) { return 0 }
    let template: DocumentTemplate
    do {
        template = try DocumentTemplate(bytes: bytes, name: "fuzz.docx")
    } catch {
        for diagnostic in error.diagnostics { _ = diagnostic.description }
        return 0
    }
    let renderer = DocumentRenderer(template: template)
    for policy in [MissingValuePolicy.error, .empty] {
        do {
            _ = try renderer.render(data, options: RenderOptions(missingValues: policy))
        } catch {
            for diagnostic in error.diagnostics { _ = diagnostic.description }
        }
    }
    return 0
}
