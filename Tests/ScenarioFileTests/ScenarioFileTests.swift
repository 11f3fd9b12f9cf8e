import Foundation
import OmniSim
import ScenarioLanguage
@testable import OmniSimRunner
import Testing

/// The bundled scenarios are the regression suite: every one must pass, and twice in a row must
/// give the same trace bytes.
@Suite("Scenarios/: every bundled file passes, deterministically")
struct ScenarioFileTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var files: [String] {
        let folder = root.appendingPathComponent("Scenarios").path
        let found = (try? ScenarioFiles.collect([folder])) ?? []
        return found.map { String($0.dropFirst(root.path.count + 1)) }
    }

    static func run(_ relativePath: String, observers: sending [any RunObserver] = []) async -> ScenarioRun {
        await ScenarioRun.run(path: root.appendingPathComponent(relativePath).path, observers: observers)
    }

    @Test("there are at least 20 bundled scenarios")
    func enoughScenarios() {
        #expect(Self.files.count >= 20)
    }

    @Test("each bundled scenario opens with a comment naming the OneDesk behaviour it pins down", arguments: files)
    func opensWithAComment(_ path: String) throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        let first = text.split(separator: "\n").first ?? ""
        // The contract's own examples (Scenarios/examples) keep their layout: the title, then the comment.
        #expect(first.hasPrefix("#") || (path.contains("/examples/") && text.contains("\n# OneDesk")))
    }

    @Test("the scenario passes", arguments: files)
    func passes(_ path: String) async {
        let run = await Self.run(path)
        #expect(run.exitCode == 0, "\(RunReport.text(for: run))")
    }

    @Test("two runs give byte-identical traces and reports", arguments: files)
    func deterministic(_ path: String) async {
        let (a, b) = (TraceWriter(), TraceWriter())
        let first = await Self.run(path, observers: [a])
        let second = await Self.run(path, observers: [b])
        #expect(first.exitCode == 0 && second.exitCode == 0)
        #expect(a.text == b.text)
        #expect(!a.text.isEmpty)
        #expect(RunReport.text(for: first) == RunReport.text(for: second))
    }
}
