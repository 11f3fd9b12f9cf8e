/// One simulated user: a thin shell that owns a ``UserState`` on the simulation's executor. All
/// logic is in the state; the driver reaches it through ``SimulationActor/withState(_:)``, and the
/// actor never sleeps or spawns tasks.
public actor UserActor: SimulationActor {
    public nonisolated let id: PersonID
    nonisolated let executor: SimulationExecutor
    /// Unchecked at run time (the check cost a call into the runtime on every delivery): only
    /// ``SimulationActor/withState(_:)`` touches it, on the simulation's one thread, one call at a
    /// time, and a state method never reaches back into its actor — the compiler's static checks
    /// still apply.
    @exclusivity(unchecked) var state: UserState

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(id: PersonID, state: UserState, executor: SimulationExecutor) {
        self.id = id
        self.state = state
        self.executor = executor
    }
}
