import LerendExpressions

/// Shared helpers: evaluate an expression the way a template prints it, or catch its error.
enum Check {
    /// The text `{{ source }}` prints against `data`.
    static func printed(_ source: String, _ data: Value = [:]) throws -> String {
        try Expression(source).printed(in: EvaluationContext(root: data))
    }

    /// The value of `source` against `data` (missing values are errors).
    static func value(_ source: String, _ data: Value = [:]) throws -> Value {
        try Expression(source).evaluate(data)
    }

    /// The syntax error of `source`, or `nil` when it parses.
    static func parseError(_ source: String) -> ExpressionError? {
        do throws(ExpressionError) {
            _ = try Expression(source)
            return nil
        } catch {
            return error
        }
    }

    /// The first error of parsing or printing `source` against `data`, or `nil`.
    static func error(_ source: String, _ data: Value = [:]) -> ExpressionError? {
        do throws(ExpressionError) {
            _ = try Expression(source).printed(in: EvaluationContext(root: data))
            return nil
        } catch {
            return error
        }
    }

    /// The error of parsing or rendering a text template, or `nil`.
    static func templateError(_ source: String, _ data: Value = [:]) -> ExpressionError? {
        do throws(ExpressionError) {
            _ = try TextTemplate(source).render(data)
            return nil
        } catch {
            return error
        }
    }

    static func date(_ iso: String) -> Value { .date(LocalDate(iso: iso)!) }
    static func time(_ hour: Int, _ minute: Int) -> Value { .time(LocalTime(hour: hour, minute: minute)!) }
}
