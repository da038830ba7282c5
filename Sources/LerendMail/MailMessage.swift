public import Foundation

/// An e-mail as Lerend makes it: a text with an HTML alternative and attachments.
/// ``MIMEWriter`` turns it into the bytes of an `.eml` file (RFC 5322 and MIME).
public struct MailMessage: Sendable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var cc: [MailAddress] = []
    /// Receives the message without the others seeing it: never written into the file
    /// that is sent (``MailFile/sendableBytes(date:)`` drops the header).
    public var bcc: [MailAddress] = []
    public var subject: String
    public var date: Date
    /// Without the angle brackets: `lerend-...@example.nl`.
    public var messageID: String
    /// The plain text, with `\n` between lines.
    public var text: String
    /// The same text as HTML (a whole document or a fragment), or nil for text only.
    public var html: String?
    public var attachments: [MailAttachment] = []
    /// Headers besides the standard ones, such as `X-Unsent: 1`, in order.
    public var extraHeaders: [(name: String, value: String)] = []

    public init(
        from: MailAddress, to: [MailAddress], subject: String, date: Date, messageID: String, text: String,
        html: String? = nil
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.text = text
        self.html = html
    }
}

/// A file sent along with a message.
public struct MailAttachment: Sendable {
    /// The name the receiver sees; may hold any Unicode.
    public var fileName: String
    /// The media type, such as `application/pdf`.
    public var mediaType: String
    /// Parameters of the media type besides `name`, such as `method=REQUEST` and
    /// `charset=UTF-8` for a meeting request.
    public var parameters: [(name: String, value: String)]
    public var bytes: [UInt8]

    public init(fileName: String, mediaType: String, parameters: [(name: String, value: String)] = [], bytes: [UInt8]) {
        self.fileName = fileName
        self.mediaType = mediaType
        self.parameters = parameters
        self.bytes = bytes
    }

    /// The media type of a file name's extension, for the kinds Lerend attaches.
    public static func mediaType(forExtension fileExtension: String) -> String {
        switch fileExtension.lowercased() {
        case "pdf": "application/pdf"
        case "odt": "application/vnd.oasis.opendocument.text"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "ics": "text/calendar"
        case "txt": "text/plain"
        default: "application/octet-stream"
        }
    }
}
