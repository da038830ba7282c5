public import LerendData
public import LerendDiagnostics
public import LerendExpressions

/// Reads a rule set from a YAML file of a plugin bundle, and checks every rule before
/// it runs: the syntax of its condition and message, that its functions exist, and that
/// every field it reads is a field of the network file.
///
/// ```yaml
/// regelset: KenniZ Lerend Netwerk
/// versie: "2022"
/// bron: 004_e84d0e732dadbe71.txt
/// regels:
///   - id: KZ-01
///     ernst: fout
///     wanneer: count(organisaties) < 6
///     melding: "Het netwerk telt {{ count(organisaties) }} zorgorganisaties; KenniZ vraagt er minstens 6."
///     bron: "Het Lerend Netwerk bestaat uit minimaal 6 en maximaal 10 deelnemende zorgorganisaties."
/// ```
public enum RuleSetLoader: Sendable {
    static let severities: [String: Severity] = ["fout": .error, "waarschuwing": .warning, "advies": .advice]

    public static func load(
        _ file: DataFile, shape: Shape = NetworkSchema.shape, library: FunctionLibrary = .standard
    ) throws(DiagnosticList) -> RuleSet {
        var reader = MappingReader(file.root, in: file, context: "de regelset")
        let name = reader.text("regelset", required: true) ?? ""
        let version = reader.text("versie", required: true) ?? ""
        let validFrom = date(reader.value("geldig_van"), key: "geldig_van", in: file, reader: &reader)
        let validUntil = date(reader.value("geldig_tot"), key: "geldig_tot", in: file, reader: &reader)
        let successor = reader.text("opvolger")
        let document = reader.text("bron") ?? ""
        // The examples are read by the bundle, which knows its folder (ExampleReader).
        _ = reader.value("voorbeelden")
        var rules: [Rule] = []
        var seen: [String: DataNode] = [:]
        for node in reader.sequence("regels", required: true) {
            var ruleReader = MappingReader(node, in: file, context: "een regel")
            if let rule = rule(node, document: document, file: file, shape: shape, library: library, reader: &ruleReader) {
                if let earlier = seen[rule.id], let idNode = node["id"] {
                    ruleReader.report(
                        file.diagnostic(
                            id: "R108", "regel '\(rule.id)' komt twee keer voor", at: idNode,
                            hint: "de eerste staat op regel \(earlier.location.line ?? 0); geef elke regel een eigen id"))
                } else {
                    seen[rule.id] = node["id"] ?? node
                    rules.append(rule)
                }
            }
            ruleReader.finish()
            for problem in ruleReader.problems { reader.report(problem) }
        }
        reader.finish()
        if !reader.problems.isEmpty { throw DiagnosticList(reader.problems) }
        return RuleSet(
            name: name, version: version, validFrom: validFrom, validUntil: validUntil, successor: successor,
            rules: rules)
    }

    private static func rule(
        _ node: DataNode, document: String, file: DataFile, shape: Shape, library: FunctionLibrary,
        reader: inout MappingReader
    ) -> Rule? {
        let id = reader.text("id", required: true)
        let severityNode = reader.value("ernst", required: true)
        var severity: Severity?
        if case .scalar(let scalar)? = severityNode {
            severity = severities[scalar.text]
            if severity == nil {
                reader.report(
                    file.diagnostic(
                        id: "R101", "onbekende ernst '\(scalar.text)'", at: severityNode!,
                        hint: Suggestions.hint(for: scalar.text, in: severities.keys) ?? "kies fout, waarschuwing of advies"))
            }
        }
        var locals: [String: Shape] = [:]
        var forEach: (variable: String, list: Expression)?
        if let forEachNode = reader.value("voor_elk") {
            forEach = self.forEach(forEachNode, file: file, shape: shape, library: library, reader: &reader)
            if let forEach { locals[forEach.variable] = forEach.list.shape(in: shape).elementShape }
        }
        var condition: Expression?
        if let conditionNode = reader.value("wanneer", required: true) {
            do throws(Diagnostic) {
                let parsed = try file.expression(at: conditionNode, library: library)
                let unknown = parsed.unknownFields(in: shape, locals: locals)
                for error in unknown { reader.report(file.located(error, at: conditionNode)) }
                condition = parsed
            } catch {
                reader.report(error)
            }
        }
        var message: TextTemplate?
        if let messageNode = reader.value("melding", required: true) {
            do throws(Diagnostic) {
                let parsed = try file.textTemplate(at: messageNode, library: library)
                for error in parsed.unknownFields(in: shape, locals: locals) {
                    reader.report(file.located(error, at: messageNode))
                }
                message = parsed
            } catch {
                reader.report(error)
            }
        }
        let source = self.source(reader.value("bron"), document: document, file: file, reader: &reader)
        _ = reader.value("voorbeelden")
        guard let id, let severity, let condition, let message, let source else { return nil }
        return Rule(id: id, severity: severity, forEach: forEach, condition: condition, message: message, source: source)
    }

    /// `b in bijeenkomsten`.
    private static func forEach(
        _ node: DataNode, file: DataFile, shape: Shape, library: FunctionLibrary, reader: inout MappingReader
    ) -> (variable: String, list: Expression)? {
        guard case .scalar(let scalar) = node, let range = scalar.text.firstRange(of: " in ") else {
            reader.report(
                file.diagnostic(
                    id: "R102", "'voor_elk' moet de vorm 'naam in lijst' hebben", at: node,
                    hint: "bijvoorbeeld: voor_elk: b in bijeenkomsten"))
            return nil
        }
        let variable = String(scalar.text[..<range.lowerBound].filter { $0 != " " })
        guard !variable.isEmpty, variable.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            reader.report(
                file.diagnostic(
                    id: "R102", "'\(variable)' is geen geldige naam voor 'voor_elk'", at: node,
                    hint: "gebruik één woord, bijvoorbeeld: voor_elk: b in bijeenkomsten"))
            return nil
        }
        let listText = String(scalar.text[range.upperBound...])
        let offset = scalar.text.distance(from: scalar.text.startIndex, to: range.upperBound)
        do throws(ExpressionError) {
            let list = try Expression(listText, library: library)
            for error in list.unknownFields(in: shape) {
                reader.report(file.located(error.shifted(by: offset), at: node))
            }
            return (variable, list)
        } catch {
            reader.report(file.located(error.shifted(by: offset), at: node))
            return nil
        }
    }

    private static func source(
        _ node: DataNode?, document: String, file: DataFile, reader: inout MappingReader
    ) -> RuleSource? {
        switch node {
        case .scalar(let scalar)? where !scalar.text.isEmpty:
            guard !document.isEmpty else {
                reader.report(
                    file.diagnostic(
                        id: "R103", "de regel noemt een zin maar de regelset geen brondocument", at: node!,
                        hint: "zet 'bron: <document>' bovenaan de regelset, of schrijf bron: {document: ..., zin: ...}"))
                return nil
            }
            return RuleSource(document: document, sentence: scalar.text)
        case .mapping?:
            var sourceReader = MappingReader(node!, in: file, context: "de bron van een regel")
            let sourceDocument = sourceReader.text("document") ?? document
            let sentence = sourceReader.text("zin", required: true) ?? ""
            sourceReader.finish()
            for problem in sourceReader.problems { reader.report(problem) }
            return RuleSource(document: sourceDocument, sentence: sentence)
        default:
            reader.report(
                file.diagnostic(
                    id: "R104", "de regel mist 'bron': het document en de zin die de regel vastlegt", at: node ?? reader.node,
                    hint: "schrijf bron: \"<de zin uit het brondocument>\""))
            return nil
        }
    }

    private static func date(_ node: DataNode?, key: String, in file: DataFile, reader: inout MappingReader) -> LocalDate? {
        guard let node, !node.isEmptyScalar else { return nil }
        if let date = node.value.dateValue { return date }
        reader.report(file.diagnostic(id: "R105", "'\(key)' moet een datum zijn (JJJJ-MM-DD)", at: node))
        return nil
    }
}
