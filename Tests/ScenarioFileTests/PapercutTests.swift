import Foundation
import OmniSim
import ScenarioLanguage
@testable import OmniSimRunner
import Testing

/// Issue 24's papercuts, each pinned by a run of a small file.
@Suite("Issue 24: papercuts")
struct PapercutTests {
    /// Compiles and runs `text` as `paper.scenario`.
    static func run(_ text: String) async throws -> ScenarioRun {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "paper.scenario", text: text))
        return await ScenarioRun.run(compiled, path: "paper.scenario", options: Simulation.Options())
    }

    @Test("timed checks may stand anywhere in the file: they are taken in time order, file order at one time")
    func timedChecksInAnyOrder() async throws {
        let run = try await Self.run("""
            user alice bob
            at 2m expect bob unread 1
            at 0s expect bob unread 0
            at 2m expect bob bubble 1
            at 1m alice starts conversation c1 with bob "hi"
            at 1m expect bob unread 1
            """)
        guard case .ran(_, let result) = run.outcome else { Issue.record("did not run"); return }
        #expect(result.passed, "\(RunReport.text(for: run))")
    }

    @Test("events still go forward in time, whatever the checks between them")
    func eventsStillInOrder() {
        let text = """
            user alice
            at 5m alice logs in
            at 9m expect alice unread 0
            at 1m alice logs out
            """
        do {
            _ = try ScenarioCompiler.compile(SourceFile(path: "paper.scenario", text: text))
            Issue.record("compiled")
        } catch {
            #expect(error.diagnostics.map(\.message.text) == [
                "time 1m is before the previous event's time 5m; events never go back in time (timed checks may)",
            ])
        }
    }

    @Test("a duration of days is written with days wherever it is written: 3d9h0m10s reads back as 3d9h10s")
    func durationsWithDays() throws {
        #expect(SimDuration(milliseconds: ((3 * 24 + 9) * 3_600 + 10) * 1_000).description == "3d9h10s")
        #expect(SimDuration.hours(24).description == "1d")
        #expect(SimDuration.hours(23).description == "23h")
        #expect(SimDuration(milliseconds: 86_400_001).description == "1d1ms")
        #expect(SimInstant.start + .hours(168) == SimInstant(milliseconds: 168 * 3_600_000))
        #expect((SimInstant.start + .hours(168)).description == "7d")
        // `expand` keeps hours for its `at` times (a v1 load's expansion is byte for byte v1's).
        #expect(SimDuration.hours(81).descriptionInHours == "81h")
    }

    @Test("a check failing past a day says the time in days, as the file may write it")
    func failureInDays() async throws {
        let run = try await Self.run("""
            user alice bob
            at 3d9h0m10s alice starts conversation c1 with bob "hi"
            at 3d9h0m10s expect 2 messengers to bob
            """)
        let report = RunReport.text(for: run)
        #expect(report.contains("3d9h10s"), "\(report)")
        #expect(!report.contains("81h"), "\(report)")
    }

    @Test("the report counts what JUnit counts: each check, each unexpected error and the oracle")
    func reportAndJUnitAgree() async throws {
        let passing = try await Self.run("user a b\nat 1s a starts conversation c with b \"hi\"\nexpect email to b\nexpect messenger to b\n")
        #expect(RunReport.text(for: passing).hasPrefix("PASS paper.scenario: 2 checks and the oracle passed;"))
        #expect(JUnitReport.xml(for: [passing]).contains("<testsuite name=\"paper.scenario\" tests=\"3\" failures=\"0\">"))
        let failing = try await Self.run("user a b\nat 1s a writes to nowhere \"hi\"\nexpect email to b\nexpect messenger to a\n")
        #expect(RunReport.text(for: failing).hasPrefix("FAIL paper.scenario: 3 of 4 failed;"), "\(RunReport.text(for: failing))")
        #expect(JUnitReport.xml(for: [failing]).contains("<testsuite name=\"paper.scenario\" tests=\"4\" failures=\"3\">"))
    }

    @Test("a failed delivery check shows the deliveries that made it fail first, with their message")
    func offendingDeliveriesFirst() async throws {
        let run = try await Self.run("""
            user ana bob
            channel email latency 2s
            at 9h ana starts conversation plan with bob "one"
            at 10h ana writes to plan "two"
            at 11h ana writes to plan "three"
            at 16h30m ana writes to plan "late one"
            expect no email to bob after 16h
            at 10h1m2s expect at most 0 emails to bob
            expect email delay p95 at most 0s
            """)
        let report = RunReport.text(for: run)
        #expect(report.contains("""
            expected no email to bob after 16h; saw 1 matching: email to bob at 16h31m2s: message #4 in plan from ana \
            "late one"; nearest: email to bob at 9h1m2s: message #1 in plan from ana "one", email to bob at 10h1m2s: \
            message #2 in plan from ana "two", email to bob at 11h1m2s: message #3 in plan from ana "three"
            """), "\(report)")
        #expect(report.contains("""
            saw 1 matching: email to bob at 10h1m2s: message #2 in plan from ana "two"; nearest: email to bob at 9h1m2s
            """), "\(report)")
        #expect(report.contains("""
            saw p95 of 4 deliveries is 2s, first reached by email to bob at 9h1m2s: message #1 in plan from ana "one", \
            due 9h1m, so 2s late
            """), "\(report)")
    }

    @Test("a failed 'at T' delivery check shows a matching delivery that came later, not 'none at all'")
    func laterDeliveryShown() async throws {
        let run = try await Self.run("""
            user maria lea
            set everyone email-after 3m
            at 9h maria starts conversation plan with lea "Draft of the Q3 plan"
            at 9h1m expect email to lea "Q3 plan"
            """)
        let report = RunReport.text(for: run)
        #expect(report.contains("""
            expected email to lea "Q3 plan" at 9h1m; saw 0 matching; nearest: email to lea at 9h3m: message #1 in plan from maria "Draft of the Q3 plan"
            """), "\(report)")
        let none = try await Self.run("user maria lea\nat 9h1m expect email to lea \"Q3 plan\"\n")
        #expect(RunReport.text(for: none).contains("saw no email to lea at all"))
    }
}
