import Foundation
import LerendExpressions
import LerendNetwork

/// Small networks for tests, written as values and turned into YAML (JSON is YAML).
enum NetworkFixtures {
    static let repository = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let plugins = repository.appending(path: "Plugins").path(percentEncoded: false)

    static func date(_ text: String) -> Value { .date(LocalDate(iso: text)!) }

    static func organisations(_ count: Int, clients: Int = 40) -> Value {
        .list(
            (1...max(1, count)).prefix(count).map { number in
                [
                    "naam": .string("Organisatie \(number)"), "rechtspersoon": .string("Stichting \(number)"),
                    "bestuur": .string("Bestuur \(number)"), "aantal_clienten": .int(clients), "plaats": "Zwolle",
                ]
            })
    }

    static func participants(_ count: Int, organisations: Int) -> Value {
        .list(
            (1...max(1, count)).prefix(count).map { number in
                [
                    "naam": .string("Deelnemer \(number)"),
                    "organisatie": .string("Organisatie \((number - 1) % organisations + 1)"),
                    "brengt": "ervaring", "haalt": "ideeën",
                ]
            })
    }

    static func meeting(_ date: String, minutes: Int = 150, host: Int, preparers: [Int], facilitator: Bool = true) -> Value {
        var meeting: Value = [
            "datum": Self.date(date), "begintijd": .time(LocalTime(hour: 13, minute: 30)!), "duur_minuten": .int(minutes),
            "vorm": "fysiek", "locatie": ["naam": "Zaal", "plaats": "Zwolle"], "gastheer": .string("Organisatie \(host)"),
            "thema": "Thema", "voorbereiders": .list(preparers.map { .string("Deelnemer \($0)") }),
            "uitkomsten": ["Een uitkomst"],
        ]
        if facilitator { meeting = meeting.setting("gespreksleider", to: "Begeleider") }
        return meeting
    }

    /// A Kwaliteitskader network of 2023 that meets every criterion.
    static let kwaliteitskader: Value = [
        "netwerk": ["naam": "Netwerk KK", "plugin": "kwaliteitskader-2017"],
        "organisaties": organisations(3, clients: 50),
        "deelnemers": participants(3, organisations: 3),
        "kwaliteit": [
            "kwaliteitsplan": true, "kwaliteitsverslag": true, "verbeterparagraaf": true, "uitwisseling": ["bezoek"],
            "uitwisseling_voor": ["medewerkers", "bestuurders"], "meelopen": true,
        ],
    ]

    /// A Waardigheid en trots network on 2026-06-20 that follows every step and tip.
    static let waardigheidEnTrots: Value = [
        "netwerk": [
            "naam": "Netwerk WT", "plugin": "waardigheid-en-trots", "doel": "Leren", "leervragen": ["Hoe?"],
            "wie_uitnodigen": "Collega's", "themas": ["Dagbesteding"], "vorm": "themabijeenkomsten",
            "bijeenkomsten_per_jaar": 4, "contactpersoon": ["naam": "Anna"],
        ],
        "organisaties": organisations(6),
        "deelnemers": participants(6, organisations: 6),
        "bijeenkomsten": [
            meeting("2026-01-20", minutes: 90, host: 1, preparers: [1, 2])
                .setting(
                    "agenda",
                    to: [
                        ["titel": "Kennismakingsrondje"], ["titel": "Welke verwachtingen zijn er?"],
                        ["titel": "Inventarisatierondje: halen en brengen"],
                    ]),
            meeting("2026-03-10", host: 2, preparers: [2, 3]),
            meeting("2026-09-15", host: 3, preparers: [3, 4]).setting("uitkomsten", to: []),
        ],
    ]

    /// A KenniZ network on 2026-06-20 that follows the plan of approach.
    static let kenniz: Value = [
        "netwerk": ["naam": "Netwerk KZ", "plugin": "kenniz", "themas": ["Familie"]],
        "organisaties": organisations(6),
        "deelnemers": participants(6, organisations: 6),
        "bijeenkomsten": [
            meeting("2026-02-05", host: 1, preparers: [1, 2]),
            meeting("2026-03-12", host: 2, preparers: [2, 3], facilitator: false),
            meeting("2026-04-16", host: 3, preparers: [3, 4], facilitator: false),
            meeting("2026-05-28", host: 4, preparers: [4, 5]).setting("evaluatie", to: true),
            meeting("2026-09-10", host: 5, preparers: [5, 6], facilitator: false),
            meeting("2026-10-15", host: 6, preparers: [6, 1], facilitator: false),
            meeting("2026-11-26", host: 1, preparers: [1, 3]),
        ],
        "besluiten": ["commitment": true],
    ]

    /// The value as YAML text (JSON, which YAML reads).
    static func yaml(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text):
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\""
        case .date(let date): return date.iso
        case .time(let time): return String(format: "%02d:%02d", time.hour, time.minute)
        case .list(let items): return "[" + items.map(yaml).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.map { "\"\($0.key)\": \(yaml($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}

extension Value {
    /// This value with the value at a dotted path (list indexes as numbers) replaced; an
    /// index one past the end appends.
    func setting(path: String, to newValue: Value) -> Value {
        var steps = path.split(separator: ".").map(String.init)
        let first = steps.removeFirst()
        let rest = steps.joined(separator: ".")
        if case .list(var items) = self, let index = Int(first) {
            if index == items.count { items.append([:]) }
            items[index] = rest.isEmpty ? newValue : items[index].setting(path: rest, to: newValue)
            return .list(items)
        }
        let current = value(atPath: first) ?? (steps.first.flatMap { Int($0) } != nil ? [] : [:])
        return setting(first, to: rest.isEmpty ? newValue : current.setting(path: rest, to: newValue))
    }
}
