import ArgumentParser
import LerendApplication
import LerendDiagnostics
import LerendNetwork

/// `lerend plugin installeer`: a `.lerendplugin` file into the user's plugin folder.
struct PluginInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "installeer",
        abstract: "Installeert een .lerendplugin-bestand in je eigen pluginmap.",
        discussion: """
            Je eigen pluginmap is $XDG_DATA_HOME/lerend/plugins (meestal ~/.local/share/lerend/plugins). \
            Een pakket met onveilige namen, koppelingen, een te grote omvang, een verkeerd controlegetal \
            of voor een andere Lerend wordt geweigerd; er wordt dan niets geïnstalleerd.
            """)

    @Argument(help: ArgumentHelp("Het pakket, gemaakt met 'lerend plugin pak'.", valueName: "bestand"))
    var archive: String

    @Flag(
        name: [.customLong("overschrijven"), .customLong("overwrite")],
        help: "Vervangt ook een nieuwere geïnstalleerde versie.")
    var replacingNewer = false

    func run() throws {
        let installer = PluginInstaller(folder: ResourceLocator.forThisRun().userPluginFolder)
        do throws(DiagnosticList) {
            let result = try installer.install(archive, replacingNewer: replacingNewer)
            var text = "\(result.id) \(result.version) geïnstalleerd in \(result.path)"
            if let replaced = result.replaced { text += " (was \(replaced))" }
            Console.print(text)
        } catch {
            Console.report(error.diagnostics)
            Console.error("er is niets geïnstalleerd")
            throw ExitCode.failure
        }
    }
}
