import Foundation
import LerendApplication
import LerendCalendar
import LerendDiagnostics
import LerendExpressions
import LerendNetwork
import LerendWorkflow

/// A network's page: its steps with their tasks, the findings grouped by severity with
/// the sentence of the seed each rests on, the meetings as a list and as months, and the
/// documents that can be made.
enum NetworkPage {
    /// The address of the network file `name`'s page.
    static func base(_ name: String) -> String { "/netwerk/" + URLPath.escape(name) }

    static func context(_ name: String, _ opened: OpenedNetwork, folder: WorkFolder) -> [String: Any] {
        let session = opened.session
        let network = session.network
        var context: [String: Any] = [
            "titel": network.name, "naam": network.name, "bestand": name, "basis": base(name),
            "plugin": session.plugin.name, "kruimels": [["naam": network.name]],
            "meldingen": DiagnosticView.list(session.warnings, folder: folder.path),
        ]
        context.merge(status(opened)) { $1 }
        context.merge(findings(opened.check, folder: folder)) { $1 }
        context["bijeenkomsten"] = meetings(network, date: session.date, base: base(name))
        context["maanden"] = months(network, date: session.date)
        context["soorten"] = DocumentKind.allCases.map { kind in
            ["waarde": kind.rawValue, "naam": kind == .plan ? kind.label : kind.pluralLabel, "gekozen": kind == .invitation]
        }
        return context
    }

    static func status(_ opened: OpenedNetwork) -> [String: Any] {
        guard case .success(let report) = opened.status else {
            return ["werkwijze": opened.session.plugin.name, "geenstand": "Deze plugin heeft geen stappenplan."]
        }
        let status = report.status
        var context: [String: Any] = [
            "werkwijze": status.workflow.name,
            "stappen": status.stages.map { stage -> [String: Any] in
                switch stage.state {
                case .done: ["naam": stage.stage.name, "toestand": "klaar", "toestandnaam": "klaar", "teken": "✓"]
                case .current: ["naam": stage.stage.name, "toestand": "bezig", "toestandnaam": "bezig", "teken": "▶"]
                case .todo: ["naam": stage.stage.name, "toestand": "te-doen", "toestandnaam": "te doen", "teken": "·"]
                }
            },
        ]
        if let current = status.current {
            var now: [String: Any] = [
                "naam": current.stage.name,
                "taken": current.tasks.map { task -> [String: Any] in
                    var view: [String: Any] = ["naam": task.task.name, "klaar": task.isDone]
                    if let hint = task.task.hint { view["hint"] = hint }
                    return view
                },
            ]
            if let explanation = current.stage.explanation { now["uitleg"] = explanation }
            context["nu"] = now
        } else {
            context["klaar"] = "Plan het volgende jaar met ‘Jaar plannen’."
        }
        return context
    }

    static func findings(_ check: CheckReport, folder: WorkFolder) -> [String: Any] {
        let groups = [Severity.error, .warning, .advice].compactMap { severity -> [String: Any]? in
            let findings = check.findings(severity)
            guard !findings.isEmpty else { return nil }
            return [
                "soort": DiagnosticView.severityClass(severity), "naam": severity.pluralLabel.capitalizedFirst,
                "aantal": findings.count,
                "bevindingen": findings.map { finding -> [String: Any] in
                    var view: [String: Any] = [
                        "soort": DiagnosticView.severityClass(finding.severity), "tekst": finding.message,
                        "code": "\(finding.ruleID) · \(finding.ruleSet)", "opmerkingen": finding.notes,
                    ]
                    if let source = finding.source { view["bron"] = ["zin": source.sentence, "document": source.document] }
                    if let location = finding.location { view["plaats"] = DiagnosticView.place(location, folder: folder.path) }
                    return view
                },
            ]
        }
        return [
            "groepen": groups, "samenvatting": check.summary, "regelsets": check.ruleSetNames,
            "peildatum": DutchFormatting.date(check.date, style: "middel"),
        ]
    }

    static func meetings(_ network: Network, date: LocalDate, base: String) -> [[String: Any]] {
        network.meetings.enumerated().map { index, meeting in
            var time = ""
            if let start = meeting.start {
                time = DutchFormatting.time(start, style: "dubbelepunt")
                if let minutes = meeting.durationMinutes {
                    time += "–" + DutchFormatting.time(start.adding(minutes: minutes), style: "dubbelepunt")
                }
            }
            return [
                "nummer": index + 1, "index": index, "basis": base, "datum": DutchFormatting.date(meeting.date, style: "lang"),
                "tijd": time, "gastheer": meeting.host ?? "", "thema": meeting.theme ?? "", "geweest": meeting.date < date,
            ]
        }
    }

    /// The months from the first to the last meeting (at most 14), as weeks of days from
    /// Monday; a day with a meeting, a public holiday or in a weekend says so.
    static func months(_ network: Network, date: LocalDate) -> [[String: Any]] {
        let dates = network.meetings.map(\.date).sorted()
        guard let first = dates.first, let last = dates.last else { return [] }
        var meetingTitles: [LocalDate: String] = [:]
        for (index, meeting) in network.meetings.enumerated() {
            meetingTitles[meeting.date] = "Bijeenkomst \(index + 1)" + (meeting.theme.map { ": \($0)" } ?? "")
        }
        var months: [[String: Any]] = []
        var year = first.year
        var month = first.month
        while (year, month) <= (last.year, last.month), months.count < 14 {
            guard let start = LocalDate(year: year, month: month, day: 1) else { break }
            var cells: [[String: Any]] = Array(repeating: ["soort": "leeg"], count: start.weekday - 1)
            for day in 1...LocalDate.daysInMonth(year: year, month: month) {
                guard let today = LocalDate(year: year, month: month, day: day) else { continue }
                var cell: [String: Any] = ["dag": day]
                if let title = meetingTitles[today] {
                    cell["soort"] = "bijeenkomst"
                    cell["titel"] = title
                } else if let holiday = DutchHolidays.holiday(on: today) {
                    cell["soort"] = "feestdag"
                    cell["titel"] = holiday.name
                } else if today.weekday >= 6 {
                    cell["soort"] = "weekend"
                }
                cells.append(cell)
            }
            while cells.count % 7 != 0 { cells.append(["soort": "leeg"]) }
            let weeks = stride(from: 0, to: cells.count, by: 7).map { ["dagen": Array(cells[$0..<$0 + 7])] }
            months.append(["naam": DutchFormatting.date(start, style: "maand"), "weken": weeks])
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return months
    }
}

extension String {
    /// The text with its first letter in capitals: "fouten" → "Fouten".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// Escaping of a file name as one segment of an address.
enum URLPath {
    static func escape(_ segment: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#")
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }
}
