import OmniSim
import Testing
@testable import ScenarioLanguage

@Suite("The parser and lowering read the contract's statements")
struct ParserTests {
    func compile(_ text: String) throws(ScenarioFileError) -> CompiledScenario { try TestFiles.compile(text) }
    func diagnostics(_ text: String) -> [String] { TestFiles.diagnostics(text) }

    @Test("durations: one or more <integer><unit>, with ms distinct from m")
    func durations() {
        #expect(DurationSyntax.parse("0s") == .zero)
        #expect(DurationSyntax.parse("1m30s") == .seconds(90))
        #expect(DurationSyntax.parse("250ms") == .milliseconds(250))
        #expect(DurationSyntax.parse("2h") == .hours(2))
        #expect(DurationSyntax.parse("1h1m1s1ms") == .milliseconds(3_661_001))
        #expect(DurationSyntax.parse("5") == nil)
        #expect(DurationSyntax.parse("m") == nil)
        #expect(DurationSyntax.parse("99999999999999999999h") == nil)
    }

    @Test("v2: durations take days (24h): 7d, 1d9h30m, and 'views … on mobile' is its own event")
    func daysAndMobileViews() throws {
        #expect(DurationSyntax.parse("7d") == .hours(168))
        #expect(DurationSyntax.parse("1d9h30m") == .minutes(33 * 60 + 30))
        #expect(DurationSyntax.parse("d") == nil)
        let compiled = try compile("user bob\nmobile bob\nat 1d bob views plan on mobile\nat 1d expect error \"plan\"\n")
        #expect(compiled.plan.events.first?.time == .start + .hours(24))
        #expect(compiled.plan.events.first?.action == .viewOnMobile(.known(PersonID(0)), .unknown("plan")))
    }

    @Test("'+D' counts from the previous 'at'; times resolve to instants")
    func relativeTimes() throws {
        let compiled = try compile("user a\nat +1m a logs in\nat +30s a logs out\nat 5m a logs in\nat +1s a logs out\n")
        #expect(compiled.plan.events.map(\.time.milliseconds) == [60_000, 90_000, 300_000, 301_000])
    }

    @Test("comments, '@' names, commas and spaces in name lists, and escapes in strings")
    func lexicalRules() throws {
        let compiled = try compile("""
            user @alice bob,carol  dan # four users
            at 0s alice starts conversation c1 with @bob, carol dan "say \\"hi\\" \\\\ # not a comment\\n"
            """)
        #expect(compiled.plan.cast.personNames == ["alice", "bob", "carol", "dan"])
        guard case .start(_, _, _, let with, _, let text) = compiled.plan.events.first?.action else {
            Issue.record("expected a start event")
            return
        }
        #expect(with.count == 3)
        #expect(text == "say \"hi\" \\ # not a comment\n")
    }

    @Test("delivery checks: no, N, at least N, at most N; plural channel words; before and after")
    func deliveryChecks() throws {
        let compiled = try compile("""
            user bob
            expect email to bob "x"
            expect no emails
            expect 2 pushes to bob
            expect at least 5000 emails before 10m
            expect at most 3 chats after 1h
            """)
        let counts = compiled.plan.checks.compactMap { check -> DeliveryCheck.Count? in
            if case .delivery(let delivery) = check.condition { return delivery.count }
            return nil
        }
        #expect(counts == [.atLeast(1), .exactly(0), .exactly(2), .atLeast(5000), .atMost(3)])
        let last = try #require({ () -> DeliveryCheck? in
            if case .delivery(let delivery) = compiled.plan.checks[4].condition { return delivery }
            return nil
        }())
        #expect(last.channel == .chat)
        #expect(last.window == .after(.start + .hours(1)))
    }

    @Test("an unknown person in an event is not a file error: it becomes a rejected event")
    func unknownPersonInEventIsRejectedAtRunTime() throws {
        let compiled = try compile("user alice\nat 0s zed logs in\nat 0s expect error \"zed\"\n")
        #expect(compiled.plan.events.first?.action == .logIn(.unknown("zed")))
    }

    @Test("top-level settings, mobile, channels and items apply from time 0")
    func declarations() throws {
        let compiled = try compile("""
            user bob
            customer carol
            set bob email-after 5m
            set everyone bubble off
            mobile bob
            channel email latency 2s
            channel email down 10m..15m
            channel email rate 100/s
            ticket T1 "Printer" followers carol, bob
            end at 2h
            """)
        let plan = compiled.plan
        #expect(plan.personSetup[0] == PersonSetup(settings: .init(emailAfter: .minutes(5)), hasMobile: true))
        #expect(plan.everyone == UserSettings(bubble: false))
        #expect(plan.channels[ChannelKind.email.rawValue] == ChannelConfig(
            kind: .email, latency: .seconds(2),
            downWindows: [DownWindow(from: .start + .minutes(10), until: .start + .minutes(15))],
            rate: Rate(count: 100, window: .seconds(1))))
        #expect(plan.items == [ItemDeclaration(thread: ThreadID(0), kind: .ticket, title: "Printer", followers: [.person(PersonID(1)), .person(PersonID(0))])])
        #expect(plan.endAt == .start + .hours(2))
    }

    @Test("one diagnostic per bad line, and the good lines are not applied")
    func severalErrors() {
        #expect(diagnostics("user a\nat 0s a logz in\nat 1m a logs in\nexpect a bubble\n") == [
            "unknown event 'logz'; did you mean 'logs'?", "expected a number",
        ])
    }
}
