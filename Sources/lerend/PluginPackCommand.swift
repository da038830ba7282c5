import ArgumentParser
import Foundation
import LerendApplication
import LerendDiagnostics
import LerendNetwork

/// `lerend plugin pak`: one `.lerendplugin` file of a bundle.
struct PluginPackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pak",
        abstract: "Maakt van een bundel één .lerendplugin-bestand, met controlegetallen, om te versturen.")

    @Argument(help: ArgumentHelp("De map van de bundel (met plugin.yaml).", valueName: "map"))
    var directory: String

    @Option(
        name: [.customShort("o"), .customLong("uitvoer"), .customLong("output")],
        help: ArgumentHelp("Het bestand dat gemaakt wordt; standaard ID-VERSIE.lerendplugin hier.", valueName: "bestand"))
    var output: String?

    func run() throws {
        do throws(DiagnosticList) {
            let result = try PluginPackage.pack(
                directory: directory, output: output, outputFolder: FileManager.default.currentDirectoryPath)
            var shown = result.path
            let here = FileManager.default.currentDirectoryPath + "/"
            if shown.hasPrefix(here) { shown.removeFirst(here.count) }
            Console.print(
                "\(result.plugin.id) \(result.plugin.version.map { "\($0)" } ?? ""): "
                    + "\(result.files.counted("bestand", "bestanden")) in \(shown) "
                    + "(\((Double(result.bytes) / 1024).dutch(decimals: 1)) kB)")
        } catch {
            throw error.exit()
        }
    }
}
