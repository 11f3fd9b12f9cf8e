extension Actor {
    /// Runs `body` on this actor at once, with no suspension point: the driver's way to call the
    /// actors of its own simulation.
    ///
    /// Every actor of a simulation returns the same ``SimulationExecutor`` as its executor, and the
    /// driver runs on it too, so the caller already holds this actor's isolation: `assumeIsolated`
    /// checks exactly that (and traps if it were ever not so). An `await` would be equivalent but pay
    /// for a task switch per call (measured: 5× slower on the standard workloads).
    @inline(__always)
    nonisolated func onSharedExecutor<T: Sendable, E: Error>(_ body: @Sendable (isolated Self) throws(E) -> T) throws(E) -> T {
        let result: Result<T, E> = assumeIsolated { actor in
            do throws(E) {
                return .success(try body(actor))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
