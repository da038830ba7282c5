import LerendData
import LerendDiagnostics
public import LerendExpressions
import LerendWorkflow

/// The data the document templates read, built from a network file: the contract of
/// `Templates/` (see `Docs/sjablonen.md`).
///
/// Every document gets `netwerk` (with `ondersteuner`), `afzender` (the contact person),
/// `datum_brief`, `deelnemers` and `organisaties`; an agenda and an invitation get
/// `bijeenkomst` with its timed `agenda`; an invitation gets `deelnemer` with `rol`; the
/// plan gets `plan`, `bijeenkomsten`, `totaal_clienten`, `teksten` (filled) and `bevindingen`;
/// every document gets `programma`, the plugin's year programme.
public struct DocumentData: Sendable {
    public let networkFile: NetworkFile
    public let plugin: any Plugin
    public let date: LocalDate
    /// The network file as a value, with derived fields.
    public let data: Value
    /// What every document shares, made once.
    public let shared: Value

    /// - Parameter logo: the network's own logo (`netwerk.logo`), found and checked by the
    ///   caller; without it the documents carry the plugin's.
    public init(networkFile: NetworkFile, plugin: any Plugin, date: LocalDate, logo: String? = nil) {
        self.networkFile = networkFile
        self.plugin = plugin
        self.date = date
        self.data = networkFile.value(on: date)
        let shared = Self.shared(data: data, network: networkFile.network, plugin: plugin, date: date)
        self.shared = shared.setting("netwerk", to: Self.logos(shared: shared, plugin: plugin, own: logo))
    }

    /// `netwerk.logo` (the network's own, else the plugin's, else empty: a picture tag
    /// then leaves the picture out) and `netwerk.ondersteuner_logo` (the plugin's).
    static func logos(shared: Value, plugin: any Plugin, own: String?) -> Value {
        (shared.value(atPath: "netwerk") ?? [:])
            .setting("logo", to: .string(own ?? plugin.logo ?? ""))
            .setting("ondersteuner_logo", to: .string(plugin.logo ?? ""))
    }

    /// The meetings, in date order, as values.
    public var meetings: [Value] {
        guard case .list(let items) = data.value(atPath: "bijeenkomsten") ?? .null else { return [] }
        return items.sorted { number($0) < number($1) }
    }

    /// The meeting's number in date order.
    public func number(_ meeting: Value) -> Int {
        if case .int(let number) = meeting.value(atPath: "nummer") ?? .null { return number }
        return 0
    }

    static func shared(data: Value, network: Network, plugin: any Plugin, date: LocalDate) -> Value {
        let networkValue = (data.value(atPath: "netwerk") ?? [:]).setting("ondersteuner", to: .string(plugin.name))
        var result: Value = [
            "netwerk": networkValue, "afzender": sender(data: data, network: network), "datum_brief": .date(date),
            "deelnemers": data.value(atPath: "deelnemers") ?? [], "organisaties": data.value(atPath: "organisaties") ?? [],
        ]
        result = result.setting("teksten", to: plugin.texts)
        return result.setting("programma", to: programme(plugin.programme))
    }

    /// The plugin's year programme as templates and texts read it (`programma.bijeenkomsten`,
    /// `programma.duur_minuten`, `programma.gespreksleider_bij`, ...); empty without one.
    static func programme(_ programme: YearProgramme?) -> Value {
        guard let programme else { return [:] }
        return [
            "bijeenkomsten": .int(programme.meetings), "duur_minuten": .int(programme.durationMinutes),
            "eerste_duur_minuten": programme.firstDurationMinutes.map(Value.int) ?? .null,
            "gespreksleider_bij": .list(programme.facilitatorAt.map(Value.int)),
            "gespreksleider": programme.facilitator.map(Value.string) ?? .null,
            "evaluatie_bij": programme.evaluationAt.map(Value.int) ?? .null,
        ]
    }

    /// The contact person, completed with their function and organisation when they are
    /// also a participant.
    static func sender(data: Value, network: Network) -> Value {
        let contact = data.value(atPath: "netwerk.contactpersoon") ?? [:]
        let name = contact.value(atPath: "naam")?.stringValue ?? ""
        let participant = network.participants.first { $0.name == name }
        let organisation = network.organisations.first { $0.name == participant?.organisation }
        return [
            "naam": .string(name), "email": contact.value(atPath: "email") ?? .string(participant?.email ?? ""),
            "telefoon": contact.value(atPath: "telefoon") ?? "",
            "functie": .string(participant?.node.text("functie") ?? ""),
            "organisatie": .string(participant?.organisation ?? ""), "plaats": .string(organisation?.place ?? ""),
        ]
    }

    /// A meeting as templates read it: with `titel`, `is_eerste`, `plaats` and the
    /// timed `agenda`; the remark says when the file's agenda does not add up.
    public func meeting(_ meeting: Value) -> (value: Value, remark: String?) {
        let number = number(meeting)
        let theme = AgendaBuilder.text(meeting, "thema")
        let isFirstOfSteps =
            number == 1 && plugin.workflow?.stages.contains { $0.id == "eerste-bijeenkomst" } == true
            && plugin.programme?.firstDurationMinutes != nil
        let (agenda, remark) = AgendaBuilder.agenda(for: meeting, firstMeetingOfSteps: isFirstOfSteps)
        let place: String
        if AgendaBuilder.text(meeting, "vorm") == "online" {
            place = "online" + (AgendaBuilder.text(meeting, "online_link").map { ", via \($0)" } ?? "")
        } else {
            place = [AgendaBuilder.text(meeting, "locatie.naam"), AgendaBuilder.text(meeting, "locatie.plaats")]
                .compactMap { $0 }.joined(separator: ", ")
        }
        var value =
            meeting
            .setting("titel", to: .string("Bijeenkomst \(number)" + (theme.map { " – \($0)" } ?? "")))
            .setting("is_eerste", to: .bool(number == 1))
            .setting("is_evaluatie", to: .bool(meeting.value(atPath: "evaluatie") == .bool(true)))
            .setting("plaats", to: place.isEmpty ? .null : .string(place))
            .setting("adres", to: address(meeting).map(Value.string) ?? .null)
            .setting("agenda", to: .list(agendaWithPeople(agenda, meeting: meeting)))
        for key in ["thema", "gastheer", "gespreksleider", "online_link"] where value.value(atPath: key) == nil {
            value = value.setting(key, to: .null)
        }
        if value.value(atPath: "voorbereiders") == nil { value = value.setting("voorbereiders", to: []) }
        if value.value(atPath: "locatie") == nil { value = value.setting("locatie", to: [:]) }
        return (value, remark)
    }

    /// The agenda with a person where it names the host organisation as "wie": a preparer
    /// from that organisation, else its first participant (an organisation cannot open a
    /// meeting).
    func agendaWithPeople(_ agenda: [Value], meeting: Value) -> [Value] {
        guard let host = AgendaBuilder.text(meeting, "gastheer") else { return agenda }
        let people = networkFile.network.participants.filter { $0.organisation == host }.map(\.name)
        var preparers: [String] = []
        if case .list(let names) = meeting.value(atPath: "voorbereiders") ?? .null { preparers = names.compactMap(\.stringValue) }
        guard let person = people.first(where: preparers.contains) ?? people.first else { return agenda }
        return agenda.map { item in
            AgendaBuilder.text(item, "wie") == host ? item.setting("wie", to: .string(person)) : item
        }
    }

    /// Where the meeting is, written out: "Woonzorgcentrum De Linde, Lindelaan 12, 8011 AB
    /// Zwolle", "online, via https://..." or both for a hybrid meeting; nil when the file
    /// does not say yet (a template then leaves its sentence out).
    func address(_ meeting: Value) -> String? {
        let text = { (path: String) in AgendaBuilder.text(meeting, path) }
        let postal = [text("locatie.postcode"), text("locatie.plaats")].compactMap { $0 }.joined(separator: " ")
        let building = [text("locatie.naam"), text("locatie.adres"), postal.isEmpty ? nil : postal].compactMap { $0 }
            .joined(separator: ", ")
        let online = text("online_link").map { "online, via \($0)" }
        switch text("vorm") {
        case "online": return online ?? "online"
        case "hybride":
            let both = [building.isEmpty ? nil : building, online].compactMap { $0 }.joined(separator: " of ")
            return both.isEmpty ? nil : both
        default: return building.isEmpty ? nil : building
        }
    }

    /// The data of an agenda.
    public func agenda(for meeting: Value) -> Value {
        shared.setting("bijeenkomst", to: self.meeting(meeting).value)
    }

    /// Why a participant cannot get an invitation, or nil.
    public func problem(with participant: Participant) -> String? {
        if !networkFile.network.organisations.contains(where: { $0.name == participant.organisation }) {
            return "\(participant.name) werkt bij '\(participant.organisation)', die niet onder 'organisaties' staat"
        }
        if participant.email == nil { return "\(participant.name) heeft geen e-mailadres" }
        return nil
    }

    /// The data of the invitation of `participant` to `meeting`.
    public func invitation(for participant: Participant, to meeting: Value) -> Value {
        invitation(for: participant, toPrepared: self.meeting(meeting).value)
    }

    /// The data of an invitation to a meeting already made by ``meeting(_:)``: a batch
    /// prepares each meeting once, not once per participant.
    public func invitation(for participant: Participant, toPrepared meetingValue: Value) -> Value {
        let meeting = meetingValue
        let preparers =
            meetingValue.value(atPath: "voorbereiders").map { value -> [String] in
                if case .list(let names) = value { return names.compactMap(\.stringValue) }
                return []
            } ?? []
        let prepares = preparers.contains(participant.name)
        let hosts = AgendaBuilder.text(meeting, "gastheer") == participant.organisation
        let formal = participant.formOfAddress == .formal
        let person = (participant.node.value)
            .setting("voornaam", to: .string(participant.firstName))
            .setting("aanhef", to: .string(participant.greeting))
            .setting("aanspreekvorm", to: .string(participant.formOfAddress.rawValue))
            .setting("functie", to: participant.node.value("functie") ?? "")
            .setting(
                "rol",
                to: [
                    "bereidt_voor": .bool(prepares), "is_gastheer": .bool(hosts),
                    "voorbereiding": .string(
                        prepares
                            ? formal
                                ? "Stuur wat u voorbereidt uiterlijk een week van tevoren rond."
                                : "Stuur wat je voorbereidt uiterlijk een week van tevoren rond." : ""),
                ])
        return shared.setting("bijeenkomst", to: meetingValue).setting("deelnemer", to: person)
    }
}
