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

/// A zip archive of stored files written member by member, each member's bytes handed
/// out as soon as it is added: a download of many documents that starts at once and never
/// holds the whole archive.
package struct StoredZipStream {
    private var writer = ZipWriter(capacity: 0)

    package init() {}

    /// The bytes of the member `name`, or `nil` when it does not fit a plain zip file.
    package mutating func add(name: String, bytes: [UInt8]) -> [UInt8]? {
        let crc = bytes.withUnsafeBytes { Deflater.crc32($0) }
        do throws(ZipWriterError) {
            try writer.add(
                ZipWriter.prepare(name: Array(name.utf8), method: 0, crc32: crc, size: bytes.count, data: bytes))
        } catch {
            return nil
        }
        return writer.takeBytes()
    }

    /// The central directory that ends the archive, or `nil` when it does not fit.
    package mutating func finish() -> [UInt8]? {
        do throws(ZipWriterError) { try writer.finish() } catch { return nil }
        return writer.takeBytes()
    }
}
