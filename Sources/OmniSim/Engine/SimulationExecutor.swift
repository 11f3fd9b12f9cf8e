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

    /// Traps unless the caller is on the thread that runs this executor's jobs: the proof that it
    /// holds the isolation of every actor of the simulation (see ``SimulationActor/withState(_:)``).
    /// The thread is read inline (``currentThread``): this runs on every synchronous actor call.
    @inline(__always)
    func checkIsolation() {
        precondition(jobThread.load(ordering: .relaxed) == Self.currentThread, "an actor called off its simulation's executor")
    }

    /// Lets ``runJobs()`` return once its queue is empty.
    func stop() {
        stopped.store(true, ordering: .releasing)
        jobReady.signal()
    }
}
