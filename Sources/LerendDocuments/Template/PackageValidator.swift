/// Checks a template's package before anything is decompressed: the names, the
/// compression methods and the declared sizes in its central directory, then the parts
/// its format requires.
///
/// Part names are compared without regard to case: OPC (DOCX) defines part names that
/// way, and an archive with `Content.xml` and `content.xml` would clash when unpacked on
/// Windows or macOS; no word processor writes two such names.
struct PackageValidator {
    let entries: [ZipArchive.Entry]
    let limits: TemplateLimits

    /// Every problem of the central directory; an empty list when the members can be read.
    func directoryProblems() -> [PackageProblem] {
        guard entries.count <= limits.entryCount else {
            return [.tooManyEntries(count: entries.count, limit: limits.entryCount)]
        }
        var problems: [PackageProblem] = []
        var seen: [String: String] = [:]
        var total = 0
        for entry in entries {
            if let fault = Self.nameFault(entry.rawName) {
                problems.append(.unsafeName(part: entry.name, fault))
                continue
            }
            let key = entry.name.lowercased()
            if let earlier = seen[key] {
                problems.append(.duplicateName(part: entry.name, earlier: earlier))
            } else {
                seen[key] = entry.name
            }
            if entry.compressionMethod != 0 && entry.compressionMethod != 8 {
                problems.append(.unsupportedMethod(part: entry.name, method: entry.compressionMethod))
            } else if entry.size > limits.partSize {
                problems.append(.partTooLarge(part: entry.name, size: entry.size, limit: limits.partSize))
            } else {
                total += entry.size
            }
        }
        if total > limits.totalSize { problems.append(.packageTooLarge(size: total, limit: limits.totalSize)) }
        return problems
    }

    /// The parts every package of `format` has; a package without one is not opened by
    /// Word or LibreOffice. `mainPart` is the DOCX body that `[Content_Types].xml` names.
    static func requiredParts(of format: DocumentFormat, mainPart: String?) -> [String] {
        switch format {
        case .odt: ["mimetype", "content.xml", "META-INF/manifest.xml"]
        case .docx: ["[Content_Types].xml", "_rels/.rels", mainPart ?? "word/document.xml"]
        }
    }

    /// Why `name` is unsafe to unpack or to hand to a reader, or `nil` when it is a plain
    /// relative path. One `/` at the end marks a folder, as LibreOffice writes them.
    static func nameFault(_ name: [UInt8]) -> PackageProblem.NameFault? {
        guard !name.isEmpty else { return .empty }
        if name.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return .controlCharacter }
        guard let text = String(validating: name, as: UTF8.self) else { return .notUTF8 }
        if text.hasPrefix("/") { return .absolute }
        if text.contains("\\") { return .backslash }
        if name.count >= 2, name[1] == UInt8(ascii: ":"), (name[0] | 0x20) >= UInt8(ascii: "a"),
            (name[0] | 0x20) <= UInt8(ascii: "z")
        {
            return .driveLetter
        }
        var segments = text.split(separator: "/", omittingEmptySubsequences: false)
        if segments.count > 1, segments.last == "" { segments.removeLast() }
        if segments.contains("") { return .emptySegment }
        if segments.contains(where: { $0 == "." || $0 == ".." }) { return .dotSegment }
        return nil
    }
}
