import Foundation
import Synchronization
import Testing
@testable import OmniSim

/// What the driver's prefetching reads: the agenda's look at what comes, and the actor tables.
@Suite("Lookahead: peeking at the agenda takes nothing, and shows what comes next")
struct LookaheadTests {
    /// A plan with one load and nothing else.
    func loadPlan() -> ScenarioPlan {
        let spec = LoadSpec(
            seed: 3, firstUser: PersonID(0), userCount: 40, firstCustomer: PersonID(40), customerCount: 10,
            firstThread: ThreadID(0), conversationCount: 20, messageCount: 2_000, over: .minutes(30), sourceIndex: 0)
        let cast = Cast(
            personNames: (0..<50).map { "p\($0)" }, personKinds: (0..<50).map { $0 < 40 ? .user : .customer },
            threadNames: (0..<20).map { "c\($0)" })
        var plan = ScenarioPlan(cast: cast)
        plan.loads = [spec]
        return plan
    }

    @Test("an event peeked at k events ahead is, where the generator has got that far, the event taken k steps later")
    func peekedEventsComeNext() {
        var agenda = Agenda(plan: loadPlan())
        var taken: [UpcomingEvent] = []
        var peeked: [Int: UpcomingEvent] = [:]
        var step = 0
        while let (_, next) = agenda.next() {
            guard case .event(let event) = next else { continue }
            taken.append(UpcomingEvent(event.action))
            if let upcoming = agenda.upcomingEvent(5, load: 0) { peeked[step + 5] = upcoming }
            step += 1
        }
        #expect(taken.count > 2_000)
        #expect(taken.contains { $0.isMessage } && taken.contains { !$0.isMessage && $0.thread >= 0 })
        // Every step was looked ahead from but those near the end of a chunk (a look never waits).
        #expect(peeked.count > taken.count * 9 / 10)
        for (position, upcoming) in peeked.sorted(by: { $0.key < $1.key }) where position < taken.count {
            #expect(taken[position] == upcoming, "step \(position)")
        }
    }

    @Test("a timer peeked at k timers ahead is the timer taken k timers later, when they were set in time order")
    func peekedTimersComeNext() {
        var agenda = Agenda(plan: ScenarioPlan(cast: Cast(personNames: ["a"], personKinds: [.user], threadNames: [])))
        for index in 0..<100 {
            agenda.schedule(.fallbackDeadline(MessageID(index), PersonID(0)), at: SimInstant(milliseconds: Int64(index / 3)))
        }
        var taken: [Int] = []
        var peeked: [Int: Int] = [:]
        while let (_, step) = agenda.next() {
            guard case .timer(let timer) = step, case .fallbackDeadline(let message, _) = timer.event else { continue }
            if case .fallbackDeadline(let ahead, _)? = agenda.peekTimer(3) { peeked[taken.count + 4] = ahead.int }
            taken.append(message.int)
        }
        #expect(taken == Array(0..<100))
        #expect(peeked.count == 96)
        for (position, message) in peeked { #expect(taken[position] == message) }
    }

    @Test("a run is the same event for event, peeked at or not")
    func peekingTakesNothing() {
        var plain = Agenda(plan: loadPlan()), peeking = Agenda(plan: loadPlan())
        var steps = 0
        while let (time, step) = plain.next() {
            _ = peeking.upcomingEvent(2, load: 0)
            _ = peeking.upcomingEvent(40, load: 0)
            _ = peeking.peekTimer(2)
            guard let (otherTime, other) = peeking.next() else { Issue.record("the peeking agenda ended early"); return }
            #expect(time == otherTime)
            if case .event(let a) = step, case .event(let b) = other { #expect(a == b) }
            steps += 1
        }
        #expect(peeking.next() == nil)
        #expect(steps > 2_000)
    }
}

@Suite("MemberSample: a thread's first members, inline")
struct MemberSampleTests {
    @Test("holds the first eight members in membership order, and no more", arguments: [0, 1, 7, 8, 9, 30])
    func firstMembers(count: Int) {
        let members = (0..<count).map { PersonID(100 - $0) }
        var seen: [Int] = []
        MemberSample(members).forEach { seen.append($0) }
        #expect(seen == members.prefix(MemberSample.capacity).map(\.int))
    }
}

@Suite("ActorTable: the actors by index, lent without a retain")
struct ActorTableTests {
    final class Counter {
        var value: Int
        init(_ value: Int) { self.value = value }
    }

    @Test("lends the object at an index, nil where there is none, and keeps the objects alive itself")
    func lends() {
        weak var weakFirst: Counter?
        let table: ActorTable<Counter> = {
            let first = Counter(10)
            weakFirst = first
            return ActorTable([first, nil, Counter(30)])
        }()
        #expect(weakFirst != nil)
        #expect(table.lend(0) { $0.value } == 10)
        #expect(table.lend(1) { $0.value } == nil)
        #expect(table.lendPresent(2) { counter in counter.value += 1; return counter.value } == 31)
        #expect(table[2]?.value == 31)
        // Prefetching is only a hint: any index of the table, with or without an object.
        for index in table.indices {
            table.prefetchEntry(index)
            table.prefetch(index)
        }
    }

    @Test("a lent object's body may throw, typed")
    func lendThrows() {
        let table = ActorTable([Counter(1)])
        #expect(throws: Rejection.unknownThread("x")) {
            try table.lend(0) { (_) throws(Rejection) -> Int in throw .unknownThread("x") }
        }
    }
}

@Suite("SimulationExecutor: the thread check of a synchronous actor call")
struct ExecutorThreadTests {
    @Test("the calling thread read inline is pthread_self(), on every thread, and differs between threads")
    func currentThreadIsPthreadSelf() async {
        @Sendable func pthreadSelf() -> UInt {
            #if canImport(Darwin)
            UInt(bitPattern: pthread_self())
            #else
            UInt(pthread_self())
            #endif
        }
        #expect(SimulationExecutor.currentThread == pthreadSelf())
        let main = SimulationExecutor.currentThread
        let seen = Mutex<[(inline: UInt, library: UInt)]>([])
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<3 {
            Thread {
                seen.withLock { $0.append((SimulationExecutor.currentThread, pthreadSelf())) }
                done.signal()
            }.start()
        }
        for _ in 0..<3 { done.wait() }
        let threads = seen.withLock { $0 }
        #expect(threads.count == 3)
        for thread in threads {
            #expect(thread.inline == thread.library)
            #expect(thread.inline != main)
        }
    }
}

extension UpcomingEvent {
    /// What prefetching would need of `action`: the tests' way of saying which event came.
    init(_ action: PlannedEvent.Action) {
        var (subject, thread, isMessage): (Int32, Int32, Bool) = (-1, -1, false)
        switch action {
        case .logIn(.known(let person)), .logOut(.known(let person)), .joinChat(.known(let person)),
             .leaveChat(.known(let person)):
            subject = person.index
        case .view(let person, .known(let id)):
            if case .known(let who) = person { subject = who.index }
            thread = id.index
        case .write(let person, .known(let id), _, _), .note(let person, .known(let id), _),
             .start(let person, .known(let id), _, _, _, _):
            if case .known(let who) = person { subject = who.index }
            thread = id.index
            isMessage = true
        default:
            break
        }
        self.init(subject: subject, thread: thread, isMessage: isMessage)
    }
}
