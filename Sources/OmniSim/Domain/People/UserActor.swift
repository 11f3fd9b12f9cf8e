/// One simulated user. A thin shell: all logic is in ``UserState``; the actor never sleeps or
/// spawns tasks, and runs on its simulation's ``SimulationExecutor``.
public actor UserActor {
    public nonisolated let id: PersonID
    private nonisolated let executor: SimulationExecutor
    /// Unchecked at run time (the check cost a call into the runtime on every delivery): only this
    /// actor's isolated methods touch it, one at a time on the simulation's one thread, and none
    /// reaches back into the actor while it is changing `state` (the state's methods are plain
    /// struct methods), so no two accesses can overlap — the compiler's static checks still apply.
    @exclusivity(unchecked) private var state: UserState

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(id: PersonID, state: UserState, executor: SimulationExecutor) {
        self.id = id
        self.state = state
        self.executor = executor
    }

    func logIn() { state.logIn() }
    func logOut() { state.logOut() }
    func view(_ thread: ThreadID) -> Int { state.view(thread) }
    func viewOnMobile(_ thread: ThreadID) -> Int { state.viewOnMobile(thread) }
    var hasMobile: Bool { state.hasMobile }
    func stopViewing(_ thread: ThreadID) { state.stopViewing(thread) }
    func receive(
        _ message: MessageID, in thread: ThreadID, at now: SimInstant, everyone: UserSettings, arrivedNow: Bool,
        fromCustomer: Bool
    ) -> UserState.Reception {
        state.receive(message, in: thread, at: now, everyone: everyone, arrivedNow: arrivedNow, fromCustomer: fromCustomer)
    }
    func arrive(_ message: MessageID, in thread: ThreadID) -> Bool { state.arrive(message, in: thread) }
    func deadlineReached(_ message: MessageID, everyone: UserSettings, batchOpen: Bool) -> FallbackDecision {
        state.deadlineReached(message, everyone: everyone, batchOpen: batchOpen)
    }
    func releaseBatched(_ messages: [MessageID]) -> [Bool] { state.releaseBatched(messages) }
    func apply(_ change: SettingChange) { state.settings.apply(change) }
    func giveMobile() { state.hasMobile = true }
    func unread() -> Int { state.unread }
    func bubble(everyone: UserSettings) -> Int { state.bubble(everyone: everyone) }
    func snapshot() -> UserState { state }
    var viewing: ThreadID? { state.viewing }
}

// MARK: Synchronous entries

/// The calls of the driver's hot path, made synchronously on the simulation's executor (see
/// ``SimulationExecutor/runIsolated(_:_:_:)``: the caller must be on it, and that is checked).
extension UserActor {
    nonisolated func logInSync() { executor.runIsolated(self, ()) { user, _ in user.logIn() } }
    nonisolated func logOutSync() { executor.runIsolated(self, ()) { user, _ in user.logOut() } }
    nonisolated func viewSync(_ thread: ThreadID) -> Int { executor.runIsolated(self, thread) { user, thread in user.view(thread) } }
    nonisolated func receiveSync(
        _ message: MessageID, in thread: ThreadID, at now: SimInstant, everyone: UserSettings, arrivedNow: Bool, fromCustomer: Bool
    ) -> UserState.Reception {
        executor.runIsolated(self, (message, thread, now, everyone, arrivedNow, fromCustomer)) { user, a in
            user.receive(a.0, in: a.1, at: a.2, everyone: a.3, arrivedNow: a.4, fromCustomer: a.5)
        }
    }
    nonisolated func arriveSync(_ message: MessageID, in thread: ThreadID) -> Bool {
        executor.runIsolated(self, (message, thread)) { user, a in user.arrive(a.0, in: a.1) }
    }
    nonisolated func releaseBatchedSync(_ messages: [MessageID]) -> [Bool] {
        executor.runIsolated(self, messages) { user, messages in user.releaseBatched(messages) }
    }
    nonisolated func snapshotSync() -> UserState { executor.runIsolated(self, ()) { user, _ in user.snapshot() } }
    nonisolated func unreadSync() -> Int { executor.runIsolated(self, ()) { user, _ in user.unread() } }
    nonisolated func bubbleSync(everyone: UserSettings) -> Int {
        executor.runIsolated(self, everyone) { user, everyone in user.bubble(everyone: everyone) }
    }
    nonisolated func deadlineReachedSync(_ message: MessageID, everyone: UserSettings, batchOpen: Bool) -> FallbackDecision {
        executor.runIsolated(self, (message, everyone, batchOpen)) { user, a in user.deadlineReached(a.0, everyone: a.1, batchOpen: a.2) }
    }
}
