internal import CLibCurl
import Foundation

/// Sends messages through one SMTP server with libcurl, over one connection that is kept
/// open between messages. Owns the curl handle and frees it; not for several threads.
public final class SMTPSender {
    /// Why a message was not accepted.
    public struct Failure: Error, Sendable {
        public enum Kind: Sendable, Equatable {
            /// The server refused the message or a recipient; the next message may go.
            case rejected
            /// No connection, no TLS, or the login failed: the next message will not go
            /// either.
            case connection
            case login
        }

        public let kind: Kind
        /// libcurl's account, with the server's last reply when there was one.
        public let reason: String
        /// The server's last reply code (550, 535...), 0 when none.
        public let replyCode: Int
        /// Whether the message may have reached the server all the same: the connection
        /// broke or timed out after it was under way, without a reply that refused it.
        public let mayHaveBeenDelivered: Bool
    }

    private let handle: UnsafeMutableRawPointer
    private let settings: SMTPSettings
    private var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)

    /// libcurl's global set-up, once per process.
    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    public init?(settings: SMTPSettings) {
        _ = Self.globalInit
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
        self.settings = settings
    }

    deinit {
        curl_easy_cleanup(handle)
    }

    /// Sends `bytes` (a whole message, CRLF line ends) from `sender` to `recipients` (the
    /// envelope: every address, Bcc too). Returns the server's reply code.
    @discardableResult
    public func send(_ bytes: [UInt8], from sender: String, to recipients: [String]) throws(Failure) -> Int {
        curl_easy_reset(handle)
        let source = ReadSource(bytes)
        let unmanaged = Unmanaged.passRetained(source)
        defer { unmanaged.release() }
        var list: UnsafeMutablePointer<curl_slist>?
        for recipient in recipients { list = curl_slist_append(list, "<\(recipient)>") }
        defer { curl_slist_free_all(list) }
        let replies = ReplyLog()
        let repliesPointer = Unmanaged.passRetained(replies)
        defer { repliesPointer.release() }

        errorBuffer.withUnsafeMutableBufferPointer { buffer in
            buffer[0] = 0
            _ = lerend_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, buffer.baseAddress)
        }
        _ = lerend_curl_set_string(handle, CURLOPT_URL, settings.url)
        switch settings.security {
        case .starttls: _ = lerend_curl_set_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue))
        case .tls: break
        case .none: _ = lerend_curl_set_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_NONE.rawValue))
        }
        if let file = settings.certificateAuthorityFile { _ = lerend_curl_set_string(handle, CURLOPT_CAINFO, file) }
        switch settings.login {
        case .none: break
        case .password(let user, let password):
            _ = lerend_curl_set_string(handle, CURLOPT_USERNAME, user)
            _ = lerend_curl_set_string(handle, CURLOPT_PASSWORD, password)
        case .bearer(let user, let token):
            _ = lerend_curl_set_string(handle, CURLOPT_USERNAME, user)
            _ = lerend_curl_set_string(handle, CURLOPT_XOAUTH2_BEARER, token)
            _ = lerend_curl_set_string(handle, CURLOPT_LOGIN_OPTIONS, "AUTH=XOAUTH2")
            _ = lerend_curl_set_long(handle, CURLOPT_SASL_IR, 1)
        }
        _ = lerend_curl_set_string(handle, CURLOPT_MAIL_FROM, "<\(sender)>")
        _ = lerend_curl_set_list(handle, CURLOPT_MAIL_RCPT, list)
        _ = lerend_curl_set_long(handle, CURLOPT_UPLOAD, 1)
        _ = lerend_curl_set_long(handle, CURLOPT_INFILESIZE_LARGE, bytes.count)
        _ = lerend_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, settings.timeoutSeconds)
        _ = lerend_curl_set_long(handle, CURLOPT_TIMEOUT, settings.timeoutSeconds * 10)
        _ = lerend_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = lerend_curl_set_read_function(handle) { buffer, size, count, context in
            guard let buffer, let context else { return 0 }
            let source = Unmanaged<ReadSource>.fromOpaque(context).takeUnretainedValue()
            return source.read(into: buffer, capacity: size * count)
        }
        _ = lerend_curl_set_pointer(handle, CURLOPT_READDATA, unmanaged.toOpaque())
        _ = lerend_curl_set_long(handle, CURLOPT_VERBOSE, 1)
        _ = lerend_curl_set_debug_function(handle) { _, type, data, size, context in
            guard type == CURLINFO_HEADER_IN, let data, let context else { return 0 }
            let log = Unmanaged<ReplyLog>.fromOpaque(context).takeUnretainedValue()
            let text = data.withMemoryRebound(to: UInt8.self, capacity: size) {
                String(decoding: UnsafeBufferPointer(start: $0, count: size), as: UTF8.self)
            }
            log.lines.append(text.trimmingCharacters(in: .whitespacesAndNewlines))
            return 0
        }
        _ = lerend_curl_set_pointer(handle, CURLOPT_DEBUGDATA, repliesPointer.toOpaque())

        let code = curl_easy_perform(handle)
        let reply = lerend_curl_response_code(handle)
        guard code == CURLE_OK else {
            let detail = errorBuffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            let lastReply = replies.lines.last { $0.first.map { "45".contains($0) } ?? false }
            var reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            if let lastReply { reason += " (de server: \(lastReply))" }
            let kind: Failure.Kind
            switch code {
            case CURLE_LOGIN_DENIED: kind = .login
            case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_OPERATION_TIMEDOUT, CURLE_SSL_CONNECT_ERROR,
                CURLE_PEER_FAILED_VERIFICATION, CURLE_USE_SSL_FAILED, CURLE_SSL_CACERT_BADFILE, CURLE_GOT_NOTHING,
                CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_WEIRD_SERVER_REPLY:
                kind = .connection
            default: kind = .rejected
            }
            let broken = [CURLE_OPERATION_TIMEDOUT, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE]
            throw Failure(
                kind: kind, reason: reason, replyCode: reply, mayHaveBeenDelivered: reply < 400 && broken.contains(code))
        }
        return reply
    }
}

/// One sender per thread: the curl handle is not for two at once.
@available(*, unavailable)
extension SMTPSender: Sendable {}

/// The bytes of one message, handed to libcurl piece by piece.
private final class ReadSource {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}

/// The server's replies of one transaction, for messages.
private final class ReplyLog {
    var lines: [String] = []
}
