import LerendData
import LerendDiagnostics

extension BundlePlugin {
    /// The manifest's `versie:` and `lerend:`; a bundle made for another Lerend is a
    /// problem at its `lerend:`.
    static func versions(
        in manifest: DataFile, lerendVersion: Version, reader: inout MappingReader
    ) -> (Version?, VersionRange?) {
        var version: Version?
        if let node = reader.value("versie") {
            let text = scalarText(node)
            version = Version(text)
            if version == nil {
                reader.report(
                    manifest.diagnostic(
                        id: "P109", "'\(text)' is geen versie", at: node,
                        hint: "schrijf één tot drie getallen met punten, tussen aanhalingstekens: versie: \"1.0.0\""))
            }
        }
        var range: VersionRange?
        if let node = reader.value("lerend") {
            let text = scalarText(node)
            range = VersionRange(text)
            if range == nil {
                reader.report(
                    manifest.diagnostic(
                        id: "P109", "'\(text)' is geen bereik van versies van Lerend", at: node,
                        hint: "schrijf voorwaarden met een spatie ertussen, zoals lerend: \">=0.1 <1.0\""))
            } else if let range, !range.contains(lerendVersion) {
                reader.report(
                    manifest.diagnostic(
                        id: "P108", "deze bundel is gemaakt voor Lerend \(range.text), en dit is Lerend \(lerendVersion)",
                        at: node,
                        hint: "gebruik een versie van de bundel die bij Lerend \(lerendVersion) past, of een Lerend "
                            + "die bij de bundel past (lerend --version zegt welke je hebt)"))
            }
        }
        return (version, range)
    }

    /// The text of a scalar as written (`1.10` stays `1.10`); empty for a list or object.
    private static func scalarText(_ node: DataNode) -> String {
        if case .scalar(let scalar) = node { return scalar.text }
        return ""
    }
}
