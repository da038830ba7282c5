import Foundation
import LerendData
import LerendDiagnostics
public import LerendExpressions
import OrderedCollections

extension DocumentData {
    /// The data of the plan of approach, with the findings of `findings`.
    ///
    /// The plugin's texts (`teksten`) may hold tags: they are filled with the plan's own
    /// data, so that "7 bijeenkomsten" or the network's name come from the network and the
    /// plugin's programme. The findings are written for the partner organisations: a
    /// summary sentence and each message without rule codes or field names.
    public func plan(findings: [Finding], ruleSets: [RuleSet]) -> Value {
        let organisations = networkFile.network.organisations.map { organisation -> Value in
            let names = networkFile.network.participants.filter { $0.organisation == organisation.name }.map {
                Value.string($0.name)
            }
            return organisation.node.value.setting("deelnemers", to: .list(names))
        }
        let clients = networkFile.network.organisations.reduce(0) { $0 + ($1.node.integer("aantal_clienten") ?? 0) }
        let count = { (severity: Severity) in findings.filter { $0.severity == severity }.count }
        let findingValues: [Value] = findings.sorted { $0.severity < $1.severity }.map {
            [
                "ernst": .string($0.severity.label), "soort": .string(Self.kindOfFinding($0.severity)),
                "melding": .string(Self.plainMessage($0.message)),
            ]
        }
        let ruleSetNames = DutchFormatting.enumeration(ruleSets.map { "\($0.name) (\($0.version))" }, conjunction: "en")
        let data =
            shared
            .setting(
                "plan",
                to: ["datum": .date(date), "jaar": .int(meetings.first?.value(atPath: "datum")?.dateValue?.year ?? date.year)]
            )
            .setting("organisaties", to: .list(organisations))
            .setting("totaal_clienten", to: .int(clients))
            .setting("bijeenkomsten", to: .list(meetings.map { self.meeting($0).value }))
            .setting(
                "bevindingen",
                to: [
                    "regelset": .string(ruleSetNames), "fouten": .int(count(.error)),
                    "waarschuwingen": .int(count(.warning)), "adviezen": .int(count(.advice)),
                    "samenvatting": .string(
                        Self.summary(
                            ruleSets: ruleSetNames, errors: count(.error), warnings: count(.warning),
                            advice: count(.advice))),
                    "lijst": .list(findingValues),
                ])
        return data.setting("teksten", to: Self.filled(Self.completedTexts(plugin.texts), with: data))
    }

    /// What a finding means for the partner organisations, as the plan labels it.
    static func kindOfFinding(_ severity: Severity) -> String {
        switch severity {
        case .error: "Nog op te lossen"
        case .warning: "Let op"
        case .advice, .note: "Advies"
        }
    }

    /// The result of the check in one or two plain sentences: "We hebben het netwerk
    /// getoetst aan ... Er is 1 punt dat we nog oplossen en er zijn 2 adviezen."
    static func summary(ruleSets: String, errors: Int, warnings: Int, advice: Int) -> String {
        let checked = "We hebben het netwerk getoetst aan de afspraken van \(ruleSets)."
        guard errors + warnings + advice > 0 else { return checked + " Het netwerk voldoet aan al deze afspraken." }
        var parts: [String] = []
        if errors > 0 { parts.append(errors == 1 ? "1 punt dat we nog oplossen" : "\(errors) punten die we nog oplossen") }
        if warnings > 0 { parts.append(warnings == 1 ? "1 punt om op te letten" : "\(warnings) punten om op te letten") }
        if advice > 0 { parts.append(advice == 1 ? "1 advies" : "\(advice) adviezen") }
        let first = errors > 0 ? errors : warnings > 0 ? warnings : advice
        return checked + " Daarbij kwam" + (first == 1 && parts.count == 1 ? " " : "en ")
            + DutchFormatting.enumeration(parts, conjunction: "en") + " naar voren:"
    }

    /// A rule's message as a partner organisation reads it: without the field names in
    /// brackets ("(netwerk.themas)") or back-quotes that are meant for the organiser.
    static func plainMessage(_ message: String) -> String {
        var text = message.replacing("`", with: "")
        text = text.replacing(/\s*\([a-z_]+(?:\.[a-z0-9_]+)+(?:(?:, | en | of )[a-z_]+(?:\.[a-z0-9_]+)+)*\)/, with: "")
        text = text.trimmingCharacters(in: .whitespaces)
        guard let first = text.first else { return text }
        text = first.uppercased() + text.dropFirst()
        if let last = text.last, !".!?".contains(last) { text += "." }
        return text
    }

    /// The plugin's texts with every key the standard templates read: a template can test
    /// `teksten.hoofdstukken` or `teksten.bronnen` without the plugin having them.
    static func completedTexts(_ texts: Value) -> Value {
        var result = texts
        for key in ["inleiding", "contact"] where result.value(atPath: key) == nil {
            result = result.setting(key, to: .null)
        }
        for key in ["afspraken", "bronnen", "hoofdstukken"] where result.value(atPath: key) == nil {
            result = result.setting(key, to: [])
        }
        guard case .list(let chapters) = result.value(atPath: "hoofdstukken") ?? .null else { return result }
        return result.setting(
            "hoofdstukken",
            to: .list(
                chapters.map { chapter in
                    var chapter = chapter
                    for key in ["alineas", "punten", "slot"] where chapter.value(atPath: key) == nil {
                        chapter = chapter.setting(key, to: [])
                    }
                    return chapter
                }))
    }

    /// Every text in `value` rendered as a text template against `data`; a text whose
    /// tags cannot be filled stays as it is (the tests of the samples read every document
    /// for a tag left over).
    static func filled(_ value: Value, with data: Value) -> Value {
        switch value {
        case .string(let text) where text.contains("{{") || text.contains("{%"):
            guard let template = try? TextTemplate(text), let rendered = try? template.render(data) else { return value }
            return .string(rendered)
        case .list(let items): return .list(items.map { filled($0, with: data) })
        case .object(let object):
            var result = value
            for (key, item) in object { result = result.setting(key, to: filled(item, with: data)) }
            return result
        default: return value
        }
    }
}
