import Foundation

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
    let users: ActorTable<UserActor>
    /// By person: the customer's actor (nil for users).
    let customers: ActorTable<CustomerActor>
    let threads: ActorTable<ThreadActor>
    /// By ``ChannelKind`` raw value.
    let channels: ActorTable<ChannelActor>

    /// The mutable state of a run, as it starts; `run()` takes it into a local and passes it `inout`.
    private let start: RunState
    /// Whether a journal is kept (a constant, so the hot path reads it without an access check).
    let journaling: Bool
    /// Whether any check looks at deliveries (likewise).
    let watchesDeliveries: Bool
    /// Whether a capacity check counts delays or deliveries per person (likewise).
    let watchesCapacity: Bool
    /// Whoever else sees each delivery (constants, read on the hot path without an access check).
    let observers: [any RunObserver]
    /// `observers`' first and the others, for ``recordDelivery(_:_:)``.
    let firstObserver: (any RunObserver)?
    let otherObservers: [any RunObserver]
    let observing: Bool
    /// Whether an observer wants ``Occurrence``s (none is built otherwise).
    let watchesOccurrences: Bool
    /// Whether metrics per interval are counted (likewise).
    let metering: Bool
    /// Whether the run's books are kept on a thread of their own (see ``Simulation/Options``).
    let booksOnOwnThread: Bool
    /// v3: whether any `view-timeout` is set anywhere in the plan (else no view is timed).
    let viewTimeoutsUsed: Bool
    /// v3: whether any customer views a thread or has a setting anywhere in the plan (else no
    /// chat arrival is told to its customer: v2's path).
    let customerWidgetUsed: Bool
    /// Issue 23: whether the run keeps a ``ChatWork`` (the plan uses live chat as work).
    let chatting: Bool

    init(plan: ScenarioPlan, options: Simulation.Options, observers: sending [any RunObserver], executor: SimulationExecutor) {
        self.executor = executor
        self.plan = plan
        self.cast = plan.cast
        self.options = options
        self.observers = observers
        self.firstObserver = observers.first
        self.otherObservers = Array(observers.dropFirst())
        self.observing = !observers.isEmpty
        self.watchesOccurrences = observers.contains { $0.wantsOccurrences }
        self.metering = options.metricsInterval != nil
        self.booksOnOwnThread = options.booksOnOwnThread ?? Self.booksDeserveAThread(plan: plan)
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
                customers.append(CustomerActor(id: id, state: CustomerState(settings: setup.settings), executor: executor))
            }
        }
        self.users = ActorTable(users, linesPerActor: 3)
        self.customers = ActorTable(customers)
        var threadStates = plan.cast.threadNames.indices.map { ThreadState(id: ThreadID($0)) }
        for item in plan.items { threadStates[item.thread.int] = ThreadState(item: item, teams: plan.teams) }
        self.threads = ActorTable(threadStates.map { ThreadActor(state: $0, executor: executor) })
        var changeTimes = ChannelKind.allCases.map { _ in [SimInstant]() }
        for event in plan.events {
            if case .channel(let kind, _) = event.action { changeTimes[kind.rawValue].append(event.time) }
        }
        self.channels = ActorTable(ChannelKind.allCases.map { kind in
            ChannelActor(
                config: plan.channels.first { $0.kind == kind } ?? ChannelConfig(kind: kind),
                changeTimes: changeTimes[kind.rawValue], endAt: plan.endAt, executor: executor)
        })
        let ledger = DeliveryLedger(checks: plan.checks)
        let capacity = CapacityCounters(checks: plan.checks, cast: plan.cast)
        var start = RunState(
            agenda: Agenda(plan: plan), everyone: plan.everyone, teams: plan.teams, customerMessages: CustomerMessageScopes(plan: plan),
            ledger: ledger, capacity: capacity, books: Bookkeeping(cast: plan.cast),
            journal: options.journal.map { Journal(scope: $0) }, metrics: options.metricsInterval.map(IntervalMetrics.init),
            checkResults: Array(repeating: nil, count: plan.checks.count))
        self.viewTimeoutsUsed = Self.usesViewTimeout(plan)
        self.customerWidgetUsed = Self.usesCustomerWidget(plan)
        start.customersDefault = plan.customers
        start.chatRouting = plan.chatRouting
        start.customerPatience = plan.customerPatience
        self.chatting = plan.usesChatWork
        if chatting {
            start.chat = ChatWork(plan: plan)
            start.metrics?.measureChats()
        }
        self.start = start
        self.journaling = options.journal != nil
        self.watchesDeliveries = ledger.isWatching
        self.watchesCapacity = capacity.isWatching
    }

    /// Runs the whole scenario and returns its result.
    func run() async throws -> RunResult {
        var run = start
        if booksOnOwnThread { run.books.runOnOwnThread() }
        if chatting { chatRunStarts(&run) }
        // The message table, reserved once: grown by doubling, it was copied whole some twenty
        // times on the way to a large load's million messages.
        run.messages.reserveCapacity(Self.messagesExpected(in: plan))
        while let (time, step) = run.agenda.next() {
            if time != run.now { startInstant(&run, time) }
            switch consume step {
            case .event(let event):
                prefetchEvents(run)
                try countEvent(&run)
                run.lastActivity = run.now
                let messagesBefore = run.messages.count
                do throws(Rejection) {
                    let mark = run.journal?.entries.count ?? 0
                    try apply(&run, event.action, mentions: event.mentions)
                    if journaling { noteAction(&run, event.action, at: mark) }
                    if chatting { chatEventDone(&run, event.action, messagesBefore: messagesBefore, rejected: false) }
                } catch {
                    reject(&run, event, error)
                    if chatting { chatEventDone(&run, event.action, messagesBefore: messagesBefore, rejected: true) }
                }
            case .check(let check):
                evaluate(&run, check)
            case .timer(let entry):
                prefetchTimers(run)
                try countEvent(&run)
                run.lastActivity = run.now
                // The commonest timer goes straight to its handler: `fire` is not inlined into this
                // async loop, and the call, with the event copied into it, was ~5% of a large run.
                if case .fallbackDeadline(let message, let recipient) = entry.event {
                    deadlineReached(&run, message, recipient, seenAtArrival: false)
                } else {
                    fire(&run, entry.event)
                }
            }
        }
        return try finish(&run)
    }

    /// Whether the books get a thread of their own by default: when the run has a load (enough
    /// traffic to read that a core pays) and there is more than one core. Traced runs too: on two
    /// cores the books then share the second core with the generator and the trace writer, and
    /// measured against keeping them inline there, large traced 3.33 s against 3.58 s and the
    /// month traced 35.0 s against 40.4 s (medians of five and two alternating rounds). Only where
    /// the books are kept changes, never what they find.
    static func booksDeserveAThread(plan: ScenarioPlan, cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> Bool {
        !plan.loads.isEmpty && cores > 1
    }

    /// How many messages `plan` posts if none is rejected: its loads' and its own message events'
    /// (a hint for reserving the message table; more or fewer only costs a copy or some room).
    static func messagesExpected(in plan: ScenarioPlan) -> Int {
        var count = plan.loads.reduce(0) { $0 + $1.messageCount }
        for event in plan.events {
            switch event.action {
            case .start, .send, .write, .note: count += 1
            default: continue
            }
        }
        return count
    }

    /// Tells the observers that want them of something besides a delivery (inlined: on the hot
    /// path it is one test of a constant).
    @inline(__always)
    func tell(_ occurrence: @autoclosure () -> Occurrence) {
        guard watchesOccurrences else { return }
        let occurrence = occurrence()
        for observer in observers where observer.wantsOccurrences { observer.happened(occurrence) }
    }

    /// Hands an interval's rows to the observers.
    func emitMetrics(_ rows: [MetricsRow]) {
        for observer in observers { observer.intervalEnded(rows) }
    }

    private func countEvent(_ run: inout RunState) throws {
        run.eventCount += 1
        if run.eventCount & 0x3FFF == 0 {
            options.progress?.update(time: run.now, deliveries: run.deliveryCount, events: run.eventCount)
            // An observer that can take no more (a trace that cannot be written) ends the run;
            // checked here, off the delivery path.
            for observer in observers { if let failure = observer.failure { throw SimulationError.observerFailed(failure) } }
            try checkMetricsBound(run)
        }
        if run.eventCount > options.eventCountMax { throw SimulationError.budgetExceeded(events: options.eventCountMax) }
    }

    /// The run's metrics have not passed their bound (checked every 16,384 events and at the end).
    func checkMetricsBound(_ run: RunState) throws {
        if let metrics = run.metrics, metrics.overflowed {
            throw SimulationError.metricsRowsExceeded(interval: SimDuration(milliseconds: metrics.interval))
        }
    }

    /// Time moves on to `time`: the previous instant's deliveries and errors are settled.
    private func startInstant(_ run: inout RunState, _ time: SimInstant) {
        precondition(time > run.now, "time went backwards: \(time) < \(run.now)")
        if metering { run.metrics?.advance(to: time, emit: emitMetrics) }
        run.now = time
        run.ledger.startInstant()
        run.instantRejectionsStart = run.rejections.count
    }
}

/// The mutable state of one run, passed `inout` through the driver's handlers. Held in a local of
/// `run()` rather than in the actor's stored properties, its accesses are checked for exclusivity
/// at compile time instead of at run time (measured: dynamic checks cost ~18% of a run).
struct RunState {
    /// What comes next: the file's events and loads, timers, timed checks.
    var agenda: Agenda
    var now = SimInstant.start
    var everyone: UserSettings
    /// Every team's members now (v2).
    var teams: TeamRoster
    /// Who has `customer-messages all` of their own.
    var customerMessages: CustomerMessageScopes
    /// Fallback emails waiting in batches (v2 `email-batch`).
    var batches = EmailBatches()
    /// Delay histograms and per-person counts for the v2 capacity checks.
    var capacity: CapacityCounters
    var messages: [Message] = []
    var ledger: DeliveryLedger
    /// What happened, for the oracle and the report's totals (on a thread of their own in a run with a load).
    var books: Bookkeeping
    var journal: Journal?
    /// Counts per channel and interval for `--metrics`, when asked for.
    var metrics: IntervalMetrics?
    var checkResults: [CheckResult?]
    var rejections: [RejectedEvent] = []
    /// Index into `rejections` of the first rejection at the current instant.
    var instantRejectionsStart = 0
    var eventCount = 0
    var deliveryCount = 0
    /// The last instant at which an event or timer ran.
    var lastActivity = SimInstant.start
    /// v3: the conversations on each item (by the item's thread index), in the order they were put on it.
    var conversationsOnItem: [Int: [ThreadID]] = [:]
    /// v3 `set customers …`: every customer's default.
    var customersDefault = UserSettings()
    /// Issue 23: `chat routing` and `customers wait at most` now.
    var chatRouting = ChatRouting.broadcast
    var customerPatience: SimDuration?
    /// Issue 23: live chat as work, when the plan uses it.
    var chat: ChatWork?

    init(
        agenda: Agenda, everyone: UserSettings, teams: TeamRoster, customerMessages: CustomerMessageScopes, ledger: DeliveryLedger,
        capacity: CapacityCounters, books: Bookkeeping, journal: Journal?, metrics: IntervalMetrics?, checkResults: [CheckResult?]
    ) {
        self.agenda = agenda
        self.capacity = capacity
        self.everyone = everyone
        self.teams = teams
        self.customerMessages = customerMessages
        self.ledger = ledger
        self.books = books
        self.journal = journal
        self.metrics = metrics
        self.checkResults = checkResults
    }
}
