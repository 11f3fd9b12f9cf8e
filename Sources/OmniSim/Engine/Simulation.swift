import Foundation

/// Runs scenario plans: each run gets its own ``SimulationExecutor`` on its own thread, so runs are
/// independent and any number may go at once.
///
///     let result = try await Simulation.run(plan)
///     result.passed
public enum Simulation {
    /// How a run is carried out.
    public struct Options: Sendable {
        public var trace: TraceDestination
        /// The most events (scenario events and timers) a run may process before it stops with
        /// ``SimulationError/budgetExceeded(events:)``.
        public var eventCountMax: Int

        /// Where the run reports how far it has got, for a live progress line; nil: nowhere.
        public var progress: RunProgress?

        /// Whose happenings to record in a ``Journal`` (for `explain` and the HTML timeline); nil: none.
        public var journal: Journal.Scope?

        /// Breaks one rule on purpose, so that tests can see the oracle catch it. Never set outside tests.
        @_spi(Testing) public var testingFault: TestingFault?

        public init(trace: TraceDestination = .none, eventCountMax: Int = 2_000_000_000) {
            self.trace = trace
            self.eventCountMax = eventCountMax
        }
    }

    /// Rules a test can break on purpose (see ``Options/testingFault``).
    @_spi(Testing) public enum TestingFault: Sendable, Equatable {
        /// Every Messenger delivery is reported to the oracle twice.
        case duplicateMessenger
        /// Fallback emails that fall due are not sent.
        case skipFallbackEmail
    }

    /// Runs `plan` to its end and checks its expectations.
    public static func run(_ plan: ScenarioPlan, options: Options = .init()) async throws -> RunResult {
        let writer = TraceWriter(destination: options.trace)
        let executor = SimulationExecutor()
        let thread = Thread { executor.runJobs() }
        thread.name = "omnisim-simulation"
        thread.stackSize = 8 << 20
        thread.start()
        defer { executor.stop() }
        let driver = SimulationDriver(plan: plan, options: options, trace: writer, executor: executor)
        // A fresh task with no status records of its caller: every actor switch asks the task for its
        // executor preference, and that walk is measurably slower under a task group or a test.
        return try await Task.detached { try await driver.run() }.value
    }
}

/// A run that could not finish.
public enum SimulationError: Error, Equatable, CustomStringConvertible {
    case budgetExceeded(events: Int)
    /// The trace sink refused a write (a full disk, a file size limit, a closed pipe).
    case traceWriteFailed(String)

    public var description: String {
        switch self {
        case .budgetExceeded(let events): "the run stopped after \(events) events (its event budget)"
        case .traceWriteFailed(let reason): "the run stopped: \(reason)"
        }
    }
}
