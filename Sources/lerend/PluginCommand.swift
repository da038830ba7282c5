import ArgumentParser
import Foundation
import LerendApplication

/// `lerend plugin`: make, test, pack, install, list and remove plugin bundles.
struct PluginCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin",
        abstract: "Maakt, toetst, pakt en installeert pluginbundels (regels, werkproces, sjablonen).",
        discussion: """
            Een plugin schrijf je zonder te programmeren: begin met 'lerend plugin nieuw NAAM', \
            toets hem met 'lerend plugin toets NAAM', maak er één bestand van met 'lerend plugin pak NAAM' \
            en installeer dat met 'lerend plugin installeer BESTAND'. Zie Docs/plugins.md.
            """,
        subcommands: [
            PluginNewCommand.self, PluginTestCommand.self, PluginPackCommand.self, PluginInstallCommand.self,
            PluginListCommand.self, PluginRemoveCommand.self,
        ])
}

extension ResourceLocator {
    /// Where this run finds plugins and templates: `pluginFolders`, the environment and
    /// the running program.
    static func forThisRun(pluginFolders: [String] = []) -> ResourceLocator {
        let environment = ProcessInfo.processInfo.environment
        return ResourceLocator(
            pluginFolders: pluginFolders, environment: environment,
            executablePath: ResourceLocator.runningExecutable(argument0: CommandLine.arguments[0], environment: environment))
    }
}
