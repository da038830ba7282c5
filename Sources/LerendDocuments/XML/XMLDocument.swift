internal import CLibXML2

/// libxml2 is initialised once per process, on first use.
private let libxml2Initialized: Void = { xmlInitParser() }()

/// A parsed XML part of a template, owned until released. Not shared between threads.
///
/// Parsed without `XML_PARSE_HUGE` (so libxml2 keeps its limits: 256 levels of
/// elements, 10 MB of text in one node), without loading a DTD or external entities,
/// without network access, and never substituting entities. A `<!DOCTYPE` stops the
/// parser where it stands, before any declaration in it is read.
final class XMLDocument {
    let pointer: xmlDocPtr

    /// Parses `bytes`, which must be UTF-8, into a tree. Every problem is an
    /// ``XMLParseError`` of one class (not well-formed, encoding, DOCTYPE or entity,
    /// namespace, limit). A tree takes about 25 times the size of its XML.
    init(bytes: [UInt8], name: String, allowsExternalDoctype: Bool = false) throws(XMLParseError) {
        pointer = try Self.parse(bytes, name: name, allowsExternalDoctype: allowsExternalDoctype, buildsTree: true)
    }

    /// Checks that `bytes` is XML as ``init(bytes:name:)`` would accept it, without
    /// building a tree: memory stays the size of the input.
    ///
    /// - Parameter allowsExternalDoctype: a part that is copied as it is may have a
    ///   `<!DOCTYPE` that only names an external DTD (OpenOffice wrote one in
    ///   `manifest.xml`); it is never loaded. An internal subset (`[ ... ]`, where
    ///   entities are declared) is refused in every part.
    static func check(_ bytes: [UInt8], name: String, allowsExternalDoctype: Bool) throws(XMLParseError) {
        xmlFreeDoc(try parse(bytes, name: name, allowsExternalDoctype: allowsExternalDoctype, buildsTree: false))
    }

    private static func parse(
        _ bytes: [UInt8], name: String, allowsExternalDoctype: Bool, buildsTree: Bool
    ) throws(XMLParseError) -> xmlDocPtr {
        _ = libxml2Initialized
        guard let context = xmlNewParserCtxt() else {
            throw XMLParseError(kind: .notWellFormed, line: 0, column: 0, detail: "er is te weinig geheugen om het te lezen")
        }
        defer { xmlFreeParserCtxt(context) }
        guard let count = Int32(exactly: bytes.count) else {
            throw XMLParseError(kind: .limit, line: 0, column: 0, detail: "het deel is groter dan 2 GB")
        }
        let recorder = ParseRecorder(allowsExternalDoctype: allowsExternalDoctype)
        context.pointee._private = Unmanaged.passUnretained(recorder).toOpaque()
        if let sax = context.pointee.sax {
            sax.pointee.serror = recordParseError
            sax.pointee.internalSubset = stopAtDoctype
            sax.pointee.entityDecl = stopAtEntityDeclaration
            sax.pointee.externalSubset = nil
            if !buildsTree {
                // The parser itself checks well-formedness and namespaces; without these
                // callbacks it builds nothing.
                sax.pointee.startElementNs = nil
                sax.pointee.endElementNs = nil
                sax.pointee.startElement = nil
                sax.pointee.endElement = nil
                sax.pointee.characters = nil
                sax.pointee.ignorableWhitespace = nil
                sax.pointee.cdataBlock = nil
                sax.pointee.comment = nil
                sax.pointee.processingInstruction = nil
                sax.pointee.reference = nil
            }
        }
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = withExtendedLifetime(recorder) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    xmlCtxtReadMemory(context, $0.baseAddress, count, name, "UTF-8", options)
                }
            }
        }
        context.pointee._private = nil
        if let stop = recorder.doctypeStop {
            if let document { xmlFreeDoc(document) }
            throw XMLParseError(
                kind: .doctype, line: stop.line, column: stop.column, detail: "het deel heeft een <!DOCTYPE>-declaratie")
        }
        guard let document, recorder.firstError == nil, context.pointee.wellFormed != 0, context.pointee.nsWellFormed != 0
        else {
            if let document { xmlFreeDoc(document) }
            throw XMLParseError(recorder.firstError ?? RecordedXMLError(context.pointee.lastError))
        }
        return document
    }

    deinit { xmlFreeDoc(pointer) }

    var root: xmlNodePtr? { xmlDocGetRootElement(pointer) }

    /// Whether the document declared `standalone="yes"`.
    var isStandalone: Bool { pointer.pointee.standalone == 1 }
}

/// What the callbacks of one parse found; reached through the context's `_private`.
private final class ParseRecorder {
    let allowsExternalDoctype: Bool
    var firstError: RecordedXMLError?
    var doctypeStop: (line: Int, column: Int)?

    init(allowsExternalDoctype: Bool) { self.allowsExternalDoctype = allowsExternalDoctype }

    static func of(_ context: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, ParseRecorder)? {
        guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self), let box = parser.pointee._private else {
            return nil
        }
        return (parser, Unmanaged<ParseRecorder>.fromOpaque(box).takeUnretainedValue())
    }

    func stop(_ parser: xmlParserCtxtPtr) {
        if doctypeStop == nil {
            let input = parser.pointee.input?.pointee
            doctypeStop = (Int(input?.line ?? 0), Int(input?.col ?? 0))
        }
        xmlStopParser(parser)
    }
}

/// Keeps the first error (not warning) of a parse: later ones are often its echo.
private func recordParseError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let (_, recorder) = ParseRecorder.of(context), let error, recorder.firstError == nil,
        error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue
    else { return }
    recorder.firstError = RecordedXMLError(error.pointee)
}

/// Called at `<!DOCTYPE name ...`, before its internal subset (`[`) is read.
private func stopAtDoctype(
    _ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ externalID: UnsafePointer<xmlChar>?,
    _ systemID: UnsafePointer<xmlChar>?
) {
    guard let (parser, recorder) = ParseRecorder.of(context) else { return }
    let internalSubsetFollows = parser.pointee.input?.pointee.cur?.pointee == UInt8(ascii: "[")
    if !recorder.allowsExternalDoctype || internalSubsetFollows { recorder.stop(parser) }
}

private func stopAtEntityDeclaration(
    _ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ type: Int32, _ publicID: UnsafePointer<xmlChar>?,
    _ systemID: UnsafePointer<xmlChar>?, _ content: UnsafeMutablePointer<xmlChar>?
) {
    guard let (parser, recorder) = ParseRecorder.of(context) else { return }
    recorder.stop(parser)
}
