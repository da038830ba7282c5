import LerendDocuments
import Testing

@Suite struct SafeFileNameTests {
    @Test(arguments: [
        ("uitnodiging Anna de Vries", "uitnodiging Anna de Vries"),
        ("Jan/Piet: de \"beste\"?", "Jan_Piet_ de _beste"),
        ("../../etc/passwd", "etc_passwd"),
        ("..", "document"),
        ("Zorggroep Ölçer 😀 & co", "Zorggroep Ölçer & co"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("  . verborgen .  ", "verborgen"),
        ("tab\there\nnewline", "tab here newline"),
        ("a\\b|c*d<e>f", "a_b_c_d_e_f"),
    ])
    func namesAreSafe(input: String, expected: String) {
        #expect(SafeFileName.make(input) == expected)
    }

    @Test func longNamesAreCutAtACharacterBoundary() {
        let name = SafeFileName.make(String(repeating: "é", count: 200))
        #expect(name.utf8.count <= SafeFileName.maximumBytes)
        #expect(name.allSatisfy { $0 == "é" })
    }

    @Test func duplicateNamesGetANumberIgnoringCase() {
        let names = SafeFileName.distinct(["Anna", "anna", "Bo", "Anna", "Anna (2)"], fileExtension: "docx")
        #expect(names == ["Anna.docx", "anna (2).docx", "Bo.docx", "Anna (3).docx", "Anna (2) (2).docx"])
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
    }
}
