import Foundation
import OmniSim
@testable import OmniSimRunner
import ScenarioLanguage
import Testing

/// Issue 23's question in one command: the bundled Monday morning, swept over its chat load's
/// agents, answers "how many agents keep chats waiting under 30 seconds" (the table in README.md).
@Suite("The Monday-morning staffing question")
struct MondayChatsTests {
    static let path = "Scenarios/staffing/monday-chats.scenario"
    static let sweep = "load monday seed 23 chats 60 per 1h handled in 8m agents {1..6} over 3h from 9h"
    static let target = "expect chat wait p95 at most 30s"

    static func compiled() throws -> CompiledScenario {
        let text = try String(contentsOf: ScenarioFileTests.root.appendingPathComponent(path), encoding: .utf8)
        return try ScenarioCompiler.compile(SourceFile(path: path, text: text))
    }

    @Test("the sweep over agents names 4 as the fewest that keep p95 under 30s; two agents abandon chats")
    func sweepAnswers() async throws {
        let outcome = try await SweepComparison.run(try Self.compiled(), sweep: try CompareSweep.parse(Self.sweep), target: Self.target)
        #expect(outcome.smallest?.text == "4")
        #expect(outcome.exitStatus == 0)
        let two = try #require(outcome.rows.first { $0.value.text == "2" }?.column.result.staffing)
        #expect(two.abandoned > 0 && (two.waitP95 ?? .zero) > .seconds(30))
        try GoldenTests.expectGolden(
            SweepComparison.table(outcome) + SweepComparison.summary(outcome, path: Self.path), "monday-chats.sweep.txt")
    }

    @Test("a --set 'load …' line replaces the file's load of the same name; another name is refused")
    func loadOverride() async throws {
        let compiled = try Self.compiled()
        let (replaced, rest) = try Overrides.replacingLoads(
            ["load monday seed 23 chats 60 per 1h handled in 8m agents 2 over 3h from 9h", "set everyone chat-capacity 2"], in: compiled)
        #expect(rest == ["set everyone chat-capacity 2"])
        #expect(replaced.plan.cast.personNames.filter { $0.hasPrefix("monday.a") } == ["monday.a1", "monday.a2"])
        #expect(replaced.checkRanges == compiled.checkRanges)
        #expect(throws: Overrides.Problem.self) {
            _ = try Overrides.replacingLoads(["load tuesday seed 1 chats 1 per 1h handled in 1m agents 1 over 1h"], in: compiled)
        }
    }

    @Test("the bundled file passes as written, and expands to plain statements with the same trace")
    func expandsToTheSameTrace() async throws {
        let compiled = try Self.compiled()
        let expanded = try ScenarioCompiler.compile(SourceFile(path: "expanded.scenario", text: ScenarioExpander.expandedText(compiled)))
        #expect(expanded.plan.loads.isEmpty && expanded.plan.chatHandling.count == compiled.plan.chatHandling.count)
        let (first, second) = (TraceWriter(), TraceWriter())
        let result = try await Simulation.run(compiled.plan, observers: [first])
        _ = try await Simulation.run(expanded.plan, observers: [second])
        #expect(result.passed)
        #expect(first.text == second.text && !first.text.isEmpty)
    }
}
