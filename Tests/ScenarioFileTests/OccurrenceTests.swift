import OmniSim
import ScenarioLanguage
import Testing

/// Observers that want more than deliveries are told what happened, as data, in run order, on the
/// run's thread — and need not be `Sendable` to be: this probe is not.
@Suite("Occurrences: what an observer sees besides deliveries")
struct OccurrenceTests {
    /// Writes down, as lines, every delivery and occurrence it is told; hands them over at the end.
    final class Probe: RunObserver {
        private var lines: [String] = []
        private let handoff: Handoff<[String]>
        init(_ handoff: Handoff<[String]>) { self.handoff = handoff }

        var wantsOccurrences: Bool { true }
        func delivered(_ delivery: Delivery, messages: borrowing [Message], cast: Cast) {
            lines.append("\(delivery.time) delivered \(delivery.channel.name) to \(cast.name(of: delivery.recipient))")
        }
        func happened(_ occurrence: Occurrence) {
            switch occurrence {
            case .called(let send): lines.append("called \(send.channel.name) to \(send.recipient.int)")
            case .viewed(let person, let thread, let kind, let seen): lines.append("viewed \(person.int) \(thread.int) \(kind) \(seen)")
            case .deadlineDecided(let message, let person, let decision): lines.append("deadline \(message.int) \(person.int) \(decision)")
            case .rejected(let rejected): lines.append("rejected \(rejected.rejection)")
            }
        }
        func finish() throws { handoff.put(lines) }
    }

    @Test("sends called for, views, deadline decisions and rejections, in run order among the deliveries")
    func inOrder() async throws {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "o.scenario", text: """
            user maria jonas
            mobile jonas
            at 1s maria starts conversation plan with jonas "hi"
            at 30s jonas views plan
            at 40s jonas views nowhere
            at 40s expect error "unknown thread"
            """))
        let seen = Handoff<[String]>()
        let result = try await Simulation.run(compiled.plan, observers: [Probe(seen)])
        #expect(result.passed)
        #expect(seen.take() == [
            "viewed 0 0 wrote 0",
            "called messenger to 1",
            "1s delivered messenger to jonas",
            "called push to 1",
            "1s delivered push to jonas",
            "viewed 1 0 opened 1",
            "rejected unknown thread 'nowhere'",
            "deadline 0 1 seen",
        ])
    }
}
