import OmniSim
import Testing
@testable import ScenarioLanguage

/// Lowering as the parser goes: events become planned events at once and are not held as
/// statements; names are resolved once the whole file is read, so declarations may come anywhere.
@Suite("Lowering as the file is parsed: the plan, not a syntax tree, and names declared anywhere")
struct StreamingLoweringTests {
    func compile(_ text: String) throws(ScenarioFileError) -> CompiledScenario { try TestFiles.compile(text) }
    func diagnostics(_ text: String) -> [String] { TestFiles.diagnostics(text, located: true) }

    @Test("a file of many events holds only its declarations while it is read")
    func eventsAreNotHeld() {
        var text = "user a b\ncustomer k\n"
        for second in 1...5_000 { text += "at \(second)s a writes to c1 \"m\(second)\"\n" }
        text += "expect messenger to b \"m5000\"\n"
        let file = SourceFile(path: "many.scenario", text: text)
        var lowering = Lowering(file: file)
        let (parseDiagnostics, _) = Parser.parse(file, into: &lowering)
        #expect(parseDiagnostics.isEmpty)
        #expect(lowering.heldStatementCount == 3)  // two declarations and the check
        let (plan, checkRanges, eventRanges) = lowering.lower()
        #expect(plan.events.count == 5_000)
        #expect(checkRanges.count == 1 && eventRanges.count == 5_000)
        #expect(plan.events[4_999].action == .write(author: .known(PersonID(0)), thread: .unknown("c1"), text: "m5000", route: .app))
    }

    @Test("people, teams and items declared after the events that name them are known to them")
    func declarationsAfterEvents() throws {
        let compiled = try compile("""
            at 1s a starts conversation c1 with b, support "hi @b and @support"
            at 2s a writes to t1 "on the ticket"
            at 3s a adds k to team support
            at 4s channel email bounce k
            user a b
            customer k
            team support b
            ticket t1 followers a
            """)
        let events = compiled.plan.events
        let (a, b, k) = (PersonID(0), PersonID(1), PersonID(2))
        // The ticket's slot comes first, then the conversation started by an event.
        #expect(compiled.plan.cast.threadNames == ["t1", "c1"])
        #expect(events[0].action == .start(author: .known(a), thread: .known(ThreadID(1)), isCustomer: false,
                                           with: [.known(b), .team(TeamID(0))], on: nil, text: "hi @b and @support"))
        #expect(events[0].mentions == [.person(b), .team(TeamID(0))])
        #expect(events[1].action == .write(author: .known(a), thread: .known(ThreadID(0)), text: "on the ticket", route: .app))
        #expect(events[2].action == .joinTeam(by: .known(a), people: [.known(k)], team: .known(TeamID(0))))
        #expect(events[3].action == .channel(.email, .bounce(k)))
    }

    @Test("a team acting, a team given the app, a bounce to nobody: found once the file is read, at the name's column")
    func lateDiagnosticsKeepTheirColumns() {
        #expect(diagnostics("""
            at 1s support logs in
            at 2s mobile b, support
            at 3s channel email bounce ghost
            at 4s set support email off
            user a b
            team support b
            """) == [
                "1:7: 'support' is a team; a team never acts, and has no settings or mobile app",
                "2:17: 'support' is a team; a team never acts, and has no settings or mobile app",
                "3:28: unknown person 'ghost'",
                "4:11: 'support' is a team; a team never acts, and has no settings or mobile app",
            ])
    }

    @Test("a relative time and a name that is a person where a thread is named resolve as when declared first")
    func sameAsDeclaredFirst() throws {
        let late = try compile("at 1s a views b\nat +2s a logs out\nuser a b\n").plan
        let early = try compile("user a b\nat 1s a views b\nat +2s a logs out\n").plan
        #expect(late.events == early.events)
        #expect(late.events[0].action == .view(.known(PersonID(0)), .person(PersonID(1))))
        #expect(late.events[1].time == .start + .seconds(3))
    }
}
