internal import CLibXML2
import LerendDiagnostics

/// A libxml2 error, copied out of the parser before it is freed.
struct RecordedXMLError {
    let domain: Int32
    let code: Int32
    let line: Int
    let column: Int
    let strings: [String?]
    /// libxml2's English text, first line only.
    let message: String?

    init(_ error: xmlError) {
        domain = error.domain
        code = error.code
        line = Int(error.line)
        column = Int(error.int2)
        strings = [error.str1, error.str2, error.str3].map { $0.map { String(cString: $0) } }
        message = error.message.map { String(cString: $0) }.map {
            String($0.prefix { $0 != "\n" }).trimmingNewlines
        }
    }

    func `is`(_ error: xmlParserErrors) -> Bool { code == Int32(error.rawValue) }
}

/// A part that libxml2 refused, in one class, with a Dutch explanation.
///
/// libxml2's own English text is never the message; for a well-formedness error that
/// has no Dutch translation of its own it follows as a note, for template authors.
struct XMLParseError: Error {
    enum Kind: Equatable {
        /// T002: not well-formed XML.
        case notWellFormed
        /// T301: a `<!DOCTYPE`, an entity declaration, or an entity that is not defined.
        case doctype
        /// T302: a namespace prefix that is not declared.
        case namespace
        /// T303: not UTF-8, or an encoding libxml2 does not know.
        case encoding
        /// T304: too deeply nested, or a name or text too large for the parser.
        case limit
    }

    let kind: Kind
    let line: Int
    let column: Int
    /// What is wrong, in Dutch.
    let detail: String
    /// libxml2's text, kept when ``detail`` does not say more than the class does.
    var original: String? = nil

    /// The error as a message about `part` of the template `templateName`.
    func diagnostic(templateName: String, part: String) -> Diagnostic {
        let location = SourceLocation(
            file: templateName, line: line > 0 ? line : nil, column: line > 0 && column > 0 ? column : nil, detail: part)
        let resave = "open het sjabloon in LibreOffice of Word en sla het opnieuw op"
        switch kind {
        case .notWellFormed:
            return Diagnostic(
                .error, id: "T002", "\(part) is geen geldige XML: \(detail)", at: location, hint: resave,
                notes: original.map { ["libxml2: \($0)"] } ?? [])
        case .doctype:
            return Diagnostic(
                .error, id: "T301", "\(part) wordt niet gelezen: \(detail); Lerend leest geen DTD's en vult geen entiteiten in",
                at: location, hint: "Word en LibreOffice schrijven geen <!DOCTYPE> en geen entiteiten; \(resave)")
        case .namespace:
            return Diagnostic(
                .error, id: "T302", "\(part) is geen geldige XML: \(detail)", at: location,
                hint: "geen lezer opent een document met zo'n voorvoegsel; \(resave)")
        case .encoding:
            return Diagnostic(
                .error, id: "T303", "\(part) is geen geldige UTF-8-tekst: \(detail)", at: location,
                hint: "Word en LibreOffice schrijven altijd UTF-8; \(resave)")
        case .limit:
            return Diagnostic(
                .error, id: "T304", "\(part) is te groot voor de XML-lezer: \(detail)", at: location,
                hint: "zo'n deel maakt geen tekstverwerker; \(resave)")
        }
    }
}

extension XMLParseError {
    init(kind: Kind, line: Int, column: Int, detail: String) {
        self.kind = kind
        self.line = line
        self.column = column
        self.detail = detail
    }

    /// Puts a libxml2 error in its class and says it in Dutch.
    init(_ error: RecordedXMLError) {
        let (kind, detail, keepsOriginal) = Self.classify(error)
        self.init(kind: kind, line: error.line, column: error.column, detail: detail)
        if keepsOriginal { original = error.message.map(PackageProblem.printable) }
    }

    private static func classify(_ error: RecordedXMLError) -> (Kind, String, keepsOriginal: Bool) {
        let first = error.strings[0].map(PackageProblem.printable) ?? "?"
        let second = error.strings[1].map(PackageProblem.printable) ?? "?"
        let message = error.message ?? ""
        if error.domain == Int32(XML_FROM_NAMESPACE.rawValue) {
            if error.code == Int32(XML_NS_ERR_UNDEFINED_NAMESPACE.rawValue) {
                return (.namespace, "het voorvoegsel '\(first)' (bij '\(second)') wordt gebruikt zonder xmlns:\(first)", false)
            }
            return (.namespace, "een naamruimte (xmlns) klopt niet", true)
        }
        if error.domain == Int32(XML_FROM_I18N.rawValue) || error.is(XML_ERR_UNKNOWN_ENCODING)
            || error.is(XML_ERR_UNSUPPORTED_ENCODING) || error.is(XML_ERR_INVALID_ENCODING) || error.is(XML_ERR_ENCODING_NAME)
            || (error.is(XML_ERR_INVALID_CHAR) && message.contains("UTF-8"))
        {
            return (.encoding, "een reeks bytes is geen UTF-8-teken", false)
        }
        if error.is(XML_ERR_UNDECLARED_ENTITY) || error.is(XML_WAR_UNDECLARED_ENTITY) {
            return (.doctype, "de entiteit '&\(first);' is niet gedeclareerd", false)
        }
        let entityErrors: [xmlParserErrors] = [
            XML_ERR_ENTITYREF_IN_PROLOG, XML_ERR_ENTITYREF_IN_EPILOG, XML_ERR_ENTITYREF_IN_DTD, XML_ERR_PEREF_AT_EOF,
            XML_ERR_PEREF_IN_PROLOG, XML_ERR_PEREF_IN_EPILOG, XML_ERR_PEREF_IN_INT_SUBSET, XML_ERR_PEREF_NO_NAME,
            XML_ERR_PEREF_SEMICOL_MISSING, XML_ERR_UNPARSED_ENTITY, XML_ERR_ENTITY_IS_EXTERNAL, XML_ERR_ENTITY_IS_PARAMETER,
            XML_ERR_ENTITY_NOT_STARTED, XML_ERR_ENTITY_NOT_FINISHED, XML_ERR_DOCTYPE_NOT_FINISHED, XML_ERR_ENTITY_CHAR_ERROR,
            XML_ERR_ENTITY_PE_INTERNAL, XML_ERR_ENTITY_LOOP, XML_ERR_ENTITY_BOUNDARY, XML_ERR_ENTITY_PROCESSING,
        ]
        if entityErrors.contains(where: error.is) { return (.doctype, "het deel gebruikt een DTD of entiteiten", false) }
        // libxml2's limits without XML_PARSE_HUGE: "Excessive depth in document: 256 use
        // XML_PARSE_HUGE option", "Huge input lookup", "huge text node", "Name too long".
        if message.lowercased().contains("huge") || message.contains("Excessive depth") || error.is(XML_ERR_NAME_TOO_LONG)
            || error.is(XML_ERR_NO_MEMORY)
        {
            if message.contains("depth") { return (.limit, "de elementen zijn dieper genest dan 256 niveaus", false) }
            return (
                .limit,
                "een naam, een tekst of het deel zelf is te lang (hoogstens 10 MB tekst in één stuk, 50.000 tekens in een naam)",
                false
            )
        }
        switch error.code {
        case Int32(XML_ERR_TAG_NAME_MISMATCH.rawValue):
            return (.notWellFormed, "<\(first)> wordt afgesloten met </\(second)>", false)
        case Int32(XML_ERR_TAG_NOT_FINISHED.rawValue):
            return (.notWellFormed, "het deel houdt op terwijl <\(first)> nog open is", false)
        case Int32(XML_ERR_DOCUMENT_EMPTY.rawValue): return (.notWellFormed, "het deel is leeg", false)
        case Int32(XML_ERR_DOCUMENT_END.rawValue):
            return (.notWellFormed, "na het einde van het hoofdelement staat nog iets", false)
        case Int32(XML_ERR_ATTRIBUTE_REDEFINED.rawValue):
            // With a prefix, libxml2 gives the prefix first and the local name second.
            let attribute = error.strings[1] == nil ? first : "\(first):\(second)"
            return (.notWellFormed, "het attribuut '\(attribute)' staat twee keer in hetzelfde element", false)
        case Int32(XML_ERR_INVALID_CHAR.rawValue):
            return (.notWellFormed, "er staat een teken dat in XML niet mag (zoals een stuurteken)", false)
        case Int32(XML_ERR_NAME_REQUIRED.rawValue) where message.contains("EntityRef"):
            return (.notWellFormed, "een '&' begint geen entiteit (schrijf &amp;)", false)
        case Int32(XML_ERR_ATTRIBUTE_WITHOUT_VALUE.rawValue):
            return (.notWellFormed, "het attribuut '\(first)' heeft geen waarde", false)
        default:
            if let detail = Self.wellFormednessErrors.first(where: { error.is($0.code) })?.detail {
                return (.notWellFormed, detail, false)
            }
            return (.notWellFormed, "de XML is niet goed gevormd", true)
        }
    }

    /// The well-formedness errors a damaged or hand-edited part usually has, in Dutch.
    private static let wellFormednessErrors: [(code: xmlParserErrors, detail: String)] = [
        (XML_ERR_NAME_REQUIRED, "hier hoort de naam van een element of attribuut"),
        (XML_ERR_GT_REQUIRED, "een tag wordt niet goed afgesloten met '>'"),
        (XML_ERR_LTSLASH_REQUIRED, "een eindtag ontbreekt"),
        (XML_ERR_LT_IN_ATTRIBUTE, "een '<' in de waarde van een attribuut (schrijf &lt;)"),
        (XML_ERR_ATTRIBUTE_NOT_STARTED, "de waarde van een attribuut staat niet tussen aanhalingstekens"),
        (XML_ERR_STRING_NOT_STARTED, "de waarde staat niet tussen aanhalingstekens"),
        (XML_ERR_ATTRIBUTE_NOT_FINISHED, "een aanhalingsteken wordt niet gesloten"),
        (XML_ERR_STRING_NOT_CLOSED, "een aanhalingsteken wordt niet gesloten"),
        (XML_ERR_EQUAL_REQUIRED, "na de naam van een attribuut hoort '='"),
        (XML_ERR_SPACE_REQUIRED, "hier hoort een spatie"),
        (XML_ERR_ENTITYREF_NO_NAME, "een '&' begint geen entiteit (schrijf &amp;)"),
        (XML_ERR_ENTITYREF_SEMICOL_MISSING, "een '&' begint geen entiteit (schrijf &amp;)"),
        (XML_ERR_INVALID_CHARREF, "een tekenverwijzing (&#...;) wijst naar een teken dat in XML niet mag"),
        (XML_ERR_INVALID_DEC_CHARREF, "een tekenverwijzing (&#...;) wijst naar een teken dat in XML niet mag"),
        (XML_ERR_INVALID_HEX_CHARREF, "een tekenverwijzing (&#x...;) wijst naar een teken dat in XML niet mag"),
        (XML_ERR_MISPLACED_CDATA_END, "']]>' mag niet in tekst staan"),
        (XML_ERR_EXTRA_CONTENT, "na het einde van het hoofdelement staat nog iets"),
        (XML_ERR_XMLDECL_NOT_FINISHED, "de XML-declaratie (<?xml ... ?>) klopt niet"),
        (XML_ERR_VERSION_MISSING, "de XML-declaratie (<?xml ... ?>) klopt niet"),
        (XML_ERR_RESERVED_XML_NAME, "de XML-declaratie (<?xml ... ?>) staat niet aan het begin"),
        (XML_ERR_PI_NOT_STARTED, "een verwerkingsinstructie (<?...?>) klopt niet"),
        (XML_ERR_PI_NOT_FINISHED, "een verwerkingsinstructie (<?...?>) wordt niet afgesloten"),
        (XML_ERR_COMMENT_NOT_FINISHED, "een commentaar (<!-- ... -->) wordt niet afgesloten"),
        (XML_ERR_CDATA_NOT_FINISHED, "een CDATA-blok wordt niet afgesloten"),
        (XML_ERR_DOCUMENT_START, "het deel begint niet met XML"),
    ]
}

extension String {
    var trimmingNewlines: String {
        var text = self
        while text.last == "\n" || text.last == " " { text.removeLast() }
        return text
    }
}
