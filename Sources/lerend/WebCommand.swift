import ArgumentParser
import Foundation
import LerendApplication
import LerendExpressions
import LerendWeb
import Synchronization

/// `lerend web`: the local web application over a folder of network files.
struct WebCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web",
        abstract: "Start Lerend in de browser: de netwerken van een map, zonder opdrachtregel.",
        discussion: """
            Lerend luistert alleen op deze computer (127.0.0.1) en opent de browser als die er is. \
            De netwerkbestanden in MAP blijven de bron: wat je in de browser wijzigt, staat daarna \
            in het bestand, en een bestand dat je met de hand wijzigt zie je na herladen. Stop met Ctrl-C.
            """)

    @Argument(help: ArgumentHelp("De map met netwerkbestanden (standaard: de huidige map).", valueName: "map"))
    var folder: String = "."

    @Option(name: .customLong("poort"), help: ArgumentHelp("De poort (standaard 8080; 0: een vrije poort).", valueName: "n"))
    var port: Int = 8080

    @Option(
        name: .customLong("adres"),
        help: ArgumentHelp(
            "Luister op een ander adres dan 127.0.0.1, zodat andere computers Lerend kunnen bereiken.", valueName: "adres"))
    var host: String = "127.0.0.1"

    @Option(name: .customLong("plugins"), help: ArgumentHelp("Een map met pluginbundels; mag vaker.", valueName: "map"))
    var pluginDirectories: [String] = []

    @Option(name: .customLong("datum"), help: ArgumentHelp("De peildatum (JJJJ-MM-DD); standaard vandaag.", valueName: "datum"))
    var dateText: String?

    @Flag(name: .customLong("geen-browser"), help: "Open de browser niet.")
    var noBrowser = false

    func validate() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("\(folder): deze map bestaat niet")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--poort \(port): kies een poort van 0 tot en met 65535") }
        if let dateText, LocalDate(iso: dateText) == nil {
            throw ValidationError("--datum \(dateText) is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-10")
        }
    }

    /// Serves until Ctrl-C; the command line runs synchronously, so the server runs in a
    /// task and this thread waits for it.
    func run() throws {
        let failure = Mutex<(any Error)?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await serve() } catch { failure.withLock { $0 = error } }
            done.signal()
        }
        done.wait()
        if let error = failure.withLock({ $0 }) {
            Console.error("lerend web kon niet starten: \(error)")
            throw ExitCode.failure
        }
    }

    private func serve() async throws {
        if !WebServer.isLoopback(host) {
            Console.error(
                "let op: Lerend luistert op \(host); iedereen die deze computer kan bereiken, kan de netwerken in \(folder) zien en wijzigen"
            )
        }
        let server = WebServer(
            configuration: .init(
                folder: folder, locator: .forThisRun(pluginFolders: pluginDirectories), host: host, port: port,
                date: dateText.flatMap { LocalDate(iso: $0) }))
        let openBrowser = !noBrowser
        let shownHost = host.contains(":") ? "[\(host)]" : host
        try await server.run { port in
            let address = "http://\(shownHost):\(port)/"
            Console.print("Lerend draait op \(address)  (stoppen: Ctrl-C)")
            // At once, also when the output goes to a pipe (a test, a service manager).
            fflush(nil)
            if openBrowser { Self.openBrowser(address) }
        }
    }

    /// Opens `address` in the browser when this computer has one (`xdg-open`, `open`).
    static func openBrowser(_ address: String) {
        let environment = ProcessInfo.processInfo.environment
        guard
            environment["DISPLAY"] != nil || environment["WAYLAND_DISPLAY"] != nil
                || FileManager.default.fileExists(atPath: "/usr/bin/open")
        else { return }
        for program in ["/usr/bin/xdg-open", "/usr/bin/open"] where FileManager.default.isExecutableFile(atPath: program) {
            let process = Process()
            process.executableURL = URL(filePath: program)
            process.arguments = [address]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try? process.run()
            return
        }
    }
}
