import OmniSim
@testable import OmniSimRunner
import ScenarioLanguage
import Testing

/// `--set "STATEMENT"`: a top-level `set` or `channel` statement that wins over the file's own
/// top-level setting of the same thing; timed events still apply at their time.
@Suite("--set: what-if statements over a file's own settings")
struct OverrideTests {
    let text = """
        user maria jonas
        set everyone email-after 1m
        channel email latency 5s
        at 0s maria starts conversation plan with jonas "hi"
        at 10m set everyone email-after 1m
        at 10m maria writes to plan "again"
        """

    func run(_ overrides: [String]) async throws -> RunResult {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "o.scenario", text: text))
        return try await Simulation.run(try Overrides.apply(overrides, to: compiled.plan))
    }

    @Test("a --set wins over the file's own top-level line; a timed event still applies at its time")
    func precedence() async throws {
        let plain = try await run([])
        let later = try await run(["set everyone email-after 5m", "channel email latency 0s"])
        #expect(plain.channels[ChannelKind.email.rawValue].delayMax == .seconds(5))
        #expect(later.channels[ChannelKind.email.rawValue].delayMax == .zero)
        #expect(later.endTime == .start + .minutes(11), "the timed 'email-after 1m' at 10m still applies: the second email at 11m")
    }

    @Test("a --set that is not one top-level set or channel statement, or names no user, is refused")
    func problems() throws {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "o.scenario", text: text))
        for bad in ["user bob", "set nobody email off", "at 1m set everyone email off", "set everyone bubbel on", ""] {
            #expect(throws: Overrides.Problem.self, "\(bad)") { try Overrides.apply([bad], to: compiled.plan) }
        }
    }
}
