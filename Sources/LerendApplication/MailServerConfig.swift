import Foundation
import LerendData
public import LerendDiagnostics
import LerendExpressions
public import LerendMail

/// The settings of `lerend verstuur`, from a small YAML file:
///
/// ```yaml
/// host: smtp.office365.com
/// poort: 587                 # 587 bij starttls, 465 bij tls
/// beveiliging: starttls      # starttls, tls of geen (geen alleen voor deze computer)
/// gebruiker: m.jansen@zorggroepdelinde.nl
/// aanmelden: wachtwoord      # wachtwoord of oauth2; zonder gebruiker: geen
/// afzender: m.jansen@zorggroepdelinde.nl   # het adres waarvan de server verstuurt
/// ca_bestand: eigen-ca.pem   # alleen voor een server met een eigen certificaat
/// snelheid: 30               # hoogstens zoveel berichten per minuut
/// ```
public struct MailServerConfig: Sendable {
    /// How the user logs in.
    public enum Login: String, Sendable, CaseIterable {
        case password = "wachtwoord"
        case oauth2
        case none = "geen"
    }

    public let path: String
    public var host: String
    public var port: Int
    public var security: SMTPSettings.Security
    public var user: String?
    public var login: Login
    /// The envelope sender (MAIL FROM); nil: the From of each message.
    public var sender: String?
    public var certificateAuthorityFile: String?
    /// At most this many messages per minute; nil: as fast as the server takes them.
    public var messagesPerMinute: Double?

    /// Reads the file; every problem located.
    public static func load(path: String) throws(DiagnosticList) -> MailServerConfig {
        let file = try DataFile.load(path: path)
        var reader = MappingReader(file.root, in: file, context: "de instellingen van de mailserver")
        var problems: [Diagnostic] = []
        let host = reader.text("host", required: true) ?? ""
        var security = SMTPSettings.Security.starttls
        if let node = reader.value("beveiliging") {
            if let text = node.value.stringValue, let value = SMTPSettings.Security(rawValue: text.lowercased()) {
                security = value
            } else {
                problems.append(
                    file.diagnostic(
                        id: "M110", "'beveiliging' moet starttls, tls of geen zijn", at: node,
                        hint: "starttls voor poort 587, tls voor poort 465"))
            }
        }
        var port = security.defaultPort
        if let node = reader.value("poort") {
            if case .int(let value) = node.value, (1...65535).contains(value) {
                port = value
            } else {
                problems.append(
                    file.diagnostic(
                        id: "M110", "'poort' moet een getal van 1 tot en met 65535 zijn", at: node, hint: "meestal 587 of 465"))
            }
        }
        let user = reader.text("gebruiker")
        var login: Login = user == nil ? .none : .password
        if let node = reader.value("aanmelden") {
            if let text = node.value.stringValue, let value = Login(rawValue: text.lowercased()) {
                login = value
            } else {
                problems.append(
                    file.diagnostic(id: "M110", "'aanmelden' moet wachtwoord, oauth2 of geen zijn", at: node))
            }
        }
        if login != .none, user == nil {
            problems.append(
                file.diagnostic(
                    id: "M110", "aanmelden met \(login.rawValue) vraagt om een 'gebruiker'", at: file.root,
                    hint: "voeg 'gebruiker: naam@organisatie.nl' toe"))
        }
        var sender: String?
        if let node = reader.value("afzender") {
            if let text = node.value.stringValue, MailAddress.isValid(text) {
                sender = text
            } else {
                problems.append(file.diagnostic(id: "M110", "'afzender' is geen bruikbaar e-mailadres", at: node))
            }
        }
        var certificates: String?
        if let node = reader.value("ca_bestand"), let text = node.value.stringValue {
            let folder = (path as NSString).deletingLastPathComponent
            let full = text.hasPrefix("/") || folder.isEmpty ? text : folder + "/" + text
            if FileManager.default.isReadableFile(atPath: full) {
                certificates = full
            } else {
                problems.append(
                    file.diagnostic(
                        id: "M110", "het CA-bestand '\(text)' bestaat niet of is onleesbaar", at: node,
                        hint: "de naam geldt vanaf de map van dit bestand"))
            }
        }
        var rate: Double?
        if let node = reader.value("snelheid") {
            switch node.value {
            case .int(let value) where value > 0 && value <= 10_000: rate = Double(value)
            case .double(let value) where value > 0 && value <= 10_000: rate = value
            default:
                problems.append(
                    file.diagnostic(
                        id: "M110", "'snelheid' moet een aantal berichten per minuut zijn, van meer dan 0 tot 10.000",
                        at: node, hint: "bijvoorbeeld 30; Microsoft 365 staat 30 per minuut toe"))
            }
        }
        reader.finish()
        problems = reader.problems + problems
        if !problems.isEmpty { throw DiagnosticList(problems) }
        if security == .none, !["localhost", "127.0.0.1", "::1"].contains(host.lowercased()) {
            throw DiagnosticList([
                file.diagnostic(
                    id: "M110",
                    "'beveiliging: geen' kan alleen voor een server op deze computer; wachtwoorden en berichten gaan anders onversleuteld over het net",
                    at: file.root.descendant(atPath: "beveiliging").node, hint: "kies starttls (poort 587) of tls (poort 465)")
            ])
        }
        return MailServerConfig(
            path: path, host: host, port: port, security: security, user: user, login: login, sender: sender,
            certificateAuthorityFile: certificates, messagesPerMinute: rate)
    }

    /// The settings to connect with; `secret` is the password or the OAuth 2.0 token
    /// that ``login`` asks for.
    public func settings(secret: String?) -> SMTPSettings {
        let login: SMTPSettings.Login
        switch self.login {
        case .none: login = .none
        case .password: login = .password(user: user ?? "", password: secret ?? "")
        case .oauth2: login = .bearer(user: user ?? "", token: secret ?? "")
        }
        return SMTPSettings(
            host: host, port: port, security: security, login: login, certificateAuthorityFile: certificateAuthorityFile)
    }
}
