import LerendExpressions

/// A piece of a compiled XML part that is not a block. Indirect: the interpreter copies
/// a leaf to hand it to ``ProgramRunner/write(_:)``, and one reference is cheaper to
/// copy than a value slot's strings.
indirect enum PartLeaf: Sendable {
    /// Bytes copied to the output as they are.
    case bytes([UInt8])
    /// A value, escaped for its place in the XML.
    case value(ValueSlot)
    /// An id attribute's value inside a loop, unique in each repetition.
    case identifier(IdentifierSlot)
    /// A width that a column loop divides among its copies, or widens when it has none.
    case width(WidthSlot)
    /// The name of an ODT column style whose widths a column loop divides or widens.
    case columnStyle(ColumnStyleSlot)
    /// Where the column styles made while rendering go: the end of the part's
    /// `office:automatic-styles`.
    case columnStyles
    /// A picture whose name, title or alt text is a tag: `frame` once with the picture the
    /// value names, or nothing when the value is empty (`Images/`).
    case image(ImageSlot, frame: [Instruction])
    /// A value of the picture being placed, such as its relationship id or height.
    case imageField(ImageField)
}

/// A compiled XML part: literal bytes and the places where data goes in, inside the
/// `for` and `if` blocks of the one block language (``BlockNode``, run by ``ProgramRunner``).
///
/// Rendering walks the instructions and appends bytes; it never parses or builds XML.
typealias Instruction = BlockNode<PartLeaf, TagOrigin>

extension BlockNode where Leaf == PartLeaf {
    static func bytes(_ bytes: [UInt8]) -> Instruction { .leaf(.bytes(bytes)) }
    static func value(_ slot: ValueSlot) -> Instruction { .leaf(.value(slot)) }
    static func identifier(_ slot: IdentifierSlot) -> Instruction { .leaf(.identifier(slot)) }
    static func width(_ slot: WidthSlot) -> Instruction { .leaf(.width(slot)) }
    static func columnStyle(_ slot: ColumnStyleSlot) -> Instruction { .leaf(.columnStyle(slot)) }
    static var columnStyles: Instruction { .leaf(.columnStyles) }
    static func image(_ slot: ImageSlot, frame: [Instruction]) -> Instruction { .leaf(.image(slot, frame: frame)) }
    static func imageField(_ field: ImageField) -> Instruction { .leaf(.imageField(field)) }
}

/// How a value's text is written into the XML around it.
enum TextMode: Sendable {
    /// Inside DOCX `<w:t>`: a newline becomes `<w:br/>`, a tab `<w:tab/>`.
    case wordText(prefix: String)
    /// Inside an ODT paragraph or span: `<text:line-break/>`, `<text:tab/>`, and runs of
    /// spaces as `<text:s/>` so that they are not collapsed.
    case openDocumentText(prefix: String)
    /// A document property: the text as it is, escaped.
    case plainText
}

struct ValueSlot: Sendable {
    let expression: Expression
    let origin: TagOrigin
    /// What a newline, a tab and a second space in a row become.
    let lineBreak: [UInt8]
    let tab: [UInt8]
    let extraSpace: [UInt8]

    init(expression: Expression, mode: TextMode, origin: TagOrigin) {
        self.expression = expression
        self.origin = origin
        switch mode {
        case .wordText(let w):
            lineBreak = Array("</\(w):t><\(w):br/><\(w):t xml:space=\"preserve\">".utf8)
            tab = Array("</\(w):t><\(w):tab/><\(w):t xml:space=\"preserve\">".utf8)
            extraSpace = [0x20]
        case .openDocumentText(let text):
            lineBreak = Array("<\(text):line-break/>".utf8)
            tab = Array("<\(text):tab/>".utf8)
            extraSpace = Array("<\(text):s/>".utf8)
        case .plainText:
            lineBreak = [0x0A]
            tab = Array("&#9;".utf8)
            extraSpace = [0x20]
        }
    }
}

/// A part of the template after compiling: its name in the package and its program.
struct CompiledPart: Sendable {
    let name: String
    let rawName: [UInt8]
    /// The part's leading bytes before its first tag, deflated once when the template is
    /// compiled; every document copies them and deflates only the rest.
    let prefix: DeflatedPrefix?
    /// The bytes `prefix` holds deflated, for a merge that writes the part another way.
    let leading: [UInt8]
    let program: [Instruction]

    /// Parts whose first tag comes later than this many bytes get a deflated prefix.
    static let prefixThreshold = 1024

    init(name: String, rawName: [UInt8], program: [Instruction]) {
        self.name = name
        self.rawName = rawName
        // Without a prefix (zlib failed on it) the whole part is deflated for each document,
        // where a lasting zlib problem is reported.
        if case .leaf(.bytes(let leading))? = program.first, leading.count >= Self.prefixThreshold,
            let prefix = try? leading.withUnsafeBytes({ try DeflatedPrefix($0) })
        {
            self.prefix = prefix
            self.leading = leading
            self.program = Array(program.dropFirst())
        } else {
            self.prefix = nil
            self.leading = []
            self.program = program
        }
    }
}
