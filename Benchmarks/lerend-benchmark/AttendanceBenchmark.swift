import Foundation
import LerendDocuments
import LerendExpressions

/// Measures the attendance list (`Templates/presentielijst`): one document of N
/// participants in 12 organisations and a column per meeting, the shape
/// `DocumentData.attendanceList` gives, rendered in memory (no disk).
enum AttendanceBenchmark {
    static func data(participants: Int, meetings: Int) -> Value {
        let organisations: [Value] = (1...12).map { number in
            let members: [Value] = stride(from: number, through: participants, by: 12).map { person in
                [
                    "naam": .string("Deelnemer \(person)"), "functie": "teamleider",
                    "organisatie": .string("Organisatie \(number)"),
                ]
            }
            return ["naam": .string("Organisatie \(number)"), "plaats": "Zwolle", "deelnemers": .list(members)]
        }
        let meetingValues: [Value] = (1...meetings).map { number in
            [
                "nummer": .int(number), "datum": .date(LocalDate(year: 2026, month: number, day: 10)!),
                "thema": "Familieparticipatie",
            ]
        }
        return [
            "netwerk": ["naam": "Netwerk Benchmark", "ondersteuner": "Kenniz"], "afzender": ["naam": "Deelnemer 1"],
            "datum_brief": .date(LocalDate(year: 2026, month: 1, day: 5)!),
            "presentielijst": [
                "jaar": 2026, "titel": "Presentielijst Netwerk Benchmark 2026", "aantal_bijeenkomsten": .int(meetings),
                "deelnemers": .list(organisations.flatMap { $0.value(atPath: "deelnemers")?.listValue ?? [] }),
            ],
            "bijeenkomsten": .list(meetingValues), "organisaties": .list(organisations),
        ]
    }

    /// Prints compile time, render time per document (best of `rounds` runs of 20) and size.
    static func table(templates: URL, participants: Int, meetings: Int, rounds: Int) throws {
        print(
            "Presentielijst: \(participants) deelnemers in 12 organisaties, \(meetings) bijeenkomsten als kolommen; in het geheugen."
        )
        print("formaat  compileren  per document  documentgrootte")
        let data = data(participants: participants, meetings: meetings)
        for format in ["odt", "docx"] {
            let path = templates.appending(path: "presentielijst.\(format)").path(percentEncoded: false)
            let compileStart = ContinuousClock.now
            let template = try DocumentTemplate(path: path)
            let compile = (ContinuousClock.now - compileStart) / .milliseconds(1)
            let renderer = DocumentRenderer(template: template)
            var best = Double.infinity
            var size = 0
            for _ in 1...rounds {
                let start = ContinuousClock.now
                for _ in 1...20 { size = try renderer.render(data).count }
                best = min(best, (ContinuousClock.now - start) / .milliseconds(1) / 20)
            }
            print(
                format.padding(toLength: 9, withPad: " ", startingAt: 0)
                    + "\(dutch(compile, decimals: 1)) ms".padding(toLength: 12, withPad: " ", startingAt: 0)
                    + "\(dutch(best, decimals: 2)) ms".padding(toLength: 14, withPad: " ", startingAt: 0)
                    + "\(dutch(Double(size) / 1024, decimals: 1)) KB")
        }
    }
}
