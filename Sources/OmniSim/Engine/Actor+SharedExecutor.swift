extension Actor {
    /// Runs `body` on this actor at once, with no suspension point: the driver's way to call the
    /// actors of its own simulation.
    ///
    /// Why this is safe: every actor of a simulation returns the same ``SimulationExecutor`` from
    /// `unownedExecutor`, and the driver — the only caller — runs on that executor too, one job at
    /// a time. So the caller already holds the isolation of every actor it calls: isolation in Swift
    /// is per executor, and `await` here would only add a task switch (measured 5× slower overall).
    /// Debug builds verify the claim on every call with `preconditionIsolated()`; release builds skip
    /// the check (the stdlib's `assumeIsolated` does the same cast after a runtime check that,
    /// through its unspecialised generic entry point, cost a third of the run time).
    @inline(__always)
    nonisolated func onSharedExecutor<T, E: Error>(_ body: (isolated Self) throws(E) -> T) throws(E) -> T {
        #if DEBUG
        preconditionIsolated("an actor was called off its simulation's executor")
        #endif
        return try withoutActuallyEscaping(body) { (escapable) throws(E) -> T in
            // Safe: see above. The function types differ only in the `isolated` marker of the parameter.
            let call = unsafeBitCast(escapable, to: ((Self) throws(E) -> T).self)
            return try call(self)
        }
    }
}
