import Foundation
public import LerendDiagnostics
public import LerendNetwork

extension NetworkDocument {
    /// The name of a new network file in a folder: `Netwerk Zorg Dichtbij!` becomes
    /// `netwerk-zorg-dichtbij.yaml`. Letters without accents, digits and single dashes
    /// only, so never a `/`, `..` or a hidden name; `nil` when nothing is left.
    public static func fileName(for name: String) -> String? {
        var stem = ""
        let folded = name.folding(
            options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: .init(identifier: "nl_NL"))
        for scalar in folded.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                stem.unicodeScalars.append(scalar)
            } else if !stem.isEmpty, stem.last != "-" {
                stem.append("-")
            }
            if stem.count >= 80 { break }
        }
        while stem.hasSuffix("-") { stem.removeLast() }
        if stem.hasSuffix("-yaml") || stem.hasSuffix("-yml") {
            stem = String(stem[..<stem.lastIndex(of: "-")!])
        }
        guard !stem.isEmpty else { return nil }
        // Names Windows keeps for devices, even with an extension.
        let reserved = ["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] }
        if reserved.contains(stem) { stem = "netwerk-" + stem }
        return stem + ".yaml"
    }

    /// Writes a new network file in `folder` for a guided start: a header comment and
    /// `netwerk:` with `fields` and the plugin. Never replaces a file (A144); the name is
    /// made safe with ``fileName(for:)`` (A143 when nothing is left of it).
    public static func create(
        in folder: String, name: String, network fields: NetworkEntry, plugin: String
    ) throws(DiagnosticList) -> NetworkDocument {
        guard let fileName = fileName(for: name) else {
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "A143", "'\(name)' kan geen naam van een netwerkbestand worden",
                    at: SourceLocation(file: folder), hint: "kies een naam met letters of cijfers, zoals 'zorg-dichtbij'")
            ])
        }
        let path = (folder.hasSuffix("/") ? folder : folder + "/") + fileName
        let title = fields["naam"].flatMap { if case .text(let text) = $0 { text } else { nil } } ?? name
        let header = """
            # Het netwerkbestand van \(title.replacing("\n", with: " ")), begonnen met Lerend.
            # Dit bestand is de bron: de webapp en 'lerend wijzig' veranderen alleen wat je wijzigt,
            # en bewaren de vorige versie in \(NetworkHistory.folderName)/\(fileName)/.

            """
        var edits: [NetworkEdit] = []
        let network = NetworkPath([.key("netwerk")])
        for (key, value) in fields.pairs where key != "plugin" {
            switch value {
            case .text(let text): edits.append(.set(network.appending(key), text))
            case .list(let texts): edits.append(.setList(network.appending(key), texts))
            case .entry(let entry):
                for (inner, innerValue) in entry.pairs {
                    if case .text(let text) = innerValue { edits.append(.set(network.appending(key).appending(inner), text)) }
                }
            }
            if key == "naam" { edits.append(.set(network.appending("plugin"), plugin)) }
        }
        if fields["naam"] == nil { edits.insert(.set(network.appending("plugin"), plugin), at: 0) }
        let result = try NetworkFile.applying(edits, to: header, path: path, allowingNewWarnings: true)
        let bytes = Array(result.text.utf8)
        switch try NewFile.write(bytes, to: path) {
        case .written:
            return NetworkDocument(path: path, text: result.text, version: FileVersion(of: bytes))
        case .exists:
            throw DiagnosticList([
                Diagnostic(
                    .error, id: "A144", "er is al een netwerkbestand '\(fileName)'", at: SourceLocation(file: path),
                    hint: "kies een andere naam; een bestaand bestand wordt nooit vervangen")
            ])
        }
    }
}
