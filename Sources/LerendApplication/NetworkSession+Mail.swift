public import Foundation
import LerendCalendar
import LerendData
public import LerendDiagnostics
import LerendDocuments
import LerendExpressions
import LerendMail
public import LerendNetwork

/// What ``NetworkSession/writeInvitationMails(_:documents:into:attachPDF:now:)`` wrote.
public struct MailExportResult: Sendable {
    /// The `.eml` files written.
    public var written: [String] = []
    /// Participants left out (X103) and documents missing (M105).
    public var problems: [Diagnostic] = []
    /// How many e-mails were not written.
    public var skippedCount = 0
    /// The meeting requests written, one per meeting (`bijeenkomst N.ics`).
    public var calendars: [String] = []
}

extension NetworkSession {
    /// The folder inside an export that holds the e-mails.
    public static let mailFolder = "e-mails"

    /// The text template of the e-mail that carries a document of `kind`: the network's
    /// own (`netwerk.sjablonen.email`), else the plugin's (`email:` in its manifest),
    /// else `email-<kind>.txt` of the installation.
    public func mailText(for kind: DocumentKind = .invitation) throws(DiagnosticList) -> MailText {
        try MailText(path: mailTextPath(for: kind))
    }

    func mailTextPath(for kind: DocumentKind) throws(DiagnosticList) -> String {
        let file = networkFile.file
        let (node, missing) = file.root.descendant(atPath: "netwerk.sjablonen.email")
        if missing == nil, let own = node.value.stringValue, !own.isEmpty {
            let ownPath = ownFilePath(own)
            try requireOwnFile(ownPath, named: own, at: node, what: "de eigen e-mailtekst", short: "de tekst")
            return ownPath
        }
        if let own = plugin.mailTemplates[kind] { return own }
        let name = "email-\(kind.rawValue).txt"
        if let found = locator.defaultTemplate(named: name) { return found }
        throw DiagnosticList([
            Diagnostic(
                .error, id: "M102", "geen e-mailtekst voor de \(kind.label) gevonden", at: SourceLocation(file: path),
                hint: ResourceLocator.homeHint,
                notes: locator.searchedNotes(locator.templatePlaces).map { $0 + " naar \(name)" })
        ])
    }

    /// The sender of the e-mails: the contact person, or M101 when she has no usable
    /// address.
    func mailSender() throws(DiagnosticList) -> MailAddress {
        let data = documentData.data
        let email = data.value(atPath: "netwerk.contactpersoon.email")?.stringValue?.trimmingCharacters(in: .whitespaces)
        let name = data.value(atPath: "netwerk.contactpersoon.naam")?.stringValue ?? ""
        guard let email, MailAddress.isValid(email) else {
            let (node, missing) = networkFile.file.root.descendant(
                atPath: email == nil ? "netwerk.contactpersoon" : "netwerk.contactpersoon.email")
            var diagnostic = Diagnostic(
                .error, id: "M101",
                "de contactpersoon heeft geen bruikbaar e-mailadres, dus er is geen afzender voor de e-mails",
                at: SourceLocation(file: path), hint: "zet bij netwerk.contactpersoon een email: zoals naam@organisatie.nl")
            if missing == nil {
                diagnostic = networkFile.file.diagnostic(
                    id: "M101", diagnostic.message, at: node, hint: diagnostic.hint)
            }
            throw DiagnosticList([diagnostic])
        }
        return MailAddress(name: name, address: email)
    }

    /// Writes an `.eml` draft (`X-Unsent: 1`) per invitation of `plan` that `documents`
    /// holds, into `folder/e-mails/`: from the contact person to the participant, the text
    /// of ``mailText(for:)``, with the invitation (its PDF when `attachPDF`), the agenda
    /// of the meeting and the meeting request (`bijeenkomst N.ics`, written into `folder`
    /// with its state file) as attachments. A participant whose address cannot be sent to
    /// is reported (X103) and left out; the others go on.
    public func writeInvitationMails(
        _ plan: ExportPlan, documents: DocumentExporter.Result, into folder: String, attachPDF: Bool, now: Date = Date()
    ) throws(DiagnosticList) -> MailExportResult {
        guard let invitations = plan.batches.first(where: { $0.kind == .invitation }) else { return MailExportResult() }
        let text = try mailText(for: .invitation)
        let sender = try mailSender()
        let written = Set(documents.written)
        let directory = folder + "/" + Self.mailFolder
        try OutputGuard.makeDirectory(directory)
        func path(_ batch: ExportBatch, _ index: Int) -> String {
            (batch.folder.isEmpty ? folder : folder + "/" + batch.folder) + "/" + batch.fileNames[index]
        }
        var agendas: [Int: String] = [:]
        let agendaBatch = plan.batches.first { $0.kind == .agenda }
        if let batch = agendaBatch {
            for index in batch.subjects.indices where written.contains(path(batch, index)) {
                agendas[batch.subjects[index].meeting] = path(batch, index)
            }
        }
        var result = MailExportResult()
        var calendars: [Int: (bytes: [UInt8], sequence: Int)] = [:]
        let slug = String(network.name.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
        let inputs = [self.path, text.path]
        var reported = Set<String>()
        for index in invitations.subjects.indices {
            let subject = invitations.subjects[index]
            guard let participant = subject.participant, written.contains(path(invitations, index)) else { continue }
            let email = participant.email?.trimmingCharacters(in: .whitespaces) ?? ""
            guard MailAddress.isValid(email) else {
                if reported.insert(participant.name).inserted {
                    let node = participant.node.descendant(atPath: "email")
                    result.problems.append(
                        networkFile.file.diagnostic(
                            id: "X103", "geen e-mail voor \(participant.name): '\(email)' is geen bruikbaar e-mailadres",
                            at: node.missingStep == nil ? node.node : participant.node,
                            hint: "schrijf het adres als naam@organisatie.nl; de andere e-mails worden gewoon gemaakt"))
                }
                result.skippedCount += 1
                continue
            }
            let invitationPath = attachPDF ? Self.pdfPath(path(invitations, index)) : path(invitations, index)
            var files = [invitationPath]
            if let agenda = agendas[subject.meeting] {
                files.append(attachPDF ? Self.pdfPath(agenda) : agenda)
            } else if agendaBatch != nil {
                // The agenda of this meeting failed (reported with the documents).
                files.append(folder + "/agenda van bijeenkomst \(subject.meeting)")
            }
            var attachments: [MailAttachment] = []
            var missingFile: String?
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    missingFile = file
                    break
                }
                let name = (file as NSString).lastPathComponent
                attachments.append(
                    MailAttachment(
                        fileName: name, mediaType: MailAttachment.mediaType(forExtension: (name as NSString).pathExtension),
                        bytes: Array(data)))
            }
            if let missingFile {
                result.problems.append(
                    Diagnostic(
                        .error, id: "M105", "de bijlage '\((missingFile as NSString).lastPathComponent)' ontbreekt",
                        at: SourceLocation(file: missingFile),
                        hint: "maak de documenten opnieuw; de e-mail is niet geschreven",
                        notes: ["bij \(invitations.labels[index])"]))
                result.skippedCount += 1
                continue
            }
            if calendars[subject.meeting] == nil {
                let calendarPath = folder + "/bijeenkomst \(subject.meeting).ics"
                let written = try calendar(meeting: subject.meeting).write(to: calendarPath)
                let bytes = FileManager.default.contents(atPath: calendarPath).map { Array($0) } ?? []
                calendars[subject.meeting] = (bytes, written.events.first?.sequence ?? 0)
                result.calendars.append(calendarPath)
            }
            let meetingRequest = calendars[subject.meeting]!
            attachments.append(
                MailAttachment(
                    fileName: "bijeenkomst \(subject.meeting).ics", mediaType: "text/calendar",
                    parameters: [("method", "REQUEST"), ("charset", "UTF-8")], bytes: meetingRequest.bytes))

            var data = invitations.data(at: index)
            data = data.setting("aanspreekvorm", to: .string(participant.formOfAddress.rawValue))
            data = data.setting("bijlagen", to: .list(attachments.map { .string($0.fileName) }))
            let rendered: (subject: String, text: String)
            do throws(DiagnosticList) {
                rendered = try text.render(data)
            } catch {
                var diagnostics = error.diagnostics
                if let first = diagnostics.indices.first { diagnostics[first].notes.append("bij \(invitations.labels[index])") }
                result.problems += diagnostics
                result.skippedCount += 1
                continue
            }
            let id =
                "\(slug.prefix(30))-b\(subject.meeting)-v\(meetingRequest.sequence)-\(Self.fingerprint(email.lowercased()))@\(sender.domain)"
            var message = MailMessage(
                from: sender, to: [MailAddress(name: participant.name, address: email)], subject: rendered.subject,
                date: now, messageID: id, text: rendered.text, html: MailText.html(rendered.text))
            message.attachments = attachments
            message.extraHeaders = [("X-Unsent", "1")]
            let stem = (invitations.fileNames[index] as NSString).deletingPathExtension
            let mailPath = directory + "/" + stem + ".eml"
            try OutputGuard.refuseInput(mailPath, inputs: inputs)
            try OutputGuard.write(MIMEWriter().write(message), to: mailPath)
            result.written.append(mailPath)
        }
        return result
    }

    static func pdfPath(_ document: String) -> String {
        (document as NSString).deletingPathExtension + ".pdf"
    }

    /// 16 hex digits of FNV-1a over `text`: a message id that is the same on every run
    /// without showing the address.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
