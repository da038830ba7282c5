import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The LibreOffice user profile of one worker. Two LibreOffice processes cannot share a
/// profile, and making one costs seconds at the first start, so a profile is kept between
/// runs in the cache folder (`~/.cache/lerend/libreoffice/profiel-N`) and locked while a
/// run uses it; when none is free or the cache cannot be written, a run makes a temporary
/// one of its own and removes it afterwards.
final class OfficeProfile {
    /// The profile folder.
    let path: String
    /// The lock on a cached profile (`flock`), or -1 for a temporary profile.
    private let lock: Int32

    private init(path: String, lock: Int32) {
        self.path = path
        self.lock = lock
    }

    deinit {
        if lock >= 0 {
            close(lock)
        } else {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// The URL LibreOffice takes in `-env:UserInstallation=`.
    var url: String { URL(filePath: path, directoryHint: .isDirectory).absoluteString }

    /// Whether the profile is kept between runs.
    var isCached: Bool { lock >= 0 }

    /// Empties the profile, for one that LibreOffice could not start with.
    func reset() {
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The first free cached profile under `cache`, else a new one in `temporary`.
    static func claim(cache: String?, temporary: String, worker: Int) -> OfficeProfile {
        if let cache, (try? FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)) != nil {
            for number in 1...64 {
                let path = "\(cache)/profiel-\(number)"
                let descriptor = open("\(path).lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
                guard descriptor >= 0 else { break }
                if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                    return OfficeProfile(path: path, lock: descriptor)
                }
                close(descriptor)
            }
        }
        let path = "\(temporary)/profiel-\(worker)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return OfficeProfile(path: path, lock: -1)
    }

    /// The cache folder for profiles: `$XDG_CACHE_HOME/lerend/libreoffice`, else
    /// `$HOME/.cache/lerend/libreoffice`; `nil` without either, or when
    /// `LEREND_PDF_PROFIELEN=tijdelijk` asks for temporary profiles only.
    static func cacheFolder(environment: [String: String]) -> String? {
        if environment["LEREND_PDF_PROFIELEN"] == "tijdelijk" { return nil }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/lerend/libreoffice" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/lerend/libreoffice" }
        return nil
    }
}
