import LerendDiagnostics
import LerendExpressions

/// Renders the templated parts of one record as XML, without writing a package: the
/// merge takes them apart.
final class RecordRenderer {
    let template: DocumentTemplate

    init(template: DocumentTemplate) { self.template = template }

    /// Every compiled part's XML for `data`, by part name; every error of the record at once.
    ///
    /// - Parameter images: the pictures of the whole merged document, shared by its records:
    ///   a file placed in several records is stored once, under one relationship per part.
    func render(
        _ data: Value, options: RenderOptions, images: ImageSession?, label: String
    ) throws(DiagnosticList) -> [String: [UInt8]] {
        let context = EvaluationContext(root: data, missingValues: options.missingValues, limits: options.limits)
        let identifiers = IdentifierRenumbering()
        var parts: [String: [UInt8]] = [:]
        var errors: [Diagnostic] = []
        for (number, entry) in template.entries.enumerated() {
            guard case .compiled(let part) = entry else { continue }
            var runner = ProgramRunner(context: context, output: part.leading, identifiers: identifiers, part: number)
            runner.images = images
            runner.render(part.program)
            errors += runner.errors
            parts[part.name] = runner.output
        }
        guard errors.isEmpty else {
            for index in errors.indices { errors[index].notes.append("in record '\(label)'") }
            throw DiagnosticList(errors)
        }
        return parts
    }
}
