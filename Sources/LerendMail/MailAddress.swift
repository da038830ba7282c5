/// A mailbox: a display name and an address, as in `Anna Bakker <a.bakker@example.nl>`.
public struct MailAddress: Sendable, Hashable {
    /// The display name; may be empty and may hold any Unicode.
    public var name: String
    /// The address itself (`local@domain`), ASCII only.
    public var address: String

    public init(name: String = "", address: String) {
        self.name = name
        self.address = address
    }

    /// Whether ``address`` can be sent to: one `@`, a local part and a domain with a dot,
    /// printable ASCII without spaces or the characters RFC 5322 gives a meaning
    /// (internationalised addresses, SMTPUTF8, are not supported).
    public var isValid: Bool { Self.isValid(address) }

    /// Whether `address` is an address ``isValid`` accepts.
    public static func isValid(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64, address.utf8.count <= 254 else {
            return false
        }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else {
            return false
        }
        return address.unicodeScalars.allSatisfy {
            $0.value > 0x20 && $0.value < 0x7F && !"\"<>\\^`{|}()[];:,".unicodeScalars.contains($0)
        }
    }

    /// The domain of the address (after the `@`), or "" when it has none.
    public var domain: String {
        address.split(separator: "@", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    }
}
