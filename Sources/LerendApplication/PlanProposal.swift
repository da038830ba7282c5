import Foundation
import LerendData
public import LerendDiagnostics
public import LerendExpressions
public import LerendNetwork

/// What `lerend plan` answers: the meetings of a year as the planner proposes them,
/// with those already in the file.
public struct PlanProposal: Sendable {
    public let plan: YearPlan
    let session: NetworkSession

    /// Writes a copy of the network file with the proposed meetings added, keeping every
    /// comment; returns how many were added.
    ///
    /// Refuses an existing file, the network file itself included, unless `overwrite` is
    /// set: then the organiser asked for it in so many words.
    public func writeCopy(to path: String, overwrite: Bool) throws(DiagnosticList) -> Int {
        let isInput = OutputGuard.same(path, session.path)
        if FileManager.default.fileExists(atPath: path), !overwrite {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "O004", isInput ? "-o wijst naar het netwerkbestand zelf" : "'\(path)' bestaat al",
                    at: SourceLocation(file: path),
                    hint: "kies een nieuwe naam, of zet --overschrijven erbij als je het bestand echt wilt vervangen")
            ])
        }
        let text = try session.networkFile.text(
            adding: plan.proposed, note: "voorgesteld door lerend plan op \(session.date.iso)")
        try OutputGuard.write(Array(text.utf8), to: path)
        return plan.proposed.count
    }
}

extension NetworkSession {
    /// The planner's proposal for the year from `first` (default: the preferences' start).
    public func planProposal(from first: LocalDate? = nil) throws(DiagnosticList) -> PlanProposal {
        guard let programme = plugin.programme else {
            throw pluginLacks(
                "jaarprogramma", id: "A102",
                hint: "een plugin krijgt een jaarprogramma met programma: in plugin.yaml (zie Docs/plugins.md)")
        }
        let planner = YearPlanner(programme: programme, facilitatorProvider: plugin.name)
        return PlanProposal(plan: planner.plan(network, today: date, from: first), session: self)
    }
}
