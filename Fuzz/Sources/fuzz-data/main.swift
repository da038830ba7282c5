// Fuzzes the YAML and JSON data loader of LerendData: the input is the text of a data
// file, read into data nodes (with their places) and converted to values; the messages of
// a file that does not parse are rendered as the CLI prints them. The same text is then
// loaded as a network file (schema check and network model of LerendNetwork).
import LerendData
import LerendExpressions
import LerendNetwork

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzData(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    do {
        let file = try DataFile.parse(text, path: "fuzz.yaml")
        _ = file.value
        _ = file.root.value("netwerk.naam")
    } catch {
        for diagnostic in error.diagnostics { _ = diagnostic.description }
        return 0
    }
    do {
        let network = try NetworkFile.parse(text, path: "fuzz.yaml")
        _ = network.value(on: LocalDate(year: 2026, month: 3, day: 10)!)
    } catch {
        for diagnostic in error.diagnostics { _ = diagnostic.description }
    }
    return 0
}
