import ArgumentParser
import LerendApplication
import LerendDiagnostics
import LerendNetwork

/// `lerend plugin lijst`: every bundle Lerend finds, where, with its version.
struct PluginListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lijst",
        abstract: "Toont elke plugin die Lerend vindt: waar, met welke versie, en welke telt.")

    @Option(
        name: .customLong("plugins"),
        help: ArgumentHelp("Een map met een pluginbundel, of met mappen met bundels; mag vaker.", valueName: "map"))
    var pluginDirectories: [String] = []

    func run() {
        let catalog = PluginCatalog(locator: .forThisRun(pluginFolders: pluginDirectories))
        let entries = catalog.entries()
        for place in catalog.locator.pluginPlaces {
            let here = entries.filter { $0.place == place }
            Console.print("\(place.path) (\(place.origin.label))" + (here.isEmpty ? ": geen plugins" : ""))
            for entry in here {
                var line = "  \(entry.id)  \(entry.version.map { "\($0)" } ?? "(geen versie)")"
                if let name = entry.name { line += "  \(name)" }
                if let range = entry.lerendVersions { line += "  voor Lerend \(range)" }
                if let problem = entry.problem {
                    line += "  [laadt niet: \(problem.id.map { "\($0) " } ?? "")\(problem.message)]"
                } else if !entry.isActive {
                    line += "  [telt niet: een eerdere plek heeft ook '\(entry.id)']"
                }
                Console.print(line)
            }
        }
        let active = entries.filter(\.isActive).count
        Console.print("\n\(active.counted("plugin", "plugins")) in gebruik")
    }
}
