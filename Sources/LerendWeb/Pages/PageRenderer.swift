import Foundation
import LerendDiagnostics
import Mustache

/// Renders the pages from the Mustache templates built into the program
/// (`Sources/LerendWeb/Resources`). Every `{{ }}` is escaped for HTML; no template uses
/// `{{{ }}}`, so nothing a user typed reaches a page unescaped.
struct PageRenderer: Sendable {
    /// The templates by name, with the file each came from.
    static let templates: [String: [UInt8]] = [
        "kop": PackageResources.kop_mustache, "voet": PackageResources.voet_mustache,
        "meldingen": PackageResources.meldingen_mustache, "overzicht": PackageResources.overzicht_mustache,
        "netwerk": PackageResources.netwerk_mustache, "formulier": PackageResources.formulier_mustache,
        "lijst": PackageResources.lijst_mustache, "plannen": PackageResources.plannen_mustache,
        "nieuw": PackageResources.nieuw_mustache, "importeren": PackageResources.importeren_mustache,
        "geschiedenis": PackageResources.geschiedenis_mustache, "fout": PackageResources.fout_mustache,
        "veld": PackageResources.veld_mustache,
    ]

    let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        for (name, bytes) in Self.templates {
            // The templates are part of the program; one that does not parse is a build
            // defect that the route tests catch on their first page.
            try? library.register(String(decoding: bytes, as: UTF8.self), named: name)
        }
        self.library = library
    }

    /// The page `name` with `context`, and what every page shows (version, folder, date).
    func render(_ name: String, _ context: [String: Any], common: [String: Any]) -> String {
        let merged = common.merging(context) { _, page in page }
        return library.render(merged, withTemplate: name) ?? "<!doctype html><p>Pagina \(name) ontbreekt.</p>"
    }
}

/// What a page shows of diagnostics: severity, code, message, place, the source line with
/// a caret, hint and notes.
enum DiagnosticView {
    static func list(_ diagnostics: [Diagnostic], folder: String? = nil) -> [[String: Any]] {
        diagnostics.map { one($0, folder: folder) }
    }

    static func one(_ diagnostic: Diagnostic, folder: String? = nil) -> [String: Any] {
        var view: [String: Any] = [
            "ernst": severityClass(diagnostic.severity), "ernstnaam": diagnostic.severity.label,
            "tekst": diagnostic.message, "opmerkingen": diagnostic.notes,
        ]
        if let id = diagnostic.id { view["code"] = id }
        if let location = diagnostic.location { view["plaats"] = place(location, folder: folder) }
        if let line = diagnostic.sourceLine, let column = diagnostic.location?.column {
            view["regel"] = line
            view["caret"] = String(repeating: " ", count: max(0, column - 1)) + String(repeating: "^", count: max(1, diagnostic.length))
        }
        if let hint = diagnostic.hint { view["hint"] = hint }
        return view
    }

    /// "zorg-dichtbij.yaml, regel 12, kolom 5": the file relative to the work folder.
    static func place(_ location: SourceLocation, folder: String?) -> String {
        var file = location.file
        if let folder, file.hasPrefix(folder + "/") { file = String(file.dropFirst(folder.count + 1)) }
        var parts = [file]
        if let line = location.line { parts.append("regel \(line)") }
        if let column = location.column { parts.append("kolom \(column)") }
        if let detail = location.detail { parts.append(detail) }
        return parts.joined(separator: ", ")
    }

    static func severityClass(_ severity: Severity) -> String {
        switch severity {
        case .error: "fout"
        case .warning: "waarschuwing"
        case .advice: "advies"
        case .note: "opmerking"
        }
    }
}
