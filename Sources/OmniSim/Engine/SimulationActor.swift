/// An actor of a simulation (a user, customer, thread or channel): a thin shell over a plain state
/// struct, on the simulation's one ``SimulationExecutor``, with one way in for the driver:
/// ``withState(_:)``.
///
///     let seen = users.withState(person) { user in user.view(thread) }
///
/// The rules live in the state structs, which are tested synchronously; the actor only owns the
/// state and proves, on every call, that the caller holds its isolation.
protocol SimulationActor: Actor {
    associatedtype State
    /// The state the actor owns; touched only through ``withState(_:)``.
    var state: State { get set }
    /// The simulation's executor, which every actor of the run shares.
    nonisolated var executor: SimulationExecutor { get }
}

extension SimulationActor {
    /// Calls `body` with the actor's state, synchronously, in the caller: a method call rather than
    /// an executor switch. Traps when called from a thread other than the simulation's (see
    /// ``SimulationExecutor/runIsolated(_:_:)``, where the check and its proof are).
    @inline(__always)
    nonisolated func withState<Result, Failure: Error>(_ body: (inout State) throws(Failure) -> Result) throws(Failure) -> Result {
        // The body goes in as the isolated function's argument, not captured by it: a closure the
        // compiler sees as isolated to the actor may not capture one of the caller's.
        try withoutActuallyEscaping(body) { (body) throws(Failure) -> Result in
            try executor.runIsolated(self, body) { (actor: isolated Self, body) throws(Failure) -> Result in try body(&actor.state) }
        }
    }
}

extension ActorTable where Element: SimulationActor {
    /// ``SimulationActor/withState(_:)`` of the actor at `index`, lent without a retain; nil (and
    /// `body` not called) where there is none.
    @inline(__always)
    func withState<Result, Failure: Error>(
        _ index: Int, _ body: (inout Element.State) throws(Failure) -> Result
    ) throws(Failure) -> Result? {
        try lend(index) { (actor) throws(Failure) -> Result in try actor.withState(body) }
    }

    /// ``withState(_:_:)`` at an index that always has an actor (every thread slot and channel does).
    @inline(__always)
    func withPresentState<Result, Failure: Error>(
        _ index: Int, _ body: (inout Element.State) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try lendPresent(index) { (actor) throws(Failure) -> Result in try actor.withState(body) }
    }
}
