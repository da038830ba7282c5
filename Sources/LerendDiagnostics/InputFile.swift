import Foundation

/// Checks a file before it is read: a regular file (not a folder, a pipe or a device,
/// which would fail or wait for ever), no larger than a limit.
package enum InputFile {
    /// Why `path` cannot be read as an input of at most `limit` bytes, as a message with
    /// `ids.kind` (not a regular file) or `ids.size` (too large); `nil` when it can, or
    /// when it does not exist (the caller reports that in its own words).
    package static func problem(
        _ path: String, what: String, limit: Int, ids: (kind: String, size: String)
    ) -> Diagnostic? {
        let real = URL(filePath: path).resolvingSymlinksInPath().path(percentEncoded: false)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: real),
            let type = attributes[.type] as? FileAttributeType
        else { return nil }
        let location = SourceLocation(file: path)
        switch type {
        case .typeRegular:
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            guard size > limit else { return nil }
            return Diagnostic(
                .error, id: ids.size, "\(what) '\(path)' is \(megabytes(size)); Lerend leest er hoogstens \(megabytes(limit))",
                at: location, hint: "is dit het goede bestand? Een echt \(what) is veel kleiner")
        case .typeDirectory:
            return Diagnostic(
                .error, id: ids.kind, "'\(path)' is een map, geen \(what)", at: location,
                hint: "geef het bestand in die map, bijvoorbeeld '\(path)/naam'")
        default:
            return Diagnostic(
                .error, id: ids.kind, "'\(path)' is geen gewoon bestand (maar een pipe, apparaat of socket)", at: location,
                hint: "sla het \(what) eerst op als bestand")
        }
    }

    /// Whether `path` lies inside `folder` once links in both are followed: a file that
    /// others send cannot make Lerend read elsewhere through `..`, an absolute path or a
    /// link. A path that does not exist is judged by its name.
    package static func lies(_ path: String, inside folder: String) -> Bool {
        let root = URL(filePath: folder).standardizedFileURL.resolvingSymlinksInPath().path(percentEncoded: false)
        let real = URL(filePath: path).standardizedFileURL.resolvingSymlinksInPath().path(percentEncoded: false)
        return real.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    private static func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1_048_576
        return value < 10 ? String(format: "%.1f MB", value).replacingOccurrences(of: ".", with: ",") : "\(Int(value)) MB"
    }
}
