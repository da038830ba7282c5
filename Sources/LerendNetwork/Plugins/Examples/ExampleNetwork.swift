import Foundation
import LerendData
import LerendDiagnostics
import LerendExpressions
import OrderedCollections

/// The network of an example: its start (a network file of the bundle, or a network
/// with only a name) with its changes made, loaded as any network file is.
enum ExampleNetwork {
    /// The network of `example` in a bundle for plugin `pluginID`, or why it cannot be made.
    static func make(_ example: PluginExample, pluginID: String) -> Result<NetworkFile, DiagnosticList> {
        var start: Value = ["netwerk": ["naam": "Voorbeeld", "plugin": .string(pluginID)]]
        if let path = example.network {
            if example.changes.isEmpty {
                do throws(DiagnosticList) {
                    return .success(try NetworkFile.load(path: path))
                } catch {
                    return .failure(notLoaded(example, error.diagnostics))
                }
            }
            do throws(DiagnosticList) {
                start = try DataFile.load(path: path).value
            } catch {
                return .failure(notLoaded(example, error.diagnostics))
            }
        }
        var network = start
        for change in example.changes {
            guard let changed = setting(change.path[...], to: change.value, in: network) else {
                return .failure(
                    DiagnosticList([
                        example.file.diagnostic(
                            id: "P112", "'\(change.key.text)' past niet op het netwerk van dit voorbeeld", atKey: change.key,
                            hint: "een plaats in een lijst telt vanaf 1 en mag hoogstens één voorbij het eind liggen; "
                                + "alleen in een object kun je een sleutel kiezen")
                    ]))
            }
            network = changed
        }
        do throws(DiagnosticList) {
            return .success(try NetworkFile.parse(yaml(network), path: example.file.path))
        } catch {
            return .failure(notLoaded(example, error.diagnostics))
        }
    }

    /// The network could not be loaded: one message at the example, with the problems as notes.
    private static func notLoaded(_ example: PluginExample, _ problems: [Diagnostic]) -> DiagnosticList {
        var diagnostic = example.file.diagnostic(
            id: "P111", "het netwerk van dit voorbeeld laadt niet", at: example.node.location,
            hint: "maak het een netwerk dat 'lerend check' leest; een voorbeeld toetst een regel, geen schrijffout")
        diagnostic.notes = problems.filter { $0.severity == .error }.prefix(5).map { problem in
            let place = problem.location.flatMap { location in
                location.file == example.file.path ? nil : location.description
            }
            return (place.map { "\($0): " } ?? "") + (problem.id.map { "[\($0)] " } ?? "") + problem.message
        }
        return DiagnosticList([diagnostic])
    }

    /// `value` with `newValue` at `path`; `null` removes; `nil` when the path does not fit.
    static func setting(_ path: ArraySlice<String>, to newValue: Value, in value: Value) -> Value? {
        guard let step = path.first else { return newValue }
        let rest = path.dropFirst()
        switch value {
        case .list(var items):
            guard let position = Int(step), position >= 1, position <= items.count + 1 else { return nil }
            let index = position - 1
            if index == items.count {
                if case .null = newValue, rest.isEmpty { return value }
                items.append(rest.isEmpty ? .null : [:])
            }
            if rest.isEmpty, case .null = newValue {
                items.remove(at: index)
                return .list(items)
            }
            guard let changed = setting(rest, to: newValue, in: items[index]) else { return nil }
            items[index] = changed
            return .list(items)
        case .object(var members):
            if rest.isEmpty, case .null = newValue {
                members[step] = nil
                return .object(members)
            }
            let current = members[step] ?? (rest.first.flatMap { Int($0) } != nil ? .list([]) : .object([:]))
            guard let changed = setting(rest, to: newValue, in: current) else { return nil }
            members[step] = changed
            return .object(members)
        case .null:
            return setting(path, to: newValue, in: Int(step) != nil ? .list([]) : .object([:]))
        default:
            return nil
        }
    }

    /// The value as YAML text (JSON, which YAML reads).
    static func yaml(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return quoted(text)
        case .date(let date): return date.iso
        case .time(let time): return String(format: "%02d:%02d", time.hour, time.minute)
        case .list(let items): return "[" + items.map(yaml).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.map { "\(quoted($0.key)): \(yaml($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
