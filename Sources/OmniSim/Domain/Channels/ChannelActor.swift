/// One channel of the delivery service: a thin shell that owns a ``ChannelState`` on the
/// simulation's executor, reached through ``SimulationActor/withState(_:)``.
public actor ChannelActor: SimulationActor {
    public nonisolated let kind: ChannelKind
    nonisolated let executor: SimulationExecutor
    /// Unchecked at run time, as ``UserActor``'s: only ``SimulationActor/withState(_:)`` touches it.
    @exclusivity(unchecked) var state: ChannelState

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(config: ChannelConfig, changeTimes: [SimInstant], endAt: SimInstant?, executor: SimulationExecutor) {
        self.kind = config.kind
        self.state = ChannelState(config: config, changeTimes: changeTimes, endAt: endAt)
        self.executor = executor
    }
}
