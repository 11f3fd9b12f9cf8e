import Foundation
import OmniSim
import ScenarioLanguage
@testable import OmniSimRunner
import Testing

/// Issue 23, live chat as work, through whole scenario files: each test is one reading of the
/// contract's fine print ("Staffing"), as docs/language.md lists them.
@Suite("Live chat as work: chats, routing, capacity, abandonment")
struct LiveChatTests {
    /// Runs `text`; the run's result and its report.
    static func run(_ text: String, journal: Journal.Scope? = nil) async throws -> (RunResult, String) {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "chat.scenario", text: text))
        var options = Simulation.Options()
        options.journal = journal
        let run = await ScenarioRun.run(compiled, path: "chat.scenario", options: options)
        guard case .ran(_, let result) = run.outcome else {
            Issue.record("did not run: \(RunReport.text(for: run))")
            throw CancellationError()
        }
        return (result, RunReport.text(for: run))
    }

    /// The explain text of `person` in `text`.
    static func explain(_ text: String, person: String) async throws -> String {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "chat.scenario", text: text))
        let index = try #require(compiled.plan.cast.personNames.firstIndex(of: person))
        let (result, _) = try await run(text, journal: .person(PersonID(index)))
        return ExplainReport.text(person: person, compiled: compiled, result: result)
    }

    static let twoAgents = """
        user ana ben
        customer k1 k2 k3
        chat routing first-free
        set everyone chat-capacity 1
        """

    @Test("a chat waits while no agent is free and is assigned, oldest first, the moment one logs in")
    func queuedUntilLogIn() async throws {
        let (result, report) = try await Self.run(Self.twoAgents + """

            at 1s k1 starts customer conversation q1 "one"
            at 2s k2 starts customer conversation q2 "two"
            at 5s expect chats waiting 2
            at 10s ana logs in
            at 10s expect q1 participants k1, ana
            at 10s expect chats waiting 1
            at 10s expect messenger to ana "one"
            at 20s ben logs in
            at 20s expect q2 participants k2, ben
            expect chats waiting at most 2
            expect chats waiting 0
            expect chat wait max at most 18s
            """)
        #expect(result.passed, "\(report)")
        #expect(result.staffing?.waitMax == .seconds(18) && result.staffing?.taken == 2)
    }

    @Test("an agent assigned a chat they are already in through a team joins nothing new; leaving the team ends the chat for them, and it is not queued again")
    func assignedMemberThroughTeam() async throws {
        let (result, report) = try await Self.run("""
            user ana ben
            customer kim
            team support
            chat routing first-free
            at 0s kim starts customer conversation q1 with support "help"
            at 1m ben adds ana to team support
            at 2m ana logs in
            at 2m expect q1 participants kim, ana
            at 2m expect chats waiting 0
            at 3m ben removes ana from team support
            at 3m expect q1 participants kim
            at 3m expect chats waiting 0
            """)
        #expect(result.passed, "\(report)")
        #expect(result.staffing?.taken == 1)
    }

    @Test("first-free gives a chat to the agent free the longest; a take that still leaves room does not reset it")
    func firstFreeIsLongestFree() async throws {
        let (result, report) = try await Self.run("""
            user ana ben
            customer k1 k2 k3
            chat routing first-free
            set everyone chat-capacity 2
            at 0s ben logs in
            at 1s ana logs in
            at 2s k1 starts customer conversation q1 "one"
            at 3s k2 starts customer conversation q2 "two"
            at 4s k3 starts customer conversation q3 "three"
            expect q1 participants k1, ben
            expect q2 participants k2, ben
            expect q3 participants k3, ana
            """)
        #expect(result.passed, "\(report)")
    }

    @Test("least-busy gives a chat to the free agent with the fewest open chats, ties to the longest free")
    func leastBusy() async throws {
        let (result, report) = try await Self.run("""
            user ana ben
            customer k1 k2 k3
            chat routing least-busy
            at 0s ben logs in
            at 1s ana logs in
            at 2s k1 starts customer conversation q1 "one"
            at 3s k2 starts customer conversation q2 "two"
            at 4s k3 starts customer conversation q3 "three"
            expect q1 participants k1, ben
            expect q2 participants k2, ana
            expect q3 participants k3, ben
            """)
        #expect(result.passed, "\(report)")
    }

    @Test("an assigned agent gets the chat's earlier customer messages now, unseen, with a fallback from now; not made to view it")
    func assignedAgentGetsEarlierMessages() async throws {
        let (result, report) = try await Self.run("""
            user ana
            customer k1
            chat routing first-free
            at 0s k1 starts customer conversation q1 "hello"
            at 30s k1 writes to q1 "anyone?"
            at 2m ana logs in
            at 2m expect 2 messengers to ana
            at 2m expect ana unread 2
            at 2m expect ana bubble 2
            at 3m expect 2 emails to ana
            at 3m expect q1 participants k1, ana
            """)
        #expect(result.passed, "\(report)")
    }

    @Test("under broadcast nothing is assigned: a chat waits, counted, until its first take")
    func broadcastWaitsForATake() async throws {
        let (result, report) = try await Self.run("""
            user ana
            customer k1
            set ana customer-messages all
            set ana chat-capacity 3
            at 0s ana logs in
            at 0s k1 starts customer conversation q1 "hello"
            at 1m expect chats waiting 1
            at 1m expect q1 participants k1
            at 90s ana takes q1
            at 90s expect chats waiting 0
            expect chat wait p50 at most 90s
            expect chat wait p50 at most 89s
            """)
        #expect(result.checks.filter { !$0.passed }.count == 1, "\(report)")
        #expect(report.contains("expected chat wait p50 at most 1m29s; saw p50 of 1 taken chat's wait is 1m30s"), "\(report)")
    }

    @Test("a take that would put a user over capacity is rejected with the rule's words")
    func takeOverCapacity() async throws {
        let (result, report) = try await Self.run("""
            user ana
            customer k1 k2
            set ana customer-messages all
            set ana chat-capacity 1
            at 0s k1 starts customer conversation q1 "one"
            at 0s k2 starts customer conversation q2 "two"
            at 1s ana takes q1
            at 2s ana takes q2
            at 2s expect error "ana cannot take q2: ana has 1 open chats (chat-capacity 1)"
            at 3s ana writes to q2 "by writing"
            at 3s expect error "ana has 1 open chats"
            at 4s ana closes q1
            at 5s ana takes q2
            expect ana handles at most 2 chats
            """)
        #expect(result.passed, "\(report)")
    }

    @Test("customers wait at most D: abandoned at start + D, out of the widget (later replies by email), still open, no longer a chat")
    func abandonment() async throws {
        let text = """
            user ana
            customer k1
            set ana customer-messages all
            set ana chat-capacity 0
            customers wait at most 1m
            at 0s k1 joins chat
            at 0s k1 starts customer conversation q1 "hello"
            at 2m ana takes q1
            at 2m ana writes to q1 "sorry for the wait"
            at 2m expect email to k1 "sorry"
            at 2m expect no chat to k1
            at 2m expect ana inbox open lists q1
            expect at most 1 chat abandoned
            expect chat wait max at most 0s
            """
        let (result, report) = try await Self.run(text)
        #expect(result.passed, "\(report)")
        #expect(result.staffing?.abandoned == 1 && result.staffing?.taken == 0)
        let explained = try await Self.explain(text, person: "k1")
        #expect(explained.contains("abandons the chat q1 after waiting 1m"), "\(explained)")
        #expect(explained.contains("1m        leaves live chat"), "\(explained)")
        // A customer who was never in the widget does not leave it.
        let absent = try await Self.explain(text.replacingOccurrences(of: "at 0s k1 joins chat\n", with: ""), person: "k1")
        #expect(absent.contains("abandons the chat q1 after waiting 1m"), "\(absent)")
        #expect(!absent.contains("leaves live chat"), "\(absent)")
    }

    @Test("'chats abandoned' takes a count like 'chats waiting': N, at least N, at most N, no; timed, so far")
    func abandonedCounts() async throws {
        let text = """
            user ana
            customer k1 k2
            chat routing first-free
            customers wait at most 1m
            at 0s k1 starts customer conversation q1 "one"
            at 30s k2 starts customer conversation q2 "two"
            at 59s expect no chats abandoned
            at 1m expect 1 chat abandoned
            at 1m expect chats abandoned
            expect 2 chats abandoned
            expect at least 2 chats abandoned
            expect at most 2 chats abandoned
            """
        let (result, report) = try await Self.run(text)
        #expect(result.passed, "\(report)")
        let (failed, failure) = try await Self.run("user ana\ncustomer k1\nchat routing first-free\ncustomers wait at most 1m\nat 0s k1 starts customer conversation q1 \"one\"\nexpect at least 2 chats abandoned\n")
        #expect(!failed.passed)
        #expect(failure.contains("expected at least 2 chats abandoned; saw 1 chat abandoned"), "\(failure)")
    }

    @Test("an event at exactly start + D runs first: a log-in that assigns then is no abandonment")
    func eventAtTheDeadlineRunsFirst() async throws {
        let (result, report) = try await Self.run("""
            user ana
            customer k1
            chat routing first-free
            customers wait at most 1m
            at 0s k1 starts customer conversation q1 "hello"
            at 1m ana logs in
            expect no chats abandoned
            expect chat wait max at most 1m
            """)
        #expect(result.passed, "\(report)")
        #expect(result.staffing?.taken == 1)
    }

    @Test("closing a chat frees capacity and the oldest waiting chat is assigned within that event")
    func closeFreesCapacity() async throws {
        let text = Self.twoAgents + """

            at 0s ana logs in
            at 1s k1 starts customer conversation q1 "one"
            at 2s k2 starts customer conversation q2 "two"
            at 3s k3 starts customer conversation q3 "three"
            at 1m ana closes q1
            at 1m expect q2 participants k2, ana
            at 1m expect chats waiting 1
            """
        let (result, report) = try await Self.run(text)
        #expect(result.passed, "\(report)")
        let explained = try await Self.explain(text, person: "ana")
        #expect(explained.contains("assigned the chat q2 by chat routing after it waited 58s (free with 0 open chats, chat-capacity 1)"), "\(explained)")
    }

    @Test("a timed switch to first-free and a capacity raise assign waiting chats at once")
    func switchesAssignAtOnce() async throws {
        let (result, report) = try await Self.run("""
            user ana
            customer k1 k2
            set ana chat-capacity 1
            at 0s ana logs in
            at 1s k1 starts customer conversation q1 "one"
            at 2s k2 starts customer conversation q2 "two"
            at 10s chat routing first-free
            at 10s expect q1 participants k1, ana
            at 10s expect chats waiting 1
            at 20s set ana chat-capacity 2
            at 20s expect q2 participants k2, ana
            """)
        #expect(result.passed, "\(report)")
    }

    @Test("an agent who logs out keeps their chats and is never free; a reopen counts even over capacity")
    func logOutAndReopen() async throws {
        let (result, report) = try await Self.run(Self.twoAgents + """

            at 0s ana logs in
            at 1s k1 starts customer conversation q1 "one"
            at 2s ana logs out
            at 3s k2 starts customer conversation q2 "two"
            at 4s ana logs in
            at 4s expect chats waiting 1
            at 5s ana closes q1
            at 5s expect q2 participants k2, ana
            at 6s ana reopens q1
            at 7s k3 starts customer conversation q3 "three"
            at 8s ben logs in
            at 8s expect q3 participants k3, ben
            """)
        #expect(result.passed, "\(report)")
    }

    @Test("removal ends a chat for that agent: their capacity frees")
    func removalFreesCapacity() async throws {
        let (result, report) = try await Self.run("""
            user ana ben
            customer k1 k2
            chat routing first-free
            set ana chat-capacity 1
            at 0s ana logs in
            at 1s k1 starts customer conversation q1 "one"
            at 2s k2 starts customer conversation q2 "two"
            at 2s expect chats waiting 1
            at 3s ana removes ana from q1
            at 3s expect q2 participants k2, ana
            """)
        #expect(result.passed, "\(report)")
    }

    @Test("only a conversation a customer starts with no user in it is a chat; without chat words nothing is measured")
    func whatIsAChat() async throws {
        let (withUser, report) = try await Self.run("""
            user ana
            customer k1
            chat routing first-free
            at 0s k1 starts customer conversation q1 with ana "hi"
            expect chats waiting at most 0
            """)
        #expect(withUser.passed && withUser.staffing?.chats == 0, "\(report)")
        #expect(!report.contains("chats "), "no chat line without a chat: \(report)")
        let (plain, plainReport) = try await Self.run("""
            user ana
            customer k1
            at 0s k1 starts customer conversation q1 "hi"
            """)
        #expect(plain.staffing == nil && !plainReport.contains("chats "), "\(plainReport)")
    }

    @Test("the report gives chats, waits, the queue and each agent's chats and utilisation")
    func reportLines() async throws {
        let (_, report) = try await Self.run(Self.twoAgents + """

            at 0s ana logs in
            at 0s k1 starts customer conversation q1 "one"
            at 30s k2 starts customer conversation q2 "two"
            at 1m ana closes q1
            at 2m ana closes q2
            """)
        #expect(report.contains("chats      2 started, 2 taken, 0 abandoned, 0 waiting at the end; wait p50 0s, p95 30s, p99 30s, max 30s; queue max 1"), "\(report)")
        #expect(report.contains("agent ana: 2 chats, utilisation 100%"), "\(report)")
        #expect(!report.contains("agent ben"), "ben never logged in nor took a chat: \(report)")
    }

    @Test("'handles at most N chats per D' counts takes and assignments in sliding windows")
    func handlesPerWindow() async throws {
        let (result, report) = try await Self.run("""
            user ana
            customer k1 k2 k3
            chat routing first-free
            at 0s ana logs in
            at 50s k1 starts customer conversation q1 "one"
            at 1m10s k2 starts customer conversation q2 "two"
            at 5m k3 starts customer conversation q3 "three"
            expect ana handles at most 1 chat per 1m
            expect ana handles at most 2 chats per 1m
            """)
        #expect(result.checks.map(\.passed) == [false, true], "\(report)")
        #expect(report.contains("saw 2 chats in [50s, 1m50s)"), "\(report)")
    }

    @Test("--metrics gains the chat columns and a 'chats' row per interval only when the run measures live chat")
    func metricsColumns() async throws {
        let text = Self.twoAgents + """

            at 0s ana logs in
            at 10s k1 starts customer conversation q1 "one"
            at 20s k2 starts customer conversation q2 "two"
            at 1m30s ana closes q1
            """
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "chat.scenario", text: text))
        let kept = Handoff<String>()
        var options = Simulation.Options()
        options.metricsInterval = .minutes(1)
        _ = try await Simulation.run(compiled.plan, options: options, observers: [MetricsWriter(keepingIn: kept, chats: compiled.plan.usesChatWork)])
        let csv = try #require(kept.take())
        #expect(csv.hasPrefix(MetricsWriter.header.dropLast() + "," + MetricsWriter.chatHeader + "\n"))
        #expect(csv.contains("\n0,chats,,,,,,,,2,1,0,1,0,0,0\n"), "\(csv)")
        #expect(csv.contains("\n60000,chats,,,,,,,,0,1,0,1,70000,70000,70000\n"), "\(csv)")
        #expect(csv.contains("\n0,messenger,1,1,0,0,0,0,0,,,,,,,\n"), "\(csv)")
    }

    @Test("a chat sent from a customer's draft is a chat from its sending; its other customers' messages reach the agent too")
    func chatFromADraft() async throws {
        let (result, report) = try await Self.run("""
            user ana
            customer k1 k2
            chat routing first-free
            at 0s k1 drafts customer conversation q1 with k2
            at 5s k1 sends q1 "from a draft"
            at 6s k2 writes to q1 "me too"
            at 10s ana logs in
            at 10s expect q1 participants k1, k2, ana
            at 10s expect 2 messengers to ana
            expect chat wait max at most 5s
            """)
        #expect(result.passed, "\(report)")
    }

    @Test("each chat check is written back (expand) in words that read as the same check")
    func checksRoundTrip() throws {
        let checks = [
            "expect chat wait p50 at most 30s", "expect chat wait max at most 1m30s", "expect chats waiting at most 3",
            "expect chats waiting at least 1", "expect chats waiting 0", "expect at most 2 chats abandoned",
            "expect at most 1 chat abandoned", "expect ana handles at most 4 chats per 1h", "expect ana handles at most 1 chat",
            "at 5m expect chats waiting 2", "at 5m expect chat wait p99 at most 10s",
        ]
        let text = "user ana\n" + checks.joined(separator: "\n") + "\n"
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "checks.scenario", text: text))
        let written = compiled.plan.checks.map { ($0.time.map { "at \($0) " } ?? "") + "expect " + $0.condition.describe(cast: compiled.plan.cast) }
        #expect(written == checks)
    }
}
