import Foundation
@testable import OmniSim
import Testing

/// The one synchronous way into an actor (``SimulationActor/withState(_:)``) proves its right on
/// every call: from the simulation's own thread it lends the state; from any other thread the
/// process traps, before the state is touched.
@Suite("Actors: one synchronous entry, checked on every call")
struct ActorIsolationTests {
    @Test("withState from a thread that is not the simulation's traps (the executor has not started)")
    func trapsBeforeTheExecutorRuns() async {
        await #expect(processExitsWith: .failure) {
            let executor = SimulationExecutor()
            let user = UserActor(id: PersonID(0), state: UserState(), executor: executor)
            _ = user.withState { $0.unread }
        }
    }

    @Test("withState from another thread while the executor runs on its own traps too")
    func trapsFromAnotherThread() async {
        await #expect(processExitsWith: .failure) {
            let executor = SimulationExecutor()
            let thread = Thread { executor.runJobs() }
            thread.start()
            let channel = ChannelActor(config: ChannelConfig(kind: .email), changeTimes: [], endAt: nil, executor: executor)
            // Give the executor's thread the time to start, so the check compares two live threads.
            usleep(50_000)
            _ = channel.withState { $0.backlog }
        }
    }

    @Test("on the simulation's own thread (inside a job) withState lends the state")
    func lendsOnItsThread() async throws {
        let executor = SimulationExecutor()
        let thread = Thread { executor.runJobs() }
        thread.start()
        defer { executor.stop() }
        let user = UserActor(id: PersonID(0), state: UserState(hasMobile: true), executor: executor)
        let hasMobile = await user.readMobile()
        #expect(hasMobile)
    }
}

extension UserActor {
    /// A job of this actor (so it runs on the simulation's thread) that reads through withState.
    func readMobile() -> Bool { withState { $0.hasMobile } }
}
