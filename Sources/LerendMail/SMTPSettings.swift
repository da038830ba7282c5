/// Where and how to submit mail: the server, its security and the login.
public struct SMTPSettings: Sendable {
    /// How the connection is secured.
    public enum Security: String, Sendable, CaseIterable {
        /// Plain connection upgraded with STARTTLS, which must succeed (port 587).
        case starttls
        /// TLS from the first byte, `smtps://` (port 465).
        case tls
        /// No encryption at all; only for a server on this machine.
        case none = "geen"

        /// The usual port.
        public var defaultPort: Int {
            switch self {
            case .starttls: 587
            case .tls: 465
            case .none: 25
            }
        }
    }

    /// How to log in.
    public enum Login: Sendable {
        case none
        case password(user: String, password: String)
        /// OAuth 2.0 (SASL XOAUTH2), as Microsoft 365 and Gmail ask.
        case bearer(user: String, token: String)
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var login: Login
    /// A file of CA certificates (PEM) to trust besides the system's, for a server with
    /// its own certificate.
    public var certificateAuthorityFile: String?
    /// Seconds to wait for a connection; the whole of one message may take 10 times this.
    public var timeoutSeconds: Int = 30

    public init(host: String, port: Int, security: Security, login: Login = .none, certificateAuthorityFile: String? = nil) {
        self.host = host
        self.port = port
        self.security = security
        self.login = login
        self.certificateAuthorityFile = certificateAuthorityFile
    }

    /// The URL libcurl connects to.
    var url: String {
        let scheme = security == .tls ? "smtps" : "smtp"
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(bracketed):\(port)"
    }
}
