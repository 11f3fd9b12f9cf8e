/// Sees what happens in a run as it happens, in run order, on the simulation's thread: the trace
/// writer, metrics, a test's probe. It is the one seam through which whatever only consumes what
/// happened is told of it; the run's own ledger (for checks), books and journal are fed at the
/// same points, in the same order.
///
/// An observer need not be `Sendable`: it is handed to one run (``Simulation/run(_:options:observers:)``
/// takes it `sending`) and lives on that run's thread. What it makes for its owner to read after
/// the run crosses back through something `Sendable` of its own (a ``Handoff``, an output file).
///
/// The engine opens no files: an observer that writes one belongs to whoever runs the engine.
public protocol RunObserver: AnyObject {
    /// A delivery arrived; `messages[delivery.message.int]` is the message it delivered. The run's
    /// whole message table is lent, not the message, so that nothing is copied per delivery (a
    /// copy of a message cost a call into the runtime for every delivery of a traced run).
    func delivered(_ delivery: Delivery, messages: borrowing [Message], cast: Cast)
    /// Whether the observer wants ``happened(_:)`` (read once, before the run: the engine builds
    /// no ``Occurrence`` unless some observer wants them).
    var wantsOccurrences: Bool { get }
    /// Something besides a delivery happened (a send called for, a view, a deadline's decision, a
    /// rejected event), as data, in run order among the deliveries.
    func happened(_ occurrence: Occurrence)
    /// Why the observer can take no more (a write that failed), if so: the run then stops with it.
    /// Read every few thousand events, not per delivery.
    var failure: String? { get }
    /// The run is over: finish what is buffered. Throws why it could not, in words.
    func finish() throws
    /// With ``Simulation/Options/metricsInterval``: an interval of virtual time is over, and these
    /// are its rows (the channels with any activity, in channel order). Intervals come in order.
    func intervalEnded(_ rows: [MetricsRow])
}

extension RunObserver {
    /// Most observers take no metrics.
    public func intervalEnded(_ rows: [MetricsRow]) {}
    /// Most observers want deliveries only.
    public var wantsOccurrences: Bool { false }
    public func happened(_ occurrence: Occurrence) {}
    public var failure: String? { nil }
    public func finish() throws {}
}
