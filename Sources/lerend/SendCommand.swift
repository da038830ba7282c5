import ArgumentParser
import Foundation
import LerendApplication
import LerendDiagnostics
import LerendMail

/// `lerend verstuur`: the `.eml` files of a folder through the organisation's SMTP server.
struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verstuur",
        abstract: "Verstuurt de e-mails (.eml) in een map via de mailserver van de organisatie.",
        discussion: """
            Eerst toont lerend wat naar wie gaat en vraagt of het mag; --ja verstuurt zonder te vragen. \
            De instellingen van de server staan in een klein YAML-bestand (--instellingen, anders \
            mailserver.yaml in de map van de e-mails of ~/.config/lerend/mailserver.yaml). Het wachtwoord \
            komt uit LEREND_SMTP_WACHTWOORD of wordt gevraagd; een OAuth2-token (aanmelden: oauth2) uit \
            LEREND_SMTP_TOKEN. Het verzendlogboek verzonden.log naast de e-mails houdt bij wat verstuurd \
            is: opnieuw starten slaat dat over, dus niemand krijgt een bericht twee keer.
            """)

    @Argument(help: ArgumentHelp("De map met de e-mails, zoals UITVOER/e-mails.", valueName: "map"))
    var folder: String

    @Option(
        name: [.customLong("instellingen"), .customLong("config")],
        help: ArgumentHelp("Het bestand met de instellingen van de mailserver.", valueName: "bestand.yaml"))
    var settingsFile: String?

    @Flag(name: [.customLong("ja"), .customLong("yes")], help: "Verstuur zonder te vragen.")
    var yes = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let outbox: MailOutbox
        let config: MailServerConfig
        do throws(DiagnosticList) {
            outbox = try MailOutbox.open(folder)
            let path = settingsPath(environment)
            guard settingsFile != nil || FileManager.default.fileExists(atPath: path) else {
                throw DiagnosticList([
                    Diagnostic(
                        .error, id: "M120",
                        "geen instellingen van de mailserver: niet in \(folder)/mailserver.yaml en niet in \(path)",
                        hint:
                            "maak mailserver.yaml met host, poort en gebruiker (zie Docs/e-mail.md), of noem het met --instellingen BESTAND"
                    )
                ])
            }
            config = try MailServerConfig.load(path: path)
        } catch { throw error.exit() }
        Console.report(outbox.problems)
        let pending = outbox.pending
        let done = outbox.items.count - pending.count
        if done > 0 { Console.print("\(done.counted("bericht", "berichten")) al verstuurd of onderbroken (zie verzonden.log)") }
        guard !pending.isEmpty else {
            Console.print("niets te versturen")
            if outbox.problems.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
            return
        }
        Console.print("te versturen via \(config.host):\(config.port):")
        for item in pending {
            let to = item.visibleRecipients.map { $0.name.isEmpty ? $0.address : "\($0.name) <\($0.address)>" }
            Console.print("  aan \(to.joined(separator: ", ")): \(item.subject)")
        }
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                Console.report([
                    Diagnostic(
                        .error, id: "M117", "niets verstuurd: er is niemand om toestemming te vragen",
                        hint: "geef --ja om zonder vragen te versturen")
                ])
                throw ExitCode.failure
            }
            FileHandle.standardError.write(Data("\(pending.count.counted("bericht", "berichten")) versturen? [j/N] ".utf8))
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            guard ["j", "ja", "y", "yes"].contains(answer) else {
                Console.print("niets verstuurd")
                return
            }
        }
        let secret: String?
        switch config.login {
        case .none: secret = nil
        case .password: secret = try secretValue(environment, variable: "LEREND_SMTP_WACHTWOORD", what: "wachtwoord", config)
        case .oauth2: secret = try secretValue(environment, variable: "LEREND_SMTP_TOKEN", what: "token", config)
        }
        let report: MailOutbox.Report
        do throws(DiagnosticList) {
            var count = 0
            report = try outbox.send(
                with: config.settings(secret: secret), envelopeSender: config.sender,
                messagesPerMinute: config.messagesPerMinute
            ) { _, _ in
                count += 1
                Console.progress(count, of: pending.count, label: "versturen")
            }
        } catch { throw error.exit() }
        Console.clearStatus()
        Console.report(report.problems)
        Console.print("\(report.sent.count.counted("bericht", "berichten")) verstuurd")
        if report.failedCount + report.notTried > 0 || outbox.problems.contains(where: { $0.severity == .error }) {
            if report.notTried > 0 { Console.error("\(report.notTried.counted("bericht", "berichten")) niet geprobeerd") }
            throw ExitCode.failure
        }
    }

    /// The settings file: the one named, else `mailserver.yaml` next to the e-mails, else
    /// the user's (`~/.config/lerend/mailserver.yaml`).
    private func settingsPath(_ environment: [String: String]) -> String {
        if let settingsFile { return settingsFile }
        let local = folder + "/mailserver.yaml"
        if FileManager.default.fileExists(atPath: local) { return local }
        let config = environment["XDG_CONFIG_HOME"].map { $0 } ?? ((environment["HOME"] ?? "") + "/.config")
        return config + "/lerend/mailserver.yaml"
    }

    /// The password or token from `variable`, else asked on the terminal without echo.
    private func secretValue(
        _ environment: [String: String], variable: String, what: String, _ config: MailServerConfig
    ) throws -> String {
        if let value = environment[variable], !value.isEmpty { return value }
        guard isatty(STDIN_FILENO) == 1, let typed = getpass("\(what) voor \(config.user ?? "") bij \(config.host): ") else {
            Console.report([
                Diagnostic(
                    .error, id: "M111", "geen \(what) om mee aan te melden; er is niets verstuurd",
                    at: SourceLocation(file: config.path), hint: "zet het in de omgevingsvariabele \(variable)")
            ])
            throw ExitCode.failure
        }
        return String(cString: typed)
    }
}
