import Foundation
import LerendExpressions
import Testing

/// The reference sections of the documentation are what `lerend uitleg` prints now.
@Suite struct ReferenceDocsTests {
    @Test(arguments: [("functies", "Docs/expressietaal.md"), ("velden", "Docs/netwerkbestand.md")])
    func documentationListsWhatTheProgramKnows(topic: String, document: String) throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Program.run(["uitleg", topic], in: folder)
        #expect(result.status == 0)
        let text = try String(contentsOf: Program.repository.appending(path: document), encoding: .utf8)
        #expect(
            text.contains(result.output.trimmingCharacters(in: .newlines)),
            "\(document) is out of date: paste the output of 'lerend uitleg \(topic)' into it")
    }

    @Test func uitlegNamesEveryFunctionAndEveryAlias() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try Program.run(["uitleg", "functies"], in: folder).output
        var listed = Set<String>()
        for line in output.split(separator: "\n") where !line.hasPrefix(" ") {
            listed.insert(String(line.prefix { $0 != "(" }))
            if let others = line.firstRange(of: "(ook: ") {
                let names = line[others.upperBound...].dropLast()
                listed.formUnion(names.split(separator: ", ").map(String.init))
            }
        }
        #expect(Set(FunctionLibrary.standard.names).subtracting(listed) == [])
    }

    @Test func everyDiagnosticIDIsInTheTableOfDocsFoutcodes() throws {
        let table = try String(contentsOf: Program.repository.appending(path: "Docs/foutcodes.md"), encoding: .utf8)
        let documented = Set(table.matches(of: /\n\| ([A-Z]\d{3}) \|/).map { String($0.output.1) })
        var used = Set<String>()
        let sources = Program.repository.appending(path: "Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            used.formUnion(text.matches(of: /"([A-Z]\d{3})"/).map { String($0.output.1) })
        }
        #expect(used.count > 80)
        #expect(used.subtracting(documented).sorted() == [], "add these codes to Docs/foutcodes.md")
        #expect(documented.subtracting(used).sorted() == [], "these codes in Docs/foutcodes.md are no longer used")
    }
}
