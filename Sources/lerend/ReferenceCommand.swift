import ArgumentParser
import LerendExpressions
import LerendNetwork

/// `lerend uitleg`: the reference of the functions and of the keys of the network file.
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uitleg",
        abstract: "Toont alle functies en filters, of alle sleutels van het netwerkbestand.")

    enum Topic: String, ExpressibleByArgument, CaseIterable { case functies, velden }

    @Argument(help: ArgumentHelp("functies of velden", valueName: "onderwerp"))
    var topic: Topic

    func run() {
        switch topic {
        case .functies: printFunctions()
        case .velden: printFields(NetworkSchema.file, indent: "")
        }
    }

    private func printFunctions() {
        let functions = FunctionLibrary.standard.all
        // Aliases share a body; list each function once with its other names.
        var seen: [String: [String]] = [:]
        var order: [ExpressionFunction] = []
        for function in functions {
            let key = function.summary
            if seen[key] == nil {
                order.append(function)
                seen[key] = []
            } else {
                seen[key]!.append(function.name)
            }
        }
        for function in order {
            let others = seen[function.summary]!.filter { $0 != function.name }
            Console.print("\(function.usage)" + (others.isEmpty ? "" : "   (ook: \(others.joined(separator: ", ")))"))
            Console.print("    \(function.summary)")
        }
    }

    private func printFields(_ entity: EntitySchema, indent: String) {
        for field in entity.fields {
            let required = field.isRequired ? ", verplicht" : ""
            Console.print("\(indent)\(field.name): \(field.kind.description)\(required)")
            Console.print("\(indent)    \(field.summary)")
            switch field.kind {
            case .object(let nested), .list(.object(let nested)): printFields(nested, indent: indent + "  ")
            default: break
            }
        }
        for field in entity.derived {
            Console.print("\(indent)\(field.name): \(field.kind.description), berekend door Lerend")
            Console.print("\(indent)    \(field.summary)")
        }
    }
}
