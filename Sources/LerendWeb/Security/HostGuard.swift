import Hummingbird

/// Refuses a request whose `Host` is not one of the addresses the application listens
/// on (no DNS rebinding: a page on another site that resolves its own name to 127.0.0.1
/// cannot talk to Lerend), and a form sent from another origin.
///
/// Every response also gets the headers of a page that loads nothing from elsewhere and
/// cannot be framed.
struct HostGuard<Context: RequestContext>: RouterMiddleware {
    /// The accepted host names (without port): the configured one and, on loopback, the
    /// names of this computer itself. A page of another site that makes its own name
    /// resolve to 127.0.0.1 still sends its own name, and is refused.
    let names: Set<String>

    init(host: String) {
        var names: Set<String> = [Self.hostName(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host)]
        if WebServer.isLoopback(host) { names.formUnion(["127.0.0.1", "localhost", "[::1]"]) }
        self.names = names
    }

    /// The host name of an authority, without its port: `localhost:8080` → `localhost`,
    /// `[::1]:8080` → `[::1]`.
    static func hostName(_ authority: String) -> String {
        let lowered = authority.lowercased()
        if lowered.hasPrefix("["), let close = lowered.firstIndex(of: "]") { return String(lowered[...close]) }
        return String(lowered.split(separator: ":", maxSplits: 1).first ?? "")
    }

    func accepts(authority: String?) -> Bool {
        guard let authority, !authority.isEmpty else { return false }
        return names.contains(Self.hostName(authority))
    }

    func accepts(origin: String) -> Bool {
        guard origin.hasPrefix("http://") else { return false }
        return accepts(authority: String(origin.dropFirst("http://".count)))
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if let refusal = refusal(for: request) { return refusal }
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        // Not no-referrer: with it a browser sends `Origin: null` with our own forms.
        response.headers[.init("Referrer-Policy")!] = "same-origin"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    /// The answer to a request that does not belong: another host, or a form from another
    /// origin; `nil` for one that may go on.
    func refusal(for request: Request) -> Response? {
        guard accepts(authority: request.head.authority) else {
            return Self.refusal(
                .misdirectedRequest,
                "Dit adres hoort niet bij Lerend. Open Lerend via het adres dat lerend web liet zien.")
        }
        if request.method != .get, request.method != .head,
            let origin = request.headers[.origin], !accepts(origin: origin)
        {
            return Self.refusal(.forbidden, "Dit formulier komt van een andere website en is niet verwerkt.")
        }
        return nil
    }

    static func refusal(_ status: HTTPResponse.Status, _ message: String) -> Response {
        let page =
            "<!doctype html><html lang=\"nl\"><meta charset=\"utf-8\"><title>Geweigerd</title><p>\(HTML.escape(message))</p></html>"
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: page)))
    }
}

/// Escaping for the few texts written into HTML outside a template.
enum HTML {
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
