public import LerendDiagnostics

/// A place in the network file: `netwerk.voorkeuren.weekdag`, `organisaties[2].plaats`.
///
/// Keys are separated by dots; `[n]` picks the element `n` of a list, counting from 0.
public struct NetworkPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path: a key of a mapping or an element of a list.
    public enum Step: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var steps: [Step]

    public init(_ steps: [Step]) {
        self.steps = steps
    }

    /// Reads a path as an organiser writes it; `nil` when it is not one.
    public init?(_ text: String) {
        var steps: [Step] = []
        var rest = Substring(text)
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            if rest.first == "[" {
                guard let close = rest.firstIndex(of: "]"), let index = Int(rest[rest.index(after: rest.startIndex)..<close]),
                    index >= 0
                else { return nil }
                steps.append(.index(index))
                rest = rest[rest.index(after: close)...]
                if rest.first == "." {
                    rest = rest.dropFirst()
                    guard !rest.isEmpty, rest.first != "[" else { return nil }
                }
                continue
            }
            let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
            let key = rest[..<end]
            guard !key.isEmpty, !key.contains("]") else { return nil }
            steps.append(.key(String(key)))
            rest = rest[end...]
            if rest.first == "." {
                rest = rest.dropFirst()
                guard !rest.isEmpty, rest.first != "[" else { return nil }
            }
        }
        self.steps = steps
    }

    /// Reads a path, or throws N140 naming what is wrong with it.
    public static func parse(_ text: String) throws(DiagnosticList) -> NetworkPath {
        guard let path = NetworkPath(text) else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "N140", "'\(text)' is geen pad in het netwerkbestand",
                    hint: "schrijf sleutels met punten en een element van een lijst met [n], vanaf 0: organisaties[0].plaats")
            ])
        }
        return path
    }

    public var description: String {
        var text = ""
        for step in steps {
            switch step {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// The path without its last step.
    public var parent: NetworkPath { NetworkPath(Array(steps.dropLast())) }

    /// The path with `step` added.
    public func appending(_ step: Step) -> NetworkPath { NetworkPath(steps + [step]) }

    /// The path of `key` below this one.
    public func appending(_ key: String) -> NetworkPath { appending(.key(key)) }
}
