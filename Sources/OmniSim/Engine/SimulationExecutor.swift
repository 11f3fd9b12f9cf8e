import Dispatch
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
        while true {
            jobReady.wait()
            if let job = jobs.withLock({ $0.popFirst() }) {
                job.runSynchronously(on: asUnownedSerialExecutor())
            } else if stopped.load(ordering: .acquiring) {
                return
            }
        }
    }

    /// Lets ``runJobs()`` return once its queue is empty.
    func stop() {
        stopped.store(true, ordering: .releasing)
        jobReady.signal()
    }
}
