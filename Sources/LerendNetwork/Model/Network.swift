public import LerendData
public import LerendExpressions

/// A learning network as its file describes it, checked against ``NetworkSchema``.
///
/// The typed parts are what the planner and the export need; rules, workflows and
/// templates read the whole file as a value (``NetworkFile/value(on:)``).
public struct Network: Sendable {
    public var name: String
    /// `themabijeenkomsten`, `werkgroep` or `intervisie`.
    public var form: String?
    public var meetingsPerYear: Int?
    public var themes: [String]
    /// The id of the plugin whose way of working the network follows.
    public var plugin: String
    /// Further rule sets to check against, such as `kwaliteitskader-2017`.
    public var extraRuleSets: [String]
    public var preferences: PlanningPreferences
    public var organisations: [Organisation]
    public var participants: [Participant]
    /// In date order.
    public var meetings: [Meeting]
}

/// A care organisation of the network.
public struct Organisation: Sendable {
    public var name: String
    public var address: String?
    public var postcode: String?
    public var place: String?
    public var node: DataNode
}

/// A person who takes part in the network.
public struct Participant: Sendable {
    public var name: String
    public var organisation: String
    public var email: String?
    public var node: DataNode

    /// The first word of the name, for "Beste Anna,".
    public var firstName: String { String(name.split(separator: " ").first ?? Substring(name)) }
}

/// A meeting of the network, planned or held.
public struct Meeting: Sendable {
    public var date: LocalDate
    public var start: LocalTime?
    public var durationMinutes: Int?
    public var host: String?
    public var theme: String?
    public var preparers: [String]
    public var facilitator: String?
    public var form: String?
    public var node: DataNode
}

/// The organiser's wishes for the year planning.
public struct PlanningPreferences: Sendable {
    public var start: LocalDate?
    /// ISO weekday, 1 is Monday.
    public var weekday: Int?
    public var startTime: LocalTime?
    public var durationMinutes: Int?
    public var form: String?
    /// Periods without meetings, such as school holidays: a name and the first and last day.
    public var blockedPeriods: [(name: String, range: ClosedRange<LocalDate>)] = []
}
