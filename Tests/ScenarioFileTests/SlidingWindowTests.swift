import Foundation
import OmniSim
import ScenarioLanguage
@testable import OmniSimRunner
import Testing

/// Contract v3's windows that slide, and `bubble`/`unread` read as bounds (issue 23, item 5).
@Suite("Windows that slide; bubble and unread as bounds")
struct SlidingWindowTests {
    static let bundled = "Scenarios/timing/sliding-windows.scenario"

    static func bundledText() throws -> String {
        try String(contentsOf: ScenarioFileTests.root.appendingPathComponent(bundled), encoding: .utf8)
    }

    @Test("a burst across a round minute is counted in one window, named from its first delivery")
    func burstAcrossAMinute() async throws {
        let text = try Self.bundledText().replacingOccurrences(
            of: "expect at most 3 emails to each user per 2m", with: "expect at most 2 emails to each user per 2m")
        let run = try await PapercutTests.run(text)
        let report = RunReport.text(for: run)
        #expect(report.contains("error: expected at most 2 emails to each user per 2m; saw 3 to jonas in [1m40s, 3m40s)"), "\(report)")
    }

    @Test("the bundled scenario passes as written")
    func bundledPasses() async throws {
        let run = try await PapercutTests.run(try Self.bundledText())
        #expect(run.exitCode == 0, "\(RunReport.text(for: run))")
    }

    @Test("bubble and unread take 'at least N' and 'at most N', timed or untimed, and say so when they fail")
    func bounds() async throws {
        let run = try await PapercutTests.run("""
            user maria jonas
            at 9h maria starts conversation plan with jonas "one"
            at 9h1m maria writes to plan "two"
            at 9h1m expect jonas bubble at least 2
            at 9h1m expect jonas bubble at most 1
            expect jonas unread at most 3
            expect jonas unread at least 3
            """)
        guard case .ran(let compiled, let result) = run.outcome else { Issue.record("did not run"); return }
        #expect(result.failedChecks.count == 2)
        let report = RunReport.text(for: run)
        #expect(report.contains("paper.scenario:5:1: error: expected jonas bubble at most 1 at 9h1m; saw bubble 2"), "\(report)")
        #expect(report.contains("paper.scenario:7:1: error: expected jonas unread at least 3; saw unread 2"), "\(report)")
        // `expand` writes the bounds back as the file wrote them.
        var lines: [String] = []
        ScenarioExpander.expand(compiled) { lines.append($0) }
        #expect(lines.contains("at 9h1m expect jonas bubble at least 2\n"))
        #expect(lines.contains("expect jonas unread at most 3\n"))
    }

    @Test("a bound needs 'least' or 'most' and a number")
    func boundSyntax() {
        #expect(throws: ScenarioFileError.self) {
            try ScenarioCompiler.compile(SourceFile(path: "x.scenario", text: "user a\nexpect a bubble at lest 2\n"))
        }
        #expect(throws: ScenarioFileError.self) {
            try ScenarioCompiler.compile(SourceFile(path: "x.scenario", text: "user a\nexpect a unread at most\n"))
        }
    }
}
