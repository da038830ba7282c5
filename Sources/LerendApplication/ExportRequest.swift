public import LerendDiagnostics
public import LerendDocuments
public import LerendExpressions
public import LerendNetwork

/// Which documents of a network to make, and how.
public struct ExportRequest: Sendable {
    /// The kinds of document, made in the order of ``DocumentKind``.
    public var kinds: [DocumentKind]
    public var format: DocumentFormat
    /// Only these meetings (their numbers); empty: every meeting on or after the
    /// reference date.
    public var meetingNumbers: [Int]
    /// What to do with a value a document would print that the file does not give yet
    /// (the place, theme or facilitator of a meeting, the form of the network).
    public var unknownValues: UnknownValuePolicy

    public init(
        kinds: [DocumentKind] = DocumentKind.allCases, format: DocumentFormat = .odt, meetingNumbers: [Int] = [],
        unknownValues: UnknownValuePolicy = .omit
    ) {
        self.kinds = kinds.sorted()
        self.format = format
        self.meetingNumbers = meetingNumbers
        self.unknownValues = unknownValues
    }
}

/// What an export does with a value that is not known yet. No document ever prints a
/// stand-in such as "nog niet bekend".
public enum UnknownValuePolicy: String, Sendable, CaseIterable {
    /// The document leaves the sentence or line of the value out (the default: the
    /// documents of a year planned ahead can go out before every detail is known).
    case omit = "weglaten"
    /// The export reports every unknown value (X105) and writes nothing.
    case report = "melden"
}

/// The documents of one kind, made from one compiled template.
///
/// The file names and labels are made up front; the data of each document only when it
/// is rendered, so that memory stays flat in the number of participants.
public struct ExportBatch: Sendable {
    public let kind: DocumentKind
    public let template: DocumentTemplate
    public let templatePath: String
    /// The folder inside the output folder ("" or "uitnodigingen").
    public let folder: String
    /// Safe and distinct file names, with extension.
    public let fileNames: [String]
    /// What each document is, for messages: "Anna Bakker, bijeenkomst 2".
    public let labels: [String]
    let makeData: @Sendable (Int) -> LerendExpressions.Value
    /// The documents that can go into one file together (`--samenvoegen`): the
    /// invitations of each meeting, all agendas. Empty for a kind of one document.
    public var merges: [ExportMerge] = []

    /// Whom and which meeting each document is about, in the order of ``fileNames``
    /// (empty for the plan): what an e-mail needs to find the documents of a letter.
    public internal(set) var subjects: [Subject] = []

    /// Whom and which meeting a document is about.
    public struct Subject: Sendable {
        /// The meeting's number.
        public let meeting: Int
        /// The participant an invitation goes to; nil for an agenda.
        public let participant: Participant?
    }
    /// Where picture tags may read files: the network file's folder and the plugin bundle.
    public var imageFolders: ImageFolders = .none

    public var count: Int { fileNames.count }

    /// The data of document `index`, made now.
    public func data(at index: Int) -> LerendExpressions.Value { makeData(index) }
}

/// Everything an export will make, and what it will not make and why.
public struct ExportPlan: Sendable {
    public let batches: [ExportBatch]
    /// Documents left out (X102, with the place in the network file) and remarks
    /// (X101, A107); an error here is a document that will not be made.
    public let problems: [LerendDiagnostics.Diagnostic]
    /// How many documents are left out.
    public let skippedCount: Int

    public var documentCount: Int { batches.reduce(0) { $0 + $1.count } }
}
