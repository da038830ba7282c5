import LerendApplication
import LerendDiagnostics
import LerendExpressions
import LerendNetwork

/// "Jaar plannen": the planner's proposal, each proposed meeting with a checkbox, so the
/// organiser accepts the whole year or some meetings; those in the file already are shown.
enum PlanPage {
    static func context(
        _ name: String, _ opened: OpenedNetwork, proposal: PlanProposal?, problems: [Diagnostic], version: String
    ) -> [String: Any] {
        let network = opened.session.network
        var context: [String: Any] = [
            "titel": "Jaar plannen · \(network.name)", "naam": network.name, "basis": NetworkPage.base(name),
            "versie": version,
            "kruimels": [["naam": network.name, "link": NetworkPage.base(name)], ["naam": "Jaar plannen"]],
            "meldingen": DiagnosticView.list(problems),
        ]
        guard let proposal else { return context }
        var proposedIndex = 0
        context["bijeenkomsten"] = proposal.plan.meetings.map { meeting -> [String: Any] in
            var view: [String: Any] = [
                "nummer": meeting.number, "datum": DutchFormatting.date(meeting.date, style: "lang"),
                "tijd":
                    DutchFormatting.time(meeting.start, style: "dubbelepunt") + "–"
                    + DutchFormatting.time(meeting.start.adding(minutes: meeting.durationMinutes), style: "dubbelepunt"),
                "gastheer": meeting.host ?? "", "thema": meeting.theme ?? "", "bestaand": meeting.isExisting,
                "vorm": meeting.form,
            ]
            if !meeting.isExisting {
                view["index"] = proposedIndex
                proposedIndex += 1
            }
            return view
        }
        context["voorstel"] = proposedIndex > 0
        context["opmerkingen"] = proposal.plan.remarks
        context["periode"] =
            "\(DutchFormatting.date(proposal.plan.first, style: "middel")) tot en met \(DutchFormatting.date(proposal.plan.last, style: "middel"))"
        return context
    }
}
