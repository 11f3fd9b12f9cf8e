import Foundation
import Testing
import ScenarioLanguage

@Suite("fmt: the canonical layout")
struct FormatterTests {
    static let root = TestClient.root

    /// Every bundled scenario and every test fixture that is a scenario file.
    static func scenarioFiles() throws -> [String] {
        var found: [String] = []
        for folder in ["Scenarios", "Tests"] {
            let enumerator = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path)
            while let path = enumerator?.nextObject() as? String {
                if path.hasSuffix(".scenario") { found.append("\(folder)/\(path)") }
            }
        }
        return found.sorted()
    }

    @Test("spaces, commas, durations and comments are laid out; statement order and comments stay")
    func layout() {
        let text = "  # opening comment  \n\n\nuser  alice ,bob\tcarol\n\tat 90s alice logs in   # early  \nat +0h5m bob views c1\n"
            + "channel email down 0h10m..900s\nat 1d0h0m alice logs out\nend at 48h\n\n"
        #expect(ScenarioFormatter.layout(text) == """
            # opening comment

            user alice, bob carol
            at 1m30s alice logs in # early
            at +5m bob views c1
            channel email down 10m..15m
            at 1d alice logs out
            end at 48h

            """)
    }

    @Test("durations read like a clock: leading and trailing zero parts go, a zero between stays, days stay days")
    func durations() {
        #expect(DurationSpelling.canonical("90s") == "1m30s")
        #expect(DurationSpelling.canonical("0h5m") == "5m")
        #expect(DurationSpelling.canonical("9h0m40s") == "9h0m40s")
        #expect(DurationSpelling.canonical("0ms") == "0s")
        #expect(DurationSpelling.canonical("60250ms") == "1m250ms")
        #expect(DurationSpelling.canonical("1d9h30m") == "1d9h30m")
        #expect(DurationSpelling.canonical("36h") == "36h")
        #expect(DurationSpelling.canonical("+120s") == "+2m")
        #expect(DurationSpelling.canonical("bob") == nil)
        #expect(DurationSpelling.canonical("100/s") == nil)
        #expect(DurationSpelling.canonical("42") == nil)
    }

    @Test("strings are kept exactly as written, escapes and inner spaces included")
    func strings() {
        let line = "at 1s a writes to c  \"two  spaces, a \\\"quote\\\" and # not a comment\"\n"
        #expect(ScenarioFormatter.layout(line) == "at 1s a writes to c \"two  spaces, a \\\"quote\\\" and # not a comment\"\n")
    }

    @Test("formatting is idempotent on every bundled scenario and every test fixture")
    func idempotent() throws {
        let files = try Self.scenarioFiles()
        #expect(files.count > 50)
        for path in files {
            guard let text = try? String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8) else { continue }
            let once = ScenarioFormatter.layout(text)
            #expect(ScenarioFormatter.layout(once) == once, "\(path)")
        }
    }

    @Test("every bundled scenario is laid out already (fmt --check passes), and formatting a file keeps it compiling to the same plan")
    func bundledScenariosAreFormatted() throws {
        for path in try Self.scenarioFiles() where path.hasPrefix("Scenarios/") {
            let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
            let file = SourceFile(path: path, text: text)
            #expect(try ScenarioFormatter.format(file) == text, "\(path)")
        }
    }

    @Test("a file with errors is not formatted: its diagnostics are thrown")
    func errorsAreNotFormatted() {
        #expect(throws: ScenarioFileError.self) {
            try ScenarioFormatter.format(SourceFile(path: "x.scenario", text: "user  a\nat 90s a strats\n"))
        }
    }
}
