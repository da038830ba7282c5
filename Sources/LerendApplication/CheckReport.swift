public import LerendDiagnostics
public import LerendExpressions
public import LerendNetwork

/// What `lerend check` answers: the findings of every rule set about a network.
///
/// Its JSON form (``json()``) has stable Dutch keys: `netwerk`, `datum`, `regelsets`,
/// `bevindingen` (each with `id`, `ernst`, `melding`, `plugin`, `regelset`, `bron`,
/// `plaats`, `opmerkingen`) and `aantallen`.
public struct CheckReport: Sendable {
    /// A rule set a network was checked against.
    public struct RuleSetEntry: Sendable, Encodable {
        public let plugin: String
        public let name: String
        public let version: String

        enum CodingKeys: String, CodingKey {
            case plugin
            case name = "naam"
            case version = "versie"
        }
    }

    public let network: String
    public let date: LocalDate
    public let ruleSets: [RuleSetEntry]
    public let findings: [Finding]

    /// The findings of one severity.
    public func findings(_ severity: Severity) -> [Finding] { findings.filter { $0.severity == severity } }

    /// Whether a finding is an error, which makes `lerend check` fail.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// The counts in words: "1 fout, 2 waarschuwingen en 0 adviezen".
    public var summary: String {
        let counts = [
            (Severity.error, "fout", "fouten"), (.warning, "waarschuwing", "waarschuwingen"), (.advice, "advies", "adviezen"),
        ]
        .map { severity, one, many in
            let count = findings(severity).count
            return "\(count) \(count == 1 ? one : many)"
        }
        return DutchFormatting.enumeration(counts, conjunction: "en")
    }

    /// "Kwaliteitskader (2017) en KenniZ (2025)".
    public var ruleSetNames: String {
        DutchFormatting.enumeration(ruleSets.map { "\($0.name) (\($0.version))" }, conjunction: "en")
    }

    /// The report as JSON, for other programs.
    public func json() -> String {
        struct Source: Encodable { let document, zin: String }
        struct Place: Encodable {
            let bestand: String
            let regel: Int?
            let kolom: Int?
        }
        struct Entry: Encodable {
            let id, ernst, melding, plugin, regelset: String
            let bron: Source?
            let plaats: Place?
            let opmerkingen: [String]
        }
        struct Form: Encodable {
            let netwerk, datum: String
            let regelsets: [RuleSetEntry]
            let bevindingen: [Entry]
            let aantallen: [String: Int]
        }
        let form = Form(
            netwerk: network, datum: date.iso, regelsets: ruleSets,
            bevindingen: findings.map { finding in
                Entry(
                    id: finding.ruleID, ernst: finding.severity.key, melding: finding.message, plugin: finding.plugin,
                    regelset: finding.ruleSet, bron: finding.source.map { Source(document: $0.document, zin: $0.sentence) },
                    plaats: finding.location.map { Place(bestand: $0.file, regel: $0.line, kolom: $0.column) },
                    opmerkingen: finding.notes)
            },
            aantallen: [
                "fouten": findings(.error).count, "waarschuwingen": findings(.warning).count,
                "adviezen": findings(.advice).count,
            ])
        return JSONText.encode(form)
    }
}

extension NetworkSession {
    /// The findings of every rule set of the network's plugins.
    public func checkReport() -> CheckReport {
        CheckReport(
            network: network.name, date: date,
            ruleSets: plugins.flatMap { plugin in
                plugin.ruleSets.map { CheckReport.RuleSetEntry(plugin: plugin.id, name: $0.name, version: $0.version) }
            },
            findings: findings())
    }
}
