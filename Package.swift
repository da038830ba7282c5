// swift-tools-version: 6.2
import PackageDescription

/// Settings every Swift target shares: strict, explicit imports, and public types that
/// say whether they are Sendable.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .treatWarning("ExplicitSendable", as: .warning),
]

let package = Package(
    name: "Lerend",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lerend", targets: ["lerend"]),
        .library(name: "LerendDocuments", targets: ["LerendDocuments"]),
        .library(name: "LerendExpressions", targets: ["LerendExpressions"]),
        .library(name: "LerendNetwork", targets: ["LerendNetwork"]),
        .library(name: "LerendApplication", targets: ["LerendApplication"]),
        .library(name: "LerendMail", targets: ["LerendMail"]),
        // For the fuzz targets in Fuzz/, which read data files on their own.
        .library(name: "LerendData", targets: ["LerendData"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // C libraries, installed by the set-up script (libxml2-dev, libzip-dev).
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CLibZip", pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]),
        // libcurl for SMTP submission (libcurl4-openssl-dev).
        .systemLibrary(
            name: "CLibCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),

        // Located messages in the style of a compiler, shared by every layer.
        .target(name: "LerendDiagnostics"),

        // The expression language of templates and rules: values, parser, evaluator, Dutch formatting.
        .target(
            name: "LerendExpressions",
            dependencies: [
                "LerendDiagnostics",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]),

        // YAML and JSON data files as expression values, with the place of every node.
        .target(
            name: "LerendData",
            dependencies: [
                "LerendDiagnostics", "LerendExpressions", "Yams",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]),

        // The document engine: ODT and DOCX templates compiled once, rendered many times.
        .target(
            name: "LerendDocuments",
            dependencies: [
                "LerendDiagnostics", "LerendExpressions", "CLibXML2", "CLibZip",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]),

        // Dates of the Dutch calendar (public holidays) and iCalendar files.
        .target(
            name: "LerendCalendar",
            dependencies: ["LerendExpressions", "LerendMail"]),

        // E-mail: the message model, MIME and RFC 2047 encoding, .eml files read back, and
        // SMTP submission with libcurl. Knows nothing of networks.
        .target(
            name: "LerendMail",
            dependencies: ["CLibCurl"]),

        // Workflows defined as data: stages with tasks whose conditions are expressions.
        .target(
            name: "LerendWorkflow",
            dependencies: ["LerendDiagnostics", "LerendExpressions", "LerendData"]),

        // The domain: network files, plugins with their rule sets and workflows, checks.
        // Knows nothing of XML or zip.
        .target(
            name: "LerendNetwork",
            dependencies: [
                "LerendDiagnostics", "LerendExpressions", "LerendData", "LerendCalendar", "LerendWorkflow", "LerendMail",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]),

        // What every front end asks: a network's check report, status, plan proposal,
        // calendar and documents; and where the plugins and templates are.
        .target(
            name: "LerendApplication",
            dependencies: [
                "LerendDiagnostics", "LerendExpressions", "LerendData", "LerendDocuments", "LerendCalendar",
                "LerendWorkflow", "LerendNetwork", "LerendMail",
            ]),

        // The local web application (`lerend web`): pages rendered on the server from the
        // Mustache templates in Resources/ (built into the program), over LerendApplication.
        .target(
            name: "LerendWeb",
            dependencies: [
                "LerendDiagnostics", "LerendExpressions", "LerendData", "LerendNetwork", "LerendWorkflow", "LerendApplication",
                "LerendCalendar", "LerendMail", "LerendDocuments",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.embedInCode("Resources")]),

        // The command-line tool; thin: parses arguments, calls LerendApplication, prints.
        .executableTarget(
            name: "lerend",
            dependencies: [
                "LerendDiagnostics", "LerendExpressions", "LerendData", "LerendDocuments", "LerendNetwork",
                "LerendWorkflow", "LerendApplication", "LerendMail", "LerendWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Prints documents per second and peak memory; run in release mode.
        .executableTarget(
            name: "lerend-benchmark",
            dependencies: ["LerendExpressions", "LerendDocuments", "LerendApplication"],
            path: "Benchmarks/lerend-benchmark",
            exclude: ["Fixtures"]),

        .testTarget(
            name: "LerendExpressionsTests",
            dependencies: ["LerendExpressions", "LerendDiagnostics"]),
        .testTarget(
            name: "LerendDocumentsTests",
            dependencies: ["LerendDocuments", "LerendExpressions", "LerendData", "LerendDiagnostics", "CLibZip"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "LerendNetworkTests",
            dependencies: [
                "LerendNetwork", "LerendData", "LerendExpressions", "LerendDiagnostics", "LerendWorkflow", "LerendCalendar",
            ]),
        .testTarget(
            name: "LerendCalendarTests",
            dependencies: ["LerendCalendar", "LerendExpressions"]),
        .testTarget(
            name: "LerendWorkflowTests",
            dependencies: ["LerendWorkflow", "LerendData", "LerendExpressions", "LerendDiagnostics"]),
        // Runs the built `lerend` program, as an organiser would.
        .testTarget(
            name: "LerendCLITests",
            dependencies: ["lerend", "LerendDocuments", "LerendExpressions", "LerendTestSupport"]),
        // Network files the test targets make at run time.
        .target(name: "LerendTestSupport", path: "Tests/LerendTestSupport"),
        .testTarget(
            name: "LerendApplicationTests",
            dependencies: [
                "LerendApplication", "LerendTestSupport", "LerendNetwork", "LerendDocuments", "LerendExpressions",
                "LerendDiagnostics",
                "LerendCalendar", "LerendMail",
            ]),
        .testTarget(
            name: "LerendMailTests",
            dependencies: ["LerendMail", "LerendTestSupport"]),
        .testTarget(
            name: "LerendWebTests",
            dependencies: [
                "LerendWeb", "LerendApplication", "LerendTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        .testTarget(
            name: "LerendDataTests",
            dependencies: ["LerendData", "LerendExpressions", "LerendDiagnostics"]),
    ]
)

// The strict settings, once, for every Swift target (not the C module maps).
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSettings
}
