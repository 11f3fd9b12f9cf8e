/// One simulated customer: a thin shell that owns a ``CustomerState`` on the simulation's executor,
/// reached through ``SimulationActor/withState(_:)``.
public actor CustomerActor: SimulationActor {
    public nonisolated let id: PersonID
    nonisolated let executor: SimulationExecutor
    /// Unchecked at run time, as ``UserActor``'s: only ``SimulationActor/withState(_:)`` touches it.
    @exclusivity(unchecked) var state = CustomerState()

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(id: PersonID, executor: SimulationExecutor) {
        self.id = id
        self.executor = executor
    }
}
