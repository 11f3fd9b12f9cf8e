/// One channel of the delivery service: a thin shell that owns a ``ChannelState`` on the
/// simulation's executor, reached through ``SimulationActor/withState(_:)``.
public actor ChannelActor: SimulationActor {
    public nonisolated let kind: ChannelKind
    nonisolated let executor: SimulationExecutor
    /// Reached only through ``SimulationActor/withState(_:)``, which proves the caller holds the
    /// actor's isolation before it lends it (see there: why `nonisolated(unsafe)` and unchecked
    /// exclusivity are sound).
    @exclusivity(unchecked) nonisolated(unsafe) var state: ChannelState

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(config: ChannelConfig, changeTimes: [SimInstant], endAt: SimInstant?, executor: SimulationExecutor) {
        self.kind = config.kind
        self.state = ChannelState(config: config, changeTimes: changeTimes, endAt: endAt)
        self.executor = executor
    }
}
