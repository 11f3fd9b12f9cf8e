/// Issue 23's invariants of live chat as work, kept from the run's book records independently of
/// the ``ChatDesk`` (a model of its own, from what the engine did: chats started, given, closed,
/// reopened, released and abandoned; agents' presence and capacities; the routing):
/// - an agent never holds more than their capacity through a take or an assignment (a reopen or a
///   capacity lowered may leave them over it: the contract allows that);
/// - after each event's assignments, under `first-free` or `least-busy`, no chat waits while an
///   agent is free (a queued chat is assigned the moment capacity frees);
/// - a chat's wait ends once (an assignment takes a waiting chat, to a free agent).
struct ChatOracle: Sendable {
    private struct Agent: Sendable {
        var loggedIn = false
        var capacity: Int?
        var open = 0
        var free: Bool { loggedIn && capacity.map { open < $0 } ?? true }
    }

    private enum Status: Sendable {
        case waiting, taken, left
    }

    private struct Chat: Sendable {
        var status = Status.waiting
        var closed = false
        var holders: [Int32] = []
    }

    private var agents: [Int32: Agent] = [:]
    private var chats: [Int32: Chat] = [:]
    private var routing = ChatRouting.broadcast
    private var waitingCount = 0
    private let cast: Cast
    private(set) var violations: [OracleViolation] = []
    private(set) var violationCount = 0

    init(cast: Cast) { self.cast = cast }

    /// Reads one chat record (``BookRecord/Kind``'s chat kinds).
    mutating func read(_ record: BookRecord) {
        let (thread, person) = (record.message, record.person)
        switch record.kind {
        case .chatStarted:
            chats[thread] = Chat()
            waitingCount += 1
        case .chatGiven:
            give(thread, to: person, assigned: record.detail == 1)
        case .chatReleased:
            guard var chat = chats[thread], let index = chat.holders.firstIndex(of: person) else { return }
            chat.holders.remove(at: index)
            if !chat.closed { agents[person, default: Agent()].open -= 1 }
            chats[thread] = chat
        case .chatClosed:
            guard var chat = chats[thread], chat.closed != (record.detail == 1) else { return }
            chat.closed = record.detail == 1
            if chat.closed && chat.status == .waiting {
                chat.status = .left
                waitingCount -= 1
            }
            for holder in chat.holders { agents[holder, default: Agent()].open += chat.closed ? -1 : 1 }
            chats[thread] = chat
        case .chatAbandoned:
            if chats[thread]?.status != .waiting { report(.chatTakenTwice, person) } else { waitingCount -= 1 }
            chats[thread]?.status = .left
        case .chatPresence:
            agents[person, default: Agent()].loggedIn = record.detail == 1
        case .chatCapacity:
            agents[person, default: Agent()].capacity = record.delay < 0 ? nil : Int(record.delay)
        case .chatRouting:
            let all = ChatRouting.allCases
            routing = Int(record.detail) < all.count ? all[Int(record.detail)] : .broadcast
        case .chatSettled:
            settled(waiting: Int(record.delay))
        default:
            return
        }
    }

    private mutating func give(_ thread: Int32, to person: Int32, assigned: Bool) {
        guard var chat = chats[thread] else { return }
        var agent = agents[person] ?? Agent()
        if assigned && (chat.status != .waiting || routing == .broadcast) { report(.chatTakenTwice, person) }
        if assigned && !agent.free { report(.chatAssignedToBusyAgent, person) }
        if chat.holders.contains(person) { report(.chatTakenTwice, person) }
        if !chat.closed {
            agent.open += 1
            if let capacity = agent.capacity, agent.open > capacity { report(.chatOverCapacity, person) }
        }
        if chat.status == .waiting {
            chat.status = .taken
            waitingCount -= 1
        }
        chat.holders.append(person)
        chats[thread] = chat
        agents[person] = agent
    }

    /// An event's assignments are over: under first-free or least-busy, chats wait only when no
    /// agent is free (`waiting`: the engine's count, for the report; this model's own is used).
    private mutating func settled(waiting: Int) {
        guard routing != .broadcast, waitingCount > 0 else { return }
        // The first free agent by person index (a deterministic choice for the report).
        if let free = agents.filter({ $0.value.free }).keys.min() { report(.chatWaitedForFreeAgent, free) }
    }

    private mutating func report(_ invariant: Invariant, _ person: Int32) {
        violationCount += 1
        guard violations.count < Oracle.violationsListedMax else { return }
        violations.append(OracleViolation(invariant: invariant, person: PersonID(Int(person)), channel: nil))
    }
}
