import Foundation
import Testing

/// `lerend plugin`, as the author of a plugin at a supporting organisation uses it, and
/// as an organiser installs what she sends.
@Suite struct PluginCommandTests {
    /// The rule the author writes instead of the one `plugin nieuw` gave her.
    static let rules = """
        regelset: Afspraken Zorggroep Oost
        versie: "2026"
        bron: Afsprakennotitie netwerken 2026
        voorbeelden:
          peildatum: 2026-01-15
          netwerk: voorbeelden/netwerk.yaml
        regels:
          - id: ZO-01
            ernst: fout
            voor_elk: b in bijeenkomsten
            wanneer: weekday(b.datum) == 1
            melding: "Bijeenkomst {{ b.nummer }} valt op een maandag; dan vergaderen de teams al."
            bron: Op maandag plannen we geen netwerkbijeenkomsten.
            voorbeelden:
              - verwacht: gaat af
                uitleg: maandag 9 maart
                wijzig: {bijeenkomsten.1.datum: 2026-03-09}
              - verwacht: gaat niet af
                uitleg: dinsdagen

        """

    static let network = """
        netwerk:
          naam: Netwerk Oost
          plugin: zorggroep-oost
        organisaties: [{naam: De Linde}, {naam: Het Baken}, {naam: Avondrood}]
        bijeenkomsten:
          - datum: 2026-04-13
            gastheer: De Linde

        """

    @Test func anAuthorMakesTestsPacksAndShipsAPluginThatAnOrganiserInstallsAndUses() throws {
        let author = try Program.folder()
        let organiser = try Program.folder()
        defer {
            try? FileManager.default.removeItem(at: author)
            try? FileManager.default.removeItem(at: organiser)
        }
        let home = ["XDG_DATA_HOME": organiser.appending(path: "data").path(percentEncoded: false)]

        let made = try Program.run(["plugin", "nieuw", "zorggroep-oost"], in: author)
        #expect(made.status == 0, "\(made.errors)")
        #expect(made.output.contains("regels.yaml"))
        #expect(made.output.contains("sjablonen/uitnodiging.odt"))
        #expect(
            FileManager.default.fileExists(atPath: author.appending(path: "zorggroep-oost/README.md").path(percentEncoded: false))
        )

        try Data(Self.rules.utf8).write(to: author.appending(path: "zorggroep-oost/regels.yaml"))
        let tested = try Program.run(["plugin", "toets", "zorggroep-oost"], in: author)
        #expect(tested.status == 0, "\(tested.output)\(tested.errors)")
        #expect(tested.output.contains("goed  ZO-01 gaat af  regels.yaml:15:9  maandag 9 maart"), "\(tested.output)")
        #expect(tested.output.contains("goed  ZO-01 gaat niet af  regels.yaml:18:9  dinsdagen"))
        #expect(
            tested.output.hasSuffix(
                "zorggroep-oost: 8 voorbeelden, 8 goed, 0 fout; elke regel en taak heeft een voorbeeld van elke soort\n"))

        let packed = try Program.run(["plugin", "pak", "zorggroep-oost"], in: author)
        #expect(packed.status == 0, "\(packed.errors)")
        #expect(packed.output.hasPrefix("zorggroep-oost 0.1.0: 13 bestanden in zorggroep-oost-0.1.0.lerendplugin ("))

        let archive = organiser.appending(path: "zorggroep-oost-0.1.0.lerendplugin")
        try FileManager.default.moveItem(at: author.appending(path: "zorggroep-oost-0.1.0.lerendplugin"), to: archive)
        try FileManager.default.removeItem(at: author.appending(path: "zorggroep-oost"))
        let installed = try Program.run(
            ["plugin", "installeer", "zorggroep-oost-0.1.0.lerendplugin"], in: organiser, environment: home)
        #expect(installed.status == 0, "\(installed.errors)")
        #expect(
            installed.output.hasPrefix(
                "zorggroep-oost 0.1.0 geïnstalleerd in \(home["XDG_DATA_HOME"]!)/lerend/plugins/zorggroep-oost"))

        // From an empty folder with only the network file: the plugin is found in the
        // organiser's own plugin folder.
        let empty = try Program.folder()
        defer { try? FileManager.default.removeItem(at: empty) }
        try Data(Self.network.utf8).write(to: empty.appending(path: "netwerk.yaml"))
        let checked = try Program.run(["check", "netwerk.yaml", "--datum", "2026-01-15"], in: empty, environment: home)
        #expect(checked.status == 1)
        #expect(
            checked.output.contains(
                "netwerk.yaml:6:5: fout[ZO-01]: Bijeenkomst 1 valt op een maandag; dan vergaderen de teams al."),
            "\(checked.output)\(checked.errors)")

        let listed = try Program.run(["plugin", "lijst"], in: empty, environment: home)
        #expect(listed.output.contains("/lerend/plugins (je eigen pluginmap)\n  zorggroep-oost  0.1.0  Zorggroep oost"))
        let removed = try Program.run(["plugin", "verwijder", "zorggroep-oost"], in: empty, environment: home)
        #expect(removed.status == 0, "\(removed.errors)")
        let again = try Program.run(["check", "netwerk.yaml"], in: empty, environment: home)
        #expect(again.errors.contains("fout[P101]: plugin 'zorggroep-oost' is niet gevonden"))
    }

    @Test(arguments: ["kenniz", "waardigheid-en-trots", "kwaliteitskader-2017"])
    func everyBuiltInBundlePassesItsOwnExamples(bundle: String) throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = Program.repository.appending(path: "Plugins/\(bundle)").path(percentEncoded: false)
        let result = try Program.run(["plugin", "toets", path, "--volledig"], in: folder)
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.contains(" 0 fout; elke regel en taak heeft een voorbeeld van elke soort"), "\(result.output)")
        #expect(!result.output.contains("FOUT"))
    }

    @Test func aFailingExampleFailsTheRunAndJSONSaysWhy() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Program.run(["plugin", "nieuw", "oost"], in: folder)
        let rules = folder.appending(path: "oost/regels.yaml")
        let text = try String(contentsOf: rules, encoding: .utf8)
        try Data(text.replacing("weekday(b.datum) == 5", with: "weekday(b.datum) == 4").utf8).write(to: rules)

        let result = try Program.run(["plugin", "toets", "oost"], in: folder)
        #expect(result.status == 1)
        #expect(result.output.contains("FOUT  OO-01 gaat af  regels.yaml:18:9"), "\(result.output)")
        #expect(
            result.errors.contains(
                "oost/regels.yaml:18:9: fout[P120]: OO-01 gaat niet af in dit voorbeeld, maar zou af moeten gaan"))
        #expect(result.output.contains("oost: 8 voorbeelden, 7 goed, 1 fout"))

        let json = try Program.run(["plugin", "toets", "oost", "--format", "json"], in: folder)
        #expect(json.status == 1)
        let form = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(form["geslaagd"] as? Bool == false)
        let examples = try #require(form["voorbeelden"] as? [[String: Any]])
        #expect(examples.count == 8)
        #expect((examples.first?["fout"] as? [String: Any])?["id"] as? String == "P120")
    }

    @Test func aBundleThatDoesNotLoadIsReportedLocatedAndFails() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Program.run(["plugin", "nieuw", "oost"], in: folder)
        let manifest = folder.appending(path: "oost/plugin.yaml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try Data(text.replacing("lerend: \">=0.1 <1.0\"", with: "lerend: \">=3.0\"").utf8).write(to: manifest)
        let result = try Program.run(["plugin", "toets", "oost"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.errors.contains("oost/plugin.yaml:6:9: fout[P108]: deze bundel is gemaakt voor Lerend >=3.0"),
            "\(result.errors)")
        #expect(result.errors.contains("  6 | lerend: \">=3.0\""))
        #expect(result.output.contains("oost: de bundel laadt niet (1 fout)"))
    }

    @Test func aRefusedArchiveSaysSoInDutchAndInstallsNothing() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appending(path: "data")
        try Data("geen zip".utf8).write(to: folder.appending(path: "kapot.lerendplugin"))
        let result = try Program.run(
            ["plugin", "installeer", "kapot.lerendplugin"], in: folder,
            environment: ["XDG_DATA_HOME": data.path(percentEncoded: false)])
        #expect(result.status == 1)
        #expect(
            result.errors.contains("kapot.lerendplugin: fout[P130]: 'kapot.lerendplugin' is geen pluginpakket"),
            "\(result.errors)")
        #expect(result.errors.hasSuffix("er is niets geïnstalleerd\n"))
        #expect(!FileManager.default.fileExists(atPath: data.appending(path: "lerend/plugins").path(percentEncoded: false)))
    }

    @Test func pluginNieuwRefusesAFolderThatExists() throws {
        let folder = try Program.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appending(path: "oost"), withIntermediateDirectories: true)
        let result = try Program.run(["plugin", "nieuw", "oost"], in: folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("oost: fout[P138]: oost bestaat al"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.appending(path: "oost").path(percentEncoded: false))
                .isEmpty)
    }
}
