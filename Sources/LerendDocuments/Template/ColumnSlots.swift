import LerendExpressions

/// How a width in a table with a column loop follows the number of elements.
enum ColumnShare: Sendable, Equatable {
    /// A width of the repeated columns: divided among the copies, so that together they
    /// take the width the template gave them.
    case repeated
    /// A width of another column: as it is, and widened by `scale` when the list is empty
    /// and the repeated columns disappear, so that the table keeps its width.
    case other(scale: Double)
}

/// A number with its unit: `4508` (twips), `25%`, `2.5cm`, `1234*` (a relative width).
struct ColumnLength: Sendable, Equatable {
    let value: Double
    let unit: String
    /// Whole numbers only (DOCX twips and fiftieths of a percent, ODF relative widths).
    let integral: Bool

    /// The length written as it goes into the XML: whole, or with at most four decimals.
    func text(_ value: Double) -> String {
        if integral { return String(max(value > 0 ? 1 : 0, Int(value.rounded()))) + unit }
        let scaled = Int((value * 10000).rounded())
        let whole = scaled / 10000
        var fraction = String(scaled % 10000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return String(whole) + (fraction.isEmpty ? "" : "." + fraction) + unit
    }

    /// Reads `4508`, `25%`, `2.5cm`, `1234*`; `nil` for anything else.
    init?(parsing text: String, integral: Bool) {
        let digits = text.prefix { $0.isNumber || $0 == "." }
        guard !digits.isEmpty, let value = Double(digits), value >= 0 else { return nil }
        let unit = String(text.dropFirst(digits.count))
        guard unit.allSatisfy({ $0.isLetter || $0 == "%" || $0 == "*" }) else { return nil }
        self.init(value: value, unit: unit, integral: integral && !digits.contains("."))
    }

    init(value: Double, unit: String, integral: Bool) {
        self.value = value
        self.unit = unit
        self.integral = integral
    }

    /// The length in points, for adding up absolute widths; `nil` for a relative one.
    var points: Double? {
        switch unit {
        case "pt": value
        case "in": value * 72
        case "cm": value * 72 / 2.54
        case "mm": value * 72 / 25.4
        case "pc": value * 12
        case "px": value * 0.75
        default: nil
        }
    }
}

/// A width attribute (DOCX `w:gridCol/@w:w`, `w:tcW/@w:w`) in a table with a column loop.
struct WidthSlot: Sendable {
    /// The column loop's list, whose number of elements the width follows.
    let iterable: Expression
    let share: ColumnShare
    let length: ColumnLength
}

/// An ODT column style of a table with a column loop, as the template has it, from which
/// styles with divided or widened widths are made while rendering.
struct ColumnStyleTemplate: Sendable {
    /// Its position among the column styles of the part.
    let index: Int
    /// The original name, escaped for an attribute.
    let name: String
    /// The prefix of the ODF style namespace in the part (`style`).
    let stylePrefix: String
    /// The start of the names of the styles made from it: no style of the part starts so.
    let namePrefix: String
    /// The attributes of `style:table-column-properties`, escaped, with the widths among them.
    let properties: [(name: String, value: String, length: ColumnLength?)]
}

/// The `table:style-name` of an ODT `table:table-column` in a table with a column loop.
struct ColumnStyleSlot: Sendable {
    /// The column loop's list, whose number of elements the width follows.
    let iterable: Expression
    let share: ColumnShare
    let style: ColumnStyleTemplate
}
