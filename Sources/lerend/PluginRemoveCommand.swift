import ArgumentParser
import LerendApplication
import LerendDiagnostics
import LerendNetwork

/// `lerend plugin verwijder`: removes a bundle from the user's own plugin folder.
struct PluginRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verwijder",
        abstract: "Verwijdert een plugin uit je eigen pluginmap (nooit van een andere plek).")

    @Argument(help: ArgumentHelp("De id van de plugin, zoals 'lerend plugin lijst' hem noemt.", valueName: "id"))
    var id: String

    func run() throws {
        do throws(DiagnosticList) {
            let entry = try PluginCatalog(locator: .forThisRun()).remove(id)
            Console.print("\(entry.id) \(entry.version.map { "\($0) " } ?? "")verwijderd uit \(entry.path)")
        } catch {
            throw error.exit()
        }
    }
}
