import ArgumentParser

/// The `lerend` command: learning networks, their documents and their checks.
@main
struct Lerend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lerend",
        abstract: "Lerende netwerken opzetten en draaien: documenten, controles en planning.",
        version: "0.1.0",
        subcommands: [RenderCommand.self])
}
