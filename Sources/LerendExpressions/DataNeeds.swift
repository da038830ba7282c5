public import LerendDiagnostics

/// What data a template needs, derived from its expressions before there is any data:
/// the fields it reads as a tree (lists have the fields of their elements as children),
/// the functions and filters it calls and its loop variables, each with its places.
public struct DataNeeds: Sendable {
    /// How a field is used at one place.
    public enum Use: String, Sendable, Hashable, Comparable {
        /// Printed, or part of a printed value.
        case value = "waarde"
        /// In an `if` or `elif` condition.
        case condition = "voorwaarde"
        /// The list of a `for` loop.
        case loop = "lus"

        public static func < (left: Use, right: Use) -> Bool { left.rawValue < right.rawValue }
    }

    /// One place where a field is read.
    public struct Occurrence: Sendable, Hashable {
        public let place: SourceLocation
        public let use: Use
        /// Whether a missing value is allowed here: a condition, `is defined`, `standaard(...)`.
        public let optional: Bool
        /// Whether the place is inside an `if` block.
        public let guarded: Bool
    }

    /// A field of the data, with the fields below it.
    public struct Field: Sendable {
        public let name: String
        /// Whether it is a list: looped over, or given to a list function.
        public internal(set) var isList = false
        public internal(set) var occurrences: [Occurrence] = []
        public internal(set) var children: [Field] = []

        init(name: String) { self.name = name }

        /// Every occurrence of this field and of the fields below it.
        public var allOccurrences: [Occurrence] { occurrences + children.flatMap(\.allOccurrences) }

        /// Whether the field is only read in conditions (itself and below it).
        public var conditionOnly: Bool {
            let all = allOccurrences
            return !all.isEmpty && all.allSatisfy { $0.use == .condition }
        }

        /// Whether a missing value is allowed everywhere it is read.
        public var optional: Bool {
            let all = allOccurrences
            return !all.isEmpty && all.allSatisfy(\.optional)
        }

        /// Whether it is only read inside `if` blocks.
        public var guarded: Bool {
            let all = allOccurrences
            return !all.isEmpty && all.allSatisfy(\.guarded)
        }

        public var uses: [Use] { Array(Set(allOccurrences.map(\.use))).sorted() }

        mutating func child(_ name: String) -> Int {
            if let index = children.firstIndex(where: { $0.name == name }) { return index }
            children.append(Field(name: name))
            return children.count - 1
        }
    }

    /// A `for` loop: its variable, the list it walks and where.
    public struct LoopVariable: Sendable, Equatable {
        public let name: String
        /// The list as written, such as `deelnemers`.
        public let iterable: String
        /// The field path of the list, such as `deelnemers[]`, when it is a plain path.
        public let listPath: String?
        public let place: SourceLocation
    }

    /// The fields at the top of the data, in the order they are first read.
    public private(set) var fields: [Field] = []
    /// Every function or filter called, sorted, with its places.
    public private(set) var functions: [String: [SourceLocation]] = [:]
    public private(set) var loops: [LoopVariable] = []

    /// A path step: a named field, or the element of a list.
    enum Step: Hashable {
        case field(String)
        case element
    }

    private var scopes: [[String: [Step]?]] = []
    private var conditionDepth = 0

    public init() {}

    /// A `{{ }}` value at `place`.
    public mutating func value(_ expression: Expression, at place: SourceLocation) {
        var walker = Walker(needs: self, place: place, use: .value)
        _ = walker.walk(expression.node, optional: false)
        self = walker.needs
    }

    /// The condition of an `if` or `elif` at `place`; call ``enterCondition()`` for its body.
    public mutating func condition(_ expression: Expression, at place: SourceLocation) {
        var walker = Walker(needs: self, place: place, use: .condition)
        _ = walker.walk(expression.node, optional: true)
        self = walker.needs
    }

    public mutating func enterCondition() { conditionDepth += 1 }
    public mutating func leaveCondition() { conditionDepth -= 1 }

    /// A `for variable in iterable` at `place`; its body follows until ``leaveLoop()``.
    public mutating func enterLoop(variable: String, iterable: Expression, at place: SourceLocation) {
        var walker = Walker(needs: self, place: place, use: .loop)
        let path = walker.walk(iterable.node, optional: false)
        self = walker.needs
        if let path { markList(path) }
        // A column loop runs as one loop per table row, all from the same tag: listed once.
        let loop = LoopVariable(name: variable, iterable: iterable.source, listPath: path.map(Self.text(of:)), place: place)
        if !loops.contains(loop) { loops.append(loop) }
        var scope: [String: [Step]?] = [:]
        scope["loop"] = .some(nil)
        scope[variable] = .some(path.map { $0 + [.element] })
        scopes.append(scope)
    }

    public mutating func leaveLoop() { _ = scopes.popLast() }

    /// `deelnemers[].naam`.
    static func text(of path: [Step]) -> String {
        var text = ""
        for step in path {
            switch step {
            case .field(let name): text += text.isEmpty ? name : ".\(name)"
            case .element: text += "[]"
            }
        }
        return text
    }

    /// The path a name stands for: a loop or lambda variable, or a field at the top.
    fileprivate func resolve(_ name: String, lambdas: [String: [Step]?]) -> [Step]? {
        if let local = lambdas[name] { return local }
        for scope in scopes.reversed() { if let local = scope[name] { return local } }
        return [.field(name)]
    }

    fileprivate mutating func record(_ path: [Step], _ occurrence: Occurrence) {
        guard case .field(let first) = path.first else { return }
        let index =
            fields.firstIndex { $0.name == first }
            ?? {
                fields.append(Field(name: first))
                return fields.count - 1
            }()
        Self.record(path.dropFirst(), occurrence, in: &fields[index])
    }

    private static func record(_ rest: ArraySlice<[Step].Element>, _ occurrence: Occurrence, in field: inout Field) {
        guard let step = rest.first else {
            field.occurrences.append(occurrence)
            return
        }
        switch step {
        case .element:
            field.isList = true
            record(rest.dropFirst(), occurrence, in: &field)
        case .field(let name):
            let index = field.child(name)
            record(rest.dropFirst(), occurrence, in: &field.children[index])
        }
    }

    fileprivate mutating func markList(_ path: [Step]) {
        guard case .field(let first) = path.first, let index = fields.firstIndex(where: { $0.name == first }) else { return }
        Self.markList(path.dropFirst(), in: &fields[index])
    }

    private static func markList(_ rest: ArraySlice<Step>, in field: inout Field) {
        guard let step = rest.first else {
            field.isList = true
            return
        }
        switch step {
        case .element: markList(rest.dropFirst(), in: &field)
        case .field(let name):
            let index = field.child(name)
            markList(rest.dropFirst(), in: &field.children[index])
        }
    }

    /// Walks one expression; returns the data path of its value, if it has one.
    fileprivate struct Walker {
        var needs: DataNeeds
        let place: SourceLocation
        let use: Use
        var lambdas: [String: [Step]?] = [:]

        init(needs: DataNeeds, place: SourceLocation, use: Use) {
            self.needs = needs
            self.place = place
            self.use = use
        }

        /// Records the path read by `node` when it is not read further by its parent.
        mutating func walk(_ node: Node, optional: Bool) -> [Step]? {
            let path = inner(node, optional: optional)
            if let path { read(path, optional: optional) }
            return path
        }

        mutating func read(_ path: [Step], optional: Bool) {
            var location = place
            location.column = nil
            needs.record(
                path,
                Occurrence(place: location, use: use, optional: optional, guarded: needs.conditionDepth > 0))
        }

        /// The path of `node` without recording it (its parent may go deeper).
        mutating func inner(_ node: Node, optional: Bool) -> [Step]? {
            switch node {
            case .literal:
                return nil
            case .variable(let name, _):
                return needs.resolve(name, lambdas: lambdas)
            case .member(let base, let name, _):
                return inner(base, optional: optional).map { $0 + [.field(name)] }
            case .index(let base, let index, _):
                let basePath = inner(base, optional: optional)
                if case .literal(.string(let key), _) = index { return basePath.map { $0 + [.field(key)] } }
                _ = walk(index, optional: optional)
                return basePath.map { $0 + [.element] }
            case .list(let items, _):
                for item in items { _ = walk(item, optional: optional) }
                return nil
            case .negate(let operand, _), .not(let operand, _):
                _ = walk(operand, optional: optional)
                return nil
            case .arithmetic(_, let left, let right, _), .comparison(_, let left, let right, _), .and(let left, let right, _),
                .or(let left, let right, _):
                _ = walk(left, optional: optional)
                _ = walk(right, optional: optional)
                return nil
            case .conditional(let value, let condition, let alternative, _):
                _ = walk(condition, optional: true)
                _ = walk(value, optional: optional)
                if let alternative { _ = walk(alternative, optional: optional) }
                return nil
            case .test(let operand, let test, _, _):
                let lenient = optional || [.defined, .undefined, .none, .empty].contains(test)
                _ = walk(operand, optional: lenient)
                return nil
            case .call(let function, let arguments, _):
                return call(function, arguments, optional: optional)
            }
        }

        private mutating func call(_ function: ExpressionFunction, _ arguments: [Node.Argument], optional: Bool) -> [Step]? {
            needs.functions[function.name, default: []].append(place)
            var first: [Step]?
            var lambdaResult: [Step]?
            for (position, argument) in arguments.enumerated() {
                switch argument {
                case .value(let node):
                    let lenient = optional || (position == 0 && function.acceptsMissing)
                    let path = walk(node, optional: lenient)
                    if position == 0 { first = path }
                case .lambda(let parameter, let body, _):
                    if let first { needs.markList(first) }
                    let saved = lambdas[parameter]
                    lambdas[parameter] = .some(first.map { $0 + [.element] })
                    lambdaResult = walk(body, optional: optional)
                    lambdas[parameter] = saved
                }
            }
            switch function.name {
            case "filter", "sort", "reverse": return first
            case "first", "last": return first.map { $0 + [.element] }
            case "min", "max": return arguments.count > 1 ? nil : first.map { $0 + [.element] }
            default:
                _ = lambdaResult
                return nil
            }
        }
    }
}
