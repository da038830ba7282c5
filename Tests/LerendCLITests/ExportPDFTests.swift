import Foundation
import Testing

/// `lerend export --pdf` with a stand-in for LibreOffice on the `PATH`: a script that
/// converts as `soffice --convert-to pdf` does and hangs on the letters to one participant.
@Suite struct ExportPDFTests {
    @Test func aLetterThatHangsIsStoppedAndReportedAndEveryOtherLetterGetsItsPDF() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bin = folder.appending(path: "bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let script = """
            #!/bin/bash
            out=""; files=()
            while [ $# -gt 0 ]; do
              case "$1" in
                --outdir) shift; out="$1" ;;
                --convert-to) shift ;;
                -*) ;;
                *) files+=("$1") ;;
              esac
              shift
            done
            for file in "${files[@]}"; do
              name=$(basename "$file")
              case "$name" in *Peter*) sleep 300 ;; esac
              printf '%%PDF-1.4\\n%%%% %s\\n%%%%EOF\\n' "$name" > "$out/${name%.*}.pdf"
            done
            """
        try Data(script.utf8).write(to: bin.appending(path: "soffice"))
        chmod(bin.appending(path: "soffice").path(percentEncoded: false), 0o755)
        let network = Program.repository.appending(path: "samples/netwerken/zorg-dichtbij.yaml").path(percentEncoded: false)
        let result = try Program.run(
            [
                "export", network, "--datum", "2026-01-05", "--document", "uitnodigingen", "-o", "uit", "--pdf",
                "--pdf-wachttijd", "8",
            ], in: folder,
            environment: [
                "PATH": bin.path(percentEncoded: false) + ":/usr/bin:/bin", "HOME": folder.path(percentEncoded: false),
            ])
        #expect(result.status == 1)
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.appending(path: "uit").path(percentEncoded: false))
        let letters = files.filter { $0.hasSuffix(".odt") }
        let pdfs = Set(files.filter { $0.hasSuffix(".pdf") })
        let hanging = letters.filter { $0.contains("Peter") }
        #expect(!hanging.isEmpty)
        #expect(letters.count > hanging.count)
        for letter in letters {
            let pdf = String(letter.dropLast(4)) + ".pdf"
            #expect(pdfs.contains(pdf) == !letter.contains("Peter"), "\(pdf)")
        }
        #expect(result.errors.components(separatedBy: "[A109]").count - 1 == hanging.count)
        #expect(result.errors.contains("na 8 s nog niet klaar"))
        #expect(result.errors.contains("\(hanging.count) PDF-bestand"))
        #expect(result.output.contains("\(letters.count - hanging.count) PDF-bestanden gemaakt"))
    }
}
