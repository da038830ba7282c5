import Foundation
import LerendApplication
import LerendDiagnostics
import LerendNetwork
import Testing

@Suite struct ResourceLocatorTests {
    @Test func anInstalledProgramFindsShareLerendNextToItsBinFolder() throws {
        let prefix = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        try FileManager.default.createDirectory(atPath: prefix + "/share/lerend/Plugins", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: prefix + "/share/lerend/Templates", withIntermediateDirectories: true)
        try write("", to: prefix + "/bin/lerend")
        try write("", to: prefix + "/share/lerend/Templates/agenda.odt")
        // Called through a link elsewhere, as /usr/local/bin/lerend -> /opt/lerend/bin/lerend.
        try FileManager.default.createDirectory(atPath: prefix + "/links", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: prefix + "/links/lerend", withDestinationPath: prefix + "/bin/lerend")

        let locator = ResourceLocator(environment: ["HOME": prefix + "/home"], executablePath: prefix + "/links/lerend")
        let installation = locator.pluginPlaces.filter { $0.origin == .installation }.map(\.path)
        #expect(installation.map(canonical) == [canonical(prefix + "/share/lerend/Plugins")])
        #expect(
            locator.defaultTemplate(named: "agenda.odt").map(canonical)
                == canonical(prefix + "/share/lerend/Templates/agenda.odt"))
        #expect(locator.defaultTemplate(named: "plan-van-aanpak.odt") == nil)
    }

    @Test func theOrderIsOptionVariableUserFolderHomeInstallationSourceTree() {
        let locator = ResourceLocator(
            pluginFolders: ["/a", "/a/", "/b"],
            environment: ["LEREND_PLUGINS": "/c:/b", "LEREND_HOME": "/home-of-lerend", "XDG_DATA_HOME": "/data"],
            executablePath: Repository.root + "/.build/debug/lerend")
        #expect(
            locator.pluginPlaces.map(\.origin) == [
                .option, .option, .pluginsVariable, .userFolder, .homeVariable, .installation, .sourceTree,
            ])
        #expect(
            locator.pluginPlaces.map(\.path).prefix(5) == [
                "/a", "/b", "/c", "/data/lerend/plugins", "/home-of-lerend/Plugins",
            ])
        #expect(locator.pluginPlaces.last?.path == Repository.root + "/Plugins")
        #expect(locator.templatePlaces.map(\.origin) == [.homeVariable, .installation, .sourceTree])
        #expect(locator.userPluginFolder == "/data/lerend/plugins")
    }

    @Test func everyPlaceIsSearchedOnce() {
        let locator = ResourceLocator(
            pluginFolders: [Repository.plugins],
            environment: ["LEREND_PLUGINS": Repository.plugins, "LEREND_HOME": Repository.root],
            executablePath: Repository.root + "/.build/debug/lerend")
        let paths = locator.pluginPlaces.map(\.path)
        #expect(Set(paths).count == paths.count)
        // LEREND_HOME and the source tree are the same folder: it is listed once.
        #expect(locator.templatePlaces.filter { $0.path == Repository.templates }.map(\.origin) == [.homeVariable])
        #expect(Set(locator.templatePlaces.map(\.path)).count == locator.templatePlaces.count)
    }

    @Test func aNetworkWhosePluginsAreNowhereSaysWhereItLookedAndWhatFixesIt() throws {
        let locator = ResourceLocator(environment: ["HOME": "/nonexistent"], executablePath: "/nonexistent/bin/lerend")
        let error = try #require(throws: DiagnosticList.self) {
            try NetworkSession.open(Repository.sample("zorg-dichtbij"), locator: locator, date: referenceDate)
        }
        do {
            let missing = try #require(error.diagnostics.first { $0.id == "P101" })
            #expect(missing.hint?.contains("LEREND_HOME") == true)
            #expect(missing.notes.contains("gezocht in /nonexistent/share/lerend/Plugins (naast het programma)"))
            #expect(missing.notes.contains("gezocht in /nonexistent/.local/share/lerend/plugins (je eigen pluginmap)"))
            #expect(Set(missing.notes).count == missing.notes.count)
        }
    }

    @Test func lerendHomeAloneIsEnoughForEveryCommand() throws {
        let session = try NetworkSession.open(
            Repository.sample("zorg-dichtbij"), locator: Repository.locator(), date: referenceDate)
        #expect(session.plugin.id == "waardigheid-en-trots")
        #expect(!session.checkReport().ruleSets.isEmpty)
        let plan = try session.exportPlan(ExportRequest())
        #expect(plan.batches.map(\.kind) == [.plan, .agenda, .invitation, .attendanceList])
        #expect(plan.batches.first { $0.kind == .agenda }?.templatePath == Repository.templates + "/agenda.odt")
    }

    private func canonical(_ path: String) -> String { OutputGuard.canonical(path) }
}
