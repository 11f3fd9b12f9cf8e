/// One simulated customer: a thin shell over ``CustomerState`` on the simulation's executor.
public actor CustomerActor {
    public nonisolated let id: PersonID
    private nonisolated let executor: SimulationExecutor
    private var state = CustomerState()

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(id: PersonID, executor: SimulationExecutor) {
        self.id = id
        self.executor = executor
    }

    func joinChat() { state.joinChat() }
    func leaveChat() { state.leaveChat() }
    func channelForMessage() -> ChannelKind { state.channelForMessage }
}
