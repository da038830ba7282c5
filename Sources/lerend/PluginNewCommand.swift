import ArgumentParser
import LerendApplication
import LerendDiagnostics
import LerendNetwork

/// `lerend plugin nieuw`: a bundle to start from.
struct PluginNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nieuw",
        abstract: "Maakt een werkende bundel om mee te beginnen: manifest, een regel met voorbeelden, werkproces, sjablonen.")

    @Argument(help: ArgumentHelp("De map van de nieuwe bundel; de naam is de id van de plugin.", valueName: "naam"))
    var path: String

    func run() throws {
        do throws(DiagnosticList) {
            let result = try PluginScaffold.create(at: path, locator: .forThisRun())
            Console.print("nieuwe plugin '\(result.id)' in \(result.path)/:")
            for file in result.files { Console.print("  \(file)") }
            if !result.missingTemplates.isEmpty {
                Console.error(
                    "let op: geen standaardsjabloon gevonden voor "
                        + result.missingTemplates.map(\.label).joined(separator: ", ") + "; de bundel gebruikt dan die van Lerend"
                )
            }
            Console.print("\nvolgende stap: lees \(result.path)/README.md en draai 'lerend plugin toets \(result.path)'")
        } catch {
            throw error.exit()
        }
    }
}
