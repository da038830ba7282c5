/// What the data an expression reads looks like, so that an expression can be checked
/// before there is any data: a rule about `organisatie.aantal_clienten` must not read
/// `organisatie.clienten`.
public indirect enum Shape: Sendable, Hashable {
    /// Anything; nothing below it is checked.
    case any
    /// A single value: text, number, date, time or yes/no.
    case scalar
    case list(Shape)
    /// An object with known fields; reading another field is an error.
    case object([String: Shape])

    /// The shape of an element, for a list.
    var element: Shape {
        if case .list(let element) = self { return element }
        return .any
    }

    /// The shape of an element of this list (anything when this is not a list).
    public var elementShape: Shape { element }
}

extension Expression {
    /// Every field the expression reads that `root` does not have, as errors with the
    /// place in the expression and a did-you-mean.
    ///
    /// Lambda parameters (`o => o.naam`) take the shape of the list's elements; function
    /// results that are not lists of known elements are not checked further.
    public func unknownFields(in root: Shape, locals: [String: Shape] = [:]) -> [ExpressionError] {
        var checker = ShapeChecker(root: root, locals: locals)
        _ = checker.shape(of: node)
        return checker.errors
    }

    /// The shape of the expression's value, as far as it can be known beforehand.
    public func shape(in root: Shape, locals: [String: Shape] = [:]) -> Shape {
        var checker = ShapeChecker(root: root, locals: locals)
        return checker.shape(of: node)
    }
}
