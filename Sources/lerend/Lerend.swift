import ArgumentParser
import Foundation
import LerendApplication
import LerendNetwork

/// The `lerend` command: learning networks, their documents and their checks.
@main
struct Lerend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lerend",
        abstract: "Lerende netwerken opzetten en draaien: documenten, controles en planning.",
        version: LerendVersion.text,
        subcommands: [
            CheckCommand.self, StatusCommand.self, PlanCommand.self, CalendarCommand.self, ExportCommand.self, SendCommand.self,
            RenderCommand.self,
            TemplateCommand.self,
            ReferenceCommand.self, PluginCommand.self, WebCommand.self,
        ],
        helpNames: [.short, .long])

    /// Runs the command, with the texts of swift-argument-parser (usage, help, parse
    /// errors) in Dutch.
    static func main() {
        Interruption.removeTemporaryFilesOnSignal()
        let command: any ParsableCommand
        let arguments = ParserText.arguments(CommandLine.arguments.dropFirst())
        do {
            command = try parseAsRoot(arguments)
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

    /// Prints the parser's text for `error` (help, usage, a parse error) in Dutch,
    /// wrapped to the terminal, and exits with the parser's code for it.
    private static func finish(with error: any Error) -> Never {
        if let message = SystemErrorText.dutch(error) {
            Console.error("fout: \(message)")
            Foundation.exit(ExitCode.failure.rawValue)
        }
        let code = exitCode(for: error)
        let arguments = Array(CommandLine.arguments.dropFirst())
        let english = fullMessage(for: error, columns: ParserText.unwrappedWidth)
        var dutch = ParserText.dutch(english)
        if code != .success {
            dutch = ParserText.addingHints(to: dutch, english: english, arguments: arguments, names: names(of:))
        }
        let text = ParserText.wrapped(dutch, width: ParserText.terminalWidth)
        if code == .success {
            warnAboutUnknownCommand(in: arguments)
            if !text.isEmpty { print(text) }
        } else if !text.isEmpty {
            Console.error(text)
        }
        Foundation.exit(code.rawValue)
    }

    /// The subcommands of `lerend` and, for one of them (`name`), its options: the
    /// names a misspelt word may have meant.
    private static func names(of name: String?) -> ParserText.Names {
        let subcommands = configuration.subcommands
        guard let name, let command = subcommands.first(where: { $0._commandName == name }) else {
            return ParserText.Names(subcommands: subcommands.map { $0._commandName } + ["help"])
        }
        let help = helpMessage(for: command, columns: ParserText.unwrappedWidth)
        return ParserText.Names(
            subcommands: command.configuration.subcommands.map { $0._commandName },
            options: ParserText.optionNames(inHelp: help))
    }

    /// `lerend help chek` and `lerend chek --help` show the general help, as the parser
    /// does; this says on standard error that there is no such command, with the one
    /// that was probably meant.
    private static func warnAboutUnknownCommand(in arguments: [String]) {
        let names = names(of: nil)
        guard let word = ParserText.unknownCommand(in: arguments, subcommands: names.subcommands) else { return }
        var text = "let op: '\(word)' is geen opdracht van lerend"
        if let hint = ParserText.suggestion(for: word, in: names) { text += "\n   hint: \(hint)" }
        Console.error(text)
    }
}
