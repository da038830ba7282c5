internal import CLibZip

/// Why libzip could not open or read an archive, with a Dutch explanation.
///
/// libzip's own texts are English ("Operation not supported"); they are never shown.
/// `detail` is Dutch and written by Lerend.
struct ZipArchiveError: Error, Equatable {
    let code: Int32
    let detail: String?

    init(code: Int32, detail: String? = nil) {
        self.code = code
        self.detail = detail
    }

    /// A Dutch explanation for a user.
    var explanation: String {
        let text =
            switch code {
            case ZIP_ER_NOENT: "het bestand bestaat niet"
            case ZIP_ER_NOZIP: "het is geen ODT- of DOCX-bestand (geen zip-archief)"
            case ZIP_ER_INCONS: "het zip-archief is beschadigd: de inhoudsopgave en de delen spreken elkaar tegen"
            case ZIP_ER_CRC: "het bestand is beschadigd: een controlesom klopt niet"
            case ZIP_ER_EOF: "het bestand houdt te vroeg op (is het half gekopieerd?)"
            case ZIP_ER_MULTIDISK: "het is een zip-archief in meerdere delen, en dat kan een sjabloon niet zijn"
            case ZIP_ER_OPEN, ZIP_ER_READ, ZIP_ER_SEEK, ZIP_ER_TELL: "het bestand kan niet worden gelezen"
            case ZIP_ER_MEMORY: "er is te weinig geheugen om het te lezen"
            case ZIP_ER_COMPNOTSUPP: "een deel is ingepakt op een manier die Lerend niet kent"
            case ZIP_ER_ZLIB, ZIP_ER_COMPRESSED_DATA: "de ingepakte gegevens zijn beschadigd"
            case ZIP_ER_ENCRNOTSUPP, ZIP_ER_NOPASSWD, ZIP_ER_WRONGPASSWD: "het bestand is met een wachtwoord beveiligd"
            case ZIP_ER_OPNOTSUPP: "dit is geen gewoon bestand (een map, pipe of apparaat?)"
            default: "het bestand kan niet worden gelezen (libzip-fout \(code))"
            }
        guard let detail else { return text }
        return "\(text) (\(detail))"
    }
}
