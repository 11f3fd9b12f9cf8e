// swift-tools-version: 6.2
import PackageDescription

/// Upcoming language features every target builds with (as swift-configuration does).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
]

let package = Package(
    name: "omnisim",
    products: [
        .library(name: "OmniSim", targets: ["OmniSim"]),
        .library(name: "ScenarioLanguage", targets: ["ScenarioLanguage"]),
        .executable(name: "omnisim", targets: ["omnisim"]),
        .executable(name: "omnisim-bench", targets: ["omnisim-bench"]),
    ],
    targets: [
        // The engine and the OneDesk domain: virtual clock, event queue, actors, channels, checks.
        .target(name: "OmniSim", swiftSettings: strictSettings),
        // The scenario language: lexer, parser, diagnostics, lowering to an engine plan.
        .target(name: "ScenarioLanguage", dependencies: ["OmniSim"], swiftSettings: strictSettings),
        // The command-line tool.
        .executableTarget(
            name: "omnisim", dependencies: ["OmniSim", "ScenarioLanguage"], swiftSettings: strictSettings),
        // Throughput benchmarks (issue: scale).
        .executableTarget(
            name: "omnisim-bench", dependencies: ["OmniSim", "ScenarioLanguage"], path: "Benchmarks",
            swiftSettings: strictSettings),
        // Helpers the test targets share (like swift-collections' _CollectionsTestSupport).
        .target(name: "SimTestSupport", dependencies: ["OmniSim"], path: "Tests/SimTestSupport", swiftSettings: strictSettings),
        .testTarget(name: "OmniSimTests", dependencies: ["OmniSim"], swiftSettings: strictSettings),
        .testTarget(
            name: "ScenarioLanguageTests", dependencies: ["ScenarioLanguage", "OmniSim"], exclude: ["Fixtures"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ScenarioFileTests", dependencies: ["ScenarioLanguage", "OmniSim", "SimTestSupport", "omnisim"],
            swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
