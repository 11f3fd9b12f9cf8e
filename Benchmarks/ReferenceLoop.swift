import OmniSim

/// A plain single-threaded loop, with no actors, that implements the contract's delivery rules for
/// the events a `load` line generates (start, write, view, presence; no drafts, items or channel
/// faults — the standard workloads have none). It shares no rule code with omnisim: it is the
/// yardstick for speed and a second opinion on delivery counts.
struct ReferenceLoop {
    private struct User {
        var loggedIn = false
        var viewing: Int32 = -1
        /// Arrived unseen (message, recipient) slots by thread.
        var unseen: [Int32: [Int32]] = [:]
    }

    private var users: [User]
    private var inChat: [Bool]
    private let isCustomer: [Bool]
    private var members: [[Int32]]
    /// Per (message, recipient) slot: seen yet?
    private var slotSeen: [Bool] = []
    /// Fallback deadlines: (time, sequence, slot, recipient), popped in order.
    private var deadlines: [(time: Int64, slot: Int32, person: Int32)] = []
    private var deadlineHead = 0
    private(set) var deliveries = [0, 0, 0, 0]
    private(set) var events = 0

    init(plan: ScenarioPlan) {
        let count = plan.cast.personKinds.count
        users = Array(repeating: User(), count: count)
        inChat = Array(repeating: false, count: count)
        isCustomer = plan.cast.personKinds.map { $0 == .customer }
        members = Array(repeating: [], count: plan.cast.threadNames.count)
    }

    /// Runs every event of `plan` and its deadlines; returns the total deliveries.
    mutating func run(_ plan: ScenarioPlan) -> Int {
        var stream = EventStream(events: plan.events, loads: plan.loads)
        while let event = stream.next() {
            // Deadlines strictly before this instant run first; at the same instant, events come first.
            fireDeadlines(before: event.time.milliseconds)
            apply(event)
        }
        fireDeadlines(before: .max)
        return deliveries.reduce(0, +)
    }

    private mutating func fireDeadlines(before time: Int64) {
        // Every deadline is its posting time plus one minute, so they are set in time order: a
        // plain queue serves, no heap needed.
        while deadlineHead < deadlines.count, deadlines[deadlineHead].time < time {
            let deadline = deadlines[deadlineHead]
            deadlineHead += 1
            events += 1
            if !slotSeen[Int(deadline.slot)] { deliveries[ChannelKind.email.rawValue] += 1 }
        }
        if deadlineHead > 1 << 16 && deadlineHead * 2 > deadlines.count {
            deadlines.removeFirst(deadlineHead)
            deadlineHead = 0
        }
    }

    private mutating func apply(_ event: PlannedEvent) {
        events += 1
        let now = event.time.milliseconds
        switch event.action {
        case .logIn(.known(let p)): users[p.int].loggedIn = true
        case .logOut(.known(let p)):
            users[p.int].loggedIn = false
            users[p.int].viewing = -1
        case .joinChat(.known(let p)): inChat[p.int] = true
        case .leaveChat(.known(let p)): inChat[p.int] = false
        case .view(.known(let p), .known(let t)):
            users[p.int].loggedIn = true
            users[p.int].viewing = t.index
            for slot in users[p.int].unseen.removeValue(forKey: t.index) ?? [] { slotSeen[Int(slot)] = true }
        case .start(.known(let author), .known(let t), _, let with, _):
            var list = [author.index]
            for case .known(let p) in with where !list.contains(p.index) { list.append(p.index) }
            members[t.int] = list
            post(author.index, t.index, at: now)
        case .write(.known(let author), .known(let t), _, _):
            post(author.index, t.index, at: now)
        default:
            preconditionFailure("the reference loop covers load events only")
        }
    }

    private mutating func post(_ author: Int32, _ thread: Int32, at now: Int64) {
        for recipient in members[Int(thread)] where recipient != author {
            let r = Int(recipient)
            if isCustomer[r] {
                deliveries[inChat[r] ? ChannelKind.chat.rawValue : ChannelKind.email.rawValue] += 1
                continue
            }
            deliveries[ChannelKind.messenger.rawValue] += 1
            let slot = Int32(slotSeen.count)
            let seen = users[r].loggedIn && users[r].viewing == thread
            slotSeen.append(seen)
            if !seen { users[r].unseen[thread, default: []].append(slot) }
            deadlines.append((now + 60_000, slot, recipient))
        }
    }
}
