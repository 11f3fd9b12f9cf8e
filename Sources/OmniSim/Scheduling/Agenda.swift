/// What a run does next, in the contract's same-instant order: at each instant, sends released by a
/// rate window, then scenario events in file order (the file's own lines merged with what `load`
/// lines generate), then timers in the order they were set, then `at T` checks in file order. The
/// one place that order is written down: the driver, `expand` and the test-side reference model
/// all take their steps from an agenda.
///
///     var agenda = Agenda(plan: plan)
///     while let (time, step) = agenda.next() { … agenda.schedule(.arrival(send), at: time + latency) … }
public struct Agenda {
    /// One thing to do at an instant.
    public enum Step {
        case event(PlannedEvent)
        case timer(ScheduledTimer)
        case check(PlannedCheck)
    }

    private var events: EventStream
    private var timers = EventQueue()
    private let timedChecks: [PlannedCheck]
    private var checkIndex = 0
    private let endAt: SimInstant
    /// The instant and phase of the step last taken (a timer set for it in an earlier phase runs
    /// in the timer phase: "now" has passed that phase).
    private var current: (time: SimInstant, phase: Phase) = (.start, .windowRelease)

    /// The agenda of `plan`. Events and timers after the plan's `end at` never come out (checks do:
    /// an `at` check after the end reads the final state); with `stopsAtEnd` false they all do
    /// (`expand` writes every line, whether or not it would run).
    public init(plan: ScenarioPlan, stopsAtEnd: Bool = true) {
        events = EventStream(events: plan.events, loads: plan.loads)
        timedChecks = plan.checks.filter { $0.time != nil }
            .sorted { ($0.time ?? .start, $0.id) < ($1.time ?? .start, $1.id) }
        endAt = (stopsAtEnd ? plan.endAt : nil) ?? SimInstant(milliseconds: .max)
    }

    /// Sets a timer: it comes out at `time`, in `phase`, after the timers set before it for the same
    /// instant and phase.
    public mutating func schedule(_ timer: TimerEvent, at time: SimInstant, phase: Phase = .timer) {
        let phase = (time, phase) < (current.time, current.phase) && time == current.time ? .timer : phase
        timers.push(timer, at: time, phase: phase)
    }

    /// Takes the next step, or nil when nothing is left before the end.
    public mutating func next() -> (time: SimInstant, step: Step)? {
        var best: (time: SimInstant, phase: Phase)?
        var source = 0
        if let timer = timers.peek, timer.time <= endAt { best = (timer.time, timer.phase) }
        if let time = events.nextTime, time <= endAt, best.map({ (time, Phase.scenarioEvent) < ($0.time, $0.phase) }) ?? true {
            best = (time, .scenarioEvent)
            source = 1
        }
        if checkIndex < timedChecks.count, let time = timedChecks[checkIndex].time,
           best.map({ (time, Phase.check) < ($0.time, $0.phase) }) ?? true {
            best = (time, .check)
            source = 2
        }
        guard let best else { return nil }
        current = best
        switch source {
        case 0:
            guard let timer = timers.popMin() else { return nil }
            return (best.time, .timer(timer))
        case 1:
            guard let event = events.next() else { return nil }
            return (best.time, .event(event))
        default:
            checkIndex += 1
            return (best.time, .check(timedChecks[checkIndex - 1]))
        }
    }

    /// How many loads generate events (each can be looked ahead in).
    var loadCount: Int { events.loadCount }

    /// Load `load`'s event `offset` events after the one last taken from it (`offset` ≥ 2), for
    /// prefetching: nothing is taken (see ``EventStream/upcoming(_:load:)``).
    @inline(__always)
    func upcomingEvent(_ offset: Int, load: Int) -> UpcomingEvent? { events.upcoming(offset, load: load) }

    /// The timer about `offset` timers ahead, if it was set in time order (fallback deadlines are),
    /// for prefetching: nothing is taken.
    @inline(__always)
    func peekTimer(_ offset: Int) -> TimerEvent? { timers.laneTimer(offset) }

    /// Every timer still set, in no particular order (for the end-of-run accounting).
    public var pendingTimers: [ScheduledTimer] { timers.unordered }
}
