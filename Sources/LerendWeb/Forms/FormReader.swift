import Foundation
import Hummingbird
import LerendDiagnostics

/// Reads the form of a request: the body up to the upload limit, the token checked
/// (a form without the page's token is refused: cross-site request forgery).
struct FormReader: Sendable {
    let state: WebState

    func read(_ request: Request, _ context: BasicRequestContext) async throws -> FormData {
        var request = request
        let limit = state.configuration.uploadLimit
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw HTTPError(
                .contentTooLarge,
                message: "Het formulier is groter dan \(limit / (1024 * 1024)) MB en is niet verwerkt; kies een kleiner bestand.")
        }
        let bytes = Array(buffer.readableBytesView)
        let type = request.headers[.contentType] ?? ""
        let form: FormData
        if type.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = Self.boundary(type), let parsed = FormData(multipart: bytes, boundary: boundary) else {
                throw HTTPError(.badRequest, message: "Het formulier kon niet gelezen worden; probeer het opnieuw.")
            }
            form = parsed
        } else {
            form = FormData(urlEncoded: bytes)
        }
        guard state.token.accepts(form["_token"]) else {
            throw HTTPError(
                .forbidden,
                message:
                    "Dit formulier is niet verwerkt: het komt niet van een pagina van deze Lerend (of Lerend is sindsdien opnieuw gestart). Laad de pagina opnieuw en probeer het nog eens."
            )
        }
        return form
    }

    static func boundary(_ contentType: String) -> String? {
        for piece in contentType.split(separator: ";").dropFirst() {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            if trimmed.lowercased().hasPrefix("boundary=") {
                var value = trimmed.dropFirst("boundary=".count)
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
                return String(value)
            }
        }
        return nil
    }
}
