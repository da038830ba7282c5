import LerendDiagnostics
import LerendExpressions
import OrderedCollections

/// Runs a compiled part's program against data, appending XML to a buffer: the
/// ``BlockRunner`` of documents.
///
/// Errors do not stop the run: every missing value of the document is collected, so the
/// user sees them all at once; nothing is written when there is any.
struct ProgramRunner: BlockRunner {
    let context: EvaluationContext
    var output: [UInt8]
    var errors: [Diagnostic] = []
    /// After this many errors in one document the rest are not reported.
    static let errorLimit = 25
    /// Set when a limit of the context was passed (its loop iterations, counted across
    /// nested loops and all parts of the document, or the output): nothing more is run.
    private var exhausted = false

    /// The ids of repeated content, shared by the parts of one document.
    let identifiers: IdentifierRenumbering
    /// The pictures of the document, when the template has picture tags.
    var images: ImageSession?
    /// The picture whose frame is being written.
    private var placedImage: PlacedImage?
    /// The part's position in the template, which keeps ids of different parts apart.
    let part: Int
    /// The repetition of each loop around the instruction being run; 0 while every loop
    /// around is in its first round.
    private var serials: [Int] = []
    /// The index of each repetition around the instruction being run (`nil` in a loop's
    /// `else`), and the column styles made for divided or widened widths.
    var columns = ColumnState()

    init(context: EvaluationContext, output: [UInt8], identifiers: IdentifierRenumbering = IdentifierRenumbering(), part: Int = 0)
    {
        self.context = context
        self.output = output
        self.identifiers = identifiers
        self.part = part
    }

    var outputSize: Int { output.count }

    /// Runs `program`; a passed limit ends this run and every later one of the runner.
    mutating func render(_ program: [Instruction]) {
        guard !exhausted else { return }
        do throws(BlockStop) {
            try run(program)
        } catch {
            exhausted = true
        }
        insertColumnStyles()
    }

    mutating func write(_ leaf: PartLeaf) throws(BlockStop) {
        switch leaf {
        case .bytes(let bytes):
            output.append(contentsOf: bytes)
        case .value(let slot):
            do throws(ExpressionError) {
                let text = try slot.expression.printed(in: context)
                Self.write(text, slot: slot, into: &output)
            } catch {
                report(slot.origin.diagnostic(for: error))
            }
        case .identifier(let slot):
            let serial = slot.depth <= serials.count ? serials[slot.depth - 1] : 0
            identifiers.write(slot, serial: serial, part: part, into: &output)
        case .width(let slot):
            writeWidth(slot)
        case .columnStyle(let slot):
            writeColumnStyle(slot)
        case .columnStyles:
            columns.styleOffset = output.count
        case .image(let slot, let frame):
            try runImage(slot, frame: frame)
        case .imageField(let field):
            if let placedImage { output.append(contentsOf: XMLEscaping.attribute(placedImage.text(of: field)).utf8) }
        }
    }

    mutating func report(_ problem: ExpressionError, at origin: TagOrigin) {
        report(origin.diagnostic(for: problem))
    }

    /// A repetition keeps the ids of the first round of every loop around it; each later
    /// one takes a new serial, which the ids inside it carry.
    mutating func enterRepetition(_ index: Int?) {
        columns.repetitions.append(index)
        let outer = serials.last ?? 0
        guard let index else {
            serials.append(outer)
            return
        }
        serials.append(index == 0 && outer == 0 ? 0 : identifiers.serial())
    }

    mutating func leaveRepetition() {
        serials.removeLast()
        columns.repetitions.removeLast()
    }

    /// Writes a picture tag's frame with the picture its value names; an empty value
    /// (or none, when missing values print nothing) leaves the picture out.
    private mutating func runImage(_ slot: ImageSlot, frame: [Instruction]) throws(BlockStop) {
        let value: Value
        do throws(ExpressionError) {
            value = try slot.expression.evaluate(in: context)
        } catch {
            report(slot.origin.diagnostic(for: error))
            return
        }
        let path: String
        switch value {
        case .null: return
        case .string(let text):
            guard !text.allSatisfy(\.isWhitespace) else { return }
            path = text
        case let other:
            report(ImageProblem.notAPath(source: slot.expression.source, kind: other.kindName).diagnostic(at: slot.origin))
            return
        }
        guard let images else {
            report(ImageProblem.outsideFolders(value: path, folders: []).diagnostic(at: slot.origin))
            return
        }
        do throws(ImageProblem) {
            placedImage = try images.place(path, in: slot)
        } catch {
            report(error.diagnostic(at: slot.origin))
            return
        }
        defer { placedImage = nil }
        try run(frame)
    }

    private mutating func report(_ diagnostic: Diagnostic) {
        if errors.count < Self.errorLimit { errors.append(diagnostic) }
    }

    /// Appends `text` escaped for XML: `&`, `<`, `>` as entities; a newline or tab as the
    /// format's element; characters XML 1.0 forbids (control characters, U+FFFE, U+FFFF)
    /// left out.
    static func write(_ text: String, slot: ValueSlot, into output: inout [UInt8]) {
        var previousWasSpace = false
        var skipNewline = false
        var utf8 = text.utf8.makeIterator()
        var lookahead: [UInt8] = []
        func next() -> UInt8? { lookahead.isEmpty ? utf8.next() : lookahead.removeFirst() }
        while let byte = next() {
            if byte == 0x0A, skipNewline {
                skipNewline = false
                continue
            }
            skipNewline = false
            switch byte {
            case 0x26: output.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x3C: output.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: output.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case 0x0D, 0x0A:
                output.append(contentsOf: slot.lineBreak)
                skipNewline = byte == 0x0D
                previousWasSpace = false
                continue
            case 0x09:
                output.append(contentsOf: slot.tab)
                previousWasSpace = false
                continue
            case 0x20:
                if previousWasSpace { output.append(contentsOf: slot.extraSpace) } else { output.append(0x20) }
                previousWasSpace = true
                continue
            case 0x00..<0x20, 0x7F:
                continue
            case 0xEF:
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                if let second = next() {
                    if second == 0xBF, let third = next() {
                        if third == 0xBE || third == 0xBF { continue }
                        output.append(contentsOf: [byte, second, third])
                    } else {
                        output.append(byte)
                        lookahead.append(second)
                    }
                } else {
                    output.append(byte)
                }
            default:
                output.append(byte)
            }
            previousWasSpace = false
        }
    }
}
