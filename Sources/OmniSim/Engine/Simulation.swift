import Foundation

/// Runs scenario plans: each run gets its own ``SimulationExecutor`` on its own thread, so runs are
/// independent and any number may go at once.
///
///     let result = try await Simulation.run(plan)
///     result.passed
public enum Simulation {
    /// How a run is carried out.
    public struct Options: Sendable {
        /// The most events (scenario events and timers) a run may process before it stops with
        /// ``SimulationError/budgetExceeded(events:)``.
        public var eventCountMax: Int

        /// Where the run reports how far it has got, for a live progress line; nil: nowhere.
        public var progress: RunProgress?

        /// Whose happenings to record in a ``Journal`` (for `explain` and the HTML timeline); nil: none.
        public var journal: Journal.Scope?

        /// With an interval, the observers get each interval's ``MetricsRow``s (`--metrics`); nil: none.
        public var metricsInterval: SimDuration?

        /// Whether the run's books (the oracle, the report's totals) are kept on a thread of their
        /// own; nil: when the run has a load and the machine more than one core. Where they are kept never
        /// changes what they find (tests run both ways).
        public var booksOnOwnThread: Bool?

        public init(eventCountMax: Int = 2_000_000_000) {
            self.eventCountMax = eventCountMax
        }
    }

    /// The most `--metrics` rows a run may emit: 20 million (about a gigabyte of CSV). Past it the
    /// run stops (``SimulationError/metricsRowsExceeded(interval:)``) instead of writing without
    /// end: an interval of a millisecond over a year-long outage would be 126 billion rows. The
    /// runner refuses a run estimated past it before it starts; this bounds what no estimate foresaw.
    public static let metricsRowsMax = 20_000_000

    /// Runs `plan` to its end and checks its expectations. `observers` (a trace writer, metrics, a
    /// probe) see what happens as it happens, on the run's thread: they are handed to the run.
    public static func run(
        _ plan: ScenarioPlan, options: Options = .init(), observers: sending [any RunObserver] = []
    ) async throws -> RunResult {
        let executor = SimulationExecutor()
        let thread = Thread { executor.runJobs() }
        thread.name = "omnisim-simulation"
        thread.stackSize = 8 << 20
        thread.start()
        defer { executor.stop() }
        let driver = SimulationDriver(plan: plan, options: options, observers: observers, executor: executor)
        // A fresh task with no status records of its caller: every actor switch asks the task for its
        // executor preference, and that walk is measurably slower under a task group or a test.
        return try await Task.detached { try await driver.run() }.value
    }
}

/// A run that could not finish.
public enum SimulationError: Error, Equatable, CustomStringConvertible {
    case budgetExceeded(events: Int)
    /// An observer could take no more (a trace write failed: a full disk, a file size limit, a
    /// closed pipe), with its reason.
    case observerFailed(String)
    /// The run's metrics passed ``IntervalMetrics/rowsMax`` rows at this interval.
    case metricsRowsExceeded(interval: SimDuration)

    public var description: String {
        switch self {
        case .budgetExceeded(let events): "the run stopped after \(events) events (its event budget)"
        case .observerFailed(let reason): "the run stopped: \(reason)"
        case .metricsRowsExceeded(let interval):
            "the run stopped: its metrics at an interval of \(interval) passed \(Simulation.metricsRowsMax) rows, the most a run may write; use a longer '--interval'"
        }
    }
}
