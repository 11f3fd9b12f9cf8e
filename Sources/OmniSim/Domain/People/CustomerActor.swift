/// One simulated customer: a thin shell that owns a ``CustomerState`` on the simulation's executor,
/// reached through ``SimulationActor/withState(_:)``.
public actor CustomerActor: SimulationActor {
    public nonisolated let id: PersonID
    nonisolated let executor: SimulationExecutor
    /// Reached only through ``SimulationActor/withState(_:)``, which proves the caller holds the
    /// actor's isolation before it lends it (see there: why `nonisolated(unsafe)` and unchecked
    /// exclusivity are sound).
    @exclusivity(unchecked) nonisolated(unsafe) var state: CustomerState

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(id: PersonID, state: CustomerState = CustomerState(), executor: SimulationExecutor) {
        self.id = id
        self.state = state
        self.executor = executor
    }
}
