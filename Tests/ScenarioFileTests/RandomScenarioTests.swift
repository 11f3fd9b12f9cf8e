import Foundation
import OmniSim
import ScenarioLanguage
@testable import OmniSimRunner
import SimTestSupport
import Testing

/// Random scenarios from seeds: every one must compile, raise exactly the errors its generator
/// expects, keep the oracle clean, and give the same trace twice. `RANDOM_SCENARIO_SEEDS=1000`
/// (see scripts/random-scenarios.sh) runs more seeds than the default 50.
@Suite("Random scenarios: no crash, oracle clean, deterministic")
struct RandomScenarioTests {
    static var seeds: [UInt64] {
        let count = ProcessInfo.processInfo.environment["RANDOM_SCENARIO_SEEDS"].flatMap(Int.init) ?? 50
        return (0..<UInt64(max(count, 1))).map { $0 }
    }

    @Test("a random scenario runs clean and deterministically", arguments: seeds)
    func randomScenario(seed: UInt64) async throws {
        let text = RandomScenario.text(seed: seed)
        let compiled: CompiledScenario
        do {
            compiled = try ScenarioCompiler.compile(SourceFile(path: "random-\(seed).scenario", text: text))
        } catch {
            Issue.record("seed \(seed) does not compile:\n\(DiagnosticRenderer.render(error))\n\(text)")
            return
        }
        let (firstTrace, secondTrace) = (TraceWriter(), TraceWriter())
        let first = try await Simulation.run(compiled.plan, observers: [firstTrace])
        _ = try await Simulation.run(compiled.plan, observers: [secondTrace])
        let report = RunReport.text(for: ScenarioRun(path: "random-\(seed).scenario", outcome: .ran(compiled, first)))
        #expect(first.violationCount == 0, "seed \(seed): \(report)")
        #expect(first.unexpectedRejections.isEmpty && first.failedChecks.isEmpty, "seed \(seed): \(report)\n\(text)")
        let same = firstTrace.text == secondTrace.text
        #expect(same, "seed \(seed): two runs gave different traces")
    }

    @Test("in 100 seeds, live chat is exercised: chats are assigned by routing, taken and abandoned, and ag's takes are never refused")
    func chatsAreExercised() async throws {
        var (chats, taken, abandoned, assignedToOthers, refused) = (0, 0, 0, 0, 0)
        for seed in UInt64(0)..<100 {
            let compiled = try ScenarioCompiler.compile(SourceFile(path: "random-\(seed).scenario", text: RandomScenario.text(seed: seed)))
            let result = try await Simulation.run(compiled.plan)
            guard let staffing = result.staffing else { continue }
            chats += staffing.chats
            taken += staffing.taken
            abandoned += staffing.abandoned
            // Every agent but `ag` (the last user) is given chats only by routing.
            assignedToOthers += staffing.agents.dropLast().map(\.takes).reduce(0, +)
            refused += result.rejections.count { $0.message.contains("open chats (chat-capacity") }
        }
        #expect(chats > 100 && taken > 50 && abandoned > 10 && assignedToOthers > 10, "\(chats) chats, \(taken) taken, \(abandoned) abandoned, \(assignedToOthers) assigned")
        #expect(refused == 0, "ag's takes are never refused (no chat-capacity of its own)")
    }

    @Test("the generator covers every event type and rule-breaking events")
    func coverage() {
        let text = (0..<40).map { RandomScenario.text(seed: $0) }.joined()
        for word in [" logs in", " logs out", " joins chat", " leaves chat", " views ", " starts conversation ",
                     " starts customer conversation ", " drafts conversation ", " sends ", " cancels ", " writes to ",
                     " notes ", " emails ", " adds ", " removes ", " follows ", " unfollows ", " closes ", " reopens ",
                     " set ", " mobile ", " channel ", "expect error", " on mobile", "has no mobile app", " customer-messages ", " email-batch ",
                     "\nteam t1", " to team ", " from team ", "only through team", "only users join teams", " participants ", "\"@t",
                     // contract v3
                     " stops viewing ", "view-timeout", " takes ", "cannot take", " starts internal conversation ", " on T",
                     " links ", "\nadmin u1", " sets ", "only an admin can change", " sees \"", " cannot see \"",
                     "only as a follower of",
                     // contract v3, customers' own settings
                     "\nset customers email", " k1 views ", " k2 stops viewing ", "applies to users only; a customer",
                     " sets k3 email",
                     // issue 23
                     " takes q", " chat-capacity ", "\nchat routing ", "customers wait at most", " handles at most "] {
            #expect(text.contains(word), "no '\(word)' in 40 seeds")
        }
    }
}
