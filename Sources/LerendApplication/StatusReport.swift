import LerendData
public import LerendDiagnostics
public import LerendExpressions
public import LerendNetwork
public import LerendWorkflow

/// What `lerend status` answers: where the network stands in its plugin's workflow, what
/// is next, and the errors that block it.
public struct StatusReport: Sendable {
    public let network: String
    public let date: LocalDate
    public let status: WorkflowStatus
    /// Check findings of severity error: they must be solved first.
    public let blocking: [Finding]

    /// The documents the current stage calls for.
    public var documents: [DocumentKind] { status.current?.stage.documentKinds ?? [] }

    /// The report as JSON: `netwerk`, `werkproces`, `datum`, `huidige_fase`, `fasen`
    /// (with `taken` and `documenten`) and `blokkerende_fouten`.
    public func json() -> String {
        struct Task: Encodable {
            let naam: String
            let klaar: Bool
            let hint: String?
        }
        struct Stage: Encodable {
            let id, naam, stand: String
            let taken: [Task]
            let documenten: [String]
        }
        struct Form: Encodable {
            let netwerk, werkproces, datum: String
            let huidigeFase: String?
            let fasen: [Stage]
            let blokkerendeFouten: [String]

            enum CodingKeys: String, CodingKey {
                case netwerk, werkproces, datum, fasen
                case huidigeFase = "huidige_fase"
                case blokkerendeFouten = "blokkerende_fouten"
            }
        }
        let form = Form(
            netwerk: network, werkproces: status.workflow.name, datum: date.iso, huidigeFase: status.current?.stage.id,
            fasen: status.stages.map { stage in
                Stage(
                    id: stage.stage.id, naam: stage.stage.name, stand: stage.state.rawValue,
                    taken: stage.tasks.map { Task(naam: $0.task.name, klaar: $0.isDone, hint: $0.task.hint) },
                    documenten: stage.stage.documentKinds.map(\.rawValue))
            },
            blokkerendeFouten: blocking.map { "\($0.ruleID): \($0.message)" })
        return JSONText.encode(form)
    }
}

extension NetworkSession {
    /// Where the network stands; throws when its plugin has no workflow.
    public func statusReport() throws(DiagnosticList) -> StatusReport {
        guard let workflow = plugin.workflow else {
            throw pluginLacks(
                "werkproces", id: "A101",
                hint: "kies een plugin met een werkproces (werkproces: in plugin.yaml), zoals waardigheid-en-trots of kenniz")
        }
        let status = WorkflowEvaluator(workflow: workflow).status(of: networkFile.value(on: date))
        return StatusReport(
            network: network.name, date: date, status: status, blocking: findings().filter { $0.severity == .error })
    }
}
