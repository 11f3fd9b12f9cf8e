/// The driver loop of one simulation: pops the next thing to do in `(time, phase, sequence)` order,
/// awaits the actor that handles it (a switch, not a hop: they share the executor), and applies
/// what comes back. It runs on the same serial
/// executor as every actor of the simulation, so only one handler ever runs at a time.
actor SimulationDriver {
    private nonisolated let executor: SimulationExecutor
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    let plan: ScenarioPlan
    let cast: Cast
    let options: Simulation.Options
    /// By person: the user's actor (nil for customers).
    let users: [UserActor?]
    /// By person: the customer's actor (nil for users).
    let customers: [CustomerActor?]
    let threads: [ThreadActor]
    let channels: [ChannelActor]

    var queue = EventQueue()
    var now = SimInstant.start
    var everyone: UserSettings
    var messages: [Message] = []
    var ledger: DeliveryLedger
    var oracle: Oracle
    var journal: Journal?
    /// Whether a journal is kept (a constant, so the hot path reads it without an access check).
    let journaling: Bool
    /// Whether any check looks at deliveries (likewise).
    let watchesDeliveries: Bool
    var checkResults: [CheckResult?]
    var rejections: [RejectedEvent] = []
    /// Index into `rejections` of the first rejection at the current instant.
    var instantRejectionsStart = 0
    let trace: TraceWriter
    var eventCount = 0
    var deliveryCount = 0
    /// The last instant at which an event or timer ran.
    var lastActivity = SimInstant.start

    init(plan: ScenarioPlan, options: Simulation.Options, trace: TraceWriter, executor: SimulationExecutor) {
        self.executor = executor
        self.plan = plan
        self.cast = plan.cast
        self.options = options
        self.trace = trace
        self.everyone = plan.everyone
        var users: [UserActor?] = []
        var customers: [CustomerActor?] = []
        for (index, kind) in plan.cast.personKinds.enumerated() {
            let id = PersonID(index)
            let setup = plan.personSetup[index]
            switch kind {
            case .user:
                users.append(UserActor(
                    id: id, state: UserState(settings: setup.settings, hasMobile: setup.hasMobile), executor: executor))
                customers.append(nil)
            case .customer:
                users.append(nil)
                customers.append(CustomerActor(id: id, executor: executor))
            }
        }
        self.users = users
        self.customers = customers
        var threadStates = plan.cast.threadNames.indices.map { ThreadState(id: ThreadID($0)) }
        for item in plan.items { threadStates[item.thread.int] = ThreadState(item: item) }
        self.threads = threadStates.map { ThreadActor(state: $0, cast: plan.cast, executor: executor) }
        self.channels = ChannelKind.allCases.map { kind in
            ChannelActor(config: plan.channels.first { $0.kind == kind } ?? ChannelConfig(kind: kind), executor: executor)
        }
        self.ledger = DeliveryLedger(checks: plan.checks)
        self.oracle = Oracle(cast: plan.cast)
        self.journal = options.journal.map { Journal(scope: $0) }
        self.journaling = options.journal != nil
        self.watchesDeliveries = self.ledger.isWatching
        self.checkResults = Array(repeating: nil, count: plan.checks.count)
    }

    /// What the loop does next.
    private enum Step {
        case timer
        case event
        case check(PlannedCheck)
    }

    /// Runs the whole scenario and returns its result.
    func run() async throws -> RunResult {
        let timedChecks = plan.checks.compactMap { check in check.time.map { (time: $0, check: check) } }
            .sorted { ($0.time, $0.check.id) < ($1.time, $1.check.id) }
        var events = EventStream(events: plan.events, loads: plan.loads)
        var checkIndex = 0
        let endAt = plan.endAt ?? SimInstant(milliseconds: .max)
        while true {
            // The earliest by (time, phase): timers are in phase 0 or 2, events in 1, checks in 3.
            var best: (time: SimInstant, phase: Phase, step: Step)?
            if let timer = queue.peek, timer.time <= endAt { best = (timer.time, timer.phase, .timer) }
            if let time = events.nextTime, time <= endAt {
                if best.map({ (time, Phase.scenarioEvent) < ($0.time, $0.phase) }) ?? true {
                    best = (time, .scenarioEvent, .event)
                }
            }
            if checkIndex < timedChecks.count {
                let (time, check) = timedChecks[checkIndex]
                if best.map({ (time, Phase.check) < ($0.time, $0.phase) }) ?? true { best = (time, .check, .check(check)) }
            }
            guard let best else { break }
            if best.time != now { startInstant(best.time) }
            switch best.step {
            case .event:
                guard let event = events.next() else { break }
                try countEvent()
                lastActivity = now
                await perform(event)
            case .check(let check):
                checkIndex += 1
                await evaluate(check)
            case .timer:
                guard let entry = queue.popMin() else { break }
                try countEvent()
                lastActivity = now
                await fire(entry.event)
            }
        }
        return await finish()
    }

    private func countEvent() throws {
        eventCount += 1
        if eventCount & 0x3FFF == 0 { options.progress?.update(time: now, deliveries: deliveryCount, events: eventCount) }
        if eventCount > options.eventCountMax { throw SimulationError.budgetExceeded(events: options.eventCountMax) }
    }

    /// Time moves on to `time`: the previous instant's deliveries and errors are settled.
    private func startInstant(_ time: SimInstant) {
        precondition(time > now, "time went backwards: \(time) < \(now)")
        now = time
        ledger.startInstant()
        instantRejectionsStart = rejections.count
    }
}
