import Foundation
public import LerendDiagnostics
import LerendDocuments
import LerendNetwork

/// Which column of a sheet fills which key of an entry: made once from the header
/// row (``suggested(header:target:)``), then changed by the organiser.
public struct ColumnMapping: Sendable, Hashable {
    /// One column of the sheet and the key it fills, if any.
    public struct Column: Sendable, Hashable {
        /// Counted from 0 (column A).
        public let index: Int
        /// The text of the header row in this column.
        public let header: String
        /// The key of the entry, such as `email`; `nil` when the column is not used.
        public var field: String?

        /// `C`, as the spreadsheet shows it.
        public var letters: String { ColumnName.letters(index) }
    }

    public var columns: [Column]
    /// The number of the row the headers come from, where problems of the mapping point.
    public var headerRowNumber: Int

    public init(columns: [Column], headerRowNumber: Int = 1) {
        self.columns = columns
        self.headerRowNumber = headerRowNumber
    }

    /// The column that fills `field`, if any.
    public func column(for field: String) -> Column? { columns.first { $0.field == field } }

    /// The mapping the header names suggest: each header is compared with the keys of
    /// `target` and their Dutch variants ("E-mailadres", "Raad van Bestuur"), ignoring
    /// case, spaces, punctuation and accents. A key goes to the first column that names it.
    public static func suggested(header: [String], target: ImportTarget, headerRowNumber: Int = 1) -> ColumnMapping {
        var taken: Set<String> = []
        var columns: [Column] = []
        for (index, text) in header.enumerated() {
            var column = Column(index: index, header: text, field: nil)
            if let field = HeaderNames.field(for: text, target: target), !taken.contains(field) {
                column.field = field
                taken.insert(field)
            }
            columns.append(column)
        }
        return ColumnMapping(columns: columns, headerRowNumber: headerRowNumber)
    }

    /// The mapping with the organiser's choices `Kolomnaam=veld` applied: the column is
    /// named by its header (compared as the suggestion does) or its letters (`C=email`);
    /// an empty key (`Opmerking=`) leaves the column out. A key another column had moves.
    public func applying(
        _ choices: [String], target: ImportTarget, fileName: String
    ) throws(DiagnosticList) -> ColumnMapping {
        var mapping = self
        var problems: [Diagnostic] = []
        let location = SourceLocation(file: fileName, detail: "rij \(headerRowNumber)")
        for choice in choices {
            guard let equals = choice.lastIndex(of: "=") else {
                problems.append(
                    Diagnostic(
                        .error, id: "I202", "'\(choice)' is geen keuze van een kolom", at: location,
                        hint: "schrijf --kolom 'Kolomnaam=veld', bijvoorbeeld --kolom 'Mail werk=email'"))
                continue
            }
            let name = String(choice[..<equals]).trimmingCharacters(in: .whitespaces)
            let field = String(choice[choice.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            let key = HeaderNames.normalized(name)
            guard
                let index = mapping.columns.firstIndex(where: { HeaderNames.normalized($0.header) == key })
                    ?? ColumnName.index(name).flatMap({ letters in mapping.columns.firstIndex { $0.index == letters } })
            else {
                problems.append(
                    Diagnostic(
                        .error, id: "I202", "het rekenblad heeft geen kolom '\(name)'", at: location,
                        hint: Suggestions.hint(for: name, in: columns.map(\.header))
                            ?? "de kolommen zijn: " + columns.map { "'\($0.header)'" }.joined(separator: ", ")))
                continue
            }
            if field.isEmpty {
                mapping.columns[index].field = nil
                continue
            }
            guard target.schema.field(field) != nil else {
                problems.append(Self.unknownField(field, target: target, at: location))
                continue
            }
            for other in mapping.columns.indices where mapping.columns[other].field == field {
                mapping.columns[other].field = nil
            }
            mapping.columns[index].field = field
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return mapping
    }

    /// What keeps the mapping from being used: a key that `target` does not have, a key
    /// filled by two columns, a required key (`naam`, a participant's `organisatie`) that
    /// no column fills.
    public func problems(target: ImportTarget, fileName: String) -> [Diagnostic] {
        let location = SourceLocation(file: fileName, detail: "rij \(headerRowNumber)")
        var problems: [Diagnostic] = []
        var seen: [String: Column] = [:]
        for column in columns {
            guard let field = column.field else { continue }
            if target.schema.field(field) == nil {
                problems.append(Self.unknownField(field, target: target, at: location))
            } else if let earlier = seen[field] {
                problems.append(
                    Diagnostic(
                        .error, id: "I204",
                        "de kolommen \(earlier.letters) ('\(earlier.header)') en \(column.letters) ('\(column.header)') vullen allebei '\(field)'",
                        at: location, hint: "kies er een, en zet de andere op 'niet gebruiken'"))
            }
            seen[field] = seen[field] ?? column
        }
        for field in target.schema.fields where field.isRequired && seen[field.name] == nil {
            problems.append(
                Diagnostic(
                    .error, id: "I205",
                    "geen kolom vult '\(field.name)' (\(field.summary)), en elke \(target.singular) heeft die nodig",
                    at: location, hint: "kies de kolom met --kolom 'Kolomnaam=\(field.name)'"))
        }
        return problems
    }

    private static func unknownField(_ field: String, target: ImportTarget, at location: SourceLocation) -> Diagnostic {
        let names = target.schema.fields.map(\.name)
        return Diagnostic(
            .error, id: "I203", "een \(target.singular) heeft geen veld '\(field)'", at: location,
            hint: Suggestions.hint(for: field, in: names) ?? "de velden zijn: " + names.joined(separator: ", "))
    }
}
