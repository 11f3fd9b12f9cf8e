/// Sees every delivery of a run as it arrives, in run order, on the simulation's thread: the trace
/// writer, metrics, a test's probe. It is the one seam through which whatever only consumes what
/// happened is told of it; the run's own ledger (for checks), oracle and journal are fed at the
/// same point, in the same order.
///
/// The engine opens no files: an observer that writes one belongs to whoever runs the engine.
public protocol RunObserver: AnyObject, Sendable {
    /// A delivery arrived; `messages[delivery.message.int]` is the message it delivered. The run's
    /// whole message table is lent, not the message, so that nothing is copied per delivery (a
    /// copy of a message cost a call into the runtime for every delivery of a traced run).
    func delivered(_ delivery: Delivery, messages: borrowing [Message], cast: Cast)
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
}
