/// An attribute whose value must be unique in the document, inside a repeated block:
/// each repetition after the first writes a value of its own.
///
/// The compiled program holds the attribute's original value as bytes; rendering only
/// appends a suffix or writes a fresh number, without looking at the XML.
struct IdentifierSlot: Sendable {
    enum Style: Sendable {
        /// A name: the original with `_` and the repetition's number after it (ODT `xml:id`,
        /// bookmark names, list ids).
        case suffixed
        /// A decimal number from the document's counter (DOCX bookmark ids, drawing ids).
        case decimal
        /// Eight hexadecimal digits below 0x80000000 from the document's counter (DOCX
        /// `w14:paraId`, `w14:textId`).
        case hexadecimal
    }

    /// The original value, escaped for an attribute.
    let original: [UInt8]
    let style: Style
    /// The same number for every slot of one id in the part (a bookmark's start and end).
    let key: Int
    /// How many loops around the id's definition: the repetition of the innermost of
    /// those decides the value.
    let depth: Int
}

/// The ids a document's repetitions have used, across all its parts.
final class IdentifierRenumbering {
    /// Fresh numbers start here: far above the small ids Word and LibreOffice give drawings
    /// and bookmarks, and below 0x80000000 as `w14:paraId` requires.
    static let firstNumber = 0x3A00_0000

    private var nextSerial = 1
    private var nextNumber = IdentifierRenumbering.firstNumber
    private var numbers: [NumberKey: Int] = [:]

    private struct NumberKey: Hashable {
        let part: Int
        let key: Int
        let serial: Int
    }

    /// A new repetition number.
    func serial() -> Int {
        defer { nextSerial += 1 }
        return nextSerial
    }

    /// Appends the value of `slot` in repetition `serial` (0: the first of every loop
    /// around it, which keeps the original) of part number `part`.
    func write(_ slot: IdentifierSlot, serial: Int, part: Int, into output: inout [UInt8]) {
        guard serial != 0 else {
            output.append(contentsOf: slot.original)
            return
        }
        switch slot.style {
        case .suffixed:
            output.append(contentsOf: slot.original)
            output.append(0x5F)  // _
            output.append(contentsOf: String(serial).utf8)
        case .decimal, .hexadecimal:
            let key = NumberKey(part: part, key: slot.key, serial: serial)
            let number: Int
            if let known = numbers[key] {
                number = known
            } else {
                number = nextNumber
                nextNumber += 1
                numbers[key] = number
            }
            if slot.style == .decimal {
                output.append(contentsOf: String(number).utf8)
            } else {
                let digits = String(number, radix: 16, uppercase: true)
                output.append(contentsOf: String(repeating: "0", count: max(0, 8 - digits.count)).utf8)
                output.append(contentsOf: digits.utf8)
            }
        }
    }
}

/// Which attributes are ids, and which refer to one.
enum IdentifierAttribute {
    struct Kind {
        /// Ids that refer to each other share a group: a bookmark's start and end.
        let group: String
        let style: IdentifierSlot.Style
        let isReference: Bool
    }

    static let word2010Namespace = "http://schemas.microsoft.com/office/word/2010/wordml"
    static let drawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let pictureNamespace = "http://schemas.openxmlformats.org/drawingml/2006/picture"

    /// The kind of attribute `attribute` (in `namespace`) of `element`, if it is an id.
    static func kind(
        element: QualifiedName, attribute: String, namespace: String, format: DocumentFormat
    ) -> Kind? {
        if format == .odt {
            if attribute == "id", namespace == PartCompiler.xmlNamespace {
                return Kind(group: "xml:id", style: .suffixed, isReference: false)
            }
            guard namespace == Dialect.textNamespace, element.namespace == Dialect.textNamespace else { return nil }
            switch (element.local, attribute) {
            case ("list", "continue-list"): return Kind(group: "xml:id", style: .suffixed, isReference: true)
            case ("bookmark", "name"), ("bookmark-start", "name"):
                return Kind(group: "bookmark", style: .suffixed, isReference: false)
            case ("bookmark-end", "name"): return Kind(group: "bookmark", style: .suffixed, isReference: true)
            default: return nil
            }
        }
        if namespace == word2010Namespace, attribute == "paraId" || attribute == "textId" {
            return Kind(group: attribute, style: .hexadecimal, isReference: false)
        }
        if namespace.isEmpty, attribute == "id",
            (element.local == "docPr" && element.namespace == drawingNamespace)
                || (element.local == "cNvPr" && element.namespace == pictureNamespace)
        {
            return Kind(group: "drawing", style: .decimal, isReference: false)
        }
        guard Dialect.wordNamespaces.contains(namespace), Dialect.wordNamespaces.contains(element.namespace) else { return nil }
        switch (element.local, attribute) {
        case ("bookmarkStart", "id"): return Kind(group: "bookmark", style: .decimal, isReference: false)
        case ("bookmarkEnd", "id"): return Kind(group: "bookmark", style: .decimal, isReference: true)
        case ("bookmarkStart", "name"): return Kind(group: "bookmarkName", style: .suffixed, isReference: false)
        // The id of a content control, in its `w:sdtPr`.
        case ("id", "val"): return Kind(group: "sdt", style: .decimal, isReference: false)
        default: return nil
        }
    }
}
