import LerendData
public import LerendDiagnostics
import LerendExpressions

extension NetworkFile {
    /// The text of this file with `entries` appended to the list under `listKey`
    /// (`organisaties` or `deelnemers`), after a comment line `note`; every other line
    /// stays as the organiser wrote it. The result is checked by loading it again; the
    /// file itself is not touched.
    ///
    /// A stopgap for `lerend importeer` and its tests: the general editor of network
    /// files takes over here, with the same ``NetworkEntry`` values.
    public func text(appending entries: [NetworkEntry], to listKey: String, note: String) throws(DiagnosticList) -> String {
        guard let list = NetworkSchema.file.field(listKey), case .list(.object(let entity)) = list.kind else {
            throw DiagnosticList([Diagnostic(.error, id: "N121", "'\(listKey)' is geen lijst van het netwerkbestand")])
        }
        let text = try inserting(under: listKey, command: "lerend importeer") { indent in
            ["\(indent)# \(note)"]
                + entries.flatMap { entry in
                    entry.fields.enumerated().map { offset, field in
                        let value: String
                        if case .integer = entity.field(field.key)?.kind, Int(field.text) != nil {
                            value = field.text
                        } else {
                            value = Self.quoted(field.text)
                        }
                        return (offset == 0 ? "\(indent)- " : "\(indent)  ") + "\(field.key): \(value)"
                    }
                }
        }
        let reloaded = try NetworkFile.parse(text, path: file.path)
        let before = listKey == "organisaties" ? network.organisations.count : network.participants.count
        let after = listKey == "organisaties" ? reloaded.network.organisations.count : reloaded.network.participants.count
        guard after == before + entries.count else {
            throw DiagnosticList([
                Diagnostic(.error, id: "N121", "de nieuwe items van '\(listKey)' konden niet worden toegevoegd")
            ])
        }
        return text
    }
}
