internal import CLibXML2
import LerendDiagnostics
import LerendExpressions

extension PartCompiler {
    /// What the serializer produces before it is shaped into a program.
    enum Event {
        case bytes([UInt8])
        case value(Int)
        case marker(Marker)
        /// An id attribute's value inside a loop, by its index in ``EventWriter/identifiers``.
        case identifier(Int)
        /// A picture tag's frame begins (by its slot in ``PartCompiler/images``) or ends.
        case imageOpen(Int)
        case imageClose
        case imageField(ImageField)
        /// An instruction the compiler made itself (the widths of a column loop).
        case dynamic(Instruction)
    }

    /// A loop around content being written: a block, or one copy of a column loop (its
    /// cells in one row, or its grid columns).
    struct LoopKey: Hashable {
        let block: Int
        let copy: Int
    }

    /// An id attribute met inside a loop while writing.
    struct PendingIdentifier {
        let value: String
        let kind: IdentifierAttribute.Kind
        /// The loops around it, outermost first.
        let loops: [LoopKey]
    }

    /// Collects output bytes and events, and the element nesting at every marker.
    struct EventWriter {
        var pending: [UInt8] = []
        var events: [Event] = []
        var stack: [String] = []
        var markerStacks: [Marker: [String]] = [:]
        /// The blocks that are loops, and those open where the writer is.
        let loopBlocks: Set<Int>
        var loops: [LoopKey] = []
        var identifiers: [PendingIdentifier] = []

        init(loopBlocks: Set<Int>) { self.loopBlocks = loopBlocks }

        mutating func append(_ text: String) { pending += Array(text.utf8) }

        mutating func flush() {
            if !pending.isEmpty {
                events.append(.bytes(pending))
                pending = []
            }
        }

        mutating func marker(_ marker: Marker) {
            flush()
            markerStacks[marker] = stack
            events.append(.marker(marker))
            if loopBlocks.contains(marker.block) {
                let key = LoopKey(block: marker.block, copy: marker.copy)
                if marker.role == .open { loops.append(key) }
                if marker.role == .close, loops.last == key { loops.removeLast() }
            }
        }

        mutating func dynamic(_ instruction: Instruction) {
            flush()
            events.append(.dynamic(instruction))
        }

        mutating func identifier(_ value: String, kind: IdentifierAttribute.Kind) {
            flush()
            events.append(.identifier(identifiers.count))
            identifiers.append(PendingIdentifier(value: value, kind: kind, loops: loops))
        }

        mutating func value(_ tag: Int) {
            flush()
            events.append(.value(tag))
        }

        mutating func image(_ event: Event) {
            flush()
            events.append(event)
        }
    }

    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Writes the part as bytes and events, checks that every block's markers sit at the
    /// same depth of elements, and builds the program.
    func serialize() -> [Instruction] {
        var writer = EventWriter(
            loopBlocks: Set(
                blocks.indices.filter {
                    if case .forLoop? = statementOf(tagIDs(of: $0)[0]) { return true } else { return false }
                }))
        writer.append("<?xml version=\"1.0\" encoding=\"UTF-8\"\(document.isStandalone ? " standalone=\"yes\"" : "")?>\n")
        let touched = touchedRuns()
        hoistedRuns = markerOnlyRuns(touched)
        var child = document.pointer.pointee.children
        while let node = child {
            write(node, into: &writer, touchedRuns: touched)
            child = node.next
        }
        writer.flush()
        checkNesting(writer.markerStacks)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return [] }
        var builder = ProgramBuilder(compiler: self, events: writer.events, identifiers: resolve(writer.identifiers))
        let program = builder.sequence()
        if builder.index < writer.events.count || builder.failed {
            diagnostics.append(
                Diagnostic(
                    .error, id: TemplateErrorID.crossesStructure, "blokken in dit deel overlappen elkaar",
                    at: SourceLocation(file: templateName, detail: partLabel),
                    hint: "zet een blok helemaal binnen een ander blok, of helemaal erna"))
        }
        return program
    }

    private func write(_ node: xmlNodePtr, into writer: inout EventWriter, touchedRuns: Set<xmlNodePtr>) {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            if skipped.contains(node) { return }
            if let markers = droppedParagraphs[node] {
                for marker in (markersBefore[node] ?? []) + markers + (markersAfter[node] ?? []) { writer.marker(marker) }
                return
            }
            if let markers = hoistedRuns[node] {
                for marker in markers { writer.marker(marker) }
                return
            }
            if touchedRuns.contains(node), !emitsContent(node) { return }
            if images.skipped.contains(node) { return }
            for marker in markersBefore[node] ?? [] { writer.marker(marker) }
            let imageSlot = images.frames[node]
            if let imageSlot { writer.image(.imageOpen(imageSlot)) }
            let name = node.prefixedName
            writer.append("<" + name)
            var namespace = node.pointee.nsDef
            while let current = namespace {
                let prefix = current.pointee.prefix.map { ":" + String(cString: $0) } ?? ""
                let href = current.pointee.href.map { String(cString: $0) } ?? ""
                writer.append(" xmlns\(prefix)=\"\(XMLEscaping.attribute(href))\"")
                namespace = current.pointee.next
            }
            var attribute = node.pointee.properties
            while let current = attribute {
                let prefix = current.pointee.ns?.pointee.prefix.map { String(cString: $0) + ":" } ?? ""
                let attributeName = current.pointee.name.map { String(cString: $0) } ?? ""
                if let dynamic = dynamicAttributes[current] {
                    writer.append(" \(prefix)\(attributeName)=\"")
                    writer.dynamic(dynamic)
                    writer.append("\"")
                } else if let field = images.attributeHoles[current] {
                    writer.append(" \(prefix)\(attributeName)=\"")
                    writer.image(.imageField(field))
                    writer.append("\"")
                } else if !writer.loops.isEmpty,
                    let kind = IdentifierAttribute.kind(
                        element: node.qualifiedName, attribute: attributeName,
                        namespace: current.pointee.ns?.pointee.href.map { String(cString: $0) } ?? "", format: dialect.format)
                {
                    writer.append(" \(prefix)\(attributeName)=\"")
                    writer.identifier(attributeValue(current), kind: kind)
                    writer.append("\"")
                } else {
                    writer.append(" \(prefix)\(attributeName)=\"\(XMLEscaping.attribute(attributeValue(current)))\"")
                }
                attribute = current.pointee.next
            }
            if preserveSpace.contains(node), node.attribute("space", namespace: Self.xmlNamespace) == nil {
                writer.append(" xml:space=\"preserve\"")
            }
            let receivesStyles = node == columnStylesHost
            if node.firstChild == nil, !receivesStyles {
                writer.append("/>")
            } else {
                writer.append(">")
                writer.stack.append(name)
                var child = node.firstChild
                while let current = child {
                    write(current, into: &writer, touchedRuns: touchedRuns)
                    child = current.next
                }
                if receivesStyles { writer.dynamic(.columnStyles) }
                writer.stack.removeLast()
                writer.append("</\(name)>")
            }
            if imageSlot != nil { writer.image(.imageClose) }
            for marker in markersAfter[node] ?? [] { writer.marker(marker) }
        case XML_TEXT_NODE:
            if skipped.contains(node) { return }
            if let field = images.textHoles[node] {
                writer.image(.imageField(field))
                return
            }
            guard let segments = replacedText[node] else {
                writer.append(XMLEscaping.text(node.textContent))
                return
            }
            for segment in segments {
                switch segment {
                case .text(let text):
                    writer.append(XMLEscaping.text(text))
                case .tag(let id):
                    switch tags[id].role {
                    case .value: writer.value(id)
                    case .marker(let marker): writer.marker(marker)
                    case .hidden: break
                    }
                }
            }
        case XML_CDATA_SECTION_NODE:
            writer.append("<![CDATA[" + node.textContent + "]]>")
        case XML_COMMENT_NODE:
            writer.append("<!--" + node.textContent + "-->")
        case XML_PI_NODE:
            let content = node.textContent
            writer.append("<?" + node.localName + (content.isEmpty ? "" : " " + content) + "?>")
        case XML_ENTITY_REF_NODE:
            writer.append("&" + node.localName + ";")
        default:
            break
        }
    }

    private func statementOf(_ id: Int) -> Statement? {
        if case .statement(let statement) = tags[id].content { return statement }
        return nil
    }

    /// The slot of each id met inside a loop; depth 0 for one written as it is: a
    /// reference (a bookmark's end, `text:continue-list`) to an id outside its loops.
    private func resolve(_ pending: [PendingIdentifier]) -> [IdentifierSlot] {
        var definitions: [String: [LoopKey]] = [:]
        var keys: [String: Int] = [:]
        for identifier in pending where !identifier.kind.isReference {
            definitions[identifier.kind.group + "\u{0}" + identifier.value] = identifier.loops
        }
        return pending.map { identifier in
            let name = identifier.kind.group + "\u{0}" + identifier.value
            let depth: Int
            if !identifier.kind.isReference {
                depth = identifier.loops.count
            } else if let loops = definitions[name], identifier.loops.starts(with: loops) {
                depth = loops.count
            } else {
                depth = 0
            }
            let key = keys[name] ?? keys.count
            keys[name] = key
            return IdentifierSlot(
                original: Array(XMLEscaping.attribute(identifier.value).utf8), style: identifier.kind.style, key: key,
                depth: depth)
        }
    }

    /// Runs (DOCX `w:r`, ODT `text:span`) that hold text a tag was taken out of.
    private func touchedRuns() -> Set<xmlNodePtr> {
        var runs = Set<xmlNodePtr>()
        for node in Array(replacedText.keys) + Array(skipped) {
            if let run = node.ancestor(where: isRun) { runs.insert(run) }
        }
        return runs
    }

    private func isRun(_ node: xmlNodePtr) -> Bool {
        let name = node.qualifiedName
        if dialect.format == .docx { return name.local == "r" && Dialect.wordNamespaces.contains(name.namespace) }
        return name == dialect.run
    }

    /// Runs that write nothing but block markers, when every marker of those blocks sits in
    /// such a run: the markers then go where the run was, and all markers of a block stay
    /// at one depth. A block with a marker inside text keeps its markers in their runs.
    private func markerOnlyRuns(_ touched: Set<xmlNodePtr>) -> [xmlNodePtr: [Marker]] {
        var markersOfRun: [xmlNodePtr: [Marker]] = [:]
        for run in touched where emitsContent(run) && !emitsContent(run, countingMarkers: false) {
            markersOfRun[run] = markers(in: run)
        }
        var runsOfBlock: [Int: [xmlNodePtr?]] = [:]
        for tag in tags {
            guard case .marker(let marker) = tag.role else { continue }
            runsOfBlock[marker.block, default: []].append(tag.textNode.ancestor(where: isRun))
        }
        var changed = true
        while changed {
            changed = false
            for runs in runsOfBlock.values where runs.contains(where: { $0 == nil || markersOfRun[$0!] == nil }) {
                for case let run? in runs where markersOfRun.removeValue(forKey: run) != nil { changed = true }
            }
        }
        return markersOfRun
    }

    /// The block markers in an element, in document order.
    private func markers(in element: xmlNodePtr) -> [Marker] {
        var result: [Marker] = []
        var child = element.firstChild
        while let node = child {
            defer { child = node.next }
            if node.isText, let segments = replacedText[node] {
                for case .tag(let id) in segments { if case .marker(let marker) = tags[id].role { result.append(marker) } }
            } else if node.isElement {
                result += markers(in: node)
            }
        }
        return result
    }

    /// Whether an element still writes something besides formatting; block markers count
    /// unless `countingMarkers` is false.
    private func emitsContent(_ element: xmlNodePtr, countingMarkers: Bool = true) -> Bool {
        let holdsText = dialect.textHolders.contains(element.qualifiedName)
        var child = element.firstChild
        while let node = child {
            defer { child = node.next }
            if skipped.contains(node) { continue }
            if node.isText {
                if let segments = replacedText[node] {
                    for segment in segments {
                        switch segment {
                        case .text(let text) where !text.isEmpty: return true
                        case .tag(let id):
                            if case .hidden = tags[id].role { continue }
                            if !countingMarkers, case .marker = tags[id].role { continue }
                            return true
                        default: continue
                        }
                    }
                } else if holdsText, !node.textContent.isEmpty {
                    return true
                }
            } else if node.isElement {
                let name = node.qualifiedName
                if dialect.textHolders.contains(name) || dialect.transparent.contains(name) {
                    if emitsContent(node, countingMarkers: countingMarkers) { return true }
                } else if !dialect.runFormatting.contains(name) {
                    return true
                }
            }
        }
        return false
    }

    /// Every marker of a block must sit inside the same elements, or repeating the
    /// block would break the XML.
    private func checkNesting(_ stacks: [Marker: [String]]) {
        for index in blocks.indices {
            let ids = tagIDs(of: index)
            let roles: [Marker.Role] = [.open] + blocks[index].branches.indices.map { .branch($0) } + [.close]
            let placed = roles.compactMap { stacks[Marker(block: index, role: $0)] }
            guard placed.count == roles.count, let first = placed.first else { continue }
            for (offset, stack) in placed.enumerated() where stack != first {
                let other = tags[ids[offset]]
                let inLink = (first + stack).contains { $0.hasSuffix(":hyperlink") || $0 == "text:a" }
                let (openName, otherName) = (statementName(ids[0]), statementName(ids[offset]))
                diagnostics.append(
                    tags[ids[0]].origin.diagnostic(
                        id: TemplateErrorID.crossesStructure,
                        "\(openName) en \(otherName) staan niet op hetzelfde niveau in het document",
                        hint: inLink
                            ? "een van beide staat in een hyperlink; zet ze allebei binnen of allebei buiten de link"
                            : "zet \(openName) en \(otherName) allebei in een eigen alinea, of allebei midden in de tekst"))
                _ = other
                break
            }
        }
    }

    /// The prefix the part uses for the ODF text namespace (`text` in practice).
    var textPrefix: String {
        var namespace = document.root?.pointee.nsDef
        while let current = namespace {
            if let href = current.pointee.href, String(cString: href) == Dialect.textNamespace,
                let prefix = current.pointee.prefix
            {
                return String(cString: prefix)
            }
            namespace = current.pointee.next
        }
        return "text"
    }

    func statementName(_ id: Int) -> String {
        if case .statement(let statement) = tags[id].content { return statement.tagName }
        return "de tag"
    }
}

/// Turns the event stream into a tree of instructions.
struct ProgramBuilder {
    let compiler: PartCompiler
    let events: [PartCompiler.Event]
    let identifiers: [IdentifierSlot]
    var index = 0
    var failed = false

    init(compiler: PartCompiler, events: [PartCompiler.Event], identifiers: [IdentifierSlot]) {
        self.compiler = compiler
        self.events = events
        self.identifiers = identifiers
    }

    /// Instructions until the end, or until a branch or close marker (left for the caller).
    mutating func sequence() -> [Instruction] {
        var result: [Instruction] = []
        var pending: [UInt8] = []
        func flush() {
            if !pending.isEmpty {
                result.append(.bytes(pending))
                pending = []
            }
        }
        while index < events.count, !failed {
            switch events[index] {
            case .bytes(let bytes):
                pending += bytes
                index += 1
            case .value(let id):
                flush()
                guard case .value(let expression) = compiler.tags[id].content else { fatalError("value tag without expression") }
                let tag = compiler.tags[id]
                let prefix =
                    compiler.dialect.format == .docx
                    ? tag.textNode.parent?.pointee.ns?.pointee.prefix.map { String(cString: $0) } ?? "w"
                    : compiler.textPrefix
                let mode: TextMode =
                    compiler.dialect.isProperties
                    ? .plainText
                    : compiler.dialect.format == .docx ? .wordText(prefix: prefix) : .openDocumentText(prefix: prefix)
                result.append(.value(ValueSlot(expression: expression, mode: mode, origin: tag.origin)))
                index += 1
            case .identifier(let number):
                let slot = identifiers[number]
                if slot.depth == 0 {
                    pending += slot.original
                } else {
                    flush()
                    result.append(.identifier(slot))
                }
                index += 1
            case .imageOpen(let slot):
                flush()
                index += 1
                let frame = sequence()
                guard index < events.count, case .imageClose = events[index] else {
                    failed = true
                    return result
                }
                index += 1
                result.append(.image(compiler.images.slots[slot], frame: frame))
            case .imageClose:
                flush()
                return result
            case .imageField(let field):
                flush()
                result.append(.imageField(field))
                index += 1
            case .marker(let marker):
                guard marker.role == .open else {
                    flush()
                    return result
                }
                flush()
                index += 1
                if let block = block(marker) { result.append(block) }
            case .dynamic(let instruction):
                flush()
                result.append(instruction)
                index += 1
            }
        }
        flush()
        return result
    }

    /// A block whose open marker was just read.
    private mutating func block(_ open: PartCompiler.Marker) -> Instruction? {
        let number = open.block
        var bodies: [[Instruction]] = [sequence()]
        while true {
            guard index < events.count, case .marker(let marker) = events[index], marker.block == number,
                marker.copy == open.copy
            else {
                failed = true
                return nil
            }
            index += 1
            if marker.role == .close { break }
            bodies.append(sequence())
        }
        let ids = compiler.tagIDs(of: number)
        let statements: [Statement] = ids.map {
            if case .statement(let statement) = compiler.tags[$0].content { return statement }
            fatalError("block tag without statement")
        }
        let origins = ids.map { compiler.tags[$0].origin }
        // The copies of a column loop, one per row and one for the grid, are loops like any other.
        guard let block = Instruction.block(statements, origins: origins, bodies: bodies) else {
            failed = true
            return nil
        }
        return block
    }
}

/// Escaping of text and attribute values for XML output.
enum XMLEscaping {
    static func text(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x0D }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func attribute(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t": result += "&#9;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
