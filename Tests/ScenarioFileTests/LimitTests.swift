import Foundation
import OmniSim
import ScenarioLanguage
@testable import OmniSimRunner
import Testing

/// Everything has a limit: each of these is refused with a clear message, or handled, quickly.
@Suite("Limits: huge inputs are refused or handled, never a hang")
struct LimitTests {
    func diagnostics(_ text: String) -> [String] {
        do {
            _ = try ScenarioCompiler.compile(SourceFile(path: "limits.scenario", text: text))
            return []
        } catch {
            return error.diagnostics.map(\.message.text)
        }
    }

    @Test("a load of a billion messages is refused at its number")
    func billionMessages() {
        #expect(diagnostics("load seed 1 users 10 customers 1 conversations 5 messages 1000000000 over 1h\n")
            == ["number '1000000000' is too large; the limit is 100000000"])
    }

    @Test("a load that could not place its conversations or messages is a file error, not a crash")
    func emptyLoads() {
        #expect(diagnostics("load seed 1 users 0 customers 0 conversations 5 messages 10 over 1h\n")
            == ["'load' with conversations needs at least one user or customer"])
        #expect(diagnostics("load seed 1 users 3 customers 1 conversations 0 messages 50 over 1h\n")
            == ["'load' with messages needs at least one conversation"])
        #expect(diagnostics("load seed 1 users 1 customers 0 conversations 2 messages 5 over 0s\n")
            == ["'load' with messages needs a duration longer than 0s"])
        #expect(diagnostics("load seed 1 users 1 customers 0 conversations 2 messages 5 over 1ms\n").isEmpty)
    }

    @Test("a 1 MB line is refused without being lexed")
    func megabyteLine() {
        let line = "user " + String(repeating: "a", count: 1 << 20) + "\n"
        #expect(diagnostics(line) == ["line is longer than 65536 bytes"])
    }

    @Test("a file over 64 MiB is refused before it is read")
    func hugeFile() throws {
        let path = NSTemporaryDirectory() + "omnisim-huge-\(getpid()).scenario"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 3 << 30)  // a sparse 3 GiB file
        try handle.close()
        #expect(throws: ScenarioFiles.TooLarge.self) { try ScenarioFiles.read(path) }
    }

    @Test("a file of over a million lines is refused before it is parsed")
    func tooManyLines() throws {
        let path = NSTemporaryDirectory() + "omnisim-lines-\(getpid()).scenario"
        try Data(repeating: 0x0A, count: 1_000_001).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: SourceFile.TooManyLines.self) { try ScenarioFiles.read(path) }
    }

    @Test("'end at' a hundred years out is handled: the run ends when nothing is left")
    func hundredYears() async throws {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "years.scenario", text: """
            user a b
            end at 876000h
            at 0s a starts conversation c with b "hi"
            at 876000h expect b bubble 1
            """))
        let result = try await Simulation.run(compiled.plan)
        #expect(result.passed)
        #expect(result.events < 10)
    }

    @Test("durations past 1,000 years and numbers past the limits are file errors, not overflows")
    func overflow() {
        #expect(diagnostics("at 9999999999999999999h set everyone bubble off\n").first?.hasPrefix("duration '9999999999999999999h' is longer than the limit of 1,000 years") == true)
        #expect(diagnostics("channel email rate 99999999999/s\n").first?.hasPrefix("invalid rate") == true)
    }

    @Test("a run stops with a clear error past its event budget")
    func eventBudget() async throws {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "budget.scenario", text: """
            load seed 1 users 20 customers 5 conversations 10 messages 1000 over 1h
            """))
        await #expect(throws: SimulationError.budgetExceeded(events: 100)) {
            _ = try await Simulation.run(compiled.plan, options: .init(eventCountMax: 100))
        }
    }

    @Test("a hundred-year outage of a busy channel runs in a few events per send, and every send arrives once")
    func centuryOutage() async throws {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "outage.scenario", text: """
            load seed 3 users 0 customers 40 conversations 40 messages 400 over 1h
            channel email down 0s..876000h
            expect email delay at most 876001h
            """))
        let result = try await Simulation.run(compiled.plan)
        #expect(result.passed)
        #expect(result.violationCount == 0)
        let email = result.channels[ChannelKind.email.rawValue]
        #expect(email.deliveries + email.pending > 0)
        #expect(email.failedAttempts > 5_000_000, "each send still counts every retry of a century")
        #expect(result.events < 20_000, "but the run takes a few events a send, not one per retry")
    }

    @Test("a load past the memory or event budget is refused with the figure, before anything is generated")
    func loadBudget() {
        #expect(diagnostics("load seed 1 users 10000000 customers 10000000 conversations 10 messages 10 over 1h\n").first?
            .hasPrefix("this 'load' would need about 3.7 GiB of memory") == true)
        #expect(diagnostics("load seed 1 users 10 customers 0 conversations 10 messages 100000000 over 1h\n").first?
            .contains("GiB of memory, over the limit of 3.0 GiB") == true)
        #expect(diagnostics("load seed 1 users 1000 customers 0 conversations 10 messages 10 over 8760000h\n").first?
            .contains("events (presence changes and messages), over the limit of 200,000,000") == true)
        // Two loads count together: each alone fits, the second brings the sum over.
        let twice = "seed 1 users 0 customers 10 conversations 10 messages 20000000 over 1h\n"
        #expect(diagnostics("load a " + twice + "load b " + twice).first?.contains("GiB of memory") == true)
    }

    @Test("expand keeps the file's opening comments and refuses an expansion too large to be a file")
    func expandCommentsAndLimit() throws {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "x.scenario", text: """
            # What this pins down.
              # Indented, still the opening block.

            user a b
            # not kept: after the first statement
            at 1s a logs in
            """))
        let text = ScenarioExpander.expandedText(compiled)
        #expect(text.hasPrefix("# What this pins down.\n# Indented, still the opening block.\nuser a b\n"))
        let large = try ScenarioCompiler.compile(SourceFile(path: "large.scenario", text: """
            load seed 1 users 100 customers 10 conversations 50 messages 2000 over 1h
            """))
        #expect(ScenarioExpander.statementCount(large, limit: 1_000) > 1_000)
        #expect(ScenarioExpander.statementCount(compiled, limit: Parser.statementCountMax) < 20)
    }
}
