public import OmniSim

/// A plain single-threaded loop, with no actors, that implements the contract's delivery rules for
/// the events a `load` line generates (start, write, view, presence; no drafts, items, settings or
/// channel faults — the standard workloads have none), and contract v3's `set everyone view-timeout`
/// and `set customers email-after|email` (a load's customers never view, so each message that
/// reaches one by chat is emailed at its deadline unless email is off). It shares no rule code with omnisim, only
/// the ``Agenda`` that says what comes next: it is the yardstick for speed in `omnisim-bench` and a
/// second opinion on delivery counts in `swift test`.
public struct ReferenceLoop {
    private struct User {
        var loggedIn = false
        var viewing: Int32 = -1
        /// Views and app posts so far: a view-timeout timer ends the view only if none came since.
        var views: UInt32 = 0
        /// Arrived unseen (message, recipient) slots by thread.
        var unseen: [Int32: [Int32]] = [:]
    }

    private var users: [User]
    private var inChat: [Bool]
    private let isCustomer: [Bool]
    private var members: [[Int32]]
    /// Per (message, recipient) slot: seen yet? A message's slots start at `firstSlot[message]`,
    /// in the order of `slotPerson`.
    private var slotSeen: [Bool] = []
    private var slotPerson: [Int32] = []
    private var firstSlot: [Int32] = []
    private let emailAfter: SimDuration
    /// v3 `set everyone view-timeout D` (nil: views never time out).
    private let viewTimeout: SimDuration?
    /// v3 `set customers email-after D` (nil: no widget fallback) and `set customers email off`.
    private let customersEmailAfter: SimDuration?
    private let customersEmail: Bool
    /// Deliveries by channel, in ``ChannelKind`` order.
    public private(set) var deliveries = ChannelKind.allCases.map { _ in 0 }
    public private(set) var events = 0

    public init(plan: ScenarioPlan) {
        let count = plan.cast.personKinds.count
        users = Array(repeating: User(), count: count)
        inChat = Array(repeating: false, count: count)
        isCustomer = plan.cast.personKinds.map { $0 == .customer }
        members = Array(repeating: [], count: plan.cast.threadNames.count)
        emailAfter = plan.everyone.emailAfter ?? UserSettings.contractDefaults.emailAfter ?? .minutes(1)
        viewTimeout = plan.everyone.viewTimeout ?? nil
        customersEmailAfter = plan.customers.emailAfter
        customersEmail = plan.customers.email ?? true
    }

    /// Runs every event of `plan` and its fallback deadlines; returns the total deliveries.
    public mutating func run(_ plan: ScenarioPlan) -> Int {
        var agenda = Agenda(plan: plan)
        while let (time, step) = agenda.next() {
            switch step {
            case .event(let event): apply(event, at: time, agenda: &agenda)
            case .timer(let timer):
                events += 1
                if case .viewEnds(let person, let thread, let stamp, _) = timer.event {
                    if users[person.int].viewing == Int32(thread.int) && users[person.int].views == stamp { users[person.int].viewing = -1 }
                    continue
                }
                guard case .fallbackDeadline(let message, let person) = timer.event else { continue }
                if isCustomer[person.int] && !customersEmail { continue }
                if let slot = slot(message, person), !slotSeen[slot] { deliveries[ChannelKind.email.rawValue] += 1 }
            case .check: continue
            }
        }
        return deliveries.reduce(0, +)
    }

    private func slot(_ message: MessageID, _ person: PersonID) -> Int? {
        let start = Int(firstSlot[message.int])
        let end = message.int + 1 < firstSlot.count ? Int(firstSlot[message.int + 1]) : slotPerson.count
        return (start..<end).first { slotPerson[$0] == Int32(person.int) }
    }

    private mutating func apply(_ event: PlannedEvent, at time: SimInstant, agenda: inout Agenda) {
        events += 1
        switch event.action {
        case .logIn(.known(let p)): users[p.int].loggedIn = true
        case .logOut(.known(let p)):
            users[p.int].loggedIn = false
            users[p.int].viewing = -1
        case .joinChat(.known(let p)): inChat[p.int] = true
        case .leaveChat(.known(let p)): inChat[p.int] = false
        case .view(.known(let p), .known(let t)):
            view(p.int, Int32(t.int), at: time, agenda: &agenda)
        case .start(.known(let author), .known(let t), _, let with, _, _):
            var list = [Int32(author.int)]
            for case .known(let p) in with where !list.contains(Int32(p.int)) { list.append(Int32(p.int)) }
            members[t.int] = list
            post(Int32(author.int), Int32(t.int), viaApp: true, at: time, agenda: &agenda)
        case .write(.known(let author), .known(let t), _, let route):
            post(Int32(author.int), Int32(t.int), viaApp: route == .app, at: time, agenda: &agenda)
        default:
            preconditionFailure("the reference loop covers load events only")
        }
    }

    /// A user views a thread: logged in, viewing it, its arrived messages seen.
    private mutating func view(_ person: Int, _ thread: Int32, at now: SimInstant, agenda: inout Agenda) {
        users[person].loggedIn = true
        users[person].viewing = thread
        users[person].views &+= 1
        if let viewTimeout {
            agenda.schedule(.viewEnds(PersonID(person), ThreadID(Int(thread)), stamp: users[person].views, since: now), at: now + viewTimeout)
        }
        for slot in users[person].unseen.removeValue(forKey: thread) ?? [] { slotSeen[Int(slot)] = true }
    }

    private mutating func post(_ author: Int32, _ thread: Int32, viaApp: Bool, at now: SimInstant, agenda: inout Agenda) {
        // Writing is viewing (contract v2): a user who posts in the app views the thread.
        if viaApp && !isCustomer[Int(author)] { view(Int(author), thread, at: now, agenda: &agenda) }
        let message = MessageID(firstSlot.count)
        firstSlot.append(Int32(slotSeen.count))
        for recipient in members[Int(thread)] where recipient != author {
            let r = Int(recipient)
            if isCustomer[r] {
                deliveries[inChat[r] ? ChannelKind.chat.rawValue : ChannelKind.email.rawValue] += 1
                // v3: by chat, with a widget fallback: unseen (a load's customers never view).
                if inChat[r], let customersEmailAfter {
                    slotSeen.append(false)
                    slotPerson.append(recipient)
                    agenda.schedule(.fallbackDeadline(message, PersonID(r)), at: now + customersEmailAfter)
                }
                continue
            }
            deliveries[ChannelKind.messenger.rawValue] += 1
            let slot = Int32(slotSeen.count)
            let seen = users[r].loggedIn && users[r].viewing == thread
            slotSeen.append(seen)
            slotPerson.append(recipient)
            if !seen { users[r].unseen[thread, default: []].append(slot) }
            agenda.schedule(.fallbackDeadline(message, PersonID(r)), at: now + emailAfter)
        }
    }
}
