import Foundation
import OmniSim
@testable import OmniSimRunner
import ScenarioLanguage
import Testing

/// Issue 23's chat loads: lowered into plain statements (what `expand` writes), seeded, handled
/// for a drawn or fixed time, with their own agents or the file's users.
@Suite("Chat loads: Poisson chats, handling times, agents")
struct ChatLoadTests {
    static func compiled(_ text: String) throws -> CompiledScenario {
        try ScenarioCompiler.compile(SourceFile(path: "load.scenario", text: text))
    }

    @Test("a chat load declares its agents, a customer and a chat per start, and a handling time per chat; the same seed, the same chats")
    func lowered() throws {
        let text = "chat routing first-free\nload q seed 5 chats 30 per 1h handled in 4m agents 3 over 2h from 9h\n"
        let plan = try Self.compiled(text).plan
        let names = plan.cast.personNames
        #expect(names.prefix(3) == ["q.a1", "q.a2", "q.a3"])
        let chats = plan.cast.threadNames.filter { $0.hasPrefix("q.q") }.count
        #expect(chats > 40 && chats < 80, "about 60 chats in two hours: \(chats)")
        #expect(names.filter { $0.hasPrefix("q.k") }.count == chats && plan.chatHandling.count == chats)
        let starts = plan.events.compactMap { event -> SimInstant? in
            if case .start = event.action { return event.time }
            return nil
        }
        #expect(starts.allSatisfy { $0 >= .start + .hours(9) && $0 < .start + .hours(11) } && starts == starts.sorted())
        #expect(plan.events.prefix(3).allSatisfy { event in
            if case .logIn = event.action { return event.time == .start + .hours(9) }
            return false
        })
        #expect(ScenarioExpander.expandedText(try Self.compiled(text)) == ScenarioExpander.expandedText(try Self.compiled(text)))
        let other = try Self.compiled(text.replacingOccurrences(of: "seed 5", with: "seed 6")).plan
        #expect(other.chatHandling.values.sorted() != plan.chatHandling.values.sorted())
    }

    @Test("'handled in D fixed': the agent who gets a chat closes it exactly D later, freeing the next")
    func fixedHandling() async throws {
        let compiled = try Self.compiled("""
            chat routing first-free
            set everyone chat-capacity 1
            load q seed 1 chats 20 per 1h handled in 10m fixed agents 1 over 1h
            """)
        #expect(Set(compiled.plan.chatHandling.values) == [.minutes(10)])
        let result = try await Simulation.run(compiled.plan)
        let staffing = try #require(result.staffing)
        // One agent, one chat at a time, 10 minutes each: the run ends 10 minutes after the last
        // assignment, and the chats were taken one after another.
        #expect(staffing.taken == staffing.chats && staffing.agents.first?.takes == staffing.chats)
        #expect((staffing.waitMax ?? .zero) > .minutes(10))
        #expect(result.passed)
    }

    @Test("'users from TEAM': no agents generated; the team's users take the chats once they log in")
    func usersFromTeam() async throws {
        let compiled = try Self.compiled("""
            user ana ben
            team desk ana
            chat routing first-free
            load q seed 3 chats 10 per 1h handled in 5m users from desk over 1h
            at 0s ana logs in
            expect ben handles at most 0 chats
            """)
        #expect(!compiled.plan.cast.personNames.contains { $0.hasPrefix("q.a") })
        let result = try await Simulation.run(compiled.plan)
        #expect(result.passed && result.staffing?.agents.first?.takes == result.staffing?.chats)
    }

    @Test("'shape workday' keeps most chats in working hours (R per D is the week's peak rate)")
    func workday() throws {
        let plan = try Self.compiled("load q seed 9 chats 30 per 1h handled in 3m agents 2 over 7d shape workday\n").plan
        let starts = plan.events.compactMap { event -> Int64? in
            if case .start = event.action { return event.time.milliseconds }
            return nil
        }
        let hour = Int64(3_600_000)
        let working = starts.filter { ($0 / (24 * hour)) < 5 && ($0 % (24 * hour)) >= 9 * hour && ($0 % (24 * hour)) < 17 * hour }
        #expect(starts.count > 500 && Double(working.count) >= 0.75 * Double(starts.count), "\(working.count) of \(starts.count)")
    }

    @Test("the --metrics estimate counts a row of chat figures per interval when the run has chats")
    func metricsEstimateCountsChatRows() throws {
        let load = "load q seed 5 chats 30 per 1h handled in 4m agents 3 over 2h\n"
        let chats = MetricsEstimate(plan: try Self.compiled("chat routing first-free\n" + load).plan, interval: .minutes(1))
        let plain = MetricsEstimate(plan: try Self.compiled("user a b\nat 1s a starts conversation c with b \"hi\"\n").plan, interval: .minutes(1))
        #expect(chats.rowsPerInterval == ChannelKind.allCases.count + 1)
        #expect(plain.rowsPerInterval == ChannelKind.allCases.count)
        #expect(chats.rows == Int(chats.span / 60_000 + 1) * (ChannelKind.allCases.count + 1))
        #expect(chats.refusal(interval: .minutes(1)).contains("a row per channel and of chats and interval"))
    }
}
