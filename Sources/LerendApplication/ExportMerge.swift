/// Documents of one ``ExportBatch`` that are made as one file, each starting on a new
/// page: the invitations of one meeting, or all agendas.
public struct ExportMerge: Sendable, Hashable {
    /// The file name, with extension, inside the batch's folder.
    public let fileName: String
    /// What the file is, for messages: "uitnodigingen van bijeenkomst 2".
    public let label: String
    /// The documents of the batch that go in, in order.
    public let indices: [Int]
}
