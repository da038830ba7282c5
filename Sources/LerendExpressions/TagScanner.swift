/// Finds the tags `{{ ... }}`, `{% ... %}` and `{# ... #}` in a text.
///
/// Works on Unicode scalars so that positions map onto the pieces of text a word
/// processor splits a paragraph into.
package enum TagScanner {
    package enum Kind: Sendable, Hashable {
        /// `{{ ... }}`: a value to print.
        case value
        /// `{% ... %}`: a control statement.
        case statement
        /// `{# ... #}`: a comment, left out of the output.
        case comment
    }

    /// Where a control tag's block extends to, when the author says so instead of letting
    /// the engine infer it: `{%p ...%}` whole paragraphs, `{%tr ...%}` table rows,
    /// `{%r ...%}` inside the paragraph.
    package enum ScopeOverride: String, Sendable, Hashable {
        case paragraph = "p"
        case row = "tr"
        /// Table columns: `{%tc for ... %}` repeats the cells of its columns in every row.
        case column = "tc"
        case inline = "r"
    }

    package struct Tag: Sendable, Hashable {
        package var kind: Kind
        /// The whole tag, delimiters included, in scalar offsets.
        package var range: Range<Int>
        /// The text between the delimiters (and after a scope marker).
        package var content: String
        /// The scalar offset at which `content` starts.
        package var contentStart: Int
        package var scopeOverride: ScopeOverride?
    }

    package enum Item: Sendable, Hashable {
        case tag(Tag)
        /// An opening delimiter without its closing one, at this scalar offset.
        case unclosed(kind: Kind, at: Int)
        /// A closing delimiter `}}` or `%}` without an opening one.
        case unopened(kind: Kind, at: Int)
    }

    /// Whether `text` may hold a tag at all (a quick test before scanning).
    package static func mayContainTag(_ scalars: some Collection<Unicode.Scalar>) -> Bool {
        var previous: Unicode.Scalar = " "
        for scalar in scalars {
            if previous == "{", scalar == "{" || scalar == "%" || scalar == "#" { return true }
            if scalar == "}" && previous == "}" || scalar == "}" && previous == "%" { return true }
            previous = scalar
        }
        return false
    }

    package static func scan(_ scalars: [Unicode.Scalar]) -> [Item] {
        var items: [Item] = []
        var index = 0
        let count = scalars.count
        while index + 1 < count {
            let first = scalars[index]
            let second = scalars[index + 1]
            if (first == "}" && second == "}") || (first == "%" && second == "}") {
                items.append(.unopened(kind: first == "%" ? .statement : .value, at: index))
                index += 2
                continue
            }
            guard first == "{", second == "{" || second == "%" || second == "#" else {
                index += 1
                continue
            }
            let kind: Kind = second == "{" ? .value : second == "%" ? .statement : .comment
            let closing: Unicode.Scalar = second == "{" ? "}" : second == "%" ? "%" : "#"
            var contentStart = index + 2
            var scopeOverride: ScopeOverride?
            if kind == .statement {
                for candidate in [ScopeOverride.row, .column, .paragraph, .inline] {
                    let marker = Array(candidate.rawValue.unicodeScalars)
                    let end = contentStart + marker.count
                    if end < count, Array(scalars[contentStart..<end]) == marker, scalars[end].properties.isWhitespace {
                        scopeOverride = candidate
                        contentStart = end
                        break
                    }
                }
            }
            // Find the closing delimiter, skipping quoted texts.
            var position = contentStart
            var quote: Set<Character>?
            var closedAt: Int?
            while position < count {
                let scalar = scalars[position]
                if let open = quote {
                    if open.contains(Character(scalar)) { quote = nil }
                } else if let closingQuotes = Lexer.closingQuote(for: Character(scalar)), kind != .comment {
                    quote = closingQuotes
                } else if scalar == closing, position + 1 < count, scalars[position + 1] == "}" {
                    closedAt = position
                    break
                } else if kind != .comment, scalar == "{", position + 1 < count,
                    scalars[position + 1] == "{" || scalars[position + 1] == "%"
                {
                    break  // a new tag starts before this one closed
                }
                position += 1
            }
            guard let closedAt else {
                items.append(.unclosed(kind: kind, at: index))
                index += 2
                continue
            }
            var content = String.UnicodeScalarView()
            content.append(contentsOf: scalars[contentStart..<closedAt])
            items.append(
                .tag(
                    Tag(
                        kind: kind, range: index..<(closedAt + 2), content: String(content), contentStart: contentStart,
                        scopeOverride: scopeOverride)))
            index = closedAt + 2
        }
        return items
    }
}
