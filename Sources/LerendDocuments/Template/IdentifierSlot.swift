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
