import Foundation

/// The built `lerend` program, run in a folder of its own.
struct Program {
    static let repository = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let executable = repository.appending(path: ".build/debug/lerend")

    struct Result {
        let status: Int32
        let output: String
        let errors: String
    }

    /// Runs `lerend` with `arguments` in `directory` and waits for it; `extra` is added to
    /// the environment (such as `XDG_DATA_HOME`).
    static func run(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws -> Result {
        let process = try start(arguments, in: directory, environment: extra)
        let output = String(decoding: (process.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: output, errors: errors)
    }

    /// The environment of the tests, with nothing that points the program at its plugins
    /// and templates: it finds them itself, as it does for an organiser who runs it from
    /// any folder. Without colours.
    static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["LEREND_PLUGINS"] = nil
        environment["LEREND_HOME"] = nil
        environment["NO_COLOR"] = "1"
        return environment
    }

    static func start(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment.merging(extra) { $1 }
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }

    /// A fresh, empty folder, removed by the caller.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "lerend-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A fresh folder with a link `Templates` to the repository's templates, for commands
    /// that name a template file.
    static func folderWithTemplates() throws -> URL {
        let url = try folder()
        try FileManager.default.createSymbolicLink(
            at: url.appending(path: "Templates"), withDestinationURL: repository.appending(path: "Templates"))
        return url
    }

}
