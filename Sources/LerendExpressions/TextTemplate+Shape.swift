extension TextTemplate {
    /// Every field the template reads that `root` does not have; spans are places in
    /// ``source``. Loop variables take the shape of their list's elements.
    public func unknownFields(in root: Shape, locals: [String: Shape] = [:]) -> [ExpressionError] {
        var errors: [ExpressionError] = []
        Self.check(segments, root: root, locals: locals, errors: &errors)
        return errors
    }

    private static func check(_ segments: [Segment], root: Shape, locals: [String: Shape], errors: inout [ExpressionError]) {
        func shifted(_ found: [ExpressionError], by offset: Int) -> [ExpressionError] {
            found.map { $0.shifted(by: offset) }
        }
        for segment in segments {
            switch segment {
            case .leaf(.text):
                continue
            case .leaf(.value(let expression, let offset)):
                errors += shifted(expression.unknownFields(in: root, locals: locals), by: offset)
            case .loop(let loop, let body, let empty):
                errors += shifted(loop.iterable.unknownFields(in: root, locals: locals), by: loop.origin)
                var checker = ShapeChecker(root: root, locals: locals)
                var inner = locals
                inner[loop.variable] = checker.shape(of: loop.iterable.node).element
                inner["loop"] = .any
                check(body, root: root, locals: inner, errors: &errors)
                check(empty, root: root, locals: locals, errors: &errors)
            case .condition(let branches, let otherwise):
                for branch in branches {
                    errors += shifted(branch.condition.unknownFields(in: root, locals: locals), by: branch.origin)
                    check(branch.body, root: root, locals: locals, errors: &errors)
                }
                check(otherwise, root: root, locals: locals, errors: &errors)
            }
        }
    }
}
