/// One thread (conversation, draft or item): a thin shell that owns a ``ThreadState`` on the
/// simulation's executor, reached through ``SimulationActor/withState(_:)``. A state method that
/// can break a rule throws a ``Rejection`` and changes nothing.
public actor ThreadActor: SimulationActor {
    public nonisolated let id: ThreadID
    nonisolated let executor: SimulationExecutor
    /// Reached only through ``SimulationActor/withState(_:)``, which proves the caller holds the
    /// actor's isolation before it lends it (see there: why `nonisolated(unsafe)` and unchecked
    /// exclusivity are sound).
    @exclusivity(unchecked) nonisolated(unsafe) var state: ThreadState

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(state: ThreadState, executor: SimulationExecutor) {
        self.id = state.id
        self.state = state
        self.executor = executor
    }
}
