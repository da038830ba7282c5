import LerendWorkflow
import LerendApplication
import LerendDiagnostics
import LerendExpressions
import LerendNetwork

/// The overview (`/`): every network of the folder with its plugin, step, next action,
/// next meeting and the counts of the check; a file that does not load with its messages.
enum OverviewPage {
    static func context(_ entries: [NetworkCache.Entry], folder: WorkFolder, date: LocalDate) -> [String: Any] {
        var networks: [[String: Any]] = []
        var broken: [[String: Any]] = []
        for entry in entries {
            switch entry.outcome {
            case .opened(let opened): networks.append(row(entry.name, opened, date: date))
            case .broken(let diagnostics):
                broken.append(["bestand": entry.name, "meldingen": DiagnosticView.list(diagnostics, folder: folder.path)])
            }
        }
        let count = entries.count
        return [
            "titel": "Overzicht", "netwerken": networks, "kapot": broken,
            "aantal": count == 1 ? "1 netwerkbestand" : "\(count) netwerkbestanden",
        ]
    }

    static func row(_ name: String, _ opened: OpenedNetwork, date: LocalDate) -> [String: Any] {
        let session = opened.session
        var step = "geen stappenplan"
        var next = ""
        if case .success(let report) = opened.status {
            if let current = report.status.current {
                step = current.stage.name
                next = current.tasks.first { !$0.isDone }?.task.name ?? "naar de volgende stap"
            } else {
                step = "alle stappen klaar"
            }
        }
        let upcoming = session.network.meetings.filter { $0.date >= date }.min { $0.date < $1.date }
        return [
            "naam": session.network.name, "bestand": name, "link": NetworkPage.base(name),
            "plugin": session.plugin.name, "stap": step, "volgende": next,
            "bijeenkomst": upcoming.map { DutchFormatting.date($0.date, style: "lang") } ?? "geen gepland",
            "tellingen": counts(opened.check),
        ]
    }

    /// "2 fouten", "1 waarschuwing", "0 adviezen", each with its class.
    static func counts(_ check: CheckReport) -> [[String: Any]] {
        [(Severity.error, "fout", "fouten"), (.warning, "waarschuwing", "waarschuwingen"), (.advice, "advies", "adviezen")]
            .map { severity, one, many in
                let count = check.findings(severity).count
                return [
                    "soort": DiagnosticView.severityClass(severity), "nul": count == 0,
                    "tekst": "\(count) \(count == 1 ? one : many)",
                ]
            }
    }
}
