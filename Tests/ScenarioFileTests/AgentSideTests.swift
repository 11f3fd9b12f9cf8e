import Foundation
import OmniSim
import ScenarioLanguage
@testable import OmniSimRunner
import Testing

/// Contract v3, the agent's side (issue 22, features 1, 2, 3 and 5): views that end, chats agents
/// take, conversations on items with per-message visibility, and roles. Each test pins one reading
/// of the contract's "v3 fine print" with a small file; docs/language.md names them.
@Suite("Contract v3: the agent's side, file by file")
struct AgentSideTests {
    /// A run of `text` as `v3.scenario`, with everyone's journal and the trace kept.
    struct Outcome {
        var compiled: CompiledScenario
        var result: RunResult
        var trace: String

        var report: String { RunReport.text(for: ScenarioRun(path: "v3.scenario", outcome: .ran(compiled, result))) }
        /// nil when every check and the oracle passed; else the report (what `#expect` shows).
        var failures: String? { result.passed ? nil : report }
        func explain(_ person: String) -> String { ExplainReport.text(person: person, compiled: compiled, result: result) }
        /// The recipients of the deliveries on `channel` of the message whose text is `text`, in trace order.
        func recipients(of text: String, on channel: String = "messenger") -> [String] {
            trace.split(separator: "\n")
                .filter { $0.contains("\"channel\":\"\(channel)\"") && $0.contains("\"text\":\"\(text)\"") }
                .compactMap { line in line.firstRange(of: "\"to\":\"").map { String(line[$0.upperBound...].prefix { $0 != "\"" }) } }
        }
    }

    static func run(_ text: String) async throws -> Outcome {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "v3.scenario", text: text))
        var options = Simulation.Options()
        options.journal = .everyone
        let writer = TraceWriter()
        let result = try await Simulation.run(compiled.plan, options: options, observers: [writer])
        return Outcome(compiled: compiled, result: result, trace: writer.text)
    }

    // MARK: Views that end

    @Test("stops viewing: later messages are unseen and emailed; the user stays logged in (no push)")
    func stopsViewing() async throws {
        let run = try await Self.run("""
            user maria jonas
            mobile jonas
            at 0s maria starts conversation plan with jonas "one"
            at 0s jonas views plan
            at 1m jonas stops viewing plan
            at 2m maria writes to plan "two"
            at 2m expect jonas unread 1
            at 2m expect no push to jonas
            at 3m expect email to jonas "two"
            """)
        #expect(run.failures == nil)
        #expect(run.explain("jonas").contains("1m        stops viewing plan: later messages are unseen at arrival"))
    }

    @Test("stops viewing a thread one is not viewing is no error; an unknown thread is rejected")
    func stopsViewingCorners() async throws {
        let run = try await Self.run("""
            user maria jonas
            at 0s maria starts conversation plan with jonas "one"
            at 1m jonas stops viewing plan
            at 2m jonas stops viewing nowhere
            at 2m expect error "unknown thread 'nowhere'"
            at 3m maria drafts conversation draft with jonas
            at 3m maria stops viewing draft
            at 3m expect error "'draft' is a draft that has not been sent"
            """)
        #expect(run.failures == nil)
        #expect(!run.explain("jonas").contains("stops viewing plan"), "nothing ended, so nothing is said")
    }

    @Test("view-timeout D: the view covers [v, v+D]; an event at exactly v+D finds it on, one a millisecond later does not")
    func timeoutBoundary() async throws {
        let run = try await Self.run("""
            user maria jonas
            set jonas view-timeout 5m
            at 0s maria starts conversation plan with jonas "one"
            at 10m jonas views plan
            at 15m maria writes to plan "at the boundary"
            at 15m expect jonas unread 0
            at 15m1ms maria writes to plan "just after"
            at 15m1ms expect jonas unread 1
            at 16m1ms expect email to jonas "just after"
            expect no email to jonas "at the boundary"
            """)
        #expect(run.failures == nil)
        #expect(run.explain("jonas").contains(
            "15m       view of plan ends: view-timeout 5m after the last view or post at 10m; later messages are unseen at arrival"))
    }

    @Test("the end is a timer set at the view: an arrival at exactly v+D whose timer was set later finds the view ended")
    func arrivalAtTheBoundary() async throws {
        let run = try await Self.run("""
            user maria jonas
            set jonas view-timeout 1m
            channel messenger latency 1s
            at 0s maria starts conversation plan with jonas "one"
            at 1m jonas views plan
            at 1m59s maria writes to plan "arrives at 2m"
            at 2m expect jonas unread 1
            """)
        #expect(run.failures == nil)
    }

    @Test("a view's end is a timer like any other: the run lasts until it, and it is never a pending send")
    func viewEndIsATimer() async throws {
        let run = try await Self.run("""
            user maria jonas
            set everyone view-timeout 1h
            at 0s maria starts conversation plan with jonas "one"
            expect no email to maria
            """)
        #expect(run.failures == nil)
        #expect(run.result.endTime == .start + .hours(1), "maria's view, renewed by her post at 0s, ends at 1h")
        #expect(run.result.channels.allSatisfy { $0.pending == 0 })
    }

    @Test("shaped and plain loads honour view-timeout: their views end too")
    func loadsHonourViewTimeout() async throws {
        let run = try await Self.run("""
            set everyone view-timeout 1m
            load seed 3 users 6 customers 2 conversations 3 messages 40 over 1h shape workday
            """)
        #expect(run.failures == nil)
        #expect(run.explain("u1").contains("ends: view-timeout 1m after the last view or post at"))
    }

    @Test("without view-timeout a view never ends (v2): a message a week later is still seen at arrival")
    func noTimeoutByDefault() async throws {
        let run = try await Self.run("""
            user maria jonas
            at 0s maria starts conversation plan with jonas "one"
            at 0s jonas views plan
            at 7d maria writes to plan "a week later"
            at 7d expect jonas unread 0
            """)
        #expect(run.failures == nil)
    }

    @Test("view-timeout 0s ends the view once the instant's events are over: a message arriving later is unseen")
    func zeroTimeout() async throws {
        let run = try await Self.run("""
            user maria jonas
            set jonas view-timeout 0s
            channel messenger latency 1s
            at 0s maria starts conversation plan with jonas "one"
            at 1m jonas views plan
            at 1m maria writes to plan "same instant"
            at 1m1s expect jonas unread 1
            """)
        #expect(run.failures == nil)
        #expect(run.explain("jonas").contains("1m        view of plan ends: view-timeout 0s after the last view or post at 1m"))
    }

    @Test("D is read at each view or post: a timed set does not change a view already running, and explain names the D read")
    func timedSetDoesNotMoveARunningView() async throws {
        let run = try await Self.run("""
            user maria jonas
            set jonas view-timeout 10m
            at 0s maria starts conversation plan with jonas "one"
            at 2m jonas views plan
            at 3m set jonas view-timeout 1m
            at 11m maria writes to plan "still on"
            at 11m expect jonas unread 0
            at 12m1s maria writes to plan "ended at 12m"
            at 12m1s expect jonas unread 1
            """)
        #expect(run.failures == nil)
        #expect(run.explain("jonas").contains("12m       view of plan ends: view-timeout 10m after the last view or post at 2m"))
    }

    @Test("a post renews the view; an email reply and reading on mobile do not; logging in again brings no view back")
    func whatRenews() async throws {
        let run = try await Self.run("""
            user maria jonas
            mobile jonas
            set jonas view-timeout 5m
            at 0s maria starts conversation plan with jonas "one"
            at 0s jonas views plan
            at 4m jonas writes to plan "renewed"
            at 8m maria writes to plan "seen: the post renewed it"
            at 8m expect jonas unread 0
            at 20m jonas views plan
            at 22m jonas emails plan "by email"
            at 24m jonas views plan on mobile
            at 25m1s maria writes to plan "unseen: ended at 25m"
            at 25m1s expect jonas unread 1
            at 30m jonas views plan
            at 31m jonas logs out
            at 32m jonas logs in
            at 33m maria writes to plan "unseen: no view after logging in"
            at 33m expect jonas unread 1
            """)
        #expect(run.failures == nil)
    }

    // MARK: Takes

    static let chat = """
        user ana ben cy
        customer kim lou
        set ana customer-messages all
        at 0s kim starts customer conversation q1 with lou "help"
        """

    @Test("a take needs a user, a customer conversation, and customer-messages all at that instant; the reasons are given")
    func takeRejections() async throws {
        let run = try await Self.run(Self.chat + """

            ticket T1 "t" followers ben
            at 1s ben starts conversation u1 with cy "hi"
            at 1s kim takes q1
            at 1s expect error "only users take conversations; 'kim' is a customer"
            at 2s ana takes u1
            at 2s expect error "ana cannot take u1: only customer conversations can be taken, and u1 is a user conversation"
            at 3s ana takes T1
            at 3s expect error "ana cannot take T1: only customer conversations can be taken, and T1 is an item"
            at 4s ben takes q1
            at 4s expect error "ben cannot take q1: ben is not a participant and does not see every customer message (customer-messages mine; taking needs customer-messages all)"
            at 5s set ana customer-messages none
            at 5s ana takes q1
            at 5s expect error "(customer-messages none; taking needs customer-messages all)"
            expect q1 participants kim, lou
            """)
        #expect(run.failures == nil)
    }

    @Test("the taker joins at the end of the membership order, is listed, views it, and gets the replies")
    func takeJoinsAndViews() async throws {
        let run = try await Self.run(Self.chat + """

            at 1m ana takes q1
            at 1m expect q1 participants kim, lou, ana
            at 1m expect ana inbox open lists q1
            at 1m expect ana unread 0
            at 2m ben starts conversation other with cy "elsewhere"
            at 2m kim writes to q1 "reply"
            at 2m expect ana unread 0
            """)
        #expect(run.failures == nil)
        #expect(run.recipients(of: "reply", on: "email") == ["lou"], "ana saw it in the app; lou is emailed as a customer")
        #expect(run.explain("ana").contains("1m        takes q1 (a participant from now on)"))
        #expect(run.explain("ana").contains("1m        views q1: 1 message seen; unread 0, bubble 0"))
    }

    @Test("a participant taking again only views it, and explain says so")
    func retakeIsAView() async throws {
        let run = try await Self.run(Self.chat + """

            at 1m ana takes q1
            at 2m ana logs out
            at 3m set ana customer-messages mine
            at 3m ana takes q1
            at 4m kim writes to q1 "seen at arrival"
            at 4m expect ana unread 0
            """)
        #expect(run.failures == nil)
        #expect(run.explain("ana").contains("3m        takes q1: already a participant, so it only views it"))
    }

    @Test("writing in a customer conversation seen only through 'all' takes it first; an email reply by a non-member is rejected")
    func writingTakes() async throws {
        let run = try await Self.run(Self.chat + """

            at 1m ana writes to q1 "On it"
            at 1m expect q1 participants kim, lou, ana
            at 2m kim starts customer conversation q2 "second"
            at 3m ana emails q2 "by email"
            at 3m expect error "'ana' is not a participant of 'q2'"
            expect q2 participants kim
            """)
        #expect(run.failures == nil)
        #expect(run.explain("ana").contains("1m        takes q1 by writing in it (seen through customer-messages all)"))
    }

    @Test("viewing through 'all' does not take; a closed conversation may be taken and stays closed")
    func viewingDoesNotTake() async throws {
        let run = try await Self.run(Self.chat + """

            at 1m ana views q1
            at 1m expect q1 participants kim, lou
            at 2m ana closes q1
            at 2m expect error "'ana' is not a participant of 'q1'"
            at 3m ben starts customer conversation q2 with kim "closed one"
            at 3m ben closes q2
            at 4m ana takes q2
            at 4m expect q2 participants ben, kim, ana
            at 4m expect ana inbox closed lists q2
            """)
        #expect(run.failures == nil)
    }

    @Test("a take renews a view with view-timeout, as a view does")
    func takeRenews() async throws {
        let run = try await Self.run(Self.chat + """

            set ana view-timeout 1m
            at 1m ana takes q1
            at 2m kim writes to q1 "at the boundary"
            at 2m expect ana unread 0
            at 2m1s kim writes to q1 "after"
            at 2m1s expect ana unread 1
            """)
        #expect(run.failures == nil)
    }

    // MARK: Conversations on items

    static let ticket = """
        user alice bob dan lea
        customer kim lou
        team support lea
        ticket T-9 "printer" followers bob, kim, support

        """

    @Test("members: the conversation's own entries, then the item's followers in the item's order; internal ones leave out customers")
    func itemMemberOrder() async throws {
        let run = try await Self.run(Self.ticket + """
            at 0s alice starts internal conversation n1 with dan on T-9 "internal"
            at 0s alice starts customer conversation r1 on T-9 "public"
            expect n1 participants alice, dan, bob, lea
            expect r1 participants alice, bob, kim, lea
            expect kim cannot see n1
            """)
        #expect(run.failures == nil)
        #expect(run.recipients(of: "internal") == ["dan", "bob", "lea"])
        #expect(run.recipients(of: "public") == ["bob", "lea"])
        #expect(run.recipients(of: "public", on: "email").first == "kim", "a customer is emailed at posting")
        #expect(run.recipients(of: "internal", on: "email") == ["dan", "bob", "lea"], "never kim")
    }

    @Test("a customer author of an internal conversation is rejected; a customer starts one on an item only if following it")
    func customerAuthors() async throws {
        let run = try await Self.run(Self.ticket + """
            at 1s kim starts internal conversation n2 on T-9 "x"
            at 1s expect error "customers cannot be in a user conversation; 'kim' is a customer"
            at 2s lou starts customer conversation r2 on T-9 "y"
            at 2s expect error "'lou' does not follow 'T-9'"
            at 3s kim starts customer conversation r3 on T-9 "from kim"
            expect r3 participants kim, bob, lea
            """)
        #expect(run.failures == nil)
    }

    @Test("a customer conversation on an item needs a customer, listed or following the item")
    func customerConversationNeedsACustomer() async throws {
        let run = try await Self.run("""
            user alice bob
            customer kim
            task T-10 "toner" followers bob
            at 1s alice starts customer conversation r1 on T-10 "none"
            at 1s expect error "a customer conversation needs at least one customer; 'r1' has none"
            at 2s alice starts customer conversation r2 with kim on T-10 "listed"
            expect r2 participants alice, kim, bob
            """)
        #expect(run.failures == nil)
    }

    @Test("followers changing later flow into the conversations: follow, unfollow, notes, team changes")
    func followersFlowIn() async throws {
        let run = try await Self.run(Self.ticket + """
            at 0s alice starts internal conversation n1 on T-9 "start"
            at 1m dan follows T-9
            at 1m expect n1 participants alice, bob, lea, dan
            at 2m bob unfollows T-9
            at 2m expect n1 participants alice, lea, dan
            at 2m expect bob cannot see n1
            at 3m alice removes lea from team support
            at 3m expect n1 participants alice, dan
            at 4m bob notes T-9 "back"
            at 4m expect n1 participants alice, dan, bob
            at 5m alice writes to n1 "who gets this"
            """)
        #expect(run.failures == nil)
        #expect(run.recipients(of: "who gets this") == ["dan", "bob"])
        let bob = run.explain("bob")
        #expect(bob.contains("2m        no longer in n1: was in it only as a follower of T-9"))
        #expect(bob.contains("4m        in n1 as a follower of T-9"))
        #expect(run.explain("dan").contains("1m        in n1 as a follower of T-9"))
    }

    @Test("removing someone who is in only through the item is rejected, naming the item")
    func removeItemOnlyMember() async throws {
        let run = try await Self.run(Self.ticket + """
            at 0s alice starts internal conversation n1 on T-9 "start"
            at 1s alice removes bob from n1
            at 1s expect error "'bob' is in 'n1' only as a follower of 'T-9'; they leave it as they stop following 'T-9'"
            expect n1 participants alice, bob, lea
            """)
        #expect(run.failures == nil)
    }

    @Test("a mention of an item's follower adds no entry of their own: removing them is still rejected, naming the item")
    func mentionOfAFollower() async throws {
        let run = try await Self.run(Self.ticket + """
            at 0s alice starts internal conversation n1 on T-9 "start"
            at 1s alice writes to n1 "over to you @bob"
            at 2s alice removes bob from n1
            at 2s expect error "only as a follower of 'T-9'"
            """)
        #expect(run.failures == nil)
    }

    @Test("losing membership through the item ends a view of the conversation")
    func losingTheItemEndsTheView() async throws {
        let run = try await Self.run(Self.ticket + """
            at 0s alice starts internal conversation n1 on T-9 "start"
            at 1s bob views n1
            at 2s bob unfollows T-9
            at 3s alice adds bob to n1
            at 4s alice writes to n1 "after"
            at 4s expect bob unread 1
            """)
        #expect(run.failures == nil)
        #expect(run.explain("bob").contains(
            "2s        no longer in n1: was in it only as a follower of T-9\n  2s        stops viewing n1: may no longer view it"))
    }

    @Test("a customer drafts on an item only if following it; removing the item's customer leaves its conversations without one")
    func customerFollowerCorners() async throws {
        let run = try await Self.run(Self.ticket + """
            at 0s lou drafts customer conversation d1 on T-9
            at 0s expect error "'lou' does not follow 'T-9'"
            at 1s alice starts customer conversation r1 on T-9 "public"
            at 2s alice removes kim from T-9
            at 2s expect r1 participants alice, bob, lea
            at 2s expect kim cannot see "public"
            """)
        #expect(run.failures == nil)
    }

    @Test("links: by a user participant only; one item at most; the same item again changes nothing")
    func links() async throws {
        let run = try await Self.run(Self.ticket + """
            task T-10 "other" followers dan
            at 0s alice starts conversation c1 with dan "plain"
            at 1s bob links c1 to T-9
            at 1s expect error "'bob' is not a participant of 'c1'"
            at 2s alice links c1 to T-9
            at 2s expect c1 participants alice, dan, bob, lea
            at 3s alice links c1 to T-9
            at 4s dan links c1 to T-10
            at 4s expect error "'c1' is already on 'T-9'; a conversation is on one item at most"
            at 5s alice links T-10 to T-9
            at 5s expect error "'T-10' is an item; only conversations are linked to items"
            """)
        #expect(run.failures == nil)
        #expect(run.explain("bob").contains("2s        in c1 as a follower of T-9"))
    }

    @Test("a draft on an item takes the item's followers when it is sent")
    func draftOnItem() async throws {
        let run = try await Self.run(Self.ticket + """
            at 0s alice drafts customer conversation d1 on T-9
            at 1m alice adds dan to T-9
            at 2m alice sends d1 "sent"
            expect d1 participants alice, bob, kim, lea, dan
            """)
        #expect(run.failures == nil)
        #expect(run.recipients(of: "sent") == ["bob", "lea", "dan"])
    }

    @Test("a user conversation drafted on an item with a customer listed is rejected at the draft")
    func draftedInternalWithCustomer() async throws {
        let run = try await Self.run(Self.ticket + """
            at 0s alice drafts internal conversation d1 with kim on T-9
            at 0s expect error "customers cannot be in a user conversation; 'kim' is a customer"
            """)
        #expect(run.failures == nil)
    }

    @Test("'on ITEM' ends a 'with' list only before the item's name and the text, so a person named 'on' (v2) is still a name")
    func personNamedOn() async throws {
        let run = try await Self.run("""
            user alice on bob
            ticket T-9 "t" followers bob
            at 0s alice starts conversation c1 with on "x"
            at 1s alice starts conversation c2 with on, bob "x"
            at 2s alice starts conversation c3 with on on T-9 "x"
            at 3s alice drafts conversation d1 with on
            at 4s alice sends d1 "y"
            expect c1 participants alice, on
            expect c2 participants alice, on, bob
            expect c3 participants alice, on, bob
            expect d1 participants alice, on
            """)
        #expect(run.failures == nil)
    }

    // MARK: sees / cannot see

    @Test("sees is visibility, not read state: an unread message is seen; a customer never sees a note")
    func seesIsVisibility() async throws {
        let run = try await Self.run(Self.ticket + """
            at 0s alice notes T-9 "internal note"
            at 1s alice writes to T-9 "public reply"
            expect bob unread 2
            expect bob sees "internal note"
            expect kim cannot see "internal note"
            expect kim sees "public reply"
            expect lou cannot see "public reply"
            """)
        #expect(run.failures == nil)
    }

    @Test("none or several messages matching make the check fail (exit 1), naming how many; rejected posts never exist")
    func seesNeedsOneMessage() async throws {
        let run = try await Self.run("""
            user maria jonas
            customer kim
            at 0s maria starts conversation plan with jonas "plan one"
            at 1s maria writes to plan "plan two"
            at 2s kim writes to plan "plan three"
            at 2s expect error "kim"
            expect jonas sees "plan"
            expect jonas cannot see "plan three"
            """)
        #expect(run.result.failedChecks.count == 2)
        #expect(run.report.contains("v3.scenario:7:1: error: expected jonas sees \"plan\"; saw 2 messages posted so far contain it"), "\(run.report)")
        #expect(run.report.contains("v3.scenario:8:1: error: expected jonas cannot see \"plan three\"; saw no message posted so far contains it"))
        #expect(ScenarioRun(path: "v3.scenario", outcome: .ran(run.compiled, run.result)).exitCode == 1, "a failed check, not a file error")
    }

    // MARK: Roles

    @Test("roles: an admin sets anyone's settings, anyone their own; everyone and customers need an admin")
    func roles() async throws {
        let run = try await Self.run("""
            user alice bob
            customer kim
            admin alice
            at 0s alice starts conversation plan with bob "hi"
            at 10s alice sets bob email off
            at 20s bob sets alice email off
            at 20s expect error "only an admin can change alice's settings (bob is not an admin)"
            at 20s bob sets everyone email off
            at 20s expect error "only an admin can change everyone's settings (bob is not an admin)"
            at 20s bob sets customers email off
            at 20s expect error "only an admin can change the customers' settings (bob is not an admin)"
            at 20s alice sets nobody email off
            at 20s expect error "unknown person 'nobody'"
            at 30s bob sets bob bubble off
            at 30s expect bob bubble 0
            expect no email to bob
            """)
        #expect(run.failures == nil)
        #expect(Rejection.notAdmin(person: "alice", whose: "bob's").description
            == "only an admin can change bob's settings (alice is not an admin)")
        // explain: the change on the owner's timeline too, naming the admin; one's own change only as an action.
        #expect(run.explain("bob").contains("10s       setting changed by alice (an admin): email off"))
        #expect(!run.explain("bob").contains("setting changed by bob"))
    }

    @Test("'A sets TEAM …' is the file error 'set TEAM …' is, at the team")
    func setsATeam() {
        let text = "user alice\nteam support alice\nadmin alice\nat 1s alice sets support email off\n"
        do {
            _ = try ScenarioCompiler.compile(SourceFile(path: "v3.scenario", text: text))
            Issue.record("compiled")
        } catch {
            #expect(DiagnosticRenderer.render(error).hasPrefix(
                "v3.scenario:4:18: error: 'support' is a team; a team never acts, and has no settings or mobile app"))
        }
    }

    @Test("'A sets everyone|B customer-messages all' counts toward the run's limits as 'set' does (docs/limits.md)")
    func setsCountsTowardTheLimits() throws {
        let users = "user boss " + (1...300).map { "a\($0)" }.joined(separator: " ") + "\nadmin boss\n"
        let load = "load seed 1 users 0 customers 100 conversations 100 messages 1000000 over 1h\n"
        for change in ["at 30m boss sets everyone customer-messages all\n",
                       (1...300).map { "at 30m boss sets a\($0) customer-messages all\n" }.joined()] {
            do {
                _ = try ScenarioCompiler.compile(SourceFile(path: "v3.scenario", text: users + change + load))
                Issue.record("compiled: the fan-out of 'sets' was not counted")
            } catch {
                #expect(error.diagnostics.first?.message.text.contains("users who may have 'customer-messages all'") == true)
            }
        }
    }

    // MARK: Expand

    @Test("expand writes every v3 statement back, and the expansion gives a byte-identical trace", arguments: [
        "Scenarios/agents/views-that-end.scenario", "Scenarios/agents/chats-agents-take.scenario",
        "Scenarios/agents/conversations-on-items.scenario", "Scenarios/agents/admin-settings.scenario",
    ])
    func expandRoundTrip(_ path: String) async throws {
        let text = try String(contentsOf: ScenarioFileTests.root.appendingPathComponent(path), encoding: .utf8)
        let original = try ScenarioCompiler.compile(SourceFile(path: path, text: text))
        let expandedText = ScenarioExpander.expandedText(original)
        let expanded = try ScenarioCompiler.compile(SourceFile(path: "expanded.scenario", text: expandedText))
        let (a, b) = (TraceWriter(), TraceWriter())
        let first = try await Simulation.run(original.plan, observers: [a])
        let second = try await Simulation.run(expanded.plan, observers: [b])
        #expect(a.text == b.text && !a.text.isEmpty)
        #expect(first.passed && second.passed, "\(second.failedChecks)")
        #expect(ScenarioExpander.expandedText(expanded) == expandedText, "expanding twice changes nothing")
        // Every v3 word of the file is written back.
        let words = [
            " stops viewing ", " view-timeout ", " takes ", " internal conversation ", " on T-", " links ", " sees \"",
            " cannot see \"", "admin ", " sets ",
        ]
        let statements = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        for word in words where statements.contains(word) {
            let written = word == " internal conversation " ? " conversation " : word
            #expect(expandedText.contains(written), "\(path): '\(word)' is not written back")
        }
    }
}
