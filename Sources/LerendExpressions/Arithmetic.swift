/// The arithmetic operators on values.
enum Arithmetic {
    /// A date that would fall before year 1 or after 9999.
    static func outsideCalendar(span: SourceSpan) -> ExpressionError {
        ExpressionError(
            id: ExpressionErrorID.overflow,
            "de datum valt buiten de jaartallen \(LocalDate.supportedYears.lowerBound) tot en met \(LocalDate.supportedYears.upperBound)",
            span: span)
    }

    static func apply(
        _ operation: ArithmeticOperator, _ left: Value, _ right: Value, span: SourceSpan
    ) throws(ExpressionError) -> Value {
        func failure() -> ExpressionError {
            ExpressionError(
                id: ExpressionErrorID.wrongKind,
                "'\(operation.rawValue)' kan niet met een \(left.kindName) en een \(right.kindName)", span: span)
        }
        func overflow() -> ExpressionError {
            ExpressionError(id: ExpressionErrorID.overflow, "de uitkomst is te groot", span: span)
        }
        if operation == .concatenate {
            guard let a = left.printedText, let b = right.printedText else { throw failure() }
            try TextLimit.check(a.utf8.count + b.utf8.count, span: span)
            return .string(a + b)
        }
        switch (operation, left, right) {
        case (.add, .int(let a), .int(let b)):
            let (result, overflowed) = a.addingReportingOverflow(b)
            if overflowed { throw overflow() }
            return .int(result)
        case (.subtract, .int(let a), .int(let b)):
            let (result, overflowed) = a.subtractingReportingOverflow(b)
            if overflowed { throw overflow() }
            return .int(result)
        case (.multiply, .int(let a), .int(let b)):
            let (result, overflowed) = a.multipliedReportingOverflow(by: b)
            if overflowed { throw overflow() }
            return .int(result)
        case (.add, .string(let a), .string(let b)):
            try TextLimit.check(a.utf8.count + b.utf8.count, span: span)
            return .string(a + b)
        case (.add, .list(let a), .list(let b)):
            return .list(a + b)
        case (.add, .date(let date), .int(let days)), (.add, .int(let days), .date(let date)):
            guard let result = date.checkedAdding(days: days) else { throw outsideCalendar(span: span) }
            return .date(result)
        case (.subtract, .date(let date), .int(let days)):
            guard days != .min, let result = date.checkedAdding(days: -days) else { throw outsideCalendar(span: span) }
            return .date(result)
        case (.add, .time(let time), .int(let minutes)):
            return .time(time.adding(minutes: minutes))
        case (.subtract, .time(let time), .int(let minutes)):
            return .time(time.adding(minutes: -(minutes % 1440)))
        case (.subtract, _, _) where left.dateValue != nil && right.dateValue != nil:
            return .int(right.dateValue!.days(until: left.dateValue!))
        case (.subtract, .time(let a), .time(let b)):
            return .int(a.minutesSinceMidnight - b.minutesSinceMidnight)
        default:
            break
        }
        guard let a = left.number, let b = right.number else { throw failure() }
        switch operation {
        case .add: return .double(a + b)
        case .subtract: return .double(a - b)
        case .multiply: return .double(a * b)
        case .divide:
            guard b != 0 else { throw ExpressionError(id: ExpressionErrorID.divisionByZero, "delen door nul", span: span) }
            if case .int(let x) = left, case .int(let y) = right, x.remainderReportingOverflow(dividingBy: y).partialValue == 0 {
                // Int.min / -1 does not fit in an integer.
                let (quotient, overflowed) = x.dividedReportingOverflow(by: y)
                if overflowed { throw overflow() }
                return .int(quotient)
            }
            return .double(a / b)
        case .floorDivide:
            guard b != 0 else { throw ExpressionError(id: ExpressionErrorID.divisionByZero, "delen door nul", span: span) }
            if case .int(let x) = left, case .int(let y) = right {
                // In integers, so that large numbers stay exact and Int.min // -1 is an error, not a crash.
                let (quotient, overflowed) = x.dividedReportingOverflow(by: y)
                if overflowed { throw overflow() }
                return .int(x % y != 0 && (x < 0) != (y < 0) ? quotient - 1 : quotient)
            }
            return .double((a / b).rounded(.down))
        case .remainder:
            guard b != 0 else { throw ExpressionError(id: ExpressionErrorID.divisionByZero, "delen door nul", span: span) }
            if case .int(let x) = left, case .int(let y) = right {
                // The sign of the divisor, as in Python; without overflow for Int.min % -1 or large divisors.
                let rest = x.remainderReportingOverflow(dividingBy: y).partialValue
                return .int(rest != 0 && (rest < 0) != (y < 0) ? rest + y : rest)
            }
            return .double(a - b * (a / b).rounded(.down))
        case .concatenate:
            throw failure()
        }
    }
}

/// Equality and order between values, across kinds where that makes sense
/// (an integer and a decimal, a date and its ISO text).
package enum Comparison {
    package static func equal(_ left: Value, _ right: Value) -> Bool {
        if let a = left.number, let b = right.number { return a == b }
        switch (left, right) {
        case (.date(let date), .string(let text)), (.string(let text), .date(let date)):
            return LocalDate(iso: text) == date
        case (.time(let time), .string(let text)), (.string(let text), .time(let time)):
            return LocalTime(text) == time
        default:
            return left == right
        }
    }

    /// Negative when `left` comes first, zero when equal, positive after; `nil` when the
    /// two cannot be ordered.
    package static func order(_ left: Value, _ right: Value) -> Int? {
        if let a = left.number, let b = right.number { return a < b ? -1 : a > b ? 1 : 0 }
        switch (left, right) {
        case (.string(let a), .string(let b)):
            return a < b ? -1 : a > b ? 1 : 0
        case (.date, _), (_, .date):
            guard let a = left.dateValue, let b = right.dateValue else { return nil }
            return a < b ? -1 : a > b ? 1 : 0
        case (.time, _), (_, .time):
            guard let a = left.timeValue, let b = right.timeValue else { return nil }
            return a < b ? -1 : a > b ? 1 : 0
        case (.bool(let a), .bool(let b)):
            return a == b ? 0 : (a ? 1 : -1)
        default:
            return nil
        }
    }
}
