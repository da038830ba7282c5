public import LerendDiagnostics
public import LerendExpressions
import OrderedCollections

extension DocumentTemplate {
    /// What data the template needs: every field its tags read (as a tree, lists with the
    /// fields of their elements), its functions and filters and its loop variables, each
    /// with the part and paragraph where it stands.
    public var dataNeeds: DataNeeds {
        var needs = DataNeeds()
        for entry in entries {
            guard case .compiled(let part) = entry else { continue }
            Self.collect(part.program, into: &needs)
        }
        return needs
    }

    /// Every `{{ }}` and `{% %}` tag that runs when the template is filled, in the order of
    /// the parts, as written (`{% for punt in agenda %}`), with its part, paragraph and
    /// column. Closing tags (`endfor`, `endif`, `else`) are not listed.
    public var tagList: [(place: SourceLocation, tag: String)] {
        var tags: [(place: SourceLocation, tag: String)] = []
        for entry in entries {
            guard case .compiled(let part) = entry else { continue }
            var loops = Set<SourceLocation>()
            Self.list(part.program, into: &tags, loops: &loops)
        }
        return tags
    }

    /// `loops`: the places of the loops listed, so that the copies of a column loop (one
    /// per row) list its tag once.
    private static func list(
        _ program: [Instruction], into tags: inout [(place: SourceLocation, tag: String)], loops: inout Set<SourceLocation>
    ) {
        func place(_ origin: TagOrigin) -> SourceLocation {
            var location = origin.location
            location.column = origin.column + 1
            return location
        }
        func trimmed(_ text: String) -> String {
            String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
        }
        for instruction in program {
            switch instruction {
            case .leaf(.bytes), .leaf(.identifier), .leaf(.width), .leaf(.columnStyle), .leaf(.columnStyles),
                .leaf(.imageField):
                continue
            case .leaf(.value(let slot)):
                tags.append((place(slot.origin), "{{ \(trimmed(slot.expression.source)) }}"))
            case .leaf(.image(let slot, let frame)):
                let fit = slot.fit == .width ? "" : " \(slot.fit.rawValue)"
                tags.append((place(slot.origin), "{{ \(trimmed(slot.expression.source)) }}\(fit) (afbeelding)"))
                list(frame, into: &tags, loops: &loops)
            case .loop(let slot, let body, let empty):
                if loops.insert(place(slot.origin)).inserted {
                    tags.append((place(slot.origin), "{% for \(slot.variable) in \(slot.iterable.source) %}"))
                }
                list(body, into: &tags, loops: &loops)
                list(empty, into: &tags, loops: &loops)
            case .condition(let branches, let otherwise):
                for (index, branch) in branches.enumerated() {
                    tags.append((place(branch.origin), "{% \(index == 0 ? "if" : "elif") \(branch.condition.source) %}"))
                    list(branch.body, into: &tags, loops: &loops)
                }
                list(otherwise, into: &tags, loops: &loops)
            }
        }
    }

    private static func collect(_ program: [Instruction], into needs: inout DataNeeds) {
        for instruction in program {
            switch instruction {
            case .leaf(.bytes), .leaf(.identifier), .leaf(.width), .leaf(.columnStyle), .leaf(.columnStyles),
                .leaf(.imageField):
                continue
            case .leaf(.value(let slot)):
                needs.value(slot.expression, at: slot.origin.location)
            case .leaf(.image(let slot, let frame)):
                needs.value(slot.expression, at: slot.origin.location)
                collect(frame, into: &needs)
            case .loop(let slot, let body, let empty):
                needs.enterLoop(variable: slot.variable, iterable: slot.iterable, at: slot.origin.location)
                collect(body, into: &needs)
                needs.leaveLoop()
                collect(empty, into: &needs)
            case .condition(let branches, let otherwise):
                needs.enterCondition()
                for branch in branches {
                    needs.condition(branch.condition, at: branch.origin.location)
                    collect(branch.body, into: &needs)
                }
                collect(otherwise, into: &needs)
                needs.leaveCondition()
            }
        }
    }
}

extension DataNeeds {
    /// The fields that `data` lacks, as messages at their first place in the template:
    /// an error for a field that must be there, a warning for one read only inside an
    /// `if` block. Fields that may be missing (conditions, `standaard(...)`) are not listed.
    /// Every element of a list is checked for the fields of its elements.
    public func missingFields(in data: Value) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for field in fields { Self.check(field, in: data, path: field.name, into: &found) }
        return found
    }

    private static func check(_ field: Field, in parent: Value, path: String, into found: inout [Diagnostic]) {
        guard !field.optional else { return }
        guard case .object(let members) = parent else { return }
        guard let value = members[field.name] else {
            let place = field.allOccurrences.first { !$0.optional }?.place ?? field.allOccurrences.first?.place
            var diagnostic = Diagnostic(
                field.guarded ? .warning : .error, id: "E201", "'\(path)' staat niet in de gegevens",
                at: place,
                hint: field.guarded
                    ? "het sjabloon leest dit veld alleen binnen een {% if %}; het is nodig als die voorwaarde geldt"
                    : Suggestions.hint(for: field.name, in: members.keys))
            let others = Set(field.allOccurrences.map(\.place)).count - 1
            if others > 0 {
                diagnostic.notes.append("het sjabloon leest het nog op \(others) andere plaats\(others == 1 ? "" : "en")")
            }
            found.append(diagnostic)
            return
        }
        if field.isList, case .list(let items) = value {
            for (index, item) in items.enumerated() {
                for child in field.children { check(child, in: item, path: "\(path)[\(index + 1)].\(child.name)", into: &found) }
            }
        } else {
            for child in field.children { check(child, in: value, path: "\(path).\(child.name)", into: &found) }
        }
    }
}
