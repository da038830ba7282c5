/// Dates, times, numbers and lists written the Dutch way.
public enum DutchFormatting: Sendable {
    public static let weekdayNames = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
    public static let shortWeekdayNames = ["ma", "di", "wo", "do", "vr", "za", "zo"]
    public static let monthNames = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
        "november", "december",
    ]
    public static let shortMonthNames = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

    /// The named styles of ``date(_:style:)``, with an example each.
    public static let dateStyles: [(name: String, example: String)] = [
        ("lang", "dinsdag 14 maart 2023"), ("middel", "14 maart 2023"), ("kort", "14-03-2023"),
        ("dag", "di 14 mrt"), ("maand", "maart 2023"), ("iso", "2023-03-14"),
    ]

    /// A date in a named style, or in a pattern of `dddd` (dinsdag), `ddd` (di), `dd`/`d`
    /// (day), `MMMM` (maart), `MMM` (mrt), `MM`/`M` (month), `jjjj`/`yyyy`, `jj`/`yy`.
    /// Text between single quotes is copied as it is.
    public static func date(_ date: LocalDate, style: String) -> String {
        switch style {
        case "lang", "long": return "\(weekdayNames[date.weekday - 1]) \(date.day) \(monthNames[date.month - 1]) \(date.year)"
        case "middel", "medium": return "\(date.day) \(monthNames[date.month - 1]) \(date.year)"
        case "kort", "short": return pattern(date, "dd-MM-jjjj")
        case "dag", "day": return "\(shortWeekdayNames[date.weekday - 1]) \(date.day) \(shortMonthNames[date.month - 1])"
        case "maand", "month": return "\(monthNames[date.month - 1]) \(date.year)"
        case "iso": return date.iso
        default: return pattern(date, style)
        }
    }

    /// Whether `style` is a named date style or a pattern with at least one field.
    static func isDateStyle(_ style: String) -> Bool {
        dateStyles.contains { $0.name == style } || ["long", "medium", "short", "day", "month"].contains(style)
            || style.contains(where: { "dMjy".contains($0) })
    }

    private static func pattern(_ date: LocalDate, _ pattern: String) -> String {
        let characters = Array(pattern)
        var output = ""
        var index = 0
        func padded(_ number: Int, _ width: Int) -> String {
            let text = String(number)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        while index < characters.count {
            let character = characters[index]
            if character == "'" {
                index += 1
                while index < characters.count, characters[index] != "'" {
                    output.append(characters[index])
                    index += 1
                }
                index += 1
                continue
            }
            var run = 1
            while index + run < characters.count, characters[index + run] == character { run += 1 }
            switch (character, run) {
            case ("d", 1): output += String(date.day)
            case ("d", 2): output += padded(date.day, 2)
            case ("d", 3): output += shortWeekdayNames[date.weekday - 1]
            case ("d", _): output += weekdayNames[date.weekday - 1]
            case ("M", 1): output += String(date.month)
            case ("M", 2): output += padded(date.month, 2)
            case ("M", 3): output += shortMonthNames[date.month - 1]
            case ("M", _): output += monthNames[date.month - 1]
            case ("j", 2), ("y", 2): output += padded(date.year % 100, 2)
            case ("j", _), ("y", _): output += padded(date.year, 4)
            default: output += String(repeating: character, count: run)
            }
            index += run
        }
        return output
    }

    /// `13.30 uur` (lang), `13.30` (kort) or `13:30` (dubbelepunt).
    public static func time(_ time: LocalTime, style: String) -> String {
        let minutes = "\(time.minute < 10 ? "0" : "")\(time.minute)"
        switch style {
        case "kort", "short": return "\(time.hour).\(minutes)"
        case "dubbelepunt", "colon": return "\(time.hour < 10 ? "0" : "")\(time.hour):\(minutes)"
        default: return "\(time.hour).\(minutes) uur"
        }
    }

    static let timeStyles = ["lang", "kort", "dubbelepunt", "long", "short", "colon"]

    /// A number with a decimal comma and, when `grouping`, a dot between thousands:
    /// `1.234,5`. With `decimals` the number is rounded (half away from zero) to that many
    /// places; without, it shows the digits it has.
    public static func number(_ value: Double, decimals: Int?, grouping: Bool = true) -> String {
        guard value.isFinite else { return value.isNaN ? "geen getal" : (value < 0 ? "-∞" : "∞") }
        let negative = value < 0
        var integerPart: String
        var fractionPart: String
        var scale = 1.0
        for _ in 0..<max(0, decimals ?? 0) { scale *= 10 }
        // A number so large that its decimals do not fit is shown with the digits it has.
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        if let decimals, scaled.isFinite, scaled < 9e18 {
            let whole = (scaled / scale).rounded(.down)
            integerPart = String(format0(whole))
            let fraction = Int((scaled - whole * scale).rounded())
            let text = String(fraction)
            fractionPart = decimals == 0 ? "" : String(repeating: "0", count: max(0, decimals - text.count)) + text
        } else {
            var text = String(abs(value))
            if text.hasSuffix(".0") { text.removeLast(2) }
            if text.contains("e") { text = String(format0(abs(value))) }
            let pieces = text.split(separator: ".", maxSplits: 1)
            integerPart = String(pieces[0])
            fractionPart = pieces.count > 1 ? String(pieces[1]) : ""
        }
        if grouping { integerPart = group(integerPart) }
        let sign = negative && (integerPart != "0" || fractionPart.contains(where: { $0 != "0" })) ? "-" : ""
        return sign + integerPart + (fractionPart.isEmpty ? "" : "," + fractionPart)
    }

    private static func format0(_ whole: Double) -> String {
        if whole < 9e18 { return String(Int(whole)) }
        return String(whole)
    }

    private static func group(_ digits: String) -> String {
        guard digits.count > 3, digits.allSatisfy(\.isNumber) else { return digits }
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(".") }
            result.append(digit)
        }
        return result
    }

    /// `A, B en C`; with conjunction `of`: `A, B of C`.
    public static func enumeration(_ items: [String], conjunction: String) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
        }
    }

    /// The first letter as a capital; the Dutch digraph `ij` becomes `IJ`.
    public static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        if text.hasPrefix("ij") { return "IJ" + text.dropFirst(2) }
        return first.uppercased() + text.dropFirst()
    }

    // MARK: - The functions

    static let all: [ExpressionFunction] = {
        let datum = ExpressionFunction(
            "datum", arity: 1...2, usage: "datum(d, stijl)",
            summary:
                "Een datum in het Nederlands: 'lang' (dinsdag 14 maart 2023, standaard), 'middel', 'kort' (14-03-2023), 'dag', 'maand', 'iso' of een patroon zoals 'd MMMM jjjj'."
        ) { call throws(ExpressionError) in
            let date = try call.date(0)
            let style = try call.string(1, default: "lang")
            guard isDateStyle(style) else {
                throw call.error(
                    "onbekende datumstijl '\(style)'", argument: 1,
                    hint: "kies uit " + dateStyles.map { "'\($0.name)' (\($0.example))" }.joined(separator: ", "))
            }
            return .string(Self.date(date, style: style))
        }
        let tijd = ExpressionFunction(
            "tijd", arity: 1...2, usage: "tijd(t, stijl)",
            summary: "Een tijd: 'lang' (13.30 uur, standaard), 'kort' (13.30) of 'dubbelepunt' (13:30)."
        ) { call throws(ExpressionError) in
            let time = try call.time(0)
            let style = try call.string(1, default: "lang")
            guard timeStyles.contains(style) else {
                throw call.error("onbekende tijdstijl '\(style)'", argument: 1, hint: "kies uit 'lang', 'kort' of 'dubbelepunt'")
            }
            return .string(Self.time(time, style: style))
        }
        let getal = ExpressionFunction(
            "getal", arity: 1...2, usage: "getal(n, decimalen)",
            summary: "Een getal met decimale komma en punten tussen duizendtallen: 1.234,5; met decimalen afgerond."
        ) { call throws(ExpressionError) in
            let value = try call.number(0)
            let decimals = try call.integerIfGiven(1)
            if let decimals, !(0...10).contains(decimals) {
                throw call.error("het aantal decimalen moet tussen 0 en 10 liggen", argument: 1)
            }
            return .string(number(value, decimals: decimals))
        }
        let bedrag = ExpressionFunction(
            "bedrag", arity: 1...1, usage: "bedrag(n)", summary: "Een bedrag in euro: € 1.234,50."
        ) { call throws(ExpressionError) in
            let value = try call.number(0)
            let text = number(abs(value), decimals: 2)
            return .string((value < 0 ? "-" : "") + "€ " + text)
        }
        let opsomming = ExpressionFunction(
            "opsomming", arity: 1...2, usage: "opsomming(lijst, voegwoord)",
            summary: "Een lijst als 'A, B en C'; met voegwoord 'of': 'A, B of C'."
        ) { call throws(ExpressionError) in
            let items = try call.list(0)
            let conjunction = try call.string(1, default: "en")
            var parts: [String] = []
            for item in items {
                guard let text = item.printedText else {
                    throw call.error(
                        "een lijst van objecten kan niet als opsomming", argument: 0,
                        hint: "kies eerst een veld: map(lijst, x => x.naam) | opsomming")
                }
                parts.append(text)
            }
            return .string(enumeration(parts, conjunction: conjunction))
        }
        return [
            // No alias "date": that name is the function that makes a date (DateFunctions).
            datum, tijd, tijd.alias("time"), getal, getal.alias("number"), bedrag,
            bedrag.alias("currency"), opsomming, opsomming.alias("enumerate"),
        ]
    }()
}
