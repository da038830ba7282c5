import Foundation
public import Hummingbird
public import LerendApplication
public import LerendExpressions
import Logging
import Synchronization

/// The local web application of `lerend web`: the networks of one folder, served on the
/// loopback address, with pages rendered on the server.
///
/// ```swift
/// let server = WebServer(configuration: .init(folder: "netwerken", locator: locator))
/// try await server.run()
/// ```
public struct WebServer: Sendable {
    /// What the application serves and where.
    public struct Configuration: Sendable {
        /// The folder of network files (`lerend web MAP`).
        public var folder: String
        /// Where plugins and templates are found.
        public var locator: ResourceLocator
        /// The address to listen on; `127.0.0.1` unless asked otherwise.
        public var host: String
        /// The port; 0 lets the system choose one.
        public var port: Int
        /// A fixed reference date instead of today (`--datum`).
        public var date: LocalDate?
        /// The largest request body (an upload) accepted, in bytes.
        public var uploadLimit: Int

        public init(
            folder: String, locator: ResourceLocator, host: String = "127.0.0.1", port: Int = 8080, date: LocalDate? = nil,
            uploadLimit: Int = 16 * 1024 * 1024
        ) {
            (self.folder, self.locator, self.host, self.port, self.date, self.uploadLimit) =
                (folder, locator, host, port, date, uploadLimit)
        }
    }

    public let configuration: Configuration
    let state: WebState

    public init(configuration: Configuration) {
        self.configuration = configuration
        self.state = WebState(configuration: configuration)
    }

    /// Whether `host` is a loopback address, where only this computer can reach the app.
    public static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "localhost", "::1"].contains(host) || host.hasPrefix("127.")
    }

    /// The routes of the application, for a server or a test.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: HostGuard(host: configuration.host))
        router.add(middleware: ErrorPages(state: state))
        WebRoutes(state: state).add(to: router)
        return router
    }

    /// The application, listening on the configured address; `onServerRunning` gets the
    /// port it listens on.
    public func application(onServerRunning: (@Sendable (Int) async -> Void)? = nil) -> some ApplicationProtocol {
        var logger = Logger(label: "lerend-web")
        logger.logLevel = .warning
        return Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Lerend"),
            onServerRunning: { channel in await onServerRunning?(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until the process is stopped.
    public func run(onServerRunning: (@Sendable (Int) async -> Void)? = nil) async throws {
        try await application(onServerRunning: onServerRunning).runService()
    }
}

/// What every route shares: the folder, the opened networks, the pages and the token of
/// the forms.
final class WebState: Sendable {
    let configuration: WebServer.Configuration
    let folder: WorkFolder
    let cache: NetworkCache
    let pages = PageRenderer()
    let token = FormToken()
    /// Messages for the page after a form (post, redirect, get), by a random key.
    private let messages = Mutex<[String: String]>([:])

    init(configuration: WebServer.Configuration) {
        self.configuration = configuration
        self.folder = WorkFolder(configuration.folder)
        self.cache = NetworkCache(folder: folder, catalog: LoadedPlugins(locator: configuration.locator))
    }

    /// The reference date of a request: the fixed one, or today.
    var date: LocalDate {
        if let date = configuration.date { return date }
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// What every page shows.
    var common: [String: Any] {
        ["lerendversie": LerendVersion.text, "map": folder.path, "peildatum": DutchFormatting.date(date, style: "middel"), "token": token.value]
    }

    /// A "see other" to `address`, which shows `message` once.
    func redirect(to address: String, message: String? = nil) -> Response {
        var target = address
        if let message {
            let key = FormToken().value
            messages.withLock { stored in
                if stored.count > 100 { stored.removeAll() }
                stored[key] = message
            }
            target += (address.contains("?") ? "&" : "?") + "bericht=" + key
        }
        return Response(status: .seeOther, headers: [.location: target])
    }

    /// The message a redirect left for this request, once.
    func message(for request: Request) -> [String: Any]? {
        guard let key = request.uri.queryParameters["bericht"].map(String.init),
            let text = messages.withLock({ $0.removeValue(forKey: key) })
        else { return nil }
        return ["soort": "gelukt", "tekst": text]
    }

    func page(_ name: String, _ context: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let html = pages.render(name, context, common: common)
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
