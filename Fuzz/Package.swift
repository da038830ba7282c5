// swift-tools-version: 5.4
import PackageDescription

// libFuzzer targets for Lerend, kept out of the main package so that its build and tests
// stay free of sanitizers. Build and run them with `bash scripts/fuzz.sh`, which passes
// `-sanitize=fuzzer,address -parse-as-library` to every Swift target: libFuzzer supplies
// `main` and each target's `main.swift` only defines `LLVMFuzzerTestOneInput`.
//
// Tools version 5.4 on purpose: from 5.5 on, SwiftPM links an executable target's `main`
// to a Swift entry point that `-parse-as-library` does not make, and libFuzzer's `main`
// is then never used.
let lerend = "Lerend"

let package = Package(
    name: "LerendFuzz",
    dependencies: [.package(name: lerend, path: "..")],
    targets: [
        // Settings, paths of the repository, and set-up without leak checks.
        .target(name: "FuzzSupport", dependencies: [.product(name: "LerendExpressions", package: lerend)]),
        // Template text with tags, or an expression: parsed, then evaluated.
        .executableTarget(
            name: "fuzz-expressions",
            dependencies: [
                "FuzzSupport", .product(name: "LerendExpressions", package: lerend),
            ]),
        // A YAML or JSON data file, read into data nodes and values.
        .executableTarget(
            name: "fuzz-data",
            dependencies: [
                "FuzzSupport",
                .product(name: "LerendData", package: lerend), .product(name: "LerendExpressions", package: lerend),
                .product(name: "LerendNetwork", package: lerend),
            ]),
        // An ODT or DOCX package in memory: compiled, then rendered once.
        .executableTarget(
            name: "fuzz-templates",
            dependencies: [
                "FuzzSupport",
                .product(name: "LerendDocuments", package: lerend), .product(name: "LerendData", package: lerend),
                .product(name: "LerendExpressions", package: lerend),
            ]),
        // A rule set of a plugin: loaded, then checked against a sample network.
        .executableTarget(
            name: "fuzz-rules",
            dependencies: [
                "FuzzSupport",
                .product(name: "LerendNetwork", package: lerend), .product(name: "LerendData", package: lerend),
                .product(name: "LerendExpressions", package: lerend),
            ]),
    ]
)
