/// What a plugin asks of a network's year: how many meetings, how long, where a
/// facilitator and an evaluation belong.
///
/// ```yaml
/// programma:
///   bijeenkomsten: 7
///   per_vorm: {themabijeenkomsten: 4, werkgroep: 10, intervisie: 6}
///   duur_minuten: 150
///   eerste_duur_minuten: 90
///   gespreksleider_bij: [1, 4, 7]
///   gespreksleider: KenniZ
///   evaluatie_bij: 4
///   gastheer_rouleert: true
/// ```
public struct YearProgramme: Sendable, Hashable {
    /// Meetings a year when the form does not say otherwise.
    public var meetings: Int
    /// Meetings a year by the network's form (`netwerk.vorm`).
    public var meetingsByForm: [String: Int]
    public var durationMinutes: Int
    /// The length of the first meeting, when it differs.
    public var firstDurationMinutes: Int?
    /// The meeting numbers (from 1) that need a facilitator.
    public var facilitatorAt: [Int]
    /// Who provides the facilitator, such as "KenniZ".
    public var facilitator: String?
    /// The meeting number that ends with an evaluation.
    public var evaluationAt: Int?
    /// Whether the host rotates among the organisations.
    public var hostRotates: Bool

    public init(
        meetings: Int, meetingsByForm: [String: Int] = [:], durationMinutes: Int, firstDurationMinutes: Int? = nil,
        facilitatorAt: [Int] = [], facilitator: String? = nil, evaluationAt: Int? = nil, hostRotates: Bool = true
    ) {
        self.meetings = meetings
        self.meetingsByForm = meetingsByForm
        self.durationMinutes = durationMinutes
        self.firstDurationMinutes = firstDurationMinutes
        self.facilitatorAt = facilitatorAt
        self.facilitator = facilitator
        self.evaluationAt = evaluationAt
        self.hostRotates = hostRotates
    }

    /// The number of meetings for a network of `form` that asks for `requested` a year.
    public func meetingCount(form: String?, requested: Int?) -> Int {
        if let form, let count = meetingsByForm[form] {
            if let requested, form == "themabijeenkomsten", (3...4).contains(requested) { return requested }
            return count
        }
        return requested ?? meetings
    }
}
