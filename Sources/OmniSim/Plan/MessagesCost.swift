/// What the file's own messages (`starts`, `sends`, `writes to`, `emails`, `notes` lines) may
/// cost: each reaches at most everyone any line of the file may ever make a member of its thread —
/// its item's followers, whoever starts it, drafts it, is added, follows, writes to the item or is
/// mentioned in it, each team counted at its largest (its members plus everyone any line adds to
/// it), a load's conversation at the generator's eight — and, for a customer's message in a
/// customer conversation, an item or a load's conversation, every user who may have
/// `customer-messages all` (``FanOut``).
///
/// A file holds at most a million lines, but with teams, `customer-messages all` or a load's
/// millions of users its messages can still reach billions: they are counted with the loads'
/// (``LoadCost``), and the first message that brings a run over the limits is named.
public enum MessagesCost {
    /// The most members a load's conversation may have (a user conversation of 2–8 users).
    static let loadConversationMembersMax = 8

    /// The cost of `plan`'s messages added to `loads`, and the index in `plan.events` of the first
    /// message (in run order) with which the sum is past ``LoadCost/isWithinLimits`` (nil if none):
    /// then the cost is the sum up to that message.
    public static func estimate(_ plan: ScenarioPlan, fanOut: FanOut, adding loads: LoadCost) -> (cost: LoadCost, firstOver: Int?) {
        let (reach, reachedByAll) = reaches(plan)
        // A load's conversation that the file's lines enlarge (a team or a person added, or
        // mentioned there): each of the load's messages to it may reach everyone those lines may
        // make a member, beyond the generator's eight — counted at the first line that does it.
        let perConversation = loadMessagesPerConversation(plan)
        var enlarged = Set<Int>()
        var loadsEnlarged = 0
        let people = plan.cast.personKinds.count
        let everyone = fanOut.everyCustomerMessageUsers
        var deliveries = 0, extra = 0, messages = 0, unreadThreads = 0
        var unreadCounted = [Bool](repeating: false, count: reach.count)
        // The deliveries within one deadline window (a FIFO of (instant, deliveries)) and the most.
        var window: [(time: SimInstant, deliveries: Int)] = [], windowStart = 0, inWindow = 0, waitingMax = 0
        var firstOver: Int?
        var cost = loads
        for (index, event) in plan.events.enumerated() {
            if case .known(let thread)? = event.action.thread,
               let perMessage = perConversation.first(where: { $0.threads.contains(thread.int) })?.messages,
               reach[thread.int] > loadConversationMembersMax, enlarges(event), enlarged.insert(thread.int).inserted {
                let beyond = Double(min(people, reach[thread.int]) - loadConversationMembersMax)
                loadsEnlarged = LoadCost.clamped(Double(loadsEnlarged) + beyond * perMessage)
                var more = LoadCost(bytes: LoadCost.clamped(Double(loadsEnlarged) * Double(LoadCost.bytesPerDelivery)), events: 0, deliveries: loadsEnlarged)
                more.everyCustomerMessageDeliveries = 0
                cost = cost + more
                if !cost.isWithinLimits { return (cost, index) }
            }
            guard isMessage(event.action), case .known(let thread)? = event.action.thread else { continue }
            var count = min(people, reach[thread.int])
            if case .known(let author)? = event.action.subject, plan.cast.isCustomer(author), reachedByAll[thread.int] {
                count += everyone
                extra += everyone
                if !unreadCounted[thread.int] {
                    unreadCounted[thread.int] = true
                    unreadThreads += 1
                }
            }
            messages += 1
            deliveries += count
            window.append((event.time, count))
            inWindow += count
            while window[windowStart].time + fanOut.deadlineWindow < event.time {
                inWindow -= window[windowStart].deliveries
                windowStart += 1
            }
            waitingMax = max(waitingMax, inWindow)
            var own = LoadCost(
                bytes: LoadCost.clamped(
                    Double(messages) * Double(LoadCost.bytesPerMessage) + Double(deliveries) * Double(LoadCost.bytesPerDelivery)
                        + Double(waitingMax) * Double(LoadCost.bytesPerWaitingDeadline)
                        + Double(unreadThreads) * Double(everyone) * Double(LoadCost.bytesPerUnreadThread)),
                events: 0, deliveries: deliveries)
            own.everyCustomerMessageDeliveries = extra
            own.everyCustomerMessageUsers = extra > 0 ? everyone : 0
            cost = loads + own + LoadCost(
                bytes: LoadCost.clamped(Double(loadsEnlarged) * Double(LoadCost.bytesPerDelivery)), events: 0, deliveries: loadsEnlarged)
            if !cost.isWithinLimits {
                firstOver = index
                break
            }
        }
        return (cost, firstOver)
    }

    /// Whether `event` may add members to its thread: an `adds`, a `follows`, or a mention.
    static func enlarges(_ event: PlannedEvent) -> Bool {
        if !event.mentions.isEmpty { return true }
        switch event.action {
        case .add, .follow: return true
        default: return false
        }
    }

    /// Each load's conversations (their thread indices) and an upper estimate of the load's
    /// messages to one of them: the mean plus four standard deviations of a Poisson count (the
    /// generator picks a conversation per message; with `shape workday`, among its busy ones).
    static func loadMessagesPerConversation(_ plan: ScenarioPlan) -> [(threads: Range<Int>, messages: Double)] {
        plan.loads.filter { $0.conversationCount > 0 }.map { load in
            let picked = load.shape == .workday ? WorkdayCurve.busyPickEffectiveCount(load.conversationCount) : Double(load.conversationCount)
            let mean = Double(load.messageCount) / max(picked, 1)
            let upper = min(Double(load.messageCount), mean + 4 * mean.squareRoot())
            return (load.firstThread.int..<(load.firstThread.int + load.conversationCount), upper)
        }
    }

    /// Whether `action` posts a message.
    static func isMessage(_ action: PlannedEvent.Action) -> Bool {
        switch action {
        case .start, .send, .write, .note: true
        default: false
        }
    }

    /// For each thread, how many people any line may make its members (an upper bound), and whether
    /// `customer-messages all` may reach it (a customer conversation, an item, a load's conversation).
    static func reaches(_ plan: ScenarioPlan) -> (reach: [Int], reachedByAll: [Bool]) {
        // Teams at their largest: their members at the start plus everyone any line adds.
        var teamSize = plan.teams.members.map(\.count)
        for event in plan.events {
            if case .joinTeam(_, let people, .known(let team)) = event.action { teamSize[team.int] += people.count }
        }
        let threads = plan.cast.threadNames.count
        var reach = [Int](repeating: 0, count: threads)
        var reachedByAll = [Bool](repeating: false, count: threads)
        var isItem = [Bool](repeating: false, count: threads)
        // Each person or team counted once per thread, however many lines name them there.
        var counted = Set<Int64>()
        func join(_ thread: ThreadID, _ member: Member) {
            let (key, size) = switch member {
            case .person(let person): (Int64(person.index), 1)
            case .team(let team): (Int64(team.index) | 1 << 31, teamSize[team.int])
            }
            if counted.insert(Int64(thread.index) << 32 | key).inserted { reach[thread.int] += size }
        }
        func join(_ thread: ThreadID, _ person: PersonRef) {
            switch person {
            case .known(let id): join(thread, Member.person(id))
            case .team(let team): join(thread, Member.team(team))
            case .unknown: break
            }
        }
        for item in plan.items {
            for follower in item.followers { join(item.thread, follower) }
            reachedByAll[item.thread.int] = true
            isItem[item.thread.int] = true
        }
        for load in plan.loads {
            for thread in load.firstThread.int..<(load.firstThread.int + load.conversationCount) {
                reach[thread] += loadConversationMembersMax
                reachedByAll[thread] = true
            }
        }
        for event in plan.events {
            guard case .known(let thread)? = event.action.thread else { continue }
            for mention in event.mentions { join(thread, mention) }
            switch event.action {
            case .start(let author, _, let isCustomer, let with, let item, _), .draft(let author, _, let isCustomer, let with, let item):
                join(thread, author)
                for person in with { join(thread, person) }
                if isCustomer { reachedByAll[thread.int] = true }
                if case .known(let item)? = item { reach[thread.int] += reach[item.int] }
            case .link(_, _, .known(let item)):
                reach[thread.int] += reach[item.int]
            case .take(let person, _):
                join(thread, person)
            case .add(_, let people, _):
                for person in people { join(thread, person) }
            case .follow(let person, _):
                join(thread, person)
            case .write(let person, _, _, _), .note(let person, _, _):
                // Writing to an item makes a user its follower; a conversation's writers are members already.
                if isItem[thread.int] { join(thread, person) }
            default:
                break
            }
        }
        return (reach, reachedByAll)
    }
}

extension PlannedEvent.Action {
    /// The thread the event acts on, if it names one.
    var thread: ThreadRef? {
        switch self {
        case .view(_, let t), .viewOnMobile(_, let t), .stopViewing(_, let t), .take(_, let t), .link(_, let t, _), .follow(_, let t), .unfollow(_, let t), .close(_, let t), .reopen(_, let t):
            t
        case .start(_, let t, _, _, _, _), .draft(_, let t, _, _, _), .send(_, let t, _), .cancel(_, let t), .write(_, let t, _, _),
             .note(_, let t, _), .add(_, _, let t), .remove(_, _, let t):
            t
        default:
            nil
        }
    }
}
