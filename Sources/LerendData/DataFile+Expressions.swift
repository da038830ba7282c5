public import LerendDiagnostics
public import LerendExpressions

extension DataFile {
    /// Parses the scalar `node` as an expression; a syntax error or an unknown function
    /// points at its exact column in this file.
    public func expression(at node: DataNode, library: FunctionLibrary = .standard) throws(Diagnostic) -> Expression {
        guard case .scalar(let scalar) = node else {
            throw diagnostic(
                id: "D203", "hier hoort een uitdrukking, maar dit is een \(node.kindName)", at: node,
                hint: "schrijf de voorwaarde op één regel, bijvoorbeeld: count(organisaties) >= 3")
        }
        do throws(ExpressionError) {
            return try Expression(scalar.text, library: library)
        } catch {
            throw located(error, in: scalar)
        }
    }

    /// Parses the scalar `node` as a text with `{{ }}` tags, such as a message.
    public func textTemplate(at node: DataNode, library: FunctionLibrary = .standard) throws(Diagnostic) -> TextTemplate {
        guard case .scalar(let scalar) = node else {
            throw diagnostic(id: "D204", "hier hoort een tekst, maar dit is een \(node.kindName)", at: node)
        }
        do throws(ExpressionError) {
            return try TextTemplate(scalar.text, library: library)
        } catch {
            throw located(error, in: scalar)
        }
    }

    /// An expression error about the text of `node`, placed in the file.
    public func located(_ error: ExpressionError, at node: DataNode) -> Diagnostic {
        guard case .scalar(let scalar) = node else { return diagnostic(id: error.id, error.message, at: node, hint: error.hint) }
        return located(error, in: scalar)
    }

    /// An expression error placed in the file: on the scalar's own line when the scalar is
    /// written on one line, else at the scalar.
    func located(_ error: ExpressionError, in scalar: DataNode.Scalar) -> Diagnostic {
        let lineNumber = scalar.location.line ?? 0
        if let text = line(lineNumber), let column = scalar.location.column, !scalar.text.contains("\n") {
            return error.diagnostic(
                in: text, at: SourceLocation(file: path, line: lineNumber, column: column),
                columnOffset: column - 1 + (scalar.isQuoted ? 1 : 0))
        }
        var diagnostic = error.diagnostic(in: scalar.text, at: scalar.location)
        diagnostic.sourceLine = nil
        return diagnostic
    }
}
