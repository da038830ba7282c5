// Fuzzes the document engine of LerendDocuments: the input is an ODT or DOCX package in
// memory (libzip reads it from a buffer), compiled as a template and, when that works,
// rendered once with a little data, with missing values as errors and as empty.
import LerendDocuments
import LerendExpressions

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
