/// The pure state of live chat as agents' work (issue 23; contract v3 fine print, "Staffing"): the
/// agents (every user, in declaration order, by index), the first-come queue of chats waiting for
/// an agent, the routing, `customers wait at most`, and what is measured. No actor, no clock, no
/// names: each operation takes the instant, and the engine carries out what it returns.
///
/// A *chat* is a customer conversation a customer starts with no user among its members; the
/// engine calls ``start(_:at:)`` for those only. After each scenario event and each abandonment
/// the engine calls ``assignWaiting(at:)`` and makes each assigned agent a member.
///
///     var desk = ChatDesk(agents: 2)
///     desk.routing = .firstFree
///     desk.logIn(1, at: .start)
///     _ = desk.start(ThreadID(0), at: .start + .seconds(5))
///     desk.assignWaiting(at: .start + .seconds(5))   // [ChatAssignment(chat: ThreadID(0), agent: 1)]
///
/// A chat is open for each agent who took it or was assigned it while they remain and it is not
/// closed; open chats count against `chat-capacity`. Unknown threads (no chat) are ignored by every
/// operation but ``start(_:at:)``, and so are abandoned chats (no longer chats).
public struct ChatDesk: Sendable {
    /// By index in declaration order.
    public private(set) var agents: [ChatAgent]
    /// `chat routing`; read at each ``assignWaiting(at:)``.
    public var routing: ChatRouting = .broadcast
    /// `customers wait at most D`; read at each ``start(_:at:)`` (nil: customers wait for ever).
    public var patience: SimDuration?
    public private(set) var measures: ChatMeasures
    /// Chats waiting now: started, neither taken nor assigned, nor abandoned, nor closed.
    public private(set) var waitingCount = 0

    var chats: [ChatRecord] = []
    var chatIndex: [ThreadID: Int32] = [:]
    /// Chat indices in start order; entries no longer waiting are dropped when they reach the front.
    var queue = FIFOQueue<Int32>()
    /// How many agents are free.
    var freeCount = 0

    public init(agents count: Int) {
        agents = Array(repeating: ChatAgent(), count: count)
        measures = ChatMeasures(agents: count)
    }

    /// `chats waiting at most|at least` untimed: the largest queue once an instant was over, the
    /// current instant's included as it stands.
    public var waitingMax: Int { max(measures.waitingMaxBefore, waitingCount) }

    /// Whether `thread` is a chat: started as one and not abandoned.
    public func isChat(_ thread: ThreadID) -> Bool {
        guard let index = chatIndex[thread] else { return false }
        return chats[Int(index)].status != .abandoned
    }

    /// Where `thread` stands as a chat (nil if it was never one), without building a snapshot.
    public func status(_ thread: ThreadID) -> ChatStatus? {
        chatIndex[thread].map { chats[Int($0)].status }
    }

    /// How `thread` stands as a chat, or nil if it was never one.
    public func chat(_ thread: ThreadID) -> ChatSnapshot? {
        chatIndex[thread].map { chats[Int($0)].snapshot }
    }

    // MARK: Agents

    public mutating func logIn(_ agent: Int, at now: SimInstant) {
        advance(to: now)
        update(agent, at: now) { $0.loggedIn = true }
    }

    /// The agent keeps their open chats (they still count); nothing is queued again.
    public mutating func logOut(_ agent: Int, at now: SimInstant) {
        advance(to: now)
        update(agent, at: now) { $0.loggedIn = false }
    }

    /// `chat-capacity` (nil: unlimited; 0 allowed). Lowering it removes no chat.
    public mutating func setCapacity(_ capacity: Int?, of agent: Int, at now: SimInstant) {
        precondition((capacity ?? 0) >= 0, "a negative chat-capacity")
        advance(to: now)
        update(agent, at: now) { $0.capacity = capacity }
    }

    // MARK: Chats

    /// A customer starts `thread` with no user among its members: it waits, last in the queue.
    /// Returns when it is abandoned unless taken first (start + `customers wait at most`, read now),
    /// for the engine to set a timer that calls ``abandon(_:at:)``; nil without patience.
    public mutating func start(_ thread: ThreadID, at now: SimInstant) -> SimInstant? {
        precondition(chatIndex[thread] == nil, "chat \(thread.int) started twice")
        advance(to: now)
        let index = Int32(chats.count)
        chatIndex[thread] = index
        chats.append(ChatRecord(thread: thread, start: now))
        queue.append(index)
        waitingCount += 1
        measures.chats += 1
        return patience.map { now + $0 }
    }

    /// `agent` takes `thread` (a `takes`, or writing, by a user not yet holding it). Refused, with
    /// nothing changed, when it would put them over capacity; the first take ends the wait.
    public mutating func take(_ thread: ThreadID, by agent: Int, at now: SimInstant) -> ChatTake {
        guard let index = chatIndex[thread].map(Int.init), chats[index].status != .abandoned else { return .notAChat }
        advance(to: now)
        if chats[index].holders.contains(Int32(agent)) { return .alreadyHolding }
        if !chats[index].closed, !agents[agent].hasRoom, let capacity = agents[agent].capacity {
            return .refused(ChatCapacityRefusal(openChats: agents[agent].openChats, capacity: capacity))
        }
        let first = chats[index].status != .taken
        give(index, to: agent, at: now)
        return .taken(first: first)
    }

    /// Why a take of `thread` by `agent` would be refused (it would put them over capacity), or nil
    /// when ``take(_:by:at:)`` would not refuse it. Changes nothing.
    public func refusal(_ thread: ThreadID, by agent: Int) -> ChatCapacityRefusal? {
        guard let index = chatIndex[thread].map(Int.init), chats[index].status != .abandoned,
              !chats[index].holders.contains(Int32(agent)), !chats[index].closed, !agents[agent].hasRoom,
              let capacity = agents[agent].capacity
        else { return nil }
        return ChatCapacityRefusal(openChats: agents[agent].openChats, capacity: capacity)
    }

    /// A user posts in `thread`: the first such post before any abandonment is its first reply.
    public mutating func userPosted(in thread: ThreadID, at now: SimInstant) {
        guard let index = chatIndex[thread].map(Int.init), chats[index].status != .abandoned, chats[index].firstReply == nil else { return }
        advance(to: now)
        chats[index].firstReply = now
        measures.firstReplies.append(now - chats[index].start)
    }

    /// `closes` by any participant: the chat is no longer open for anyone. A chat still waiting
    /// leaves the queue (it is neither taken nor abandoned; a later take still ends its wait).
    public mutating func close(_ thread: ThreadID, at now: SimInstant) {
        guard let index = chatIndex[thread].map(Int.init), chats[index].status != .abandoned, !chats[index].closed else { return }
        advance(to: now)
        if chats[index].status == .waiting {
            chats[index].status = .withdrawn
            waitingCount -= 1
        }
        chats[index].closed = true
        for holder in chats[index].holders { update(Int(holder), at: now) { $0.openChats -= 1 } }
    }

    /// Reopened: open again for each agent still holding it, even over capacity; not routed again.
    public mutating func reopen(_ thread: ThreadID, at now: SimInstant) {
        guard let index = chatIndex[thread].map(Int.init), chats[index].status != .abandoned, chats[index].closed else { return }
        advance(to: now)
        chats[index].closed = false
        for holder in chats[index].holders { update(Int(holder), at: now) { $0.openChats += 1 } }
    }

    /// `agent` is removed from `thread` (or leaves it): it is no longer open for them.
    public mutating func remove(_ agent: Int, from thread: ThreadID, at now: SimInstant) {
        guard let index = chatIndex[thread].map(Int.init),
              let position = chats[index].holders.firstIndex(of: Int32(agent)) else { return }
        advance(to: now)
        chats[index].holders.remove(at: position)
        if !chats[index].closed { update(agent, at: now) { $0.openChats -= 1 } }
    }

    /// The abandonment timer of `thread` (set at its start for start + D; an event at that very
    /// instant runs first). True if it was still waiting: it leaves the queue and is no longer a
    /// chat, and the engine takes its customer out of the widget.
    public mutating func abandon(_ thread: ThreadID, at now: SimInstant) -> Bool {
        guard let index = chatIndex[thread].map(Int.init), chats[index].status == .waiting else { return false }
        advance(to: now)
        chats[index].status = .abandoned
        waitingCount -= 1
        measures.abandoned += 1
        return true
    }

    // MARK: Bookkeeping

    /// Moves the measures to `now` (an instant over leaves its queue length behind).
    mutating func advance(to now: SimInstant) { measures.advance(to: now, waiting: waitingCount) }

    /// Changes one agent, keeping ``ChatAgent/freeSince``, the free count and utilisation right.
    mutating func update(_ agent: Int, at now: SimInstant, _ change: (inout ChatAgent) -> Void) {
        agents[agent].account(until: now)
        let wasFree = agents[agent].isFree
        change(&agents[agent])
        let isFree = agents[agent].isFree
        if isFree && !wasFree {
            agents[agent].freeSince = now
            freeCount += 1
        } else if wasFree && !isFree {
            agents[agent].freeSince = nil
            freeCount -= 1
        }
    }

    /// Makes chat `index` open for `agent`: a take or an assignment.
    mutating func give(_ index: Int, to agent: Int, at now: SimInstant) {
        if chats[index].status == .waiting { waitingCount -= 1 }
        if chats[index].status != .taken {
            chats[index].status = .taken
            chats[index].firstTake = now
            measures.waits.append(now - chats[index].start)
        }
        chats[index].holders.append(Int32(agent))
        measures.takeTimes[agent].append(now)
        if !chats[index].closed { update(agent, at: now) { $0.openChats += 1 } }
    }
}
