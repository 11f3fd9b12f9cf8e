// swift-tools-version: 6.2
// The parser fuzzer (libFuzzer). Not part of the main package: it has no `main` of its own.
// Build and run it with ../scripts/fuzz-parser.sh.
import PackageDescription

let package = Package(
    name: "omnisim-fuzz",
    dependencies: [.package(name: "omnisim", path: "..")],
    targets: [
        .executableTarget(
            name: "ParserFuzzer",
            dependencies: [.product(name: "ScenarioLanguage", package: "omnisim")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ],
    swiftLanguageModes: [.v6]
)
