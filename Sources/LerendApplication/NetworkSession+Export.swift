import LerendData
public import LerendDiagnostics
import LerendDocuments
import LerendExpressions
import LerendNetwork

extension NetworkSession {
    /// What an export of `request` will make: the templates compiled, the names and
    /// labels of every document, and the participants left out with the reason.
    ///
    /// Throws when a template is missing or broken, or a meeting asked for does not exist:
    /// then nothing is made.
    public func exportPlan(_ request: ExportRequest) throws(DiagnosticList) -> ExportPlan {
        let logos = LogoResolver(session: self)
        let data = DocumentData(networkFile: networkFile, plugin: plugin, date: date, logo: try logos.ownLogo())
        let meetings = try chosenMeetings(request, data: data)
        if request.unknownValues == .report {
            let unknown = unknownValues(request, meetings: meetings.values, data: data)
            if !unknown.isEmpty { throw DiagnosticList(unknown) }
        }
        var problems = meetings.remarks
        var skipped = 0
        var batches: [ExportBatch] = []
        var errors: [Diagnostic] = []
        for kind in request.kinds {
            let template: (path: String, compiled: DocumentTemplate)
            let documents: [(stem: String, label: String)]
            let makeData: @Sendable (Int) -> Value
            var folder = ""
            // The documents that can be made as one file: (stem, label, indices).
            var groups: [(stem: String, label: String, indices: [Int])] = []
            var subjects: [ExportBatch.Subject] = []
            switch kind {
            case .plan:
                documents = [("plan van aanpak \(network.name)", "plan van aanpak")]
                let findings = findings()
                let ruleSets = plugins.flatMap(\.ruleSets)
                makeData = { _ in data.plan(findings: findings, ruleSets: ruleSets) }
            case .agenda:
                let chosen = meetings.values
                for meeting in chosen {
                    if let remark = data.meeting(meeting).remark {
                        problems.append(
                            Diagnostic(
                                .warning, id: "X101", "bijeenkomst \(data.number(meeting)): \(remark)",
                                at: SourceLocation(file: path)))
                    }
                }
                documents = chosen.map { meeting in
                    (
                        "agenda bijeenkomst \(data.number(meeting)) \(meeting.value(atPath: "datum")?.dateValue?.iso ?? "")",
                        "agenda van bijeenkomst \(data.number(meeting))"
                    )
                }
                makeData = { data.agenda(for: chosen[$0]) }
                if chosen.count > 0 { groups = [("agendas \(network.name)", "alle agenda's", Array(chosen.indices))] }
                subjects = chosen.map { ExportBatch.Subject(meeting: data.number($0), participant: nil) }
            case .invitation:
                folder = "uitnodigingen"
                let invitations = invitationPairs(meetings.values, data: data)
                problems += invitations.problems
                skipped += invitations.skipped
                documents = invitations.pairs.map { ($0.stem, $0.label) }
                let pairs = invitations.pairs
                let prepared = meetings.values.map { data.meeting($0).value }
                makeData = { data.invitation(for: pairs[$0].participant, toPrepared: prepared[pairs[$0].meeting]) }
                groups = meetings.values.indices.compactMap { meeting in
                    let indices = pairs.indices.filter { pairs[$0].meeting == meeting }
                    guard !indices.isEmpty else { return nil }
                    let number = data.number(meetings.values[meeting])
                    return ("uitnodigingen bijeenkomst \(number)", "uitnodigingen van bijeenkomst \(number)", indices)
                }
                subjects = pairs.map {
                    ExportBatch.Subject(meeting: data.number(meetings.values[$0.meeting]), participant: $0.participant)
                }
            case .attendanceList:
                // One list per year of the meetings asked for, with every meeting of that year.
                let years = data.years(of: meetings.values)
                documents = years.map { ("presentielijst \(network.name) \($0)", "presentielijst \($0)") }
                makeData = { data.attendanceList(year: years[$0]) }
            }
            guard !documents.isEmpty else { continue }
            do throws(DiagnosticList) {
                let path = try TemplateResolver(session: self).path(for: kind, format: request.format)
                template = (path, try DocumentTemplate(path: path))
            } catch {
                errors += error.diagnostics
                continue
            }
            problems += template.compiled.warnings
            let names = SafeFileName.distinct(
                documents.map { SafeFileName.make($0.stem) }, fileExtension: request.format.fileExtension)
            let mergedNames = SafeFileName.distinct(
                groups.map { SafeFileName.make($0.stem) }, fileExtension: request.format.fileExtension)
            var batch = ExportBatch(
                kind: kind, template: template.compiled, templatePath: template.path, folder: folder, fileNames: names,
                labels: documents.map(\.label), makeData: makeData)
            batch.subjects = subjects
            batch.merges = zip(groups, mergedNames).map { ExportMerge(fileName: $1, label: $0.label, indices: $0.indices) }
            batch.imageFolders = logos.imageFolders
            batches.append(batch)
        }
        if !errors.isEmpty { throw DiagnosticList(errors) }
        return ExportPlan(batches: batches, problems: problems, skippedCount: skipped)
    }

    /// X105 for every value the documents of `request` would print that the file does not
    /// give yet: the plan reads the network and every meeting, an agenda and an invitation
    /// their own meeting.
    private func unknownValues(_ request: ExportRequest, meetings: [Value], data: DocumentData) -> [Diagnostic] {
        var unknown: [UnknownValue] = []
        if request.kinds.contains(.plan) { unknown += data.unknownNetworkValues + data.meetings.flatMap(data.unknownValues) }
        if request.kinds.contains(.agenda) || request.kinds.contains(.invitation) {
            unknown += meetings.flatMap(data.unknownValues)
        }
        var seen: Set<UnknownValue> = []
        return unknown.filter { seen.insert($0).inserted }.map { value in
            let hint =
                "vul '\(value.key)' aan in het netwerkbestand, of laat de zin weg met --onbekend weglaten"
            guard let number = value.meeting else {
                return networkFile.file.diagnostic(
                    id: "X105", "\(value.description) is nog niet bekend",
                    at: networkFile.file.root["netwerk"]?.location ?? SourceLocation(file: path), hint: hint)
            }
            let node = network.meetings.first { $0.date == value.date }?.node
            let when = value.date.map { " (\(DutchFormatting.date($0, style: "middel")))" } ?? ""
            return networkFile.file.diagnostic(
                id: "X105", "bijeenkomst \(number)\(when): \(value.description) is nog niet bekend",
                at: node?.location ?? SourceLocation(file: path), hint: hint)
        }
    }

    /// One invitation per participant per meeting; a participant who cannot get one is
    /// reported with their place in the file, once, and the others go on.
    private func invitationPairs(_ meetings: [Value], data: DocumentData) -> (
        pairs: [(participant: Participant, meeting: Int, stem: String, label: String)], problems: [Diagnostic], skipped: Int
    ) {
        var pairs: [(participant: Participant, meeting: Int, stem: String, label: String)] = []
        var problems: [Diagnostic] = []
        var skipped = 0
        guard !meetings.isEmpty else { return ([], [], 0) }
        // The contact person signs the invitations: she gets none from herself.
        let contact = networkFile.file.root.text("netwerk.contactpersoon.naam").map(TextFunctions.normalized)
        for participant in network.participants {
            if let contact, TextFunctions.normalized(participant.name) == contact {
                problems.append(
                    networkFile.file.diagnostic(
                        .advice, id: "X104",
                        "geen uitnodiging voor \(participant.name): zij of hij is de contactpersoon en ondertekent de uitnodigingen",
                        at: participant.node.location))
                continue
            }
            if let problem = data.problem(with: participant) {
                let diagnostic = networkFile.file.diagnostic(
                    id: "X102", "geen uitnodiging voor \(participant.name): \(problem)", at: participant.node.location,
                    hint: "vul de gegevens aan in het netwerkbestand; de andere uitnodigingen worden gewoon gemaakt")
                problems.append(diagnostic)
                skipped += meetings.count
                continue
            }
            for (index, meeting) in meetings.enumerated() {
                let number = data.number(meeting)
                pairs.append(
                    (
                        participant, index, "uitnodiging bijeenkomst \(number) \(participant.name)",
                        "\(participant.name), bijeenkomst \(number)"
                    ))
            }
        }
        return (pairs, problems, skipped)
    }

    /// The meetings asked for: those named, or those on or after the reference date.
    private func chosenMeetings(_ request: ExportRequest, data: DocumentData) throws(DiagnosticList) -> (
        values: [Value], remarks: [Diagnostic]
    ) {
        let all = data.meetings
        let needsMeetings = request.kinds.contains { $0 != .plan }
        if !request.meetingNumbers.isEmpty {
            let known = all.map(data.number)
            let unknown = request.meetingNumbers.filter { !known.contains($0) }
            if !unknown.isEmpty {
                let range =
                    known.isEmpty
                    ? "het netwerk heeft nog geen bijeenkomsten"
                    : "het netwerk heeft bijeenkomst \(known.min()!) tot en met \(known.max()!)"
                throw DiagnosticList(
                    unknown.map { number in
                        Diagnostic(
                            .error, id: "A106", "er is geen bijeenkomst \(number); \(range)", at: SourceLocation(file: path))
                    })
            }
            return (all.filter { request.meetingNumbers.contains(data.number($0)) }, [])
        }
        let upcoming = all.filter { ($0.value(atPath: "datum")?.dateValue).map { $0 >= date } ?? false }
        guard upcoming.isEmpty, needsMeetings else { return (upcoming, []) }
        let when = DutchFormatting.date(date, style: "middel")
        if let last = all.last, let lastDate = last.value(atPath: "datum")?.dateValue {
            return (
                [],
                [
                    Diagnostic(
                        .warning, id: "A107",
                        "geen bijeenkomsten op of na \(when); de laatste was bijeenkomst \(data.number(last)) op \(DutchFormatting.date(lastDate, style: "middel"))",
                        at: SourceLocation(file: path),
                        hint: "kies een eerdere bijeenkomst met --bijeenkomst N, of plan het volgende jaar met lerend plan")
                ]
            )
        }
        return (
            [],
            [
                Diagnostic(
                    .warning, id: "A107",
                    "\(network.name) heeft nog geen bijeenkomsten; er zijn geen uitnodigingen of agenda's te maken",
                    at: SourceLocation(file: path),
                    hint: "plan de bijeenkomsten met lerend plan -o, of zet ze onder 'bijeenkomsten:' in het netwerkbestand")
            ]
        )
    }
}
