import Dispatch
internal import CacheHints
import Synchronization

/// The one serial executor of a simulation: every actor of the simulation and its driver loop run
/// their jobs here, on one dedicated thread, one job at a time (SE-0392).
///
/// Calls between actors that share this executor switch without enqueuing, so a run is a single
/// chain of work that never waits for the global pool, the wall clock, or thread timing.
public final class SimulationExecutor: SerialExecutor {
    private let jobs = Mutex<FIFOQueue<UnownedJob>>(FIFOQueue())
    private let jobReady = DispatchSemaphore(value: 0)
    private let stopped = Atomic<Bool>(false)
    /// The thread that runs this executor's jobs (set once, before the first job runs).
    private let jobThread = Atomic<UInt>(0)

    public init() {}

    public func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        jobs.withLock { $0.append(unowned) }
        jobReady.signal()
    }

    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    /// Runs jobs on the calling thread until ``stop()`` is called and no job is left.
    func runJobs() {
        jobThread.store(Self.currentThread, ordering: .releasing)
        while true {
            jobReady.wait()
            if let job = jobs.withLock({ $0.popFirst() }) {
                job.runSynchronously(on: asUnownedSerialExecutor())
            } else if stopped.load(ordering: .acquiring) {
                return
            }
        }
    }

    /// The calling thread, as a number: `pthread_self()`'s value, read inline where the C library
    /// allows (``omnisim_current_thread()``: the call was 3% of a large run, made on every
    /// synchronous actor call).
    @inline(__always)
    static var currentThread: UInt { UInt(omnisim_current_thread()) }

    /// Runs `function`, isolated to `actor`, with `argument`, synchronously in the caller: a call at the cost of a
    /// method call instead of an executor switch (issue: engine speed). `actor` must be one of this
    /// executor's actors (``SimulationActor/withState(_:)`` passes `self` and its own executor).
    ///
    /// Why this is sound, checked at run time and never assumed: every actor of a simulation runs
    /// its jobs on this serial executor, and this executor runs jobs only on its one thread
    /// (``runJobs()``), one at a time. So code running on that thread is inside one of its jobs,
    /// and no other job — of this actor or any other of the simulation — can run until it returns:
    /// it holds the isolation of every actor of the simulation. The precondition checks that the
    /// caller is on that thread; only then is the function's `isolated` parameter dropped by
    /// `unsafeBitCast` (a function of `isolated A` and of `A` have the same representation). This
    /// is the engine's one place that steps around the compiler's isolation checking.
    @inline(__always)
    func runIsolated<A: Actor, Argument, Result, Failure: Error>(
        _ actor: A, _ argument: Argument, _ function: @escaping (isolated A, Argument) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        precondition(jobThread.load(ordering: .relaxed) == Self.currentThread, "an actor called off its simulation's executor")
        return try unsafeBitCast(function, to: ((A, Argument) throws(Failure) -> Result).self)(actor, argument)
    }

    /// Lets ``runJobs()`` return once its queue is empty.
    func stop() {
        stopped.store(true, ordering: .releasing)
        jobReady.signal()
    }
}
