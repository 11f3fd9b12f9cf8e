import Foundation
import OmniSim
@testable import OmniSimRunner
import ScenarioLanguage
import SimTestSupport
import Testing

/// Outputs compared byte for byte with files in `Golden/`: one bundled scenario's trace, report,
/// JUnit, HTML and explain, and a load's report, first trace lines and trace digest — so a changed
/// byte anywhere (a draw order in the load generator, a key in a trace line, a word in a report)
/// fails here instead of passing in silence. After an intended change, rewrite them with
/// `UPDATE_GOLDENS=1 swift test --filter GoldenTests` and read the diff before committing.
@Suite("Golden files: outputs byte for byte")
struct GoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let updating = ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1"

    /// Compares `text` with the golden file `name` (or rewrites it when updating).
    static func expectGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if updating {
            try Data(text.utf8).write(to: url)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden, "\(name) differs from its golden file", sourceLocation: sourceLocation)
    }

    /// Runs a bundled scenario (by its path under the package) with its trace and journal kept.
    static func run(_ path: String) async throws -> (run: ScenarioRun, trace: String) {
        let writer = TraceWriter()
        var options = Simulation.Options()
        options.journal = .everyone
        let run = await ScenarioRun.run(path: path, options: options, charting: true, observers: [writer])
        return (run, writer.text)
    }

    @Test("SHA-256 gives the standard's test vectors")
    func sha256() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("a direct message to a teammate: trace, report, JUnit, HTML and explain")
    func directMessage() async throws {
        // Run from the package root, so the paths in the outputs are the same on every machine.
        let path = "Scenarios/examples/direct-message-to-a-teammate.scenario"
        let (run, trace) = try await Self.run(ScenarioFileTests.root.appendingPathComponent(path).path)
        var relative = ScenarioRun(path: path, outcome: run.outcome)
        relative.chart = run.chart
        try Self.expectGolden(trace, "direct-message.jsonl")
        try Self.expectGolden(RunReport.text(for: relative), "direct-message.report.txt")
        try Self.expectGolden(JUnitReport.xml(for: [relative]), "direct-message.junit.xml")
        try Self.expectGolden(HTMLTimeline.page(for: [relative]), "direct-message.html")
        let bytes = try [UInt8](Data(contentsOf: ScenarioFileTests.root.appendingPathComponent(path)))
        let compiled = try ScenarioCompiler.compile(SourceFile.decode(bytes, name: path))
        let person = try #require(compiled.plan.cast.personNames.firstIndex(of: "lea"))
        var options = Simulation.Options()
        options.journal = .person(PersonID(person))
        let result = try await Simulation.run(compiled.plan, options: options)
        try Self.expectGolden(ExplainReport.text(person: "lea", compiled: compiled, result: result), "direct-message.explain-lea.txt")
    }

    @Test("compare: the busy morning as written, with email-after 5m, and with email-batch 2m")
    func compare() async throws {
        let path = "Scenarios/load/a-busy-morning.scenario"
        let bytes = try [UInt8](Data(contentsOf: ScenarioFileTests.root.appendingPathComponent(path)))
        let compiled = try ScenarioCompiler.compile(SourceFile.decode(bytes, name: path))
        let columns = try await Comparison.run(compiled, overrides: ["set everyone email-after 5m", "set everyone email-batch 2m"])
        try Self.expectGolden(Comparison.table(columns), "busy-morning.compare.txt")
    }

    @Test("--metrics: the busy morning per 5 minutes")
    func metrics() async throws {
        let path = "Scenarios/load/a-busy-morning.scenario"
        let csv = Handoff<String>()
        var options = Simulation.Options()
        options.metricsInterval = .minutes(5)
        _ = await ScenarioRun.run(
            path: ScenarioFileTests.root.appendingPathComponent(path).path, options: options, observers: [MetricsWriter(keepingIn: csv)])
        try Self.expectGolden(csv.take() ?? "", "busy-morning.metrics.csv")
    }

    @Test("a seeded load: its report, its first 300 trace lines, and the digest of the whole trace")
    func load() async throws {
        let path = "Scenarios/load/a-busy-morning.scenario"
        let (run, trace) = try await Self.run(ScenarioFileTests.root.appendingPathComponent(path).path)
        try Self.expectGolden(RunReport.text(for: ScenarioRun(path: path, outcome: run.outcome)), "busy-morning.report.txt")
        let lines = trace.split(separator: "\n", omittingEmptySubsequences: false)
        try Self.expectGolden(lines.prefix(300).joined(separator: "\n") + "\n", "busy-morning.head.jsonl")
        try Self.expectGolden("\(SHA256.hex(Array(trace.utf8)))  \(lines.count - 1) lines\n", "busy-morning.trace.sha256")
    }
}
