// Fuzzes the document engine of LerendDocuments: the input is an ODT or DOCX package in
// memory (libzip reads it from a buffer), compiled as a template and, when that works,
// rendered once with a little data, with missing values as errors and as empty.
//
// An input that does not start with "PK" is taken as the XML of the main part and put
// into a small package with correct CRCs (``StoredPackage``): mutations of a zip's
// members mostly fail its CRC check, so this is what reaches libxml2 and the compiler.
//
// `range` has a budget, as in fuzz-expressions (`LEREND_FUZZ_KNOWN=1` lifts it).
import FuzzSupport
import LerendData
import LerendDocuments
import LerendExpressions

/// Renders each message, as the CLI would, and prints it when verbose.
func report(_ messages: [String]) {
    if verbose { for message in messages { print(message) } }
}

/// The data of one invitation: `samples/uitnodiging/gegevens.yaml` of the repository this
/// was built from (`LEREND_FUZZ_DATA` names another) with its first participant as
/// `deelnemer`, as `lerend render --each deelnemers --as deelnemer` gives each document.
let data: Value = {
    let path =
        setting("LEREND_FUZZ_DATA") ?? repositoryPath("samples/uitnodiging/gegevens.yaml")
    guard case .object(var members) = try? DataFile.load(path: path).value else {
        fatalError("fuzz-templates: de voorbeeldgegevens '\(path)' laden niet")
    }
    if case .list(let participants)? = members["deelnemers"], let first = participants.first {
        members["deelnemer"] = first
    }
    return .object(members)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    var bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    startInput()
    if !bytes.starts(with: [0x50, 0x4B]) { bytes = StoredPackage.wrapping(bytes) }
    let template: DocumentTemplate
    do {
        template = try DocumentTemplate(bytes: bytes, name: "fuzz.docx", library: fuzzLibrary)
    } catch {
        report(error.diagnostics.map(\.description))
        return 0
    }
    let renderer = DocumentRenderer(template: template)
    for policy in [MissingValuePolicy.error, .empty] {
        startInput()
        do {
            let document = try renderer.render(data, options: RenderOptions(missingValues: policy))
            if verbose { print("document van \(document.count) bytes, \(template.tagCount) tags") }
        } catch {
            report(error.diagnostics.map(\.description))
        }
    }
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    withoutLeakChecks { _ = data }
    warmUp(fuzzTemplates, with: ["Templates/uitnodiging.docx", "Templates/agenda.odt"])
    return 0
}
