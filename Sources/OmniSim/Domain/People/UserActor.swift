/// One simulated user. A thin shell: all logic is in ``UserState``; the actor never sleeps or
/// spawns tasks, and runs on its simulation's ``SimulationExecutor``.
public actor UserActor {
    public nonisolated let id: PersonID
    private nonisolated let executor: SimulationExecutor
    private var state: UserState

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(id: PersonID, state: UserState, executor: SimulationExecutor) {
        self.id = id
        self.state = state
        self.executor = executor
    }

    func logIn() { state.logIn() }
    func logOut() { state.logOut() }
    func view(_ thread: ThreadID) -> Int { state.view(thread) }
    func stopViewing(_ thread: ThreadID) { state.stopViewing(thread) }
    func receive(at now: SimInstant, everyone: UserSettings) -> UserState.Reception {
        state.receive(at: now, everyone: everyone)
    }
    func arrive(_ receipt: Int, in thread: ThreadID) -> Bool { state.arrive(receipt, in: thread) }
    func deadlineReached(_ receipt: Int, everyone: UserSettings) -> FallbackDecision {
        state.deadlineReached(receipt, everyone: everyone)
    }
    func apply(_ change: SettingChange) { state.settings.apply(change) }
    func giveMobile() { state.hasMobile = true }
    func unread() -> Int { state.unread }
    func bubble(everyone: UserSettings) -> Int { state.bubble(everyone: everyone) }
    func snapshot() -> UserState { state }
}
