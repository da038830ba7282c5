public import OrderedCollections

/// A value that templates and rules work with: the data of a document or a network.
///
/// Values come from YAML or JSON data, from the network model, or from evaluating an
/// expression. Objects keep the order of their keys, so output follows the input.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case date(LocalDate)
    case time(LocalTime)
    case list([Value])
    case object(OrderedDictionary<String, Value>)
}

extension Value {
    /// The member `key` of an object, or `nil`.
    public subscript(key: String) -> Value? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The value at a dotted path such as `deelnemer.naam` or `agenda.0.titel`.
    public func value(atPath path: String) -> Value? {
        var current: Value = self
        for component in path.split(separator: ".", omittingEmptySubsequences: false) {
            switch current {
            case .object(let members):
                guard let next = members[String(component)] else { return nil }
                current = next
            case .list(let items):
                guard let index = Int(component), items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }

    /// The Dutch name of the kind of value, for messages ("tekst", "lijst", ...).
    public var kindName: String {
        switch self {
        case .null: "leeg"
        case .bool: "ja/nee-waarde"
        case .int: "geheel getal"
        case .double: "getal"
        case .string: "tekst"
        case .date: "datum"
        case .time: "tijd"
        case .list: "lijst"
        case .object: "object"
        }
    }

    /// Whether the value counts as true in a condition: `false`, `null`, zero, an empty
    /// text, list or object count as false.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .int(let value): value != 0
        case .double(let value): value != 0
        case .string(let value): !value.isEmpty
        case .date, .time: true
        case .list(let items): !items.isEmpty
        case .object(let members): !members.isEmpty
        }
    }

    /// The number, if the value is an integer or a decimal.
    public var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var listValue: [Value]? {
        if case .list(let items) = self { return items }
        return nil
    }

    public var objectValue: OrderedDictionary<String, Value>? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The date, if the value is a date or a text in the form `2024-03-14`.
    public var dateValue: LocalDate? {
        switch self {
        case .date(let date): date
        case .string(let text): LocalDate(iso: text)
        default: nil
        }
    }

    /// The time, if the value is a time or a text such as `13:30` or `13.30`.
    public var timeValue: LocalTime? {
        switch self {
        case .time(let time): time
        case .string(let text): LocalTime(text)
        default: nil
        }
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, Value)...) {
        var dictionary = OrderedDictionary<String, Value>()
        for (key, value) in elements { dictionary[key] = value }
        self = .object(dictionary)
    }
}
