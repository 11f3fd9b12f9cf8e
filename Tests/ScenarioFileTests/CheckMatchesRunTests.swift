import Foundation
import OmniSim
import ScenarioLanguage
@testable import OmniSimRunner
import Testing

/// Issue 24: `omnisim check` finds every file error `run` would, by the same compile, and the
/// unexpected errors a run would certainly have.
@Suite("check finds what run finds")
struct CheckMatchesRunTests {
    static let fixtures = ScenarioFileTests.root.appendingPathComponent("Tests/ScenarioLanguageTests/Fixtures/malformed")

    static var fixtureFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? [])
            .filter { $0.hasSuffix(".scenario") }.sorted().map { fixtures.appendingPathComponent($0).path }
    }

    static var everyFile: [String] {
        fixtureFiles + ScenarioFileTests.files.map { ScenarioFileTests.root.appendingPathComponent($0).path }
    }

    /// The lines of a run's unexpected errors.
    static func unexpectedErrorLines(_ run: ScenarioRun) -> [Int] {
        guard case .ran(let compiled, let result) = run.outcome else { return [] }
        return ScenarioFailure.all(in: compiled, result: result).filter { $0.kind == .unexpectedError }.compactMap { $0.range?.start.line }
    }

    @Test("check's diagnostics are run's compile diagnostics, file by file", arguments: everyFile)
    func sameDiagnostics(_ path: String) async {
        let checked = ScenarioCheck.check(path)
        let run = await ScenarioRun.run(path: path)
        switch (checked.notCompiled?.outcome, run.outcome) {
        case (.fileError(let a)?, .fileError(let b)):
            #expect(a.diagnostics == b.diagnostics)
            #expect(a.omittedCount == b.omittedCount)
        case (.unreadable(let a)?, .unreadable(let b)):
            #expect(a == b)
        case (nil, .ran), (nil, .failedToRun):
            let lines = checked.certainRejections?.diagnostics.map(\.range.start.line) ?? []
            #expect(Set(lines).isSubset(of: Self.unexpectedErrorLines(run)))
        default:
            Issue.record("check and run disagree on \(path): \(checked.exitCode) vs \(run.exitCode)")
        }
        #expect((checked.exitCode == 2) == (run.exitCode == 2))
        if checked.exitCode == 1 { #expect(run.exitCode == 1) }
    }

    @Test("an event naming nobody the file knows, with no 'expect error' at its time, fails check as it fails run")
    func certainRejection() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/t.scenario"
        try write("user alice bob\nticket T1 \"x\"\nat 0s alice starts conversation c1 with T-1 \"hi\"\n", to: path)
        let checked = ScenarioCheck.check(path)
        #expect(checked.exitCode == 1)
        #expect(checked.text(path: path).contains(
            "t.scenario:3:41: error: 'T-1' is no person, thread or team of this file: this event will be rejected at 0s, and no 'at 0s expect error' matches it"))
        let run = await ScenarioRun.run(path: path)
        #expect(run.exitCode == 1)
        #expect(Self.unexpectedErrorLines(run) == [3])
    }

    @Test("a setting change no one may make, or a user-only setting for a customer, fails check as it fails run, with run's reason")
    func certainSettingRejections() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/s.scenario"
        try write("""
            user alice bob
            customer kim
            admin alice
            at 1m set kim chat-capacity 2
            at 2m bob sets alice email off
            at 3m set customers view-timeout 5m
            at 4m alice sets kim bubble off
            at 5m bob sets everyone bubble off
            at 6m alice sets bob email off
            at 6m bob sets bob bubble off
            at 6m kim sets kim email-after 2m
            at 6m alice sets customers email-batch 2m
            at 7m set kim email off
            at 8m bob sets customers email off
            at 8m expect error "only an admin"
            """, to: path)
        let checked = ScenarioCheck.check(path)
        let lines = checked.certainRejections?.diagnostics.map(\.range.start.line) ?? []
        #expect(lines == [4, 5, 6, 7, 8])
        #expect(checked.text(path: path).contains(
            "s.scenario:5:1: error: only an admin can change alice's settings (bob is not an admin): this event will be rejected at 2m, and no 'at 2m expect error' matches it"))
        #expect(checked.text(path: path).contains(
            "s.scenario:4:1: error: 'chat-capacity' applies to users only; a customer (kim) has only 'email', 'email-after' and 'email-batch': this event"))
        let run = await ScenarioRun.run(path: path)
        #expect(Self.unexpectedErrorLines(run) == lines)
    }

    @Test("an expected error at that time, or an event past 'end at', is no certain failure")
    func notCertain() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/t.scenario"
        try write("user alice\nend at 5m\nat 0s zed logs in\nat 0s expect error \"unknown person\"\nat 9m yan logs in\n", to: path)
        #expect(ScenarioCheck.check(path).exitCode == 0)
    }
}
