import Foundation
import LerendData
import LerendExpressions

@testable import LerendDocuments

/// The sample data of `samples/uitnodiging/`, as the command line reads it.
enum SampleData {
    static let path = TestPackage.repository.appending(path: "samples/uitnodiging/gegevens.yaml").path(percentEncoded: false)

    static func file() throws -> DataFile { try DataFile.load(path: path) }
    /// The options of `lerend render` with the sample data: pictures (the logo) beside it.
    static let options = RenderOptions(imageFolders: .beside(path))

    /// The data of the invitation of participant `index`: the shared data with
    /// `deelnemer` bound to that participant.
    static func invitation(for index: Int) throws -> Value {
        let data = try file().value
        guard case .list(let participants) = data.value(atPath: "deelnemers") ?? .null else {
            throw MissingPart(description: "no deelnemers in the sample")
        }
        return MailMerge.recordData(participants[index], shared: data, binding: "deelnemer")
    }
}
