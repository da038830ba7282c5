internal import CLibXML2

/// libxml2 is initialised once per process, on first use.
private let libxml2Initialized: Void = { xmlInitParser() }()

/// A parsed XML part of a template, owned until released. Not shared between threads.
final class XMLDocument {
    let pointer: xmlDocPtr

    /// Parses `bytes`. Network access and external entities are off: a template cannot
    /// make the engine read other files.
    init(bytes: [UInt8], name: String) throws(XMLParseError) {
        _ = libxml2Initialized
        guard let context = xmlNewParserCtxt() else {
            throw XMLParseError(line: 0, column: 0, message: "libxml2 kan geen parser maken")
        }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), name, "UTF-8", options)
            }
        }
        guard let document, context.pointee.wellFormed != 0 else {
            if let document { xmlFreeDoc(document) }
            let error = context.pointee.lastError
            let message = error.message.map { String(cString: $0) }?.trimmingNewlines ?? "onbekende fout"
            throw XMLParseError(line: Int(error.line), column: Int(error.int2), message: message)
        }
        pointer = document
    }

    deinit { xmlFreeDoc(pointer) }

    var root: xmlNodePtr? { xmlDocGetRootElement(pointer) }

    /// Whether the document declared `standalone="yes"`.
    var isStandalone: Bool { pointer.pointee.standalone == 1 }
}

/// A part that is not well-formed XML.
struct XMLParseError: Error {
    let line: Int
    let column: Int
    let message: String
}

extension String {
    var trimmingNewlines: String {
        var text = self
        while text.last == "\n" || text.last == " " { text.removeLast() }
        return text
    }
}
