import ArgumentParser
import Foundation
import LerendApplication
import LerendDiagnostics
import LerendExpressions
import LerendNetwork

/// Options every command about a network file shares.
struct NetworkOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Het netwerkbestand (YAML).", valueName: "netwerk.yaml"))
    var networkPath: String

    @Option(
        name: .customLong("plugins"),
        help: ArgumentHelp(
            "Een map met een pluginbundel, of met mappen met bundels; mag vaker.", valueName: "map"))
    var pluginDirectories: [String] = []

    @Option(
        name: [.customLong("sjablonen"), .customLong("templates")],
        help: ArgumentHelp(
            "Een map waarin de eigen sjablonen van het netwerkbestand mogen staan, naast de map van het netwerkbestand zelf; mag vaker.",
            valueName: "map"))
    var templateDirectories: [String] = []

    @Option(
        name: .customLong("datum"),
        help: ArgumentHelp(
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

    /// Where this run finds plugins and templates.
    var locator: ResourceLocator {
        let environment = ProcessInfo.processInfo.environment
        return ResourceLocator(
            pluginFolders: pluginDirectories, environment: environment,
            executablePath: ResourceLocator.runningExecutable(argument0: CommandLine.arguments[0], environment: environment),
            templateFolders: templateDirectories)
    }

    /// The network with its plugins, its warnings printed; or its problems printed and a
    /// failure.
    func openSession() throws -> NetworkSession {
        do throws(DiagnosticList) {
            let session = try NetworkSession.open(networkPath, locator: locator, date: date)
            Console.report(session.warnings)
            return session
        } catch {
            Console.report(error.diagnostics)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            if count > 1 { Console.error("\(count) fouten in \(networkPath)") }
            throw ExitCode.failure
        }
    }
}

extension DiagnosticList {
    /// Prints the diagnostics and stops the command.
    func exit() -> ExitCode {
        Console.report(diagnostics)
        return ExitCode.failure
    }
}
