/// One simulated customer: a thin shell over ``CustomerState`` on the simulation's executor.
public actor CustomerActor {
    public nonisolated let id: PersonID
    private nonisolated let executor: SimulationExecutor
    /// Unchecked at run time (the check cost a call into the runtime on every delivery): only this
    /// actor's isolated methods touch it, one at a time on the simulation's one thread, and none
    /// reaches back into the actor while it is changing `state` (the state's methods are plain
    /// struct methods), so no two accesses can overlap — the compiler's static checks still apply.
    @exclusivity(unchecked) private var state = CustomerState()

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(id: PersonID, executor: SimulationExecutor) {
        self.id = id
        self.executor = executor
    }

    func joinChat() { state.joinChat() }
    func leaveChat() { state.leaveChat() }
    func channelForMessage() -> ChannelKind { state.channelForMessage }
}

// MARK: Synchronous entries

/// The calls of the driver's hot path, made synchronously on the simulation's executor (see
/// ``SimulationExecutor/runIsolated(_:_:_:)``: the caller must be on it, and that is checked).
extension CustomerActor {
    nonisolated func joinChatSync() { executor.runIsolated(self, ()) { customer, _ in customer.joinChat() } }
    nonisolated func leaveChatSync() { executor.runIsolated(self, ()) { customer, _ in customer.leaveChat() } }
    nonisolated func channelForMessageSync() -> ChannelKind {
        executor.runIsolated(self, ()) { customer, _ in customer.channelForMessage() }
    }
}
