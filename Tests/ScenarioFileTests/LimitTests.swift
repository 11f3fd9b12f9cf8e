import Foundation
import OmniSim
import ScenarioLanguage
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
        #expect(throws: ScenarioFiles.TooLarge.self) { try ScenarioFiles.read(path) }
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
}
