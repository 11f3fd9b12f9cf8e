/// One channel of the delivery service: a thin shell over ``ChannelState`` on the simulation's executor.
public actor ChannelActor {
    public nonisolated let kind: ChannelKind
    private nonisolated let executor: SimulationExecutor
    /// Unchecked at run time (the check cost a call into the runtime on every delivery): only this
    /// actor's isolated methods touch it, one at a time on the simulation's one thread, and none
    /// reaches back into the actor while it is changing `state` (the state's methods are plain
    /// struct methods), so no two accesses can overlap — the compiler's static checks still apply.
    @exclusivity(unchecked) private var state: ChannelState

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(config: ChannelConfig, changeTimes: [SimInstant], endAt: SimInstant?, executor: SimulationExecutor) {
        self.kind = config.kind
        self.state = ChannelState(config: config, changeTimes: changeTimes, endAt: endAt)
        self.executor = executor
    }

    func submit(_ send: Send, at now: SimInstant) -> ChannelState.Submission { state.submit(send, at: now) }
    func deliverAtOnce(count: Int, at now: SimInstant) -> Bool { state.deliverAtOnce(count: count, at: now) }
    func windowOpens(at now: SimInstant) -> (attempts: [ChannelState.Attempt], next: SimInstant?) {
        state.windowOpens(at: now)
    }
    func recordArrival(of send: Send, at now: SimInstant) { state.recordArrival(of: send, at: now) }
    func apply(_ change: ChannelChange, at now: SimInstant) -> SimInstant? { state.apply(change, at: now) }
    func backlog() -> Int { state.backlog }
    func waitingSends() -> [Send] { Array(state.waitingSends) }
    func statistics() -> ChannelStatistics { state.statistics }
}

// MARK: Synchronous entries

/// The calls of the driver's hot path, made synchronously on the simulation's executor (see
/// ``SimulationExecutor/runIsolated(_:_:_:)``: the caller must be on it, and that is checked).
extension ChannelActor {
    nonisolated func submitSync(_ send: Send, at now: SimInstant) -> ChannelState.Submission {
        executor.runIsolated(self, (send, now)) { channel, a in channel.submit(a.0, at: a.1) }
    }
    nonisolated func deliverAtOnceSync(count: Int, at now: SimInstant) -> Bool {
        executor.runIsolated(self, (count, now)) { channel, a in channel.deliverAtOnce(count: a.0, at: a.1) }
    }
    nonisolated func windowOpensSync(at now: SimInstant) -> (attempts: [ChannelState.Attempt], next: SimInstant?) {
        executor.runIsolated(self, now) { channel, now in channel.windowOpens(at: now) }
    }
    nonisolated func recordArrivalSync(of send: Send, at now: SimInstant) {
        executor.runIsolated(self, (send, now)) { channel, a in channel.recordArrival(of: a.0, at: a.1) }
    }
}
