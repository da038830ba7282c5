import LerendExpressions

/// What column loops need while a part is run: the index of each repetition around (a
/// width inside a copy of a column loop is its share of that copy), and the ODT column
/// styles made for divided or widened widths.
struct ColumnState {
    var repetitions: [Int?] = []
    /// Where in the output the made styles go (the end of `office:automatic-styles`).
    var styleOffset: Int?
    var madeStyles: [StyleKey: String] = [:]
    var styleBytes: [UInt8] = []

    struct StyleKey: Hashable {
        let style: Int
        /// The number of copies for a repeated column; -1 for a widened other column.
        let copies: Int
    }
}

extension ProgramRunner {
    /// The number of elements of a column loop's list and the factor a width is
    /// multiplied by: a share of the repeated columns, or the widening of the others when
    /// there are none. `nil` when the list cannot be read: the copies report why.
    private func factor(_ iterable: Expression, share: ColumnShare) -> (count: Int, factor: Double)? {
        let count: Int
        switch try? iterable.evaluate(in: context) {
        case .list(let items)?: count = items.count
        case .null?: count = 0
        default: return nil
        }
        switch share {
        case .repeated: return count == 0 ? nil : (count, 1 / Double(count))
        case .other(let scale): return (count, count == 0 ? scale : 1)
        }
    }

    /// Writes a DOCX width: a whole number of twips divided among the copies (the
    /// remainder to the first ones, so that they add up), or widened.
    mutating func writeWidth(_ slot: WidthSlot) {
        let length = slot.length
        guard let (count, factor) = factor(slot.iterable, share: slot.share) else {
            output.append(contentsOf: length.text(length.value).utf8)
            return
        }
        if slot.share == .repeated, length.integral {
            let whole = Int(length.value.rounded())
            // The width stands right inside its copy: the innermost repetition is the copy's.
            let index = (columns.repetitions.last ?? nil) ?? 0
            let part = whole / count + (index < whole % count ? 1 : 0)
            output.append(contentsOf: (String(part) + length.unit).utf8)
        } else {
            output.append(contentsOf: length.text(length.value * factor).utf8)
        }
    }

    /// Writes the name of an ODT column style: the template's own, or one made with the
    /// widths divided among the copies (or widened), added to the part's automatic styles.
    mutating func writeColumnStyle(_ slot: ColumnStyleSlot) {
        let style = slot.style
        guard let (count, factor) = factor(slot.iterable, share: slot.share), factor != 1 else {
            output.append(contentsOf: style.name.utf8)
            return
        }
        let key = ColumnState.StyleKey(style: style.index, copies: slot.share == .repeated ? count : -1)
        if let name = columns.madeStyles[key] {
            output.append(contentsOf: name.utf8)
            return
        }
        let name = "\(style.namePrefix)\(part)_\(columns.madeStyles.count + 1)"
        columns.madeStyles[key] = name
        let prefix = style.stylePrefix
        var xml =
            "<\(prefix):style \(prefix):name=\"\(name)\" \(prefix):family=\"table-column\"><\(prefix):table-column-properties"
        for property in style.properties {
            let value = property.length.map { $0.text($0.value * factor) } ?? property.value
            xml += " \(property.name)=\"\(value)\""
        }
        xml += "/></\(prefix):style>"
        columns.styleBytes += Array(xml.utf8)
        output.append(contentsOf: name.utf8)
    }

    /// Puts the styles made while running the part where the part's automatic styles end.
    mutating func insertColumnStyles() {
        guard !columns.styleBytes.isEmpty, let offset = columns.styleOffset, offset <= output.count else { return }
        output.insert(contentsOf: columns.styleBytes, at: offset)
        columns.styleBytes = []
    }
}
