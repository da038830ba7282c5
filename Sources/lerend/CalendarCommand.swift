import ArgumentParser
import Foundation
import LerendCalendar
import LerendExpressions
import LerendNetwork

/// `lerend calendar`: the meetings of a network as an iCalendar file.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Schrijft de bijeenkomsten als agendabestand (.ics) voor Outlook, Google Agenda en Agenda.",
        discussion: """
            Elke bijeenkomst houdt bij een nieuwe export dezelfde UID (netwerk en volgnummer), \
            zodat opnieuw importeren de afspraak bijwerkt in plaats van verdubbelt.
            """)

    @OptionGroup var options: NetworkOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Het agendabestand dat ontstaat.", valueName: "bestand.ics"))
    var output: String

    func run() throws {
        let networkFile = try options.loadNetwork()
        let data = networkFile.value(on: options.date)
        let events = Self.events(networkFile.network, data: data)
        let writer = ICalendarWriter(name: networkFile.network.name, stamp: (options.date, LocalTime(hour: 0, minute: 0)!))
        do {
            try Data(writer.write(events).utf8).write(to: URL(filePath: output), options: .atomic)
        } catch {
            Console.error("fout: kan '\(output)' niet schrijven: \(error.localizedDescription)")
            throw ExitCode.failure
        }
        Console.print("geschreven: \(output) (\(events.count) \(events.count == 1 ? "bijeenkomst" : "bijeenkomsten"))")
    }

    /// One event per meeting with a date, in date order.
    static func events(_ network: Network, data: Value) -> [CalendarEvent] {
        guard case .list(let meetings) = data.value(atPath: "bijeenkomsten") ?? .null else { return [] }
        let slug = String(network.name.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
        return meetings.compactMap { meeting -> CalendarEvent? in
            guard let date = meeting.value(atPath: "datum")?.dateValue,
                  case .int(let number) = meeting.value(atPath: "nummer") ?? .null else { return nil }
            let start = meeting.value(atPath: "begintijd")?.timeValue ?? LocalTime(hour: 13, minute: 30)!
            var duration = 150
            if case .int(let minutes) = meeting.value(atPath: "duur_minuten") ?? .null { duration = minutes }
            let text = { (path: String) -> String? in
                if case .string(let value) = meeting.value(atPath: path) ?? .null, !value.isEmpty { return value }
                return nil
            }
            let place = [text("locatie.naam"), text("locatie.adres"),
                         [text("locatie.postcode"), text("locatie.plaats")].compactMap { $0 }.joined(separator: " ")]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            var description: [String] = []
            if let theme = text("thema") { description.append("Thema: \(theme)") }
            if case .list(let names) = meeting.value(atPath: "voorbereiders") ?? .null, !names.isEmpty {
                description.append("Voorbereiding: " + DutchFormatting.enumeration(names.compactMap(\.stringValue), conjunction: "en"))
            }
            if let host = text("gastheer") { description.append("Gastheer: \(host)") }
            if let facilitator = text("gespreksleider") { description.append("Gespreksleider: \(facilitator)") }
            if let link = text("online_link") { description.append("Online: \(link)") }
            if case .list(let items) = meeting.value(atPath: "agenda") ?? .null, !items.isEmpty {
                description.append("Agenda:")
                for item in items {
                    let time = item.value(atPath: "begintijd")?.timeValue.map { DutchFormatting.time($0, style: "kort") + " " } ?? ""
                    description.append("- \(time)\(item.value(atPath: "titel")?.stringValue ?? "")")
                }
            }
            let theme = text("thema").map { ": \($0)" } ?? ""
            return CalendarEvent(
                uid: "\(slug)-bijeenkomst-\(number)@lerend", summary: "\(network.name), bijeenkomst \(number)\(theme)",
                description: description.joined(separator: "\n"),
                location: place.isEmpty ? (text("online_link") ?? text("vorm")) : place, url: text("online_link"),
                date: date, start: start, durationMinutes: duration)
        }.sorted { $0.date < $1.date }
    }
}
