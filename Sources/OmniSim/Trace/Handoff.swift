import Synchronization

/// Carries a value made on one thread to another, once: how an observer that lives on a run's
/// thread hands its owner what it made (a tally, a chart's series) without being `Sendable`
/// itself. The observer ``put(_:)``s it when the run finishes; the owner ``take()``s it after.
///
///     let series = Handoff<ChartSeries>()
///     let run = try await Simulation.run(plan, observers: [ChartCollector(interval: 60_000, handingTo: series)])
///     let chart = series.take()
public final class Handoff<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)

    public init() {}

    public func put(_ newValue: sending Value) { value.withLock { $0 = newValue } }

    /// The value put, if any (it stays: taking is reading).
    public func take() -> Value? { value.withLock { $0 } }
}
