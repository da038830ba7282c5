import Foundation
public import LerendDiagnostics
public import LerendMail

/// The `.eml` files of a folder, to be sent by `lerend verstuur`, and what the send log
/// says of each: what is still to go, what went, what may have gone.
public struct MailOutbox: Sendable {
    /// One message file.
    public struct Item: Sendable {
        public let path: String
        public let messageID: String
        public let subject: String
        /// To and Cc as the receivers see them.
        public let visibleRecipients: [MailAddress]
        /// Everyone the server delivers to (Bcc too).
        public let envelopeRecipients: [String]
        public let sender: String
        public var state: State

        public var fileName: String { (path as NSString).lastPathComponent }
    }

    public enum State: Sendable, Equatable {
        case toSend
        /// The log says it went.
        case sent
        /// The log says it began and nothing after: it may have arrived.
        case uncertain
    }

    public let folder: String
    public let items: [Item]
    /// Files that cannot be sent (M112, M119) and messages that may have gone (M115).
    public let problems: [Diagnostic]

    public var pending: [Item] { items.filter { $0.state == .toSend } }

    /// The largest message file read: attachments of a few documents fit many times over.
    static let sizeLimit = 25 << 20

    /// Reads every `.eml` of `folder` (not its subfolders), in name order, and the send
    /// log next to them (without writing anything: ``send(with:envelopeSender:messagesPerMinute:progress:)``
    /// creates and locks the log).
    public static func open(_ folder: String) throws(DiagnosticList) -> MailOutbox {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
        else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "M116", "de map '\(folder)' bestaat niet", at: SourceLocation(file: folder),
                    hint: "maak de e-mails met: lerend export NETWERK --document uitnodigingen --email -o MAP")
            ])
        }
        let files = names.filter { $0.lowercased().hasSuffix(".eml") && !$0.hasPrefix(".") }.sorted()
        guard !files.isEmpty else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "M116", "in '\(folder)' staan geen .eml-bestanden", at: SourceLocation(file: folder),
                    hint: "de e-mails van lerend export --email staan in MAP/e-mails")
            ])
        }
        let log = SendLog.read(folder + "/" + SendLog.fileName)
        var items: [Item] = []
        var problems: [Diagnostic] = []
        var seen: [String: String] = [:]
        for name in files {
            let path = folder + "/" + name
            guard InputFile.lies(path, inside: folder) else {
                problems.append(
                    Diagnostic(
                        .error, id: "M112",
                        "dit e-mailbestand is een koppeling naar een bestand buiten de map en wordt niet gelezen",
                        at: SourceLocation(file: path), hint: "zet de e-mail zelf in de map"))
                continue
            }
            if let problem = InputFile.problem(path, what: "e-mailbestand", limit: sizeLimit, ids: ("M112", "M119")) {
                problems.append(problem)
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(Diagnostic(.error, id: "M112", "het e-mailbestand is onleesbaar", at: SourceLocation(file: path)))
                continue
            }
            let file: MailFile
            do throws(MailFile.Problem) {
                file = try MailFile(bytes: Array(data))
            } catch {
                problems.append(Self.diagnostic(error, path: path))
                continue
            }
            if let other = seen[file.messageID] {
                problems.append(
                    Diagnostic(
                        .error, id: "M112", "dit bericht heeft dezelfde Message-ID als '\(other)' en wordt niet verstuurd",
                        at: SourceLocation(file: path), hint: "elk bericht gaat één keer; verwijder de kopie"))
                continue
            }
            seen[file.messageID] = name
            var state = State.toSend
            switch log[file.messageID] {
            case .sent: state = .sent
            case .started:
                state = .uncertain
                problems.append(
                    Diagnostic(
                        .warning, id: "M115",
                        "dit bericht is mogelijk al verstuurd (het versturen werd onderbroken) en gaat niet opnieuw",
                        at: SourceLocation(file: path),
                        hint:
                            "kijk of het aankwam; zo niet, verwijder de regel 'begonnen' met \(file.messageID) uit \(SendLog.fileName) en verstuur opnieuw"
                    ))
            case .failed, nil: break
            }
            items.append(
                Item(
                    path: path, messageID: file.messageID, subject: file.decoded("Subject") ?? "",
                    visibleRecipients: file.addresses(in: "To") + file.addresses(in: "Cc"),
                    envelopeRecipients: file.recipients.map(\.address), sender: file.sender?.address ?? "", state: state))
        }
        return MailOutbox(folder: folder, items: items, problems: problems)
    }

    static func diagnostic(_ problem: MailFile.Problem, path: String) -> Diagnostic {
        switch problem {
        case .malformedHeaders(let line):
            Diagnostic(
                .error, id: "M112", "de kopregels van dit e-mailbestand zijn onleesbaar",
                at: SourceLocation(file: path, line: line), hint: "maak de e-mail opnieuw met lerend export --email")
        case .missingHeader(let name):
            Diagnostic(
                .error, id: "M112", "het e-mailbestand heeft geen kopregel '\(name)'", at: SourceLocation(file: path),
                hint: "maak de e-mail opnieuw met lerend export --email")
        case .invalidAddress(let header, let address):
            Diagnostic(
                .error, id: "M112", "'\(address)' in \(header) is geen bruikbaar e-mailadres", at: SourceLocation(file: path),
                hint: "verbeter het adres in het netwerkbestand en maak de e-mail opnieuw")
        }
    }

    /// What ``send(with:envelopeSender:messagesPerMinute:progress:)`` did.
    public struct Report: Sendable {
        public var sent: [Item] = []
        /// Rejected messages (M113) and a stop (M114, M118).
        public var problems: [Diagnostic] = []
        public var failedCount = 0
        /// Messages not tried because sending stopped.
        public var notTried = 0
    }

    /// Sends the pending messages one by one through the server, at most
    /// `messagesPerMinute`, logging each before and after. A rejected message is reported
    /// and the next goes; a connection or login failure stops the run.
    ///
    /// - Parameter progress: called after each message with it and whether it went.
    public func send(
        with settings: SMTPSettings, envelopeSender: String? = nil, messagesPerMinute: Double? = nil,
        progress: ((Item, Bool) -> Void)? = nil
    ) throws(DiagnosticList) -> Report {
        let log = try SendLog(folder: folder)
        guard let sender = SMTPSender(settings: settings) else {
            throw DiagnosticList([Diagnostic(.error, id: "M114", "libcurl kon niet starten; er is niets verstuurd")])
        }
        var report = Report()
        let pending = pending
        let interval = messagesPerMinute.map { 60 / $0 } ?? 0
        var lastStart: Date?
        for (position, item) in pending.enumerated() {
            // The log may have changed since the folder was read (another run that ended).
            if log.lastStep[item.messageID] == .sent || log.lastStep[item.messageID] == .started { continue }
            if let lastStart, interval > 0 {
                let wait = interval - Date().timeIntervalSince(lastStart)
                if wait > 0 { Thread.sleep(forTimeInterval: wait) }
            }
            lastStart = Date()
            let recipients = item.envelopeRecipients
            do throws(DiagnosticList) {
                try log.record(.started, id: item.messageID, file: item.fileName, recipients: recipients)
            } catch {
                report.problems += error.diagnostics
                report.notTried = pending.count - position
                return report
            }
            // Read again now: a folder of thousands of messages is never in memory at once.
            guard let data = FileManager.default.contents(atPath: item.path),
                let file = try? MailFile(bytes: Array(data)), file.messageID == item.messageID
            else {
                try? log.record(.failed, id: item.messageID, file: item.fileName, recipients: recipients)
                report.failedCount += 1
                report.problems.append(
                    Diagnostic(
                        .error, id: "M112", "het e-mailbestand is veranderd of verdwenen sinds het gelezen werd",
                        at: SourceLocation(file: item.path), hint: "start lerend verstuur opnieuw"))
                progress?(item, false)
                continue
            }
            let bytes = file.sendableBytes(date: Date())
            do throws(SMTPSender.Failure) {
                try sender.send(bytes, from: envelopeSender ?? item.sender, to: recipients)
            } catch {
                let certain = error.replyCode >= 400 || !error.mayHaveBeenDelivered
                if certain {
                    do throws(DiagnosticList) {
                        try log.record(.failed, id: item.messageID, file: item.fileName, recipients: recipients)
                    } catch {
                        report.problems += error.diagnostics
                        report.notTried = pending.count - position - 1
                        return report
                    }
                }
                report.failedCount += 1
                progress?(item, false)
                switch error.kind {
                case .rejected:
                    report.problems.append(
                        Diagnostic(
                            .error, id: "M113",
                            "niet verstuurd aan \(recipients.joined(separator: ", ")): \(error.reason)",
                            at: SourceLocation(file: item.path),
                            hint: certain
                                ? "verbeter het adres en verstuur opnieuw; de andere berichten gaan gewoon"
                                : "het bericht is mogelijk toch aangekomen; het gaat bij een volgende keer niet opnieuw"))
                    continue
                case .connection, .login:
                    report.problems.append(
                        Diagnostic(
                            .error, id: "M114",
                            (error.kind == .login
                                ? "aanmelden bij de mailserver lukt niet: " : "de mailserver is niet bereikbaar: ")
                                + error.reason,
                            at: SourceLocation(file: item.path),
                            hint: error.kind == .login
                                ? "controleer de gebruiker en het wachtwoord of token (LEREND_SMTP_WACHTWOORD, LEREND_SMTP_TOKEN)"
                                : "controleer host, poort en beveiliging; wat verstuurd is staat in \(SendLog.fileName)"))
                    report.notTried = pending.count - position - 1
                    return report
                }
            }
            do throws(DiagnosticList) {
                try log.record(.sent, id: item.messageID, file: item.fileName, recipients: recipients)
            } catch {
                report.problems += error.diagnostics
                report.notTried = pending.count - position - 1
                return report
            }
            var sent = item
            sent.state = .sent
            report.sent.append(sent)
            progress?(sent, true)
        }
        return report
    }
}
