public import LerendExpressions

/// A meeting of a year plan: one already in the network file, or one the planner proposes.
public struct PlannedMeeting: Sendable {
    /// The place in the year, from 1.
    public var number: Int
    public var date: LocalDate
    public var start: LocalTime
    public var durationMinutes: Int
    public var form: String
    public var host: String?
    public var location: Organisation?
    public var theme: String?
    public var preparers: [String]
    public var facilitator: String?
    public var evaluation: Bool
    /// Whether the meeting was already in the file (and is kept as it is).
    public var isExisting: Bool
    /// Why the date moved from its even spot, such as "Hemelvaartsdag".
    public var moved: [String]
}

/// The meetings of one year of a network.
public struct YearPlan: Sendable {
    public var first: LocalDate
    public var last: LocalDate
    public var meetings: [PlannedMeeting]
    /// Remarks for the organiser, such as too few participants for preparing pairs.
    public var remarks: [String]

    /// The meetings the planner proposes, without those already in the file.
    public var proposed: [PlannedMeeting] { meetings.filter { !$0.isExisting } }
}
