/// Writes a zip archive of files stored as they are, with ``ZipWriter``: the plugin
/// archives (`.lerendplugin`) of LerendApplication.
package enum StoredZip {
    /// The archive of `members` (name and contents, in order), or `nil` when they do not
    /// fit a plain zip file (a member of 4 GiB, more than 65,534 members).
    package static func archive(_ members: [(name: String, bytes: [UInt8])]) -> [UInt8]? {
        var writer = ZipWriter()
        do throws(ZipWriterError) {
            for member in members {
                let crc = member.bytes.withUnsafeBytes { Deflater.crc32($0) }
                try writer.add(
                    ZipWriter.prepare(
                        name: Array(member.name.utf8), method: 0, crc32: crc, size: member.bytes.count, data: member.bytes))
            }
            try writer.finish()
        } catch {
            return nil
        }
        return writer.bytes
    }
}
