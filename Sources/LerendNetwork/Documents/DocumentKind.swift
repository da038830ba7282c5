/// A kind of document a network's organiser makes: the plan of approach, the
/// invitations, the agendas, the attendance list of a year.
///
/// The raw value is the one name of the kind in every file: the key of a plugin's
/// `sjablonen:`, of the network file's `netwerk.sjablonen`, and the name a workflow's
/// `documenten:` lists.
public enum DocumentKind: String, CaseIterable, Sendable, Comparable {
    case plan
    case invitation = "uitnodiging"
    case agenda
    /// The attendance list of a year: a row per participant, a column per meeting.
    case attendanceList = "presentielijst"

    /// The name for people, in the singular: "plan van aanpak", "uitnodiging", "agenda".
    public var label: String {
        switch self {
        case .plan: "plan van aanpak"
        case .invitation: "uitnodiging"
        case .agenda: "agenda"
        case .attendanceList: "presentielijst"
        }
    }

    /// The name for people, in the plural: "uitnodigingen", "agenda's".
    public var pluralLabel: String {
        switch self {
        case .plan: "plannen van aanpak"
        case .invitation: "uitnodigingen"
        case .agenda: "agenda's"
        case .attendanceList: "presentielijsten"
        }
    }

    /// The file name, without extension, of the default template in `Templates/`.
    public var defaultTemplateName: String {
        switch self {
        case .plan: "plan-van-aanpak"
        case .invitation: "uitnodiging"
        case .agenda: "agenda"
        case .attendanceList: "presentielijst"
        }
    }

    /// The order of export: the plan, then the agendas, the invitations and the attendance lists.
    public static func < (left: DocumentKind, right: DocumentKind) -> Bool {
        let order: [DocumentKind] = [.plan, .agenda, .invitation, .attendanceList]
        return order.firstIndex(of: left)! < order.firstIndex(of: right)!
    }
}
