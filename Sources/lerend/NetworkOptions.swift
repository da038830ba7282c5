import ArgumentParser
import Foundation
import LerendDiagnostics
import LerendExpressions
import LerendNetwork

/// Options every command about a network file shares.
struct NetworkOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Het netwerkbestand (YAML).", valueName: "netwerk.yaml"))
    var networkPath: String

    @Option(name: .customLong("plugins"), help: ArgumentHelp(
        "Een map met een pluginbundel, of met mappen met bundels; mag vaker.", valueName: "map"))
    var pluginDirectories: [String] = []

    @Option(name: .customLong("datum"), help: ArgumentHelp(
        "De peildatum (JJJJ-MM-DD); standaard vandaag.", valueName: "datum"))
    var dateText: String?

    func validate() throws {
        if let dateText, LocalDate(iso: dateText) == nil {
            throw ValidationError("--datum \(dateText) is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-10")
        }
        for directory in pluginDirectories where !FileManager.default.fileExists(atPath: directory) {
            throw ValidationError("--plugins \(directory): deze map bestaat niet")
        }
    }

    /// The reference date: `--datum`, or today in the local time zone.
    var date: LocalDate {
        if let dateText, let date = LocalDate(iso: dateText) { return date }
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The network file, or its problems printed and a failure.
    func loadNetwork() throws -> NetworkFile {
        do throws(DiagnosticList) {
            let file = try NetworkFile.load(path: networkPath)
            Console.report(file.warnings)
            return file
        } catch {
            Console.report(error.diagnostics)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            Console.error("\(count) \(count == 1 ? "fout" : "fouten") in \(networkPath); het bestand is niet gewijzigd")
            throw ExitCode.failure
        }
    }

    /// The plugins the network uses; broken bundles are reported as warnings.
    func loadPlugins(for networkFile: NetworkFile) throws -> (checker: RuleChecker, selected: [any Plugin]) {
        let (plugins, problems) = PluginLoader.standard(extra: pluginDirectories).load()
        let checker = RuleChecker(plugins: plugins)
        let selection = checker.selection(for: networkFile.network, in: networkFile.file)
        Console.report(problems.map { problem in
            var warning = problem
            if warning.severity == .error { warning.severity = .warning }
            warning.notes.append("deze plugin is overgeslagen; de andere plugins werken gewoon")
            return warning
        })
        if !selection.problems.isEmpty {
            Console.report(selection.problems)
            throw ExitCode.failure
        }
        return (checker, selection.plugins)
    }
}
