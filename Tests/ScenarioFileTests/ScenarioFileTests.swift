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

    static func run(_ relativePath: String, trace: TraceDestination = .none) async -> ScenarioRun {
        await ScenarioRun.run(path: root.appendingPathComponent(relativePath).path, trace: trace)
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
        let first = await Self.run(path, trace: .memory)
        let second = await Self.run(path, trace: .memory)
        guard case .ran(_, let a) = first.outcome, case .ran(_, let b) = second.outcome else {
            Issue.record("\(path) did not run")
            return
        }
        #expect(a.trace == b.trace)
        #expect(a.trace?.isEmpty == false)
        #expect(RunReport.text(for: first) == RunReport.text(for: second))
    }
}
