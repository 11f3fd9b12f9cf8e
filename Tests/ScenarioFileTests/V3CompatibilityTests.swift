import Foundation
import OmniSim
import ScenarioLanguage
@testable import OmniSimRunner
import Testing

/// Contract v3's new words must not take a v1/v2 file's names from it ("v1 and v2 files keep their
/// meaning … unless they use a v3 word"), and the corners a QA probe of v3 found, pinned.
@Suite("Contract v3: v2 files keep their names; corners a probe found")
struct V3CompatibilityTests {
    @Test("a person named 'on' may still be listed first or before another person (v2), as 'on ITEM' is not")
    func personNamedOn() async throws {
        let first = try await AgentSideTests.run("""
            user ana on bob
            at 0s ana starts conversation c1 with on bob "x"
            at 0s expect c1 participants ana, on, bob
            """)
        #expect(first.failures == nil)
        let second = try await AgentSideTests.run("""
            user ana on bob
            at 0s ana drafts conversation d1 with ana, on bob
            at 1m ana sends d1 "x"
            at 1m expect d1 participants ana, on, bob
            """)
        #expect(second.failures == nil)
        let item = try await AgentSideTests.run("""
            user ana on bob
            ticket T1 "t" followers bob
            at 0s ana starts conversation c1 with on on T1 "x"
            at 0s expect c1 participants ana, on, bob
            """)
        #expect(item.failures == nil)
    }

    @Test("a person named 'customers' keeps 'set customers …' as their own setting, top level and timed")
    func personNamedCustomers() async throws {
        let run = try await AgentSideTests.run("""
            user ana customers
            customer kim
            set customers email off
            at 0s ana starts conversation c1 with customers "hi"
            at 0s ana starts customer conversation q1 with kim "hello"
            at 2m ana sets customers bubble off
            at 2m expect error "only an admin can change customers's settings"
            expect no email to customers
            expect email to kim "hello"
            """)
        #expect(run.failures == nil)
    }

    @Test("'customers wait LOU' still declares two customers; only 'customers wait at most D | forever' is the patience")
    func customersWaitStillDeclares() throws {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "v3.scenario", text: "customers wait lou\nuser ana\n"))
        #expect(compiled.plan.cast.personNames == ["wait", "lou", "ana"])
        let patient = try ScenarioCompiler.compile(SourceFile(path: "v3.scenario", text: "user ana\ncustomers wait at most 2m\n"))
        #expect(patient.plan.customerPatience == .minutes(2))
    }

    @Test("v2 customers named 'at', 'most' or 'forever' after 'wait' are still declared; only the whole patience line is patience", arguments: [
        ("customers wait at lou", ["wait", "at", "lou"]),
        ("customers wait forever lou", ["wait", "forever", "lou"]),
        ("customers wait at most lou", ["wait", "at", "most", "lou"]),
    ])
    func customersNamedLikePatience(_ line: String, _ names: [String]) throws {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "v2.scenario", text: "user ana\n\(line)\n"))
        #expect(compiled.plan.cast.personNames == ["ana"] + names)
        #expect(compiled.plan.customerPatience == nil)
    }

    @Test("'customers wait forever' and a bad patience duration stay patience")
    func patienceLines() throws {
        let forever = try ScenarioCompiler.compile(SourceFile(path: "v3.scenario", text: "user ana\ncustomers wait at most 2m\ncustomers wait forever\n"))
        #expect(forever.plan.customerPatience == nil && forever.plan.cast.personNames == ["ana"])
        #expect(throws: ScenarioFileError.self) {
            try ScenarioCompiler.compile(SourceFile(path: "v3.scenario", text: "user ana\ncustomers wait at most 2x\n"))
        }
        #expect(throws: ScenarioFileError.self) {
            try ScenarioCompiler.compile(SourceFile(path: "v3.scenario", text: "user ana\ncustomers wait at most 2m lou\n"))
        }
    }

    @Test("a timed 'set customers' with a user's setting is a rejected event, as v2 has it for a customer; top level it is a file error")
    func timedCustomersSettingIsRejected() async throws {
        let run = try await AgentSideTests.run("""
            user ana
            customer kim
            at 1m set customers view-timeout 5m
            at 1m expect error "'view-timeout' applies to users only"
            """)
        #expect(run.failures == nil)
        #expect(throws: ScenarioFileError.self) {
            try ScenarioCompiler.compile(SourceFile(path: "v3.scenario", text: "user ana\nset customers view-timeout 5m\n"))
        }
    }

    @Test("a customer who stopped following the item may not send their draft on it (checked as drafted and again as sent)")
    func customerDraftOnItemAfterUnfollow() async throws {
        let run = try await AgentSideTests.run("""
            user ana
            customer kim
            ticket T1 "t" followers kim, ana
            at 0s kim drafts customer conversation d1 on T1
            at 1m ana removes kim from T1
            at 2m kim sends d1 "sent after unfollow"
            at 2m expect error "'kim' does not follow 'T1'"
            """)
        #expect(run.failures == nil)
    }

    @Test("removing someone in only through the item says they leave as they stop following it; a customer on mobile is told only users have the app")
    func messages() async throws {
        let run = try await AgentSideTests.run("""
            user ana cy
            customer kim
            team sup cy
            ticket T1 "t" followers sup
            at 0s ana starts customer conversation c1 with kim on T1 "x"
            at 1m ana removes cy from c1
            at 1m expect error "'cy' is in 'c1' only as a follower of 'T1'; they leave it as they stop following 'T1'"
            at 2m kim views c1 on mobile
            at 2m expect error "only users have the mobile app"
            """)
        #expect(run.failures == nil)
    }

    @Test("'set everyon …' and 'set customer …' suggest the word they are near")
    func targetWordsSuggested() {
        do {
            _ = try ScenarioCompiler.compile(SourceFile(path: "v3.scenario", text: "user ana\nset everyon email off\nset customer email-after 1m\n"))
            Issue.record("expected file errors")
        } catch {
            let text = DiagnosticRenderer.render(error)
            #expect(text.contains("unknown person 'everyon'; did you mean 'everyone'?"))
            #expect(text.contains("unknown person 'customer'; did you mean 'customers'?"))
        }
    }

    @Test("explain lists a take by writing before the write (writing takes the thread first)")
    func takeByWritingOrder() async throws {
        let run = try await AgentSideTests.run("""
            user ana cy
            customer kim
            set cy customer-messages all
            at 0s kim starts customer conversation q1 "help"
            at 5m cy writes to q1 "on it"
            """)
        let lines = run.explain("cy").split(separator: "\n").filter { $0.contains("5m ") }
        #expect(lines.first?.contains("takes q1 by writing in it") == true, "\(lines)")
        #expect(lines.dropFirst().first?.contains("writes to q1") == true, "\(lines)")
    }
}
