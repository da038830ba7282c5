/// The bounds on one render of a template or a text, so that no template or rule, however
/// hostile, can loop for ever or fill the memory.
///
/// The defaults are generous: a plan that lists every participant of a 100,000-participant
/// network with each of their meetings stays well within them.
public struct RenderLimits: Sendable, Hashable {
    /// Loop iterations in all loops of one document together, nested loops included.
    public var iterations: Int
    /// Bytes of output of one document (or one part of it).
    public var outputBytes: Int

    public init(iterations: Int = 2_000_000, outputBytes: Int = 128 * 1_048_576) {
        self.iterations = iterations
        self.outputBytes = outputBytes
    }

    /// The limits every render has unless its caller sets others.
    public static let standard = RenderLimits()
}

/// The longest text one expression may build with `~`, `+`, `join` or `replace`.
package enum TextLimit {
    package static let bytes = 16 * 1_048_576

    /// Throws when a text of `count` bytes would pass the limit.
    static func check(_ count: Int, span: SourceSpan) throws(ExpressionError) {
        guard count > bytes else { return }
        throw ExpressionError(
            id: ExpressionErrorID.textTooLong,
            "de tekst wordt te lang (\(count / 1_048_576) MB; een expressie maakt hoogstens \(bytes / 1_048_576) MB tekst)",
            span: span, hint: "is een lus of 'join' over de verkeerde lijst gezet?")
    }

    /// The length of `parts` joined with `separator`, without building it; `Int.max` on
    /// overflow.
    static func joinedCount(_ parts: [String], separator: String) -> Int {
        var total = 0
        for part in parts {
            let (sum, overflow) = total.addingReportingOverflow(part.utf8.count)
            if overflow { return .max }
            total = sum
        }
        let (separators, overflow) = separator.utf8.count.multipliedReportingOverflow(by: max(0, parts.count - 1))
        if overflow { return .max }
        let (sum, overflowSum) = total.addingReportingOverflow(separators)
        return overflowSum ? .max : sum
    }
}

extension EvaluationContext {
    /// Counts one loop iteration against ``limits``; throws when the budget is spent.
    public func spendIteration(at span: SourceSpan) throws(ExpressionError) {
        iterationsUsed += 1
        guard iterationsUsed > limits.iterations else { return }
        throw ExpressionError(
            id: ExpressionErrorID.iterationBudget,
            "de lussen van dit document komen samen boven de \(DutchFormatting.number(Double(limits.iterations), decimals: 0, grouping: true)) herhalingen",
            span: span, hint: "staat er een lus in een lus over een lange lijst, of een range() die te groot is?")
    }

    /// Throws when `count` bytes of output pass ``limits``.
    public func checkOutput(_ count: Int, at span: SourceSpan) throws(ExpressionError) {
        guard count > limits.outputBytes else { return }
        throw ExpressionError(
            id: ExpressionErrorID.outputBudget,
            "het document wordt groter dan \(limits.outputBytes / 1_048_576) MB",
            span: span, hint: "staat er een lus in een lus over een lange lijst?")
    }
}
