import Foundation

/// Errors of Foundation about files and folders, which reach the user in English
/// ("The file doesn’t exist."), in Dutch.
public enum SystemErrorText: Sendable {
    /// "'/pad': deze map of dit bestand bestaat niet", or nil for an error that is not
    /// one of Foundation's file errors.
    public static func dutch(_ error: any Error) -> String? {
        guard let reason = reason(error) else { return nil }
        return path(of: error as NSError).map { "'\($0)': \(reason)" } ?? reason
    }

    /// The reason alone, without the path: "'bestand' is een bestand, geen map", "de
    /// schijf is vol"; nil for an error that is not one of Foundation's file errors.
    public static func reason(_ error: any Error) -> String? {
        let error = error as NSError
        guard error.domain == NSCocoaErrorDomain || error.domain == NSPOSIXErrorDomain else { return nil }
        if let path = path(of: error), let file = fileInTheWay(of: path) { return "'\(file)' is een bestand, geen map" }
        return reason(for: error)
    }

    private static func path(of error: NSError) -> String? {
        error.userInfo[NSFilePathErrorKey] as? String
            ?? (error.userInfo[NSURLErrorKey] as? URL)?.path(percentEncoded: false)
    }

    /// The nearest existing parent of `path` when it is a file, not a folder: what made
    /// `path` impossible.
    private static func fileInTheWay(of path: String) -> String? {
        var parent = (path as NSString).deletingLastPathComponent
        while !parent.isEmpty, parent != "/" {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder) { return isFolder.boolValue ? nil : parent }
            parent = (parent as NSString).deletingLastPathComponent
        }
        return nil
    }

    private static func reason(for error: NSError) -> String {
        let posix =
            error.domain == NSPOSIXErrorDomain
            ? error.code
            : (error.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? $0.code : nil }
        switch posix.map(Int32.init) {
        case ENOENT?: return "deze map of dit bestand bestaat niet"
        case EACCES?, EPERM?: return "hier mag Lerend niet lezen of schrijven"
        case ENOSPC?: return "de schijf is vol"
        case EROFS?: return "hier kan niet geschreven worden (alleen lezen)"
        case EEXIST?: return "dit bestaat al"
        case ENOTDIR?: return "een deel van dit pad is geen map"
        case EISDIR?: return "dit is een map, geen bestand"
        default: break
        }
        guard error.domain == NSCocoaErrorDomain else { return "lezen of schrijven is mislukt (foutcode \(error.code))" }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "deze map of dit bestand bestaat niet"
        case .fileReadNoPermission, .fileWriteNoPermission: return "hier mag Lerend niet lezen of schrijven"
        case .fileWriteOutOfSpace: return "de schijf is vol"
        case .fileWriteVolumeReadOnly: return "hier kan niet geschreven worden (alleen lezen)"
        case .fileWriteFileExists: return "dit bestaat al"
        case .fileReadCorruptFile: return "dit bestand is beschadigd of heeft een onbekende vorm"
        case .fileReadInapplicableStringEncoding: return "dit bestand is geen leesbare tekst (UTF-8)"
        case .fileReadInvalidFileName, .fileWriteInvalidFileName: return "deze naam kan niet als bestandsnaam"
        case .fileReadTooLarge: return "dit bestand is te groot om te lezen"
        default:
            let what =
                (256..<512).contains(error.code)
                ? "lezen" : (512..<1024).contains(error.code) ? "schrijven" : "lezen of schrijven"
            return "\(what) is mislukt (foutcode \(error.code))"
        }
    }
}
