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
    /// The state the actor owns; touched only through ``withState(_:)``. Declared
    /// `nonisolated(unsafe)` by each actor: ``withState(_:)`` checks the isolation instead.
    nonisolated var state: State { get set }
    /// The simulation's executor, which every actor of the run shares.
    nonisolated var executor: SimulationExecutor { get }
}

extension SimulationActor {
    /// Calls `body` with the actor's state, synchronously, in the caller: a method call rather than
    /// an executor switch. Traps when called from a thread other than the simulation's.
    ///
    /// Why this is sound, checked on every call and never assumed: every actor of a simulation runs
    /// its jobs on one serial ``SimulationExecutor``, which runs jobs only on its one thread, one at
    /// a time. So code running on that thread is inside one of its jobs, and no other job — of this
    /// actor or any other of the simulation — can run until it returns: it holds the isolation of
    /// every actor of the simulation, this one's included. ``SimulationExecutor/checkIsolation()``
    /// checks that the caller is on that thread; only then is the state lent. That is why each
    /// actor may declare its state `nonisolated(unsafe)` (the compiler cannot see this proof) and
    /// its exclusivity unchecked (one call at a time, and a state method never reaches back into its
    /// actor, so no two accesses overlap; the static checks still apply). The engine's one place
    /// that steps around the compiler's isolation checking.
    @inline(__always)
    nonisolated func withState<Result, Failure: Error>(_ body: (inout State) throws(Failure) -> Result) throws(Failure) -> Result {
        executor.checkIsolation()
        return try body(&state)
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
