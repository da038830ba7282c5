import Foundation
import LerendData
import LerendDiagnostics
import LerendExpressions

/// Reads the `voorbeelden:` of a rule file or a workflow: the shared settings at the
/// top of the file and the list under each rule or task.
struct ExampleReader {
    /// The settings every example of a file shares: `voorbeelden: {peildatum, netwerk}`.
    struct Defaults {
        var date: LocalDate?
        var network: String?
    }

    let file: DataFile
    /// The bundle folder, which every network file of an example lies in.
    let directory: String
    private(set) var problems: [Diagnostic] = []

    init(file: DataFile, directory: String) {
        self.file = file
        self.directory = directory
    }

    /// The shared settings under the top-level `voorbeelden:` of the file.
    mutating func defaults() -> Defaults {
        guard let node = file.root["voorbeelden"] else { return Defaults() }
        var reader = MappingReader(node, in: file, context: "'voorbeelden' bovenaan het bestand")
        let date = self.date(reader.value("peildatum"), reader: &reader)
        let network = networkFile(reader.value("netwerk"), reader: &reader)
        reader.finish()
        problems += reader.problems
        return Defaults(date: date, network: network)
    }

    /// The examples in `node` (the `voorbeelden:` list of a rule or task) about `subject`.
    mutating func examples(
        _ node: DataNode?, of subject: PluginExample.Subject, expecting kinds: [PluginExample.Expectation],
        defaults: Defaults
    ) -> [PluginExample] {
        guard let node else { return [] }
        guard case .sequence(let items, _) = node else {
            problems.append(
                file.diagnostic(
                    id: "D213", "'voorbeelden' moet een lijst zijn, maar dit is een \(node.kindName)", at: node,
                    hint: "zet voor elk voorbeeld '- verwacht: \(kinds[0].rawValue)' op een eigen regel"))
            return []
        }
        return items.compactMap { example($0, of: subject, expecting: kinds, defaults: defaults) }
    }

    private mutating func example(
        _ node: DataNode, of subject: PluginExample.Subject, expecting kinds: [PluginExample.Expectation],
        defaults: Defaults
    ) -> PluginExample? {
        var reader = MappingReader(node, in: file, context: "een voorbeeld van \(subject)")
        defer {
            reader.finish()
            problems += reader.problems
        }
        let names = kinds.map(\.rawValue)
        var expectation: PluginExample.Expectation?
        if let expected = reader.value("verwacht", required: true) {
            let text = expected.value.stringValue ?? ""
            expectation = PluginExample.Expectation(rawValue: text).flatMap { kinds.contains($0) ? $0 : nil }
            if expectation == nil {
                reader.report(
                    file.diagnostic(
                        id: "P110", "'verwacht' moet '\(names[0])' of '\(names[1])' zijn, niet '\(text)'", at: expected,
                        hint: Suggestions.hint(for: text, in: names) ?? "schrijf verwacht: \(names[0])"))
            }
        }
        let label = reader.text("uitleg")
        let date = self.date(reader.value("peildatum"), reader: &reader) ?? defaults.date
        if date == nil, case .mapping = node {
            reader.report(
                file.diagnostic(
                    id: "P110", "het voorbeeld heeft geen peildatum", at: node.location,
                    hint: "zet 'peildatum: JJJJ-MM-DD' bij het voorbeeld, of onder 'voorbeelden:' bovenaan het bestand"))
        }
        let network = networkFile(reader.value("netwerk"), reader: &reader) ?? defaults.network
        var changes: [PluginExample.Change] = []
        if let changeNode = reader.value("wijzig") {
            if case .mapping(let pairs, _) = changeNode {
                for pair in pairs {
                    let steps = pair.key.text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                    if steps.contains(where: \.isEmpty) || steps.contains(where: { Int($0).map { $0 < 1 } ?? false }) {
                        reader.report(
                            file.diagnostic(
                                id: "P112", "'\(pair.key.text)' is geen pad in het netwerkbestand", atKey: pair.key,
                                hint:
                                    "schrijf sleutels met punten ertussen en tel in lijsten vanaf 1: bijeenkomsten.3.duur_minuten"
                            ))
                        continue
                    }
                    changes.append(PluginExample.Change(path: steps, value: pair.value.value, key: pair.key))
                }
            } else {
                reader.report(
                    file.diagnostic(
                        id: "D210", "'wijzig' moet een object met sleutels zijn, maar dit is een \(changeNode.kindName)",
                        at: changeNode, hint: "schrijf per wijziging 'pad: waarde', zoals netwerk.doel: Samen leren"))
            }
        }
        guard let expectation, let date else { return nil }
        return PluginExample(
            subject: subject, expectation: expectation, label: label, date: date, network: network, changes: changes,
            file: file, node: node)
    }

    private func date(_ node: DataNode?, reader: inout MappingReader) -> LocalDate? {
        guard let node else { return nil }
        if let date = node.value.dateValue { return date }
        reader.report(
            file.diagnostic(id: "P110", "'peildatum' moet een datum zijn (JJJJ-MM-DD)", at: node))
        return nil
    }

    private func networkFile(_ node: DataNode?, reader: inout MappingReader) -> String? {
        guard let node else { return nil }
        return BundlePlugin.existingFile(node, in: directory, manifest: file, what: "netwerkbestand", reader: &reader)
    }
}
