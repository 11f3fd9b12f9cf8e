/// One thread (conversation, draft or item): a thin shell that owns a ``ThreadState`` on the
/// simulation's executor, reached through ``SimulationActor/withState(_:)``. A state method that
/// can break a rule throws a ``Rejection`` and changes nothing.
public actor ThreadActor: SimulationActor {
    public nonisolated let id: ThreadID
    nonisolated let executor: SimulationExecutor
    /// Unchecked at run time, as ``UserActor``'s: only ``SimulationActor/withState(_:)`` touches it.
    @exclusivity(unchecked) var state: ThreadState

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(state: ThreadState, executor: SimulationExecutor) {
        self.id = state.id
        self.state = state
        self.executor = executor
    }
}
