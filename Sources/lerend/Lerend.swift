import ArgumentParser
import Foundation

/// The `lerend` command: learning networks, their documents and their checks.
@main
struct Lerend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lerend",
        abstract: "Lerende netwerken opzetten en draaien: documenten, controles en planning.",
        version: "0.1.0",
        subcommands: [CheckCommand.self, StatusCommand.self, PlanCommand.self, CalendarCommand.self, ExportCommand.self, RenderCommand.self, ReferenceCommand.self],
        helpNames: [.short, .long])

    /// Runs the command, with the texts of swift-argument-parser (usage, help, parse
    /// errors) in Dutch.
    static func main() {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            finish(with: error)
        }
        do {
            var command = command
            try command.run()
        } catch {
            finish(with: error)
        }
    }

    private static func finish(with error: any Error) -> Never {
        let code = exitCode(for: error)
        let text = ParserText.dutch(fullMessage(for: error))
        if code == .success {
            if !text.isEmpty { print(text) }
        } else if !text.isEmpty {
            Console.error(text)
        }
        Foundation.exit(code.rawValue)
    }
}
