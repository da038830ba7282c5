internal import CLibZip

/// Why zlib could not compress a part.
enum DeflateError: Error, Equatable {
    /// zlib returned `status` (`Z_MEM_ERROR`, `Z_STREAM_ERROR`, ...), when it set up the
    /// stream or when it deflated.
    case zlib(status: Int32)
    /// The part is larger than zlib takes in one call (4 GiB).
    case inputTooLarge(size: Int)

    /// In Dutch, for the end of "kan ... niet comprimeren: ".
    var explanation: String {
        switch self {
        case .zlib(let status):
            let reason =
                switch status {
                case Z_MEM_ERROR: "er is niet genoeg geheugen"
                case Z_STREAM_ERROR: "zlib kreeg een ongeldige instelling"
                case Z_BUF_ERROR: "de uitvoer past niet in de buffer"
                case Z_VERSION_ERROR: "de versie van zlib past niet bij die waarmee Lerend gebouwd is"
                default: "zlib gaf een onverwachte fout"
                }
            return "\(reason) (zlib-fout \(status))"
        case .inputTooLarge(let size):
            return "het deel is met \(size) bytes te groot voor zlib"
        }
    }
}
