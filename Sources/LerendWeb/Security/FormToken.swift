/// The token every form of the application carries (`_token`), against cross-site
/// request forgery: a page on another site can send a form to 127.0.0.1, but cannot read
/// Lerend's pages to learn the token, which is made at random when the server starts.
struct FormToken: Sendable {
    let value: String

    init() {
        var generator = SystemRandomNumberGenerator()
        value = (0..<4).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
    }

    init(value: String) { self.value = value }

    /// Whether `candidate` is the token, compared in constant time.
    func accepts(_ candidate: String?) -> Bool {
        guard let candidate else { return false }
        let given = Array(candidate.utf8)
        let expected = Array(value.utf8)
        guard given.count == expected.count else { return false }
        return zip(given, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
