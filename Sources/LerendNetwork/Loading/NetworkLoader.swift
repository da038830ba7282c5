import Foundation
import LerendData
import LerendDiagnostics
import LerendExpressions
import LerendMail

/// Checks a network file against ``NetworkSchema`` and builds the typed ``Network``.
enum NetworkLoader {
    static func load(_ file: DataFile) throws(DiagnosticList) -> NetworkFile {
        var validator = SchemaValidator(file: file)
        validator.validate(file.root, as: NetworkSchema.file)
        var problems = validator.problems

        let organisations = named(file.root["organisaties"], in: file, kind: "organisatie", problems: &problems)
        let participants = named(file.root["deelnemers"], in: file, kind: "deelnemer", problems: &problems)
        // A participant of an unknown organisation is a warning: the file still loads, and
        // the export skips that participant with this message.
        let employers = Set(participants.compactMap { $0.node["organisatie"]?.location })
        let references = validator.organisationReferences
        problems += unknownReferences(
            references.filter { !employers.contains($0.location) }, known: organisations.map(\.name),
            in: file, id: "N112", kind: "organisatie", list: "organisaties")
        let warnings = unknownReferences(
            references.filter { employers.contains($0.location) },
            known: organisations.map(\.name), in: file, id: "N112", kind: "organisatie",
            list: "organisaties"
        ).map { warning in
            var warning = warning
            warning.severity = .warning
            return warning
        }
        problems += unknownReferences(
            validator.participantReferences, known: participants.map(\.name),
            in: file, id: "N113", kind: "deelnemer", list: "deelnemers")
        if !problems.isEmpty { throw DiagnosticList(problems) }
        let addressWarnings = validator.emailAddresses.filter {
            !MailAddress.isValid($0.text.trimmingCharacters(in: .whitespaces))
        }.map { scalar in
            file.diagnostic(
                .warning, id: "N108", "'\(scalar.text)' is geen geldig e-mailadres", at: scalar.location,
                length: scalar.text.count,
                hint: "schrijf het als naam@organisatie.nl; zonder geldig adres krijgt deze persoon geen e-mail en staat "
                    + "hij niet bij de genodigden van de agenda-uitnodiging")
        }

        let root = file.root
        let network = Network(
            name: root.text("netwerk.naam") ?? "",
            form: root.text("netwerk.vorm"),
            meetingsPerYear: root.integer("netwerk.bijeenkomsten_per_jaar"),
            themes: root.texts("netwerk.themas"),
            plugin: root.text("netwerk.plugin") ?? "",
            extraRuleSets: root.texts("netwerk.toetsen_aan"),
            preferences: PlanningPreferences(
                start: root.value("netwerk.voorkeuren.start")?.dateValue,
                weekday: root.text("netwerk.voorkeuren.weekdag").flatMap { DutchFormatting.weekdayNames.firstIndex(of: $0) }
                    .map { $0 + 1 },
                startTime: root.value("netwerk.voorkeuren.begintijd")?.timeValue,
                durationMinutes: root.integer("netwerk.voorkeuren.duur_minuten"),
                form: root.text("netwerk.voorkeuren.vorm"),
                blockedPeriods: blockedPeriods(root.descendant(atPath: "netwerk.voorkeuren.niet_in"))),
            organisations: organisations.map {
                Organisation(
                    name: $0.name, address: $0.node.text("adres"), postcode: $0.node.text("postcode"),
                    place: $0.node.text("plaats"), node: $0.node)
            },
            participants: participants.map {
                Participant(
                    name: $0.name, organisation: $0.node.text("organisatie") ?? "", email: $0.node.text("email"),
                    node: $0.node)
            },
            meetings: meetings(root["bijeenkomsten"]))
        return NetworkFile(file: file, network: network, warnings: addressWarnings + warnings)
    }

    /// The named items of a list; a name that comes twice is reported at the second.
    private static func named(
        _ list: DataNode?, in file: DataFile, kind: String, problems: inout [Diagnostic]
    ) -> [(name: String, node: DataNode)] {
        guard case .sequence(let items, _)? = list else { return [] }
        var result: [(name: String, node: DataNode)] = []
        var seen: [String: DataNode] = [:]
        for item in items {
            guard let nameNode = item["naam"], case .scalar(let scalar) = nameNode, !scalar.text.isEmpty else { continue }
            let key = scalar.text.lowercased()
            if let earlier = seen[key] {
                problems.append(
                    file.diagnostic(
                        id: kind == "organisatie" ? "N110" : "N111", "de \(kind) '\(scalar.text)' staat twee keer in het bestand",
                        at: nameNode,
                        hint:
                            "de eerste staat op regel \(earlier.location.line ?? 0); voeg ze samen of geef ze verschillende namen"
                    ))
                continue
            }
            seen[key] = nameNode
            result.append((scalar.text, item))
        }
        return result
    }

    private static func unknownReferences(
        _ references: [DataNode.Scalar], known: [String], in file: DataFile, id: String, kind: String, list: String
    ) -> [Diagnostic] {
        let names = Set(known.map { $0.lowercased() })
        return references.filter { !names.contains($0.text.lowercased()) }.map { reference in
            file.diagnostic(
                id: id, "onbekende \(kind) '\(reference.text)'", at: .scalar(reference),
                hint: Suggestions.hint(for: reference.text, in: known)
                    ?? (known.isEmpty
                        ? "voeg de \(kind) toe onder '\(list):'" : "bekende namen: " + known.joined(separator: ", ")))
        }
    }

    /// The periods under `voorkeuren.niet_in`; one whose end comes before its start is
    /// read the other way round.
    private static func blockedPeriods(
        _ found: (node: DataNode, missingStep: String?)
    ) -> [(name: String, range: ClosedRange<LocalDate>)] {
        guard found.missingStep == nil, case .sequence(let items, _) = found.node else { return [] }
        return items.compactMap { item in
            guard let from = item.value("van")?.dateValue, let until = item.value("tot_en_met")?.dateValue else { return nil }
            return (item.text("naam") ?? "een periode zonder bijeenkomsten", min(from, until)...max(from, until))
        }
    }

    private static func meetings(_ list: DataNode?) -> [Meeting] {
        guard case .sequence(let items, _)? = list else { return [] }
        let meetings = items.compactMap { item -> Meeting? in
            guard let date = item.value("datum")?.dateValue else { return nil }
            return Meeting(
                date: date, start: item.value("begintijd")?.timeValue, durationMinutes: item.integer("duur_minuten"),
                host: item.text("gastheer"), theme: item.text("thema"), preparers: item.texts("voorbereiders"),
                facilitator: item.text("gespreksleider"), form: item.text("vorm"), node: item)
        }
        return meetings.sorted { $0.date < $1.date }
    }
}
