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
        .library(name: "OmniSimRunner", targets: ["OmniSimRunner"]),
        .library(name: "ScenarioLanguageServer", targets: ["ScenarioLanguageServer"]),
        .executable(name: "omnisim", targets: ["omnisim"]),
        .executable(name: "omnisim-bench", targets: ["omnisim-bench"]),
    ],
    targets: [
        // The engine and the OneDesk domain: virtual clock, event queue, actors, channels, checks.
        .target(name: "OmniSim", dependencies: ["CacheHints"], swiftSettings: strictSettings),
        // The engine hot path's C helpers (Swift has neither of its own): cache prefetch hints, the calling thread.
        .target(name: "CacheHints"),
        // The scenario language: text ⇄ plan (lexer, parser, diagnostics, lowering, printing, expand),
        // and the language's words for what a run observed.
        .target(name: "ScenarioLanguage", dependencies: ["OmniSim"], swiftSettings: strictSettings),
        // Running scenario files: inputs, outputs (trace sinks), suites with workers and shards, reports.
        .target(name: "OmniSimRunner", dependencies: ["OmniSim", "ScenarioLanguage"], swiftSettings: strictSettings),
        // The Language Server Protocol for scenario files (`omnisim lsp`): framing, documents, features.
        .target(
            name: "ScenarioLanguageServer", dependencies: ["OmniSim", "ScenarioLanguage", "OmniSimRunner"],
            swiftSettings: strictSettings),
        // The command-line tool: argv, terminal, exit codes.
        .executableTarget(
            name: "omnisim", dependencies: ["OmniSim", "ScenarioLanguage", "OmniSimRunner", "ScenarioLanguageServer"],
            swiftSettings: strictSettings),
        // Throughput benchmarks (issue: scale).
        .executableTarget(
            name: "omnisim-bench", dependencies: ["OmniSim", "ScenarioLanguage", "OmniSimRunner", "SimTestSupport"],
            path: "Benchmarks",
            swiftSettings: strictSettings),
        // Helpers the test targets share (like swift-collections' _CollectionsTestSupport): the random
        // scenario generator and the reference loop (also the benchmark's yardstick).
        .target(name: "SimTestSupport", dependencies: ["OmniSim"], path: "Tests/SimTestSupport", swiftSettings: strictSettings),
        .testTarget(name: "OmniSimTests", dependencies: ["OmniSim"], swiftSettings: strictSettings),
        .testTarget(
            name: "ScenarioLanguageTests", dependencies: ["ScenarioLanguage", "OmniSim"], exclude: ["Fixtures"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ScenarioLanguageServerTests",
            dependencies: ["ScenarioLanguageServer", "ScenarioLanguage", "OmniSim", "OmniSimRunner", "omnisim"], swiftSettings: strictSettings),
        .testTarget(
            name: "ScenarioFileTests",
            dependencies: ["ScenarioLanguage", "OmniSim", "OmniSimRunner", "SimTestSupport", "omnisim"], exclude: ["Golden"],
            swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
