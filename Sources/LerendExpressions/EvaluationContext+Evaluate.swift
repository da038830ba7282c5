import LerendDiagnostics
import OrderedCollections

extension EvaluationContext {
    /// Evaluates a node; `nil` means the value is missing from the data (undefined).
    func evaluate(_ node: Node) throws(ExpressionError) -> Value? {
        switch node {
        case .literal(let value, _):
            return value
        case .variable(let name, _):
            return lookup(name)
        case .member(let base, let name, let span):
            guard let container = try evaluate(base) else { return nil }
            switch container {
            case .object(let members): return members[name]
            case .null: return nil
            case .list:
                throw ExpressionError(
                    id: ExpressionErrorID.wrongKind, "'\(base.path ?? "dit")' is een lijst en heeft geen veld '\(name)'",
                    span: span, hint: "kies een element, zoals \(base.path ?? "lijst")[0].\(name), of gebruik een lus")
            default:
                throw ExpressionError(
                    id: ExpressionErrorID.wrongKind,
                    "'\(base.path ?? "dit")' is een \(container.kindName) en heeft geen veld '\(name)'", span: span)
            }
        case .index(let base, let indexNode, let span):
            guard let container = try evaluate(base) else { return nil }
            let index = try required(indexNode)
            switch (container, index) {
            case (.list(let items), .int(let position)):
                let actual = position < 0 ? items.count + position : position
                // Not `contains ? items[actual] : nil`: Value takes the nil literal, so that would
                // be `.null` (an empty value) instead of a missing one.
                guard items.indices.contains(actual) else { return nil }
                return items[actual]
            case (.object(let members), .string(let key)):
                return members[key]
            case (.string(let text), .int(let position)):
                let characters = Array(text)
                let actual = position < 0 ? characters.count + position : position
                guard characters.indices.contains(actual) else { return nil }
                return .string(String(characters[actual]))
            case (.null, _):
                return nil
            default:
                throw ExpressionError(
                    id: ExpressionErrorID.wrongKind,
                    "een \(container.kindName) kan niet met een \(index.kindName) worden geïndexeerd", span: span)
            }
        case .list(let items, _):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try required(item)) }
            return .list(values)
        case .negate(let operand, let span):
            switch try required(operand) {
            case .null where missingValues == .empty: return nil
            case .int(let value):
                let (result, overflow) = Int(0).subtractingReportingOverflow(value)
                if overflow { throw ExpressionError(id: ExpressionErrorID.overflow, "getal te groot", span: span) }
                return .int(result)
            case .double(let value): return .double(-value)
            case let other:
                throw ExpressionError(
                    id: ExpressionErrorID.wrongKind, "een \(other.kindName) kan niet negatief worden gemaakt", span: span)
            }
        case .not(let operand, _):
            return .bool(!(try evaluate(operand)?.isTruthy ?? false))
        case .and(let left, let right, _):
            let first = try evaluate(left)
            guard first?.isTruthy ?? false else { return first ?? .bool(false) }
            return try evaluate(right)
        case .or(let left, let right, _):
            let first = try evaluate(left)
            if let first, first.isTruthy { return first }
            return try evaluate(right)
        case .conditional(let value, let condition, let alternative, _):
            if try evaluate(condition)?.isTruthy ?? false { return try evaluate(value) }
            guard let alternative else { return .string("") }
            return try evaluate(alternative)
        case .arithmetic(let operation, let left, let right, let span):
            let first = try required(left)
            let second = try required(right)
            do throws(ExpressionError) {
                return try Arithmetic.apply(operation, first, second, span: span)
            } catch
                where missingValues == .empty && (first == .null || second == .null)
                && error.id == ExpressionErrorID.wrongKind
            {
                return nil
            }
        case .comparison(let operation, let left, let right, let span):
            return .bool(try compare(operation, left, right, span: span))
        case .call(let function, let arguments, let span):
            var values: [Value?] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments {
                switch argument {
                case .lambda:
                    values.append(nil)
                case .value(let node):
                    let value = try evaluate(node)
                    if value == nil, !function.acceptsMissing {
                        if missingValues == .error { throw missingError(for: node) }
                        values.append(.null)
                    } else {
                        values.append(value)
                    }
                }
            }
            do throws(ExpressionError) {
                return try function.body(
                    Invocation(values: values, nodes: arguments, context: self, span: span, functionName: function.name))
            } catch  where error.rejectsMissingInput {
                // A missing (or empty) input gives a missing result: the policy decides what
                // becomes of it where it ends up, as for a plain path.
                return nil
            }
        case .test(let operand, let test, let negated, _):
            return .bool(test.apply(try evaluate(operand)) != negated)
        }
    }

    /// Evaluates a node whose value must exist (unless missing values print empty).
    func required(_ node: Node) throws(ExpressionError) -> Value {
        if let value = try evaluate(node) { return value }
        if missingValues == .empty { return .null }
        throw missingError(for: node)
    }

    private func compare(
        _ operation: ComparisonOperator, _ leftNode: Node, _ rightNode: Node, span: SourceSpan
    ) throws(ExpressionError) -> Bool {
        switch operation {
        case .equal, .notEqual:
            let left = try evaluate(leftNode) ?? .null
            let right = try evaluate(rightNode) ?? .null
            return Comparison.equal(left, right) == (operation == .equal)
        case .contains, .notContains:
            let element = try evaluate(leftNode) ?? .null
            let container = try required(rightNode)
            let found: Bool
            switch container {
            case .list(let items): found = items.contains { Comparison.equal($0, element) }
            case .string(let text):
                guard case .string(let part) = element else {
                    throw ExpressionError(
                        id: ExpressionErrorID.wrongKind, "'in' met een tekst verwacht links ook een tekst", span: span)
                }
                found = text.contains(part)
            case .object(let members):
                found = element.stringValue.map { members[$0] != nil } ?? false
            case .null: found = false
            default:
                throw ExpressionError(
                    id: ExpressionErrorID.wrongKind, "'in' verwacht rechts een lijst of tekst, maar kreeg \(container.kindName)",
                    span: rightNode.span)
            }
            return found == (operation == .contains)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            let left = try required(leftNode)
            let right = try required(rightNode)
            guard let order = Comparison.order(left, right) else {
                throw ExpressionError(
                    id: ExpressionErrorID.wrongKind, "een \(left.kindName) en een \(right.kindName) zijn niet te vergelijken",
                    span: span)
            }
            switch operation {
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            default: return order >= 0
            }
        }
    }

    /// The error for a value that is missing: which part of the path is absent, and
    /// what is there instead.
    func missingError(for node: Node) -> ExpressionError {
        let id = ExpressionErrorID.missingValue
        switch node {
        case .variable(let name, let span):
            return ExpressionError(
                id: id, "'\(name)' staat niet in de gegevens", span: span,
                hint: Suggestions.hint(for: name, in: visibleNames))
        case .member(let base, let name, let span):
            let basePath = base.path ?? "de waarde"
            let container: Value? = (try? evaluate(base)) ?? nil
            switch container {
            case .object(let members)?:
                let fields = members.keys.joined(separator: ", ")
                return ExpressionError(
                    id: id, "'\(node.path ?? name)' ontbreekt: '\(basePath)' heeft geen veld '\(name)'", span: span,
                    hint: Suggestions.hint(for: name, in: members.keys)
                        ?? (fields.isEmpty ? nil : "'\(basePath)' heeft: \(fields)"))
            case .null?:
                return ExpressionError(id: id, "'\(basePath)' is leeg, dus '\(node.path ?? name)' ontbreekt", span: span)
            default:
                return missingError(for: base)
            }
        case .index(let base, _, let span):
            let container: Value? = (try? evaluate(base)) ?? nil
            if case .list(let items)? = container {
                return ExpressionError(
                    id: id,
                    "'\(node.path ?? "element")' ontbreekt: de lijst heeft \(items.count) element\(items.count == 1 ? "" : "en")",
                    span: span)
            }
            if case .object? = container {
                return ExpressionError(id: id, "'\(node.path ?? "element")' staat niet in de gegevens", span: span)
            }
            return missingError(for: base)
        default:
            return ExpressionError(id: id, "deze waarde ontbreekt in de gegevens", span: node.span)
        }
    }

    func missingError(for argument: Node.Argument) -> ExpressionError {
        switch argument {
        case .value(let node): missingError(for: node)
        case .lambda(_, let body, _): missingError(for: body)
        }
    }
}
