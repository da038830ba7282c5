internal import CLibXML2
import LerendDiagnostics

/// An XLSX or ODS file opened for reading: the zip checked as the engine checks a
/// template (`PackageValidator`: names, methods, sizes), each XML part read within
/// ``SpreadsheetLimits/partSize`` (never past its declared size, its CRC compared) and
/// parsed by ``XMLDocument`` (no DTD, no entities).
final class OfficePackage {
    let archive: ZipArchive
    let problems: SheetProblems
    let limits: SpreadsheetLimits

    init(bytes: [UInt8], problems: SheetProblems, limits: SpreadsheetLimits) throws(Diagnostic) {
        self.problems = problems
        self.limits = limits
        do throws(ZipArchiveError) {
            archive = try ZipArchive(bytes: bytes)
        } catch {
            throw problems.unreadablePackage(error)
        }
        let validator = PackageValidator(
            entries: archive.entries, limits: TemplateLimits(partSize: Int.max / 4, totalSize: Int.max / 2))
        if let first = validator.directoryProblems().first { throw problems.damaged(first) }
    }

    /// Which kind of office file this is; `.csv` never (a zip is not a text file).
    func format() throws(Diagnostic) -> SpreadsheetFormat {
        if archive.entry(named: "xl/workbook.xml") != nil { return .xlsx }
        if archive.entry(named: "content.xml") != nil {
            let mimetype = try archive.entry(named: "mimetype").map { entry throws(Diagnostic) in
                String(decoding: try bytes(of: entry), as: UTF8.self)
            }
            if mimetype == nil || mimetype!.contains("spreadsheet") { return .ods }
        }
        let what =
            archive.entry(named: "word/document.xml") != nil || archive.entry(named: "content.xml") != nil
            ? "het is een tekstdocument, geen rekenblad" : "het is een zip-bestand, maar geen .xlsx of .ods"
        throw problems.notASpreadsheet(what, hint: "kies het rekenblad zelf (.xlsx, .ods of .csv)")
    }

    /// Whether the package has a member named `name`.
    func has(_ name: String) -> Bool { archive.entry(named: name) != nil }

    /// The unpacked bytes of the member `name`, or `nil` when there is none.
    func bytes(named name: String) throws(Diagnostic) -> [UInt8]? {
        guard let entry = archive.entry(named: name) else { return nil }
        return try bytes(of: entry)
    }

    private func bytes(of entry: ZipArchive.Entry) throws(Diagnostic) -> [UInt8] {
        guard entry.size <= limits.partSize else {
            throw problems.partTooLarge(entry.name, size: entry.size, limit: limits.partSize)
        }
        do throws(PackageProblem) {
            return try archive.read(entry, keepingContents: true, limit: limits.partSize).contents ?? []
        } catch {
            throw problems.damaged(error)
        }
    }

    /// Runs `body` on the root element of the XML part `name` (`nil` for a part that is
    /// not there and not `required`), while the tree is alive.
    func withRoot<Result>(
        of name: String, required: Bool = true, _ body: (xmlNodePtr?) throws(Diagnostic) -> Result
    ) throws(Diagnostic) -> Result {
        let document = try xml(name, required: required)
        defer { withExtendedLifetime(document) {} }
        return try body(document?.root)
    }

    /// The parsed XML part `name`; a missing one is I112 when `required`, else `nil`.
    func xml(_ name: String, required: Bool = true) throws(Diagnostic) -> XMLDocument? {
        guard let bytes = try bytes(named: name) else {
            if required { throw problems.missingPart(name) }
            return nil
        }
        do throws(XMLParseError) {
            return try XMLDocument(bytes: bytes, name: name)
        } catch {
            throw problems.badXML(error, part: name)
        }
    }
}

extension UnsafeMutablePointer where Pointee == xmlNode {
    /// The text of every text node below this element, in order.
    var allText: String {
        var text = ""
        var node = pointee.children
        while let current = node {
            if current.isText || current.pointee.type == XML_CDATA_SECTION_NODE {
                text += current.textContent
            } else if current.isElement {
                text += current.allText
            }
            node = current.pointee.next
        }
        return text
    }
}
