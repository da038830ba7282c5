internal import CLibZip

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a zip archive that someone hands in to be unpacked, such as a plugin package
/// (`.lerendplugin`): each member with what a safe unpacker must know of it (its name,
/// its declared size, whether it is a link or another special file), and its contents
/// up to a limit.
///
/// Owns the libzip handle and closes it when released. Not shared between threads.
package final class ZipMemberReader {
    /// One member, as the central directory describes it.
    package struct Member: Sendable {
        let index: UInt64
        package let name: String
        /// The declared size, unpacked; nothing is allocated from it beyond a limit.
        package let size: Int
        /// The Unix file type and permissions (`st_mode`) when the archive was made on
        /// Unix, else `nil`.
        package let unixMode: UInt32?

        package var isDirectory: Bool { name.hasSuffix("/") }

        /// Whether the member is a symbolic link, a device or anything but a file or folder.
        package var isSpecialFile: Bool {
            guard let type = unixMode.map({ $0 & 0o170000 }), type != 0 else { return false }
            return type != 0o100000 && type != 0o040000
        }
    }

    /// Why the archive or a member could not be read, in Dutch.
    package struct Failure: Error, Sendable {
        package let explanation: String

        init(code: Int32) {
            explanation =
                switch code {
                case ZIP_ER_NOENT: "het bestand bestaat niet"
                case ZIP_ER_NOZIP: "het is geen zip-bestand"
                case ZIP_ER_INCONS, ZIP_ER_CRC: "het bestand is beschadigd"
                case ZIP_ER_ENCRNOTSUPP: "het bestand is met een wachtwoord beveiligd"
                case ZIP_ER_COMPNOTSUPP: "een deel is ingepakt op een manier die Lerend niet kent"
                default: "het bestand kan niet worden gelezen (libzip-fout \(code))"
                }
        }

        init(_ explanation: String) { self.explanation = explanation }
    }

    private let handle: OpaquePointer
    package let members: [Member]

    /// Opens the archive at `path`.
    package init(path: String) throws(Failure) {
        var code: Int32 = 0
        guard let handle = zip_open(path, ZIP_RDONLY, &code) else { throw Failure(code: code) }
        var members: [Member] = []
        for index in 0..<UInt64(max(0, zip_get_num_entries(handle, 0))) {
            var stat = zip_stat_t()
            guard zip_stat_index(handle, index, 0, &stat) == 0, let name = zip_get_name(handle, index, ZIP_FL_ENC_RAW) else {
                zip_discard(handle)
                throw Failure(code: ZIP_ER_INCONS)
            }
            if stat.valid & UInt64(ZIP_STAT_ENCRYPTION_METHOD) != 0, stat.encryption_method != UInt16(ZIP_EM_NONE) {
                zip_discard(handle)
                throw Failure(code: ZIP_ER_ENCRNOTSUPP)
            }
            var system: UInt8 = 0
            var attributes: UInt32 = 0
            let unixMode: UInt32? =
                zip_file_get_external_attributes(handle, index, 0, &system, &attributes) == 0 && system == 3
                ? attributes >> 16 : nil
            members.append(
                Member(
                    index: index, name: String(decoding: UnsafeRawBufferPointer(start: name, count: strlen(name)), as: UTF8.self),
                    size: Int(exactly: stat.size) ?? Int.max, unixMode: unixMode))
        }
        self.handle = handle
        self.members = members
    }

    deinit {
        zip_discard(handle)
    }

    /// The unpacked bytes of `member`; a member larger than `limit`, longer or shorter
    /// than it says, or damaged (its CRC), is a failure.
    package func contents(of member: Member, limit: Int) throws(Failure) -> [UInt8] {
        guard member.size <= limit else { throw Failure("'\(member.name)' is groter dan \(limit) bytes") }
        guard let file = zip_fopen_index(handle, member.index, 0) else {
            throw Failure(code: zip_error_code_zip(zip_get_error(handle)))
        }
        defer { zip_fclose(file) }
        var bytes = [UInt8](repeating: 0, count: member.size + 1)
        var total = 0
        while total <= member.size {
            let read = bytes.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress! + total, UInt64(member.size + 1 - total)) }
            if read < 0 { throw Failure(code: zip_error_code_zip(zip_file_get_error(file))) }
            if read == 0 { break }
            total += Int(read)
        }
        guard total == member.size else { throw Failure("'\(member.name)' is beschadigd: de grootte klopt niet") }
        bytes.removeLast()
        return bytes
    }
}
