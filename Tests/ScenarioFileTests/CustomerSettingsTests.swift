import Foundation
import OmniSim
import ScenarioLanguage
@testable import OmniSimRunner
import Testing

/// Contract v3, "Customers' own settings", end to end: a small file each, run with the oracle, its
/// trace and its `explain` read back.
@Suite("Customers' own settings: views in the widget, the widget fallback, batches (contract v3)")
struct CustomerSettingsTests {
    struct Outcome {
        var compiled: CompiledScenario
        var result: RunResult
        var trace: String

        /// The trace's email lines to `name`, as `t text` pairs (t in seconds).
        func emails(to name: String) -> [String] {
            trace.split(separator: "\n").filter { $0.contains(#""channel":"email","to":"\#(name)""#) }.map { line in
                let t = Int(line.split(separator: ",")[0].dropFirst(5))! / 1_000
                let text = line.components(separatedBy: #""text":""#)[1].prefix { $0 != "\"" }
                return "\(t)s \(text)" + (line.contains(#""batch":"#) ? " batch " + line.components(separatedBy: #""batch":"#)[1].dropLast() : "")
            }
        }

        func explain(_ person: String) -> String { ExplainReport.text(person: person, compiled: compiled, result: result) }
    }

    /// Compiles and runs `text`, journal of everyone, trace written.
    func run(_ text: String) async throws -> Outcome {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "cust.scenario", text: text))
        let writer = TraceWriter()
        var options = Simulation.Options()
        options.journal = .everyone
        let result = try await Simulation.run(compiled.plan, options: options, observers: [writer])
        return Outcome(compiled: compiled, result: result, trace: writer.text)
    }

    func failures(_ outcome: Outcome) -> String {
        RunReport.text(for: ScenarioRun(path: "cust.scenario", outcome: .ran(outcome.compiled, outcome.result)))
    }

    static let cast = """
        user ana
        customer kim
        set kim email-after 5m
        at 0s kim joins chat
        at 0s kim starts customer conversation q1 with ana "help"

        """

    @Test("email-after D: a chat message still unseen at t + D is emailed then; one seen in the widget by then is not")
    func widgetFallback() async throws {
        let outcome = try await run(Self.cast + """
            at 1m ana writes to q1 "one"
            at 2m ana writes to q1 "two"
            at 6m30s kim views q1
            at 10m ana writes to q1 "three"
            """)
        #expect(outcome.result.passed, "\(failures(outcome))")
        #expect(outcome.emails(to: "kim") == ["360s one"], "two was seen at 6m30s, before its deadline at 7m; three as it arrived")
    }

    @Test("without email-after there is no fallback: a customer who never views gets chat only, as in v2")
    func noEmailAfterIsV2() async throws {
        let outcome = try await run("""
            user ana
            customer kim
            set kim email-batch 5m
            set kim email off
            at 0s kim joins chat
            at 0s kim starts customer conversation q1 with ana "help"
            at 1m ana writes to q1 "one"
            at 2m kim leaves chat
            at 3m ana writes to q1 "two"
            """)
        #expect(outcome.result.passed, "\(failures(outcome))")
        #expect(outcome.emails(to: "kim") == ["180s two"], "out of the widget: emailed at once, email off or not")
        #expect(outcome.trace.contains(#""channel":"chat","to":"kim","from":"ana","thread":"q1","message":2,"text":"one"}"#))
    }

    @Test("not in the widget at posting: emailed at once whatever the settings; email off stops only the widget fallback")
    func emailAtOnceOutsideTheWidget() async throws {
        let outcome = try await run(Self.cast + """
            set kim email off
            at 1m ana writes to q1 "by chat"
            at 2m kim leaves chat
            at 3m ana writes to q1 "by email"
            """)
        #expect(outcome.result.passed, "\(failures(outcome))")
        #expect(outcome.emails(to: "kim") == ["180s by email"])
        let kim = outcome.explain("kim")
        #expect(kim.contains("email fallback for message #2 in q1 from ana \"by chat\": unseen in the widget at its deadline, but email is off: no email"))
        #expect(kim.contains("no email fallback for message #3 in q1 from ana \"by email\": not in live chat at posting, so emailed at once"))
    }

    @Test("the view lasts while they stay in the widget and ends with leaves chat, stops viewing, another view or removal")
    func viewsEnd() async throws {
        let outcome = try await run("""
            user ana
            customer kim lou
            set customers email-after 1m
            at 0s kim starts customer conversation q1 with ana, lou "help"
            at 0s kim starts customer conversation q2 with ana "other"
            at 0s kim views q1
            at 1m ana writes to q1 "seen live"
            at 2m kim stops viewing q1
            at 2m ana writes to q1 "after stop"
            at 4m kim views q1
            at 4m kim views q2
            at 5m ana writes to q1 "after another view"
            at 7m kim views q1
            at 7m ana removes kim from q1
            at 7m lou views q1
            at 8m ana writes to q1 "kim is out"
            at 9m lou leaves chat
            at 9m ana writes to q1 "lou left"
            """)
        #expect(outcome.result.passed, "\(failures(outcome))")
        #expect(outcome.emails(to: "kim") == ["180s after stop", "360s after another view"])
        #expect(outcome.emails(to: "lou") == ["0s help", "60s seen live", "120s after stop", "300s after another view", "540s lou left"],
            "lou is not in the widget until 7m: emailed at once")
        let kim = outcome.explain("kim")
        #expect(kim.contains("seen at arrival: viewing q1 in the live chat widget"))
        #expect(kim.contains("stops viewing q1: later messages are unseen at arrival"))
        #expect(kim.contains("stops viewing q1: views q2 instead"))
        #expect(kim.contains("stops viewing q1: may no longer view it"))
        #expect(outcome.explain("lou").contains("view of q1 in the widget ends: left live chat"))
    }

    @Test("readings: a view at exactly t + D still prevents the email; a customer's own post views nothing; closing does not end a view")
    func readings() async throws {
        let outcome = try await run(Self.cast + """
            at 1m ana writes to q1 "viewed at the deadline"
            at 6m kim views q1
            at 7m kim leaves chat
            at 7m kim joins chat
            at 8m ana writes to q1 "kim answers, unread"
            at 9m kim writes to q1 "thanks"
            at 20m kim views q1
            at 20m ana closes q1
            at 21m ana writes to q1 "closed, still viewed"
            """)
        #expect(outcome.result.passed, "\(failures(outcome))")
        #expect(outcome.emails(to: "kim") == ["780s kim answers, unread"], "writing is not viewing for a customer")
        #expect(outcome.explain("kim").contains("21m       seen at arrival: viewing q1 in the live chat widget"))
    }

    @Test("a customer views only a thread they are a member of: otherwise rejected as a user's view is")
    func nonMemberRejected() async throws {
        let outcome = try await run("""
            user ana bob
            customer kim
            at 0s ana starts conversation c1 with bob "internal"
            at 1m kim views c1
            at 1m expect error "'kim' is not a participant of 'c1'"
            at 2m kim views nowhere
            at 2m expect error "unknown thread 'nowhere'"
            """)
        #expect(outcome.result.passed, "\(failures(outcome))")
    }

    @Test("email-batch: widget fallbacks batch per customer and thread from the first one's deadline (v2's window), one email covering the unseen")
    func batches() async throws {
        let outcome = try await run(Self.cast + """
            set kim email-batch 3m
            at 0s kim starts customer conversation q2 with ana "second"
            at 1m ana writes to q1 "one"
            at 2m ana writes to q1 "two"
            at 2m30s ana writes to q2 "elsewhere"
            at 3m ana writes to q1 "three"
            at 5m ana writes to q1 "four"
            at 8m30s ana writes to q1 "five"
            """)
        #expect(outcome.result.passed, "\(failures(outcome))")
        // Deadlines 6m, 7m, 8m open and fill the batch going out at 9m; 10m (four) opens the next at
        // 13m, which 13m30s (five) misses (it opens one at 16m30s); q2's own batch goes out at 10m30s.
        #expect(outcome.emails(to: "kim") == ["540s three batch 3", "630s elsewhere", "780s four", "990s five"])
    }

    @Test("a batch drops what the customer viewed in the widget before it went out")
    func batchDropsSeen() async throws {
        let outcome = try await run(Self.cast + """
            set kim email-batch 3m
            at 1m ana writes to q1 "one"
            at 2m ana writes to q1 "two"
            at 8m kim views q1
            at 8m kim leaves chat
            """)
        #expect(outcome.result.passed, "\(failures(outcome))")
        #expect(outcome.emails(to: "kim") == [])
        #expect(outcome.explain("kim").contains("email batch for q1: nothing sent, all 2 messages were seen meanwhile"))
    }

    @Test("their own setting wins over 'set customers', whatever the order; 'set everyone' never reaches a customer")
    func precedence() async throws {
        let outcome = try await run("""
            user ana
            customer kim lou
            set kim email-after 2m
            set customers email-after 4m
            set everyone email-after 10s
            at 0s kim joins chat
            at 0s lou joins chat
            at 0s ana starts customer conversation q1 with kim, lou "hello"
            """)
        #expect(outcome.result.passed, "\(failures(outcome))")
        #expect(outcome.emails(to: "kim") == ["120s hello"])
        #expect(outcome.emails(to: "lou") == ["240s hello"])
        let none = try await run("""
            user ana
            customer kim
            set everyone email-after 10s
            at 0s kim joins chat
            at 0s ana starts customer conversation q1 with kim "hello"
            """)
        #expect(none.emails(to: "kim") == [], "set everyone is the users' default only")
    }

    @Test("D is read at posting: a later change moves no deadline; timed 'set customers' and 'kim sets kim' apply from then")
    func readAtPosting() async throws {
        let outcome = try await run("""
            user ana
            customer kim
            admin ana
            at 0s kim joins chat
            at 0s kim starts customer conversation q1 with ana "help"
            at 1m set customers email-after 5m
            at 1m ana writes to q1 "one"
            at 2m kim sets kim email-after 1m
            at 2m ana writes to q1 "two"
            at 3m ana sets customers email-after 30m
            at 3m ana writes to q1 "three"
            """)
        #expect(outcome.result.passed, "\(failures(outcome))")
        #expect(outcome.emails(to: "kim") == ["180s two", "240s three", "360s one"])
    }

    @Test("timed: a setting a customer cannot have is rejected with the reason; only an admin or the customer may set theirs (a timed 'set customers' of a user's setting is a rejected event)")
    func timedRejections() async throws {
        let outcome = try await run("""
            user ana bob
            customer kim
            admin bob
            at 1m set kim view-timeout 5m
            at 1m expect error "'view-timeout' applies to users only; a customer (kim) has only 'email', 'email-after' and 'email-batch'"
            at 3m ana sets kim email-after 1m
            at 3m expect error "only an admin can change kim's settings (ana is not an admin)"
            at 4m kim sets kim bubble off
            at 4m expect error "'bubble' applies to users only"
            at 6m bob sets kim email-after 1m
            at 6m kim joins chat
            at 6m bob starts customer conversation q1 with kim "hi"
            at 7m expect email to kim "hi"
            """)
        #expect(outcome.result.passed, "\(failures(outcome))")
        // A timed `set customers` of a user's setting is a rejected event, as v2 has it for a customer.
        let timed = try await run("user ana\ncustomer kim\nat 1m set customers push off\nat 1m expect error \"'push' applies to users only\"\n")
        #expect(timed.result.passed, "\(failures(timed))")
    }

    @Test("a chat message held up by an outage is unseen at its deadline: emailed, and the chat still arrives; the oracle agrees")
    func outage() async throws {
        let outcome = try await run(Self.cast + """
            channel chat down 30s..10m
            at 1m ana writes to q1 "held"
            at 1m30s kim views q1
            """)
        #expect(outcome.result.passed, "\(failures(outcome))")
        #expect(outcome.emails(to: "kim") == ["360s held"])
        #expect(outcome.trace.contains(#""channel":"chat","to":"kim","from":"ana","thread":"q1","message":2,"text":"held"}"#))
    }

    @Test("explain names every decision: chat chosen, fallback set, seen in the widget, fallback decided, batch out")
    func explainLines() async throws {
        let outcome = try await run(Self.cast + """
            set kim email-batch 1m
            at 1m ana writes to q1 "one"
            at 2m kim views q1
            at 3m ana writes to q1 "two"
            at 4m kim stops viewing q1
            at 5m ana writes to q1 "three"
            """)
        #expect(outcome.result.passed, "\(failures(outcome))")
        let kim = outcome.explain("kim")
        for line in [
            "1m        message #2 in q1 from ana \"one\": in live chat at posting: chat",
            "1m        email fallback for message #2 in q1 from ana \"one\" decided at 6m: it reached them by chat (email-after 5m)",
            "2m        views q1 in the live chat widget: 1 chat message seen; later chat messages of q1 are seen as they arrive",
            "3m        seen at arrival: viewing q1 in the live chat widget",
            "4m        stops viewing q1: later messages are unseen at arrival",
            "6m        email fallback for message #2 in q1 from ana \"one\": seen in the widget before its deadline: no email",
            "10m       email fallback for message #4 in q1 from ana \"three\": unseen in the widget at its deadline with email on: the fallback email waits in a batch",
            "11m       email batch for q1 goes out as message #4 in q1 from ana \"three\"",
        ] {
            #expect(kim.contains(line), "\(line)\n---\n\(kim)")
        }
    }

    @Test("expand writes a customer's settings and 'set customers' back, and the expansion runs to the same trace")
    func expandWritesThemBack() async throws {
        let text = Self.cast + """
            set kim email-batch 2m
            set customers email off
            at 1m ana writes to q1 "one"
            at 2m kim views q1
            at 3m set kim email on
            at 3m kim stops viewing q1
            at 4m ana writes to q1 "two"
            """
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "cust.scenario", text: text))
        let expanded = ScenarioExpander.expandedText(compiled)
        for line in ["set kim email-after 5m", "set kim email-batch 2m", "set customers email off", "at 2m kim views q1",
                     "at 3m set kim email on", "at 3m kim stops viewing q1"] {
            #expect(expanded.contains(line + "\n"), "\(line)\n---\n\(expanded)")
        }
        let original = try await run(text)
        let again = try await run(expanded)
        #expect(again.trace == original.trace)
        #expect(original.emails(to: "kim") == ["660s two"], "kim's own email on wins over the customers' off; batched 2m after its deadline")
    }
}
