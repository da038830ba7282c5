public import LerendData
public import LerendDiagnostics
public import LerendExpressions

/// Checks a network against the rule sets of its plugins.
public struct RuleChecker: Sendable {
    public let plugins: [any Plugin]

    public init(plugins: [any Plugin]) {
        self.plugins = plugins
    }

    /// The plugins a network is checked against: its own plugin and those it names under
    /// `toetsen_aan`, or a message for each that is not there.
    public func selection(for network: Network, in file: DataFile) -> (plugins: [any Plugin], problems: [Diagnostic]) {
        var selected: [any Plugin] = []
        var problems: [Diagnostic] = []
        let wanted = [(network.plugin, "netwerk.plugin")] + network.extraRuleSets.map { ($0, "netwerk.toetsen_aan") }
        for (id, path) in wanted where !selected.contains(where: { $0.id == id }) {
            if let plugin = plugins.first(where: { $0.id == id }) {
                selected.append(plugin)
                continue
            }
            let (node, _) = file.root.descendant(atPath: path)
            var place = node
            if case .sequence(let items, _) = node, let item = items.first(where: { $0.value == .string(id) }) { place = item }
            problems.append(
                file.diagnostic(
                    id: "P101", "plugin '\(id)' is niet gevonden", at: place,
                    hint: Suggestions.hint(for: id, in: plugins.map(\.id))
                        ?? "beschikbaar: " + plugins.map(\.id).sorted().joined(separator: ", ")))
        }
        return (selected, problems)
    }

    /// Every finding of the selected plugins' rule sets, on `date`, and of the meetings'
    /// dates against the calendar (``MeetingDateCheck``), which hold for every network.
    public func check(_ networkFile: NetworkFile, plugins selected: [any Plugin], on date: LocalDate) -> [Finding] {
        let data = networkFile.value(on: date)
        var findings = MeetingDateCheck.findings(networkFile)
        for plugin in selected {
            for ruleSet in plugin.ruleSets {
                findings += check(ruleSet, of: plugin, data: data, file: networkFile.file, on: date)
            }
        }
        return findings
    }

    private func check(
        _ ruleSet: RuleSet, of plugin: any Plugin, data: Value, file: DataFile, on date: LocalDate
    ) -> [Finding] {
        var findings: [Finding] = []
        var lowered = false
        if let from = ruleSet.validFrom, date < from {
            findings.append(
                Finding(
                    ruleID: "\(plugin.id)-periode", severity: .advice,
                    message: "de regelset '\(ruleSet.name)' geldt pas vanaf \(DutchFormatting.date(from, style: "middel"))",
                    source: nil, ruleSet: ruleSet.name, plugin: plugin.id))
            return findings
        }
        if let until = ruleSet.validUntil, date > until {
            var message = "de regelset '\(ruleSet.name)' gold tot en met \(DutchFormatting.date(until, style: "middel"))"
            if let successor = ruleSet.successor { message += "; nu geldt: \(successor)" }
            var finding = Finding(
                ruleID: "\(plugin.id)-periode", severity: .advice, message: message, source: nil,
                ruleSet: ruleSet.name, plugin: plugin.id)
            finding.notes = ["de bevindingen van deze regelset staan ter informatie bij de adviezen"]
            findings.append(finding)
            lowered = true
        }
        let context = EvaluationContext(root: data, missingValues: .empty)
        for rule in ruleSet.rules {
            for var finding in evaluate(rule, context: context, file: file, ruleSet: ruleSet, plugin: plugin) {
                if lowered, finding.severity == .error || finding.severity == .warning {
                    finding.notes.append("was een \(finding.severity.label) toen de regelset gold")
                    finding.severity = .advice
                }
                findings.append(finding)
            }
        }
        return findings
    }

    private func evaluate(
        _ rule: Rule, context: EvaluationContext, file: DataFile, ruleSet: RuleSet, plugin: any Plugin
    ) -> [Finding] {
        func finding(_ message: String, severity: Severity, at node: DataNode?) -> Finding {
            var result = Finding(
                ruleID: rule.id, severity: severity, message: message, source: rule.source, ruleSet: ruleSet.name,
                plugin: plugin.id, location: node?.location)
            if let line = node?.location.line { result.sourceLine = file.line(line) }
            return result
        }
        func failure(_ error: ExpressionError, at node: DataNode?) -> Finding {
            var result = finding(
                "regel \(rule.id) kon niet worden gecontroleerd: \(error.message)", severity: .warning, at: node)
            result.couldNotCheck = true
            return result
        }
        do throws(ExpressionError) {
            guard let forEach = rule.forEach else {
                guard try rule.condition.isTrue(in: context) else { return [] }
                return [finding(try rule.message.render(in: context), severity: rule.severity, at: nil)]
            }
            guard case .list(let items) = try forEach.list.evaluate(in: context) else { return [] }
            var nodes: [DataNode] = []
            if let path = forEach.list.path, case (.sequence(let listNodes, _), nil) = file.root.descendant(atPath: path) {
                nodes = listNodes
            }
            var findings: [Finding] = []
            for (index, item) in items.enumerated() {
                let node = nodes.indices.contains(index) ? nodes[index] : nil
                context.push(forEach.variable, item)
                defer { context.pop() }
                do throws(ExpressionError) {
                    if try rule.condition.isTrue(in: context) {
                        findings.append(finding(try rule.message.render(in: context), severity: rule.severity, at: node))
                    }
                } catch {
                    findings.append(failure(error, at: node))
                }
            }
            return findings
        } catch {
            return [failure(error, at: nil)]
        }
    }
}
