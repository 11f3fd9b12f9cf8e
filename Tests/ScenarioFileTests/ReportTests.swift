import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import OmniSim
import ScenarioLanguage
@testable import OmniSimRunner
import Testing

@Suite("Reports: JUnit XML, the HTML timeline, explain")
struct ReportTests {
    static let failing = """
        scenario "one passes, one fails, one unexpected error"
        user maria jonas lea
        at 9h maria starts conversation plan with jonas, lea "Draft & <plan>"
        at 9h0m40s jonas views plan
        at 9h1m expect email to lea "plan"
        at 9h1m expect email to jonas "plan"
        at 9h2m maria writes to nowhere "x"
        """

    func run(_ text: String, journal: Journal.Scope? = .everyone) async throws -> ScenarioRun {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "demo.scenario", text: text))
        var options = Simulation.Options()
        options.journal = journal
        return ScenarioRun(path: "demo.scenario", outcome: .ran(compiled, try await Simulation.run(compiled.plan, options: options)))
    }

    /// Collects testsuite/testcase/failure elements of a JUnit document.
    final class JUnitReader: NSObject, XMLParserDelegate {
        var suites: [String] = []
        var cases: [String] = []
        var failures: [String] = []
        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch element {
            case "testsuite": suites.append(attributes["name"] ?? "")
            case "testcase": cases.append(attributes["name"] ?? "")
            case "failure": failures.append(attributes["message"] ?? "")
            default: break
            }
        }
    }

    @Test("JUnit: a testsuite per file, a testcase per expectation plus the oracle and unexpected errors")
    func junitParsesBack() async throws {
        let xml = JUnitReport.xml(for: [try await run(Self.failing)])
        let parser = XMLParser(data: Data(xml.utf8))
        let reader = JUnitReader()
        parser.delegate = reader
        #expect(parser.parse())
        #expect(reader.suites == ["demo.scenario"])
        #expect(reader.cases == [
            "line 5: at 9h1m expect email to lea \"plan\"", "line 6: at 9h1m expect email to jonas \"plan\"",
            "line 7: unexpected error", "invariant oracle",
        ])
        #expect(reader.failures.count == 2)
        #expect(reader.failures[0].hasPrefix("demo.scenario:6: expected email to jonas \"plan\" at 9h1m; saw"))
        #expect(reader.failures[1] == "demo.scenario:7: unexpected error at 9h2m: unknown thread 'nowhere'")
    }

    @Test("HTML: one self-contained page with lanes, marks coloured by channel, hover text and failures in red")
    func htmlIsSelfContained() async throws {
        let html = HTMLTimeline.page(for: [try await run(Self.failing)])
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("url("))
        for person in ["maria", "jonas", "lea"] where person != "maria" { #expect(html.contains(">\(person)</text>")) }
        #expect(html.contains("fill=\"#1f6feb\""), "a messenger delivery")
        #expect(html.contains("fill=\"#d97706\""), "lea's fallback email")
        #expect(html.contains("Draft &amp; &lt;plan&gt;"), "message text on hover, escaped")
        #expect(html.contains("stroke=\"#b00020\""), "the failed expectation is marked")
    }

    @Test("explain: every delivery, seen, bubble change and fallback decision, with its rule")
    func explainTellsWhy() async throws {
        let run = try await run(Self.failing, journal: .person(PersonID(1)))
        guard case .ran(let compiled, let result) = run.outcome else { throw Failure("the scenario did not run") }
        let text = ExplainReport.text(person: "jonas", compiled: compiled, result: result)
        #expect(text.contains("9h        messenger: message #1 in plan from maria"))
        #expect(text.contains("unseen at arrival: unread 1, bubble 1"))
        #expect(text.contains("9h40s     views plan: 1 message seen; unread 0, bubble 0"))
        #expect(text.contains("9h1m      email fallback for message #1 in plan from maria \"Draft & <plan>\": seen before its deadline: no email"))
        #expect(!text.contains("lea"))
    }

    @Test("explain shows the person's rejected events with the rule they broke")
    func explainShowsRejections() async throws {
        let run = try await run("""
            user maria jonas lea
            at 0s maria starts conversation plan with jonas "hi"
            at 30s lea views plan
            at 30s expect error "not a participant"
            """, journal: .person(PersonID(2)))
        guard case .ran(let compiled, let result) = run.outcome else { throw Failure("the scenario did not run") }
        let text = ExplainReport.text(person: "lea", compiled: compiled, result: result)
        #expect(text.contains("30s       rejected: 'lea' is not a participant of 'plan'"))
    }

    @Test("explain: a view of several messages says how many, in words")
    func explainCountsViewedMessages() async throws {
        let run = try await run("""
            user maria jonas
            at 0s maria starts conversation plan with jonas "one"
            at 10s maria writes to plan "two"
            at 20s jonas views plan
            """, journal: .person(PersonID(1)))
        guard case .ran(let compiled, let result) = run.outcome else { throw Failure("the scenario did not run") }
        let text = ExplainReport.text(person: "jonas", compiled: compiled, result: result)
        #expect(text.contains("20s       views plan: 2 messages seen; unread 0, bubble 0"))
    }

    @Test("v2 in the trace and explain: a batch email says how many it covers; writing is viewing; mentions")
    func v2TraceAndExplain() async throws {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "v2.scenario", text: """
            user maria jonas dave
            set jonas email-batch 5m
            at 0s maria starts conversation plan with jonas "one @dave"
            at 2m maria writes to plan "two"
            at 3m jonas writes to plan "ok"
            """))
        let writer = TraceWriter()
        var options = Simulation.Options()
        options.journal = .everyone
        let result = try await Simulation.run(compiled.plan, options: options, observers: [writer])
        #expect(writer.text.contains(#""to":"jonas","from":"maria","thread":"plan","message":2,"text":"two","batch":2}"#) == false,
            "jonas wrote at 3m, so he viewed both before the batch went out at 6m: nothing is sent")
        #expect(!writer.text.contains(#""channel":"email","to":"jonas""#))
        let jonas = ExplainReport.text(person: "jonas", compiled: compiled, result: result)
        #expect(jonas.contains("viewing plan: wrote to it (writing is viewing); 2 messages seen"))
        #expect(jonas.contains("email fallback for message #2 in plan from maria \"two\": seen before its deadline: no email"))
        #expect(jonas.contains("email batch for plan: nothing sent, its message was seen meanwhile"))
        let dave = ExplainReport.text(person: "dave", compiled: compiled, result: result)
        #expect(dave.contains("mentioned by maria: added to plan"))
    }

    @Test("explain shows each failed attempt of a person's sends and when it is tried again")
    func explainShowsRetries() async throws {
        let run = try await run("""
            user maria
            customer carol
            channel email down 0s..30m
            at 0s maria starts customer conversation c1 with carol "Invoice attached"
            """, journal: .person(PersonID(1)))
        guard case .ran(let compiled, let result) = run.outcome else { throw Failure("the scenario did not run") }
        let text = ExplainReport.text(person: "carol", compiled: compiled, result: result)
        #expect(text.contains("0s        email: message #1 in c1 from maria \"Invoice attached\" failed, the channel is down (1 failed attempt so far); tried again at 30s"))
        #expect(text.contains("(7 failed attempts so far, including the retries of the outage counted at once); tried again at 35m30s"))
        #expect(text.contains("35m30s    email: message #1 in c1 from maria \"Invoice attached\" arrives (35m30s after it was due)"))
    }

    @Test("colour marks the report's own words, never a quoted line that holds the same words")
    func colourIsTheRenderers() async throws {
        let run = try await run("""
            user maria jonas
            at 0s maria starts conversation plan with jonas "FAIL PASS error: x"
            expect no email to jonas "PASS error: "
            """, journal: nil)
        let text = RunReport.text(for: run, style: .terminal)
        let lines = text.split(separator: "\n")
        #expect(lines[0].hasPrefix("\u{1B}[31mFAIL\u{1B}[0m demo.scenario"))
        #expect(lines.contains { $0.hasPrefix("demo.scenario:3:1: \u{1B}[31merror:\u{1B}[0m expected no email to jonas") })
        let echoed = try #require(lines.first { $0.hasPrefix("3 | ") })
        #expect(!echoed.contains("\u{1B}"), "the quoted source line is not coloured")
        #expect(!RunReport.text(for: run).contains("\u{1B}"), "plain text has no colour at all")
    }
}

/// A test's own failure, with what went wrong.
struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
