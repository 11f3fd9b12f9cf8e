import Foundation
@testable import OmniSim
import ScenarioLanguage
@testable import OmniSimRunner
import SimTestSupport
import Testing

@Suite("Scale: seeded load, expand, the oracle, workers and shards")
struct ScaleTests {
    static let loadScenario = """
        scenario "load and own events"
        user boss
        customer vip
        channel email rate 40/s
        channel email down 5m..8m
        channel messenger latency 250ms
        load seed 7 users 40 customers 12 conversations 25 messages 600 over 30m
        at 10m vip joins chat
        at 10m boss starts customer conversation memo with vip, u1, u2 "all hands"
        at 10m expect chat to vip "all hands"
        at 10m250ms expect messenger to u1 "all hands"
        expect at least 100 emails
        """

    func compile(_ text: String, path: String = "test.scenario") throws -> CompiledScenario {
        try ScenarioCompiler.compile(SourceFile(path: path, text: text))
    }

    /// Runs `compiled` with its trace kept in memory: the result and the trace's text.
    func trace(_ compiled: CompiledScenario) async throws -> (result: RunResult, trace: String) {
        let writer = TraceWriter()
        let result = try await Simulation.run(compiled.plan, observers: [writer])
        return (result, writer.text)
    }

    @Test("the same load line gives the same trace; another seed gives another")
    func loadIsSeeded() async throws {
        let (first, firstTrace) = try await trace(compile(Self.loadScenario))
        let secondTrace = try await trace(compile(Self.loadScenario)).trace
        let reseeded = try await trace(compile(Self.loadScenario.replacingOccurrences(of: "seed 7", with: "seed 8"))).trace
        #expect(firstTrace == secondTrace)
        #expect(firstTrace != reseeded)
        #expect(first.deliveries > 3_000)
        let passed = first.passed
        #expect(passed, "\(first.failedChecks)")
    }

    @Test("expand writes a valid scenario that gives a byte-identical trace")
    func expandRoundTrip() async throws {
        let original = try compile(Self.loadScenario)
        let expandedText = ScenarioExpander.expandedText(original)
        #expect(!expandedText.split(separator: "\n").contains { $0.hasPrefix("load ") })
        let expanded = try compile(expandedText, path: "expanded.scenario")
        let a = try await trace(original).trace
        let b = try await trace(expanded).trace
        #expect(a == b)
        #expect(!a.isEmpty)
        #expect(ScenarioExpander.expandedText(expanded) == expandedText, "expanding twice changes nothing")
    }

    /// Contract v2: two named loads, a workday week from Monday 8h, and a burst against a team.
    static let shapedScenario = """
        user alice bob carl
        team support alice, bob
        load week seed 4 users 40 customers 10 conversations 30 messages 1500 over 7d from 8h shape workday
        load burst seed 9 customers 50 conversations 50 messages 120 over 1m from 9h users from support
        expect no push
        """

    @Test("shaped, named loads: expand writes them out; the expansion gives the same trace; the oracle is clean")
    func shapedLoads() async throws {
        let original = try compile(Self.shapedScenario)
        let expandedText = ScenarioExpander.expandedText(original)
        let lines = expandedText.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("customer week.k1 ") } && lines.contains { $0.hasPrefix("user ") && $0.contains(" week.u1 ") })
        #expect(lines.contains { $0.contains(" burst.k") && $0.contains(" starts customer conversation burst.c") })
        #expect(!lines.contains { $0.contains("burst.u") }, "the burst uses the team's users")
        let expanded = try compile(expandedText, path: "expanded.scenario")
        let (result, a) = try await trace(original)
        #expect(try await trace(expanded).trace == a)
        #expect(result.violationCount == 0 && result.passed, "\(result.failedChecks)")
        #expect(a.split(separator: "\n").allSatisfy { line in
            // Nothing of the loads before 8h (from): the week starts then, the burst at 9h.
            (Int64(line.split(separator: ",")[0].dropFirst(5)) ?? 0) >= 8 * 3_600_000
        })
    }

    @Test("several loads need names; 'users from' needs a known team")
    func loadNamesAndTeams() throws {
        let unnamed = "user a\nload seed 1 users 2 customers 0 conversations 1 messages 1 over 1m\n"
            + "load seed 2 users 2 customers 0 conversations 1 messages 1 over 1m\n"
        #expect(throws: ScenarioFileError.self) { try compile(unnamed) }
        #expect(throws: ScenarioFileError.self) {
            try compile("load b seed 1 customers 2 conversations 1 messages 1 over 1m users from nobody\n")
        }
        let named = try compile(unnamed.replacingOccurrences(of: "load seed 2", with: "load two seed 2")
            .replacingOccurrences(of: "load seed 1", with: "load one seed 1"))
        #expect(named.plan.cast.personNames == ["a", "one.u1", "one.u2", "two.u1", "two.u2"])
        #expect(named.plan.cast.threadNames == ["one.c1", "two.c1"])
    }

    @Test("the oracle is clean on a correct run of a load (faults are injected in OracleTests)")
    func oracleIsCleanOnALoad() async throws {
        let clean = try await Simulation.run(try compile(Self.loadScenario).plan)
        #expect(clean.violationCount == 0)
        #expect(clean.deliveries > 1_000)
    }

    @Test("the books on a thread of their own or inline: the same trace, statistics, checks and oracle findings")
    func booksWhereverKept() async throws {
        let compiled = try compile(Self.loadScenario)
        var results: [RunResult] = [], traces: [String] = []
        for ownThread in [true, false] {
            let writer = TraceWriter()
            var options = Simulation.Options()
            options.booksOnOwnThread = ownThread
            results.append(try await Simulation.run(compiled.plan, options: options, observers: [writer]))
            traces.append(writer.text)
        }
        #expect(traces[0] == traces[1])
        #expect(results[0].channels == results[1].channels)
        #expect(results[0].checks == results[1].checks)
        #expect(results[0].violationCount == 0 && results[1].violationCount == 0)
        #expect(results[0].channels.contains { !$0.topRecipients.isEmpty && !$0.delayPercentiles.isEmpty })
    }

    @Test("the books get a thread of their own with a load and more than one core")
    func booksThreadPolicy() throws {
        let load = try compile("load seed 1 users 4 customers 1 conversations 2 messages 10 over 1m\n").plan
        let plain = try compile("user a b\nat 1s a starts conversation c with b \"hi\"\n").plan
        #expect(SimulationDriver.booksDeserveAThread(plan: load, cores: 2))
        #expect(!SimulationDriver.booksDeserveAThread(plan: load, cores: 1))
        #expect(!SimulationDriver.booksDeserveAThread(plan: plain, cores: 8))
    }

    @Test("the message table is reserved for the loads' messages and the file's own message events")
    func messagesExpected() throws {
        let plan = try compile("""
            user a b
            load seed 1 users 4 customers 1 conversations 2 messages 10 over 1m
            at 1s a starts conversation c with b "one"
            at 2s b writes to c "two"
            at 3s a logs out
            at 4s b emails c "three"
            """).plan
        #expect(SimulationDriver.messagesExpected(in: plan) == 13)
    }

    @Test("sends still pending at 'end at' are reported as pending, not lost")
    func pendingIsNotLost() async throws {
        let compiled = try compile("""
            user maria
            customer carol
            channel email down 1m..1h
            end at 10m
            at 2m maria starts customer conversation c1 with carol "stuck"
            expect email pending 1
            """)
        let result = try await Simulation.run(compiled.plan)
        #expect(result.passed)
        #expect(result.violationCount == 0)
        #expect(result.channels[ChannelKind.email.rawValue].pending == 1)
    }

    @Test("the independent reference loop agrees with the engine on every channel's deliveries", arguments: [7, 8, 9] as [UInt64])
    func referenceLoopAgrees(seed: UInt64) async throws {
        try await referenceLoopAgrees(on: "load seed \(seed) users 60 customers 20 conversations 40 messages 3000 over 2h\n")
    }

    @Test("v3: with a view-timeout the load's views end, and the reference loop still agrees (more emails than without)")
    func referenceLoopAgreesWithViewTimeout() async throws {
        let load = "load seed 7 users 60 customers 20 conversations 40 messages 3000 over 2h\n"
        let timed = try await referenceLoopAgrees(on: "set everyone view-timeout 30s\n" + load)
        let untimed = try await Simulation.run(compile(load).plan)
        #expect(timed.channels[ChannelKind.email.rawValue].deliveries > untimed.channels[ChannelKind.email.rawValue].deliveries)
    }

    @discardableResult
    private func referenceLoopAgrees(on text: String) async throws -> RunResult {
        let plan = try compile(text).plan
        let result = try await Simulation.run(plan)
        var reference = ReferenceLoop(plan: plan)
        let total = reference.run(plan)
        #expect(result.channels.map(\.deliveries) == reference.deliveries)
        #expect(total == result.deliveries)
        #expect(total > 3_000)
        return result
    }

    @Test("v2: a batch email's trace line carries the last unseen message and how many it covers")
    func batchInTheTrace() async throws {
        let (result, trace) = try await trace(compile("""
            user maria jonas
            set jonas email-batch 5m
            at 0s maria starts conversation plan with jonas "one"
            at 2m maria writes to plan "two"
            """))
        #expect(result.violationCount == 0)
        #expect(trace.contains(#"{"t":360000,"channel":"email","to":"jonas","from":"maria","thread":"plan","message":2,"text":"two","batch":2}"#))
    }

    @Test("--workers 1, 2 and 4 print byte-identical reports")
    func workersDoNotChangeOutput() async {
        let files = ScenarioFileTests.files.map { ScenarioFileTests.root.appendingPathComponent($0).path }
        var outputs: [String] = []
        for workers in [1, 2, 4] {
            var text = ""
            let options = files.map { _ in Simulation.Options() }
            let tally = await SuiteRunner.run(files: files, options: options, workers: workers) {
                text += RunReport.text(for: $0)
            }
            outputs.append(text + tally.summary)
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
        #expect(outputs[0].contains("scenarios: \(files.count) passed"))
    }

    @Test("shards I/N partition the files: every file in exactly one shard")
    func shardsPartition() {
        let files = (1...10).map { "f\($0)" }
        let shards = (1...3).map { ScenarioFiles.shard(files, index: $0, count: 3) }
        #expect(shards[0] == ["f1", "f4", "f7", "f10"])
        #expect(shards.flatMap { $0 }.sorted() == files.sorted())
    }
}
