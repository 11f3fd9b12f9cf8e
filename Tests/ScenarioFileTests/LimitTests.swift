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
        // A hundred million messages among ten users: memory, and (to up to seven recipients each) deliveries.
        #expect(diagnostics("load seed 1 users 10 customers 0 conversations 10 messages 100000000 over 1h\n").first?
            .contains("deliveries (a message reaching one recipient) and need about 12.3 GiB of memory, over the limits of 200,000,000 deliveries and 3.0 GiB for a run") == true)
        #expect(diagnostics("load seed 1 users 1000 customers 0 conversations 10 messages 10 over 8760000h\n").first?
            .contains("events (presence changes and messages), over the limit of 200,000,000") == true)
        // Two loads count together: each alone fits, the second brings the sum over.
        let twice = "seed 1 users 0 customers 10 conversations 10 messages 20000000 over 1h\n"
        #expect(diagnostics("load a " + twice + "load b " + twice).first?.contains("GiB of memory") == true)
    }

    /// Issue 20: each customer message to each of a million users with `customer-messages all`.
    static let everyoneGetsEverything = """
        set everyone customer-messages all
        load seed 1 users 1000000 customers 1000 conversations 10000 messages 1000000 over 1h

        """

    /// The first diagnostic of `text`, and how long compiling took.
    func firstDiagnostic(_ text: String) -> (diagnostic: Diagnostic?, elapsed: Duration) {
        var found: Diagnostic?
        let elapsed = ContinuousClock().measure {
            do throws(ScenarioFileError) {
                _ = try ScenarioCompiler.compile(SourceFile(path: "fan-out.scenario", text: text))
            } catch {
                found = error.diagnostics.first
            }
        }
        return (found, elapsed)
    }

    @Test("every customer message to a million users with 'customer-messages all' is refused on the load line, at once, with the estimate")
    func everyoneGetsEveryCustomerMessage() throws {
        let (diagnostic, elapsed) = firstDiagnostic(Self.everyoneGetsEverything)
        let refused = try #require(diagnostic)
        #expect(refused.range.start.line == 2)
        #expect(refused.message.text == "this 'load' would make about 108,712,617,730 deliveries (a message reaching one recipient) and need about 1,567.2 GiB of memory, over the limits of 200,000,000 deliveries and 3.0 GiB for a run; 108,708,741,175 deliveries go to the 1,000,000 users who may have 'customer-messages all'; use fewer customer messages or fewer users with 'customer-messages all'")
        #expect(elapsed < .seconds(1), "refused before a million users are declared")
    }

    @Test("'customer-messages all' counts whether set for everyone, for some users by name, at the top or as a timed event")
    func everyWayOfSwitchingItOn() throws {
        // A hundred customers who write a million messages: each user with 'all' gets every one.
        let load = "load seed 1 users 0 customers 100 conversations 100 messages 1000000 over 1h\n"
        func users(_ count: Int) -> String { "user " + (1...count).map { "a\($0)" }.joined(separator: " ") + "\n" }
        func named(_ count: Int, timed: Bool) -> String {
            users(count) + (1...count).map { "\(timed ? "at 1h " : "")set a\($0) customer-messages all\n" }.joined() + load
        }
        for text in [named(300, timed: false), named(300, timed: true), users(300) + "at 30m set everyone customer-messages all\n" + load] {
            let refused = try #require(firstDiagnostic(text).diagnostic)
            #expect(refused.message.text.contains("deliveries go to the 300 users who may have 'customer-messages all'"))
        }
        // A hundred and fifty users who get everything: 150 million deliveries, 2.2 GiB estimated.
        #expect(firstDiagnostic(named(150, timed: true)).diagnostic == nil)
    }

    @Test("just inside the limits, a load to everyone with 'customer-messages all' compiles; twice the messages do not")
    func justInside() throws {
        let inside = "set everyone customer-messages all\nload seed 1 users 10000 customers 1000 conversations 10000 messages 100000 over 1h\n"
        #expect(firstDiagnostic(inside).diagnostic == nil)
        let outside = try #require(firstDiagnostic(inside.replacingOccurrences(of: "100000", with: "200000")).diagnostic)
        #expect(outside.message.text.hasPrefix("this 'load' would make about 220,237,103 deliveries"))
    }

    @Test("the standard bench workloads compile, each estimated at under a fifth of the run's deliveries (Benchmarks/Workload.swift)")
    func benchWorkloads() throws {
        for line in [
            "load seed 42 users 800 customers 200 conversations 500 messages 100000 over 8h",  // small
            "load seed 42 users 8000 customers 2000 conversations 5000 messages 1000000 over 8h",  // large
            "load seed 42 users 800000 customers 200000 conversations 100000 messages 10000000 over 8h",  // huge
            "load seed 1 users 8000 customers 2000 conversations 20000 messages 6000000 over 720h",  // month
        ] {
            let plan = try ScenarioCompiler.compile(SourceFile(path: "bench.scenario", text: line + "\n")).plan
            let cost = LoadCost(plan.loads[0], fanOut: FanOut(plan: plan))
            #expect(cost.isWithinLimits && cost.deliveries < LoadCost.deliveriesMax / 5, "\(line)")
        }
    }

    @Test("a file's own customer messages to a load's users with 'customer-messages all' are refused at the message that brings the run over")
    func ownMessagesFanOut() throws {
        // Each of k's messages reaches the ticket's follower k… and a hundred thousand users.
        var text = "set everyone customer-messages all\nload seed 1 users 100000 customers 0 conversations 0 messages 0 over 1h\n"
            + "customer k\nticket t followers k\n"
        for minute in 1...2_001 { text += "at \(minute)m k writes to t \"again\"\n" }
        let refused = try #require(firstDiagnostic(text).diagnostic)
        // The 2,000th message (line 2,004) makes 2,000 × 100,001 deliveries.
        #expect(refused.range.start.line == 2_004)
        #expect(refused.message.text.hasPrefix("with this line the run would make about 200,002,000 deliveries (a message reaching one recipient), over the limit of 200,000,000 deliveries for a run; 200,000,000 deliveries go to the 100,000 users who may have 'customer-messages all'"))
    }

    @Test("a team following an item, or mentioned, counts at its largest for every message to the thread")
    func teamsFanOut() throws {
        // A team of 5,000 users (2,500 at the top, 2,500 added later) follows a ticket; b writes to it.
        let names = (1...5_000).map { "a\($0)" }
        var text = "user b " + names.joined(separator: " ") + "\n"
            + "team t " + names.prefix(2_500).joined(separator: ", ") + "\n" + "ticket q followers t\n"
            + "at 0s b adds " + names.suffix(2_500).joined(separator: ", ") + " to team t\n"
        for second in 1...40_000 { text += "at \(second)s b writes to q \"x\"\n" }
        let refused = try #require(firstDiagnostic(text).diagnostic)
        // 5,000 followers and b, who follows by writing: the 39,993rd message brings 200,004,993.
        #expect(refused.range.start.line == 4 + 39_993)
        #expect(refused.message.text.hasPrefix("with this line the run would make about 200,004,993 deliveries"))
        // The same through a mention of the team in a conversation: each message reaches b, a1 and the team.
        var mentioned = "user b " + names.joined(separator: " ") + "\n" + "team t " + names.prefix(2_500).joined(separator: ", ") + "\n"
            + "at 0s b adds " + names.suffix(2_500).joined(separator: ", ") + " to team t\n"
            + "at 0s b starts conversation c with a1 \"@t hello\"\n"
        for second in 1...40_000 { mentioned += "at \(second)s b writes to c \"x\"\n" }
        #expect(try #require(firstDiagnostic(mentioned).diagnostic).message.text.hasPrefix("with this line the run would make about 200,0"))
    }

    @Test("a load's conversation enlarged by the file (a team added, a mention, a person who then adds the team) is refused at that line")
    func loadConversationEnlarged() throws {
        // A team of 20,000 users; a load of one conversation and 60,000 messages, which the file enlarges.
        let names = (0..<20_000).map { "u\($0)" }
        let users: [String] = names.chunked(into: 2_000).map { "user " + $0.joined(separator: " ") }
        let adds: [String] = names.dropFirst(2_000).map { $0 }.chunked(into: 2_000).map { "at 0s u0 adds " + $0.joined(separator: ", ") + " to team big" }
        let team = "team big " + names.prefix(2_000).joined(separator: ", ")
        let load = "load L seed 1 users 2 customers 0 conversations 1 messages 60000 over 1h"
        let top = (users + [team] + adds + [load]).joined(separator: "\n") + "\n"
        for line in ["at 18m L.u1 adds big to L.c1", "at 18m L.u1 writes to L.c1 \"@big look\"", "at 18m L.u1 adds u0 to L.c1\nat 18m u0 adds big to L.c1"] {
            let refused = try #require(firstDiagnostic(top + line + "\n").diagnostic, "\(line)")
            #expect(refused.message.text.hasPrefix("with this line the run would make about"), "\(line)")
            #expect(refused.range.start.line == top.split(separator: "\n").count + 1, "\(line): at the first line that enlarges it")
        }
        // Left at the generator's size, the same load is within the limits.
        #expect(firstDiagnostic(top).diagnostic == nil)
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

extension Array {
    /// The array cut into pieces of `size` (the last may be shorter).
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
