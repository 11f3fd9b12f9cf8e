/// One simulated user: a thin shell that owns a ``UserState`` on the simulation's executor. All
/// logic is in the state; the driver reaches it through ``SimulationActor/withState(_:)``, and the
/// actor never sleeps or spawns tasks.
public actor UserActor: SimulationActor {
    public nonisolated let id: PersonID
    nonisolated let executor: SimulationExecutor
    /// Reached only through ``SimulationActor/withState(_:)``, which proves the caller holds the
    /// actor's isolation before it lends it (see there: why `nonisolated(unsafe)` and unchecked
    /// exclusivity are sound).
    @exclusivity(unchecked) nonisolated(unsafe) var state: UserState

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(id: PersonID, state: UserState, executor: SimulationExecutor) {
        self.id = id
        self.state = state
        self.executor = executor
    }
}
