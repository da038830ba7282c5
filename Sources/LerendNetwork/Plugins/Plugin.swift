public import LerendExpressions
public import LerendWorkflow

/// What a supporting organisation brings: its rules, its way of working, its templates
/// and the texts of its documents.
///
/// Plugins loaded from a bundle folder (``BundlePlugin``) and plugins written in Swift
/// are the same to the rest of the code.
public protocol Plugin: Sendable {
    /// A short id that network files name, such as `kenniz`.
    var id: String { get }
    /// The name for people, such as "KenniZ".
    var name: String { get }
    var ruleSets: [RuleSet] { get }
    /// The workflow the network walks, if the plugin defines one.
    var workflow: Workflow? { get }
    /// Template files by kind of document, per format (`odt`, `docx`).
    var templates: [DocumentKind: [String: String]] { get }
    /// Texts for documents, such as the introduction of a plan of approach.
    var texts: Value { get }
    /// Text templates of the e-mails that carry documents (`lerend export --email`), by
    /// kind of document: files whose first line is `Onderwerp: ...`.
    var mailTemplates: [DocumentKind: String] { get }
    /// What the plugin asks of a network's year, for the planner.
    var programme: YearProgramme? { get }
    /// The supporting organisation's logo (a PNG, JPEG or SVG in the bundle), for the
    /// letterhead of its documents.
    var logo: String? { get }
}

extension Plugin {
    public var ruleSets: [RuleSet] { [] }
    public var workflow: Workflow? { nil }
    public var templates: [DocumentKind: [String: String]] { [:] }
    public var texts: Value { [:] }
    public var mailTemplates: [DocumentKind: String] { [:] }
    public var programme: YearProgramme? { nil }
    public var logo: String? { nil }
}

extension Workflow.Stage {
    /// The documents the stage calls for; the bundle loader has checked every name.
    public var documentKinds: [DocumentKind] { documents.compactMap(DocumentKind.init(rawValue:)) }
}
