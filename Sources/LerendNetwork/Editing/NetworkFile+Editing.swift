public import LerendData
public import LerendDiagnostics

extension NetworkFile {
    /// The text of this file with `edits` applied, and the file it loads as.
    ///
    /// Only the lines the edits touch change (see ``NetworkTextEditor``). The result is
    /// loaded again: when it is not a valid network file, or has a warning this file did
    /// not have (a participant of an organisation that is not in the file), the edits
    /// are refused with the loader's located messages. The file itself is not touched.
    public func applying(_ edits: [NetworkEdit], allowingNewWarnings: Bool = false) throws(DiagnosticList) -> (
        text: String, file: NetworkFile
    ) {
        try Self.applying(edits, to: file.text, path: file.path, allowingNewWarnings: allowingNewWarnings)
    }

    /// `text` (which need not load as a network file yet, only as YAML) with `edits`
    /// applied, refused unless the result loads as a network file.
    public static func applying(
        _ edits: [NetworkEdit], to text: String, path: String, allowingNewWarnings: Bool = false
    ) throws(DiagnosticList) -> (text: String, file: NetworkFile) {
        var editor = try NetworkTextEditor(text: text, path: path)
        try editor.apply(edits)
        let result = editor.result
        let note = "de wijziging is niet bewaard: zo zou het bestand niet kloppen; het is gebleven zoals het was"
        let loaded: NetworkFile
        do {
            loaded = try NetworkFile.parse(result, path: path)
        } catch {
            throw DiagnosticList(
                error.diagnostics.map { diagnostic in
                    var refused = diagnostic
                    if refused.severity == .error { refused.notes.append(note) }
                    return refused
                })
        }
        if !allowingNewWarnings, !loaded.warnings.isEmpty {
            let before = Set(((try? NetworkFile.parse(text, path: path))?.warnings ?? []).map(\.summary))
            let added = loaded.warnings.filter { !before.contains($0.summary) }
            if !added.isEmpty {
                throw DiagnosticList(
                    added.map { warning in
                        var refused = warning
                        refused.severity = .error
                        refused.notes.append(note)
                        return refused
                    })
            }
        }
        return (result, loaded)
    }
}

extension Diagnostic {
    /// What a warning says, without where: the same warning after an edit moved its line.
    fileprivate var summary: String { "\(id ?? "") \(message)" }
}
