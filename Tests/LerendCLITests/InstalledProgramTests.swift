import Foundation
import Testing

/// `scripts/install.sh` lays lerend out as an organiser's machine has it, and the
/// installed program finds its plugins and templates on its own: run from an empty
/// folder outside this checkout, without `LEREND_PLUGINS` or `LEREND_HOME`.
@Suite struct InstalledProgramTests {
    static let samples: [URL] = {
        let folder = Program.repository.appending(path: "samples/netwerken")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appending(path: $0) }
    }()

    /// Every meeting of the samples lies after this date, so each gets its documents.
    static let date = "2026-01-01"

    /// Runs `executable` in `directory` with both output streams in one text, and with
    /// the variables that point lerend at its resources removed.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL) throws -> Program.Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = Program.environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Program.Result(status: process.terminationStatus, output: output, errors: output)
    }

    static func install(_ arguments: [String], in directory: URL) throws -> Program.Result {
        let script = Program.repository.appending(path: "scripts/install.sh").path(percentEncoded: false)
        return try run(URL(filePath: "/bin/bash"), [script] + arguments, in: directory)
    }

    /// A fresh folder outside the checkout, with `prefix/` (for the installation) and
    /// an empty `werk/` (where the program runs), removed by the caller.
    static func folder() throws -> (root: URL, prefix: URL, work: URL) {
        let root = FileManager.default.temporaryDirectory.appending(path: "lerend-installed-\(UUID().uuidString)")
        let work = root.appending(path: "werk")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        return (root, root.appending(path: "prefix"), work)
    }

    /// The files under `folder`, relative, with their sizes.
    static func listing(_ folder: URL) -> [String] {
        let base = folder.path(percentEncoded: false)
        let enumerator = FileManager.default.enumerator(atPath: base)
        var result: [String] = []
        while let path = enumerator?.nextObject() as? String {
            let attributes = try? FileManager.default.attributesOfItem(atPath: base + "/" + path)
            guard attributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            result.append("\(path) \(attributes?[.size] as? Int ?? -1)")
        }
        return result.sorted()
    }

    static func text(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    @Test func installLaysOutProgramPluginsTemplatesDocsAndCompletions() throws {
        let (root, prefix, work) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let arguments = [
            "--prefix", prefix.path(percentEncoded: false), "--binary", Program.executable.path(percentEncoded: false),
        ]
        let result = try Self.install(arguments, in: work)
        try #require(result.status == 0, "install.sh: \(result.output)")
        let files = FileManager.default
        #expect(files.isExecutableFile(atPath: prefix.appending(path: "bin/lerend").path(percentEncoded: false)))

        let repository = Program.repository
        let bundles = try files.contentsOfDirectory(atPath: repository.appending(path: "Plugins").path(percentEncoded: false))
            .filter {
                files.fileExists(atPath: repository.appending(path: "Plugins/\($0)/plugin.yaml").path(percentEncoded: false))
            }
        #expect(bundles.count >= 3)
        for bundle in bundles {
            #expect(
                Self.listing(prefix.appending(path: "share/lerend/Plugins/\(bundle)"))
                    == Self.listing(repository.appending(path: "Plugins/\(bundle)")), "bundle \(bundle) complete")
        }
        let templates = try files.contentsOfDirectory(atPath: repository.appending(path: "Templates").path(percentEncoded: false))
            .filter { $0.hasSuffix(".odt") || $0.hasSuffix(".docx") || $0.hasSuffix(".txt") }.sorted()
        #expect(templates.count == 9, "four templates in two formats and the e-mail text")
        #expect(
            try files.contentsOfDirectory(atPath: prefix.appending(path: "share/lerend/Templates").path(percentEncoded: false))
                .sorted()
                == templates, "the templates, without bron/")

        let docs = try files.contentsOfDirectory(atPath: repository.appending(path: "Docs").path(percentEncoded: false))
            .filter { $0.hasSuffix(".md") }
        #expect(!docs.isEmpty)
        #expect(
            Self.text(prefix.appending(path: "share/doc/lerend/README.md")) == Self.text(repository.appending(path: "README.md")))
        for document in docs {
            #expect(
                Self.text(prefix.appending(path: "share/doc/lerend/Docs/\(document)"))
                    == Self.text(repository.appending(path: "Docs/\(document)")), "\(document) installed")
        }

        let bash = Self.text(prefix.appending(path: "share/bash-completion/completions/lerend"))
        #expect(bash.contains("-F _lerend lerend"), "bash completion")
        let zsh = Self.text(prefix.appending(path: "share/zsh/site-functions/_lerend"))
        #expect(zsh.hasPrefix("#compdef lerend"), "zsh completion")
        let fish = Self.text(prefix.appending(path: "share/fish/vendor_completions.d/lerend.fish"))
        #expect(fish.contains("complete -c 'lerend'"), "fish completion")
        #expect(bash.contains("export") && zsh.contains("export") && fish.contains("export"), "the subcommands are offered")

        // Again: the same tree, no error.
        let before = Self.listing(prefix)
        let again = try Self.install(arguments, in: work)
        #expect(again.status == 0, "second install.sh: \(again.output)")
        #expect(Self.listing(prefix) == before)

        let refused = try Self.install(["--prefx", prefix.path(percentEncoded: false)], in: work)
        #expect(refused.status != 0)
        #expect(refused.output.contains("onbekende optie: --prefx"))
        #expect(refused.output.contains("gebruik: scripts/install.sh [--prefix MAP] [--binary PROGRAMMA]"))
    }

    @Test func installedProgramRunsEverySampleWithItsOwnPluginsAndTemplates() throws {
        let (root, prefix, work) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let install = try Self.install(
            ["--prefix", prefix.path(percentEncoded: false), "--binary", Program.executable.path(percentEncoded: false)], in: work
        )
        try #require(install.status == 0, "install.sh: \(install.output)")
        let lerend = prefix.appending(path: "bin/lerend")
        try #require(!Self.samples.isEmpty)

        for sample in Self.samples {
            let name = sample.lastPathComponent
            try FileManager.default.copyItem(at: sample, to: work.appending(path: name))

            // check fails when the network breaks a rule (a sample does, on purpose); it has
            // loaded the network and its plugins when it ends with the count.
            let check = try Self.run(lerend, ["check", name, "--datum", Self.date], in: work)
            let summary = check.output.split(separator: "\n").last { $0.hasSuffix(" advies") || $0.hasSuffix(" adviezen") }
            let errors = summary.flatMap { Int($0.prefix { $0.isNumber }) }
            #expect(errors != nil, "\(name): check checked the network: \(check.output)")
            #expect(check.status == ((errors ?? 0) > 0 ? 1 : 0), "\(name): check's status follows its errors")

            let status = try Self.run(lerend, ["status", name, "--datum", Self.date], in: work)
            #expect(status.status == 0, "\(name): status: \(status.output)")
            #expect(status.output.contains("\nNu: "), "\(name): status names the current step")

            let plan = try Self.run(lerend, ["plan", name, "--datum", Self.date], in: work)
            #expect(plan.status == 0, "\(name): plan: \(plan.output)")
            #expect(!plan.output.isEmpty)

            let calendar = try Self.run(lerend, ["calendar", name, "--datum", Self.date, "-o", "\(name).ics"], in: work)
            #expect(calendar.status == 0, "\(name): calendar: \(calendar.output)")
            #expect(
                Self.text(work.appending(path: "\(name).ics")).contains("BEGIN:VEVENT"), "\(name): calendar wrote its meetings")

            for format in ["odt", "docx"] {
                let folder = "documenten-\(name)-\(format)"
                let export = try Self.run(
                    lerend, ["export", name, "--datum", Self.date, "--format", format, "-o", folder], in: work)
                #expect(export.status == 0, "\(name): export --format \(format): \(export.output)")
                let written = Self.listing(work.appending(path: folder))
                #expect(!written.isEmpty, "\(name): export --format \(format) wrote documents")
                #expect(written.allSatisfy { $0.contains(".\(format) ") }, "\(name): only .\(format) files: \(written)")
                for kind in ["plan van aanpak", "agenda", "uitnodigingen/uitnodiging"] {
                    #expect(written.contains { $0.hasPrefix(kind) }, "\(name): export --format \(format) wrote a \(kind)")
                }
                #expect(export.output.contains("\(written.count) documenten geschreven"), "\(name): \(export.output)")
            }
            #expect(try Data(contentsOf: work.appending(path: name)) == Data(contentsOf: sample), "\(name) is left as it was")
        }

        // A plugin author's start: the new bundle gets the installed templates and passes.
        let made = try Self.run(lerend, ["plugin", "nieuw", "eigen"], in: work)
        #expect(made.status == 0, "plugin nieuw: \(made.output)")
        #expect(made.output.contains("sjablonen/agenda.docx"), "the installed templates are copied in")
        let tested = try Self.run(lerend, ["plugin", "toets", "eigen"], in: work)
        #expect(tested.status == 0, "plugin toets: \(tested.output)")
        let installed = prefix.appending(path: "share/lerend/Plugins/kenniz").path(percentEncoded: false)
        let builtIn = try Self.run(lerend, ["plugin", "toets", installed, "--volledig"], in: work)
        #expect(builtIn.status == 0, "plugin toets of the installed kenniz: \(builtIn.output)")
    }
}
