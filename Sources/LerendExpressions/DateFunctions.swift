/// Functions that compute with dates.
enum DateFunctions {
    static let all: [ExpressionFunction] = {
        let date = ExpressionFunction(
            "date", arity: 1...3, usage: "date('2024-07-01') of date(jaar, maand, dag)",
            summary: "Een datum uit een tekst JJJJ-MM-DD, of uit jaar, maand en dag."
        ) { call throws(ExpressionError) in
            if call.count == 3 {
                guard let date = LocalDate(year: try call.integer(0), month: try call.integer(1), day: try call.integer(2))
                else { throw call.error("deze datum bestaat niet") }
                return .date(date)
            }
            if call.count == 2 {
                // `dag | date('kort')` would otherwise drop the style without a word.
                throw call.error(
                    "'date' maakt een datum uit één tekst of uit jaar, maand en dag", argument: 1,
                    hint: "om een datum af te drukken: datum(d, stijl), zoals d | datum('kort')")
            }
            return .date(try call.date(0))
        }
        let daysBetween = ExpressionFunction(
            "days_between", arity: 2...2, usage: "days_between(van, tot)",
            summary: "Het aantal dagen van de eerste tot de tweede datum (negatief als de tweede eerder is)."
        ) { call throws(ExpressionError) in .int(try call.date(0).days(until: try call.date(1))) }
        let weekday = ExpressionFunction(
            "weekday", arity: 1...1, usage: "weekday(d)", summary: "De dag van de week: 1 is maandag, 7 is zondag."
        ) { call throws(ExpressionError) in .int(try call.date(0).weekday) }
        let year = ExpressionFunction(
            "year", arity: 1...1, usage: "year(d)", summary: "Het jaar van een datum."
        ) { call throws(ExpressionError) in .int(try call.date(0).year) }
        let month = ExpressionFunction(
            "month", arity: 1...1, usage: "month(d)", summary: "De maand van een datum (1-12)."
        ) { call throws(ExpressionError) in .int(try call.date(0).month) }
        let day = ExpressionFunction(
            "day", arity: 1...1, usage: "day(d)", summary: "De dag van de maand."
        ) { call throws(ExpressionError) in .int(try call.date(0).day) }
        let addDays = ExpressionFunction(
            "add_days", arity: 2...2, usage: "add_days(d, n)", summary: "De datum n dagen later (negatief: eerder)."
        ) { call throws(ExpressionError) in
            guard let result = try call.date(0).checkedAdding(days: try call.integer(1)) else { throw call.outsideCalendar() }
            return .date(result)
        }
        let addMonths = ExpressionFunction(
            "add_months", arity: 2...2, usage: "add_months(d, n)",
            summary: "Dezelfde dag n maanden later; bestaat die dag niet, dan de laatste van de maand."
        ) { call throws(ExpressionError) in
            guard let result = try call.date(0).checkedAdding(months: try call.integer(1)) else { throw call.outsideCalendar() }
            return .date(result)
        }
        let minutesBetween = ExpressionFunction(
            "minutes_between", arity: 2...2, usage: "minutes_between(van, tot)",
            summary: "Het aantal minuten tussen twee tijden op één dag."
        ) { call throws(ExpressionError) in
            .int(try call.time(1).minutesSinceMidnight - (try call.time(0).minutesSinceMidnight))
        }
        return [date, daysBetween, weekday, year, month, day, addDays, addMonths, minutesBetween]
    }()
}
