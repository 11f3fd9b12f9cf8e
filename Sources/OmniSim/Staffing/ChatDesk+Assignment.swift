extension ChatDesk {
    /// Under `first-free` or `least-busy`, gives waiting chats, oldest first, to free agents while
    /// both last; under `broadcast`, nothing. The engine calls it after each scenario event and each
    /// abandonment (so a timed routing switch or a capacity raise assigns at once), and makes each
    /// assigned agent a member, in the order returned.
    ///
    /// - Complexity: O(1) when nothing waits or no agent is free; else O(agents) per assignment.
    public mutating func assignWaiting(at now: SimInstant) -> [ChatAssignment] {
        guard routing != .broadcast, waitingCount > 0, freeCount > 0 else { return [] }
        advance(to: now)
        var assigned: [ChatAssignment] = []
        while freeCount > 0, waitingCount > 0 {
            queue.removeFirst { chats[Int($0)].status != .waiting }
            guard let index = queue.popFirst().map(Int.init) else { break }
            let agent = pickFreeAgent()
            give(index, to: agent, at: now)
            assigned.append(ChatAssignment(chat: chats[index].thread, agent: agent))
        }
        return assigned
    }

    /// The free agent the routing picks: `first-free`, free the longest, then declaration order;
    /// `least-busy`, the fewest open chats, then free the longest, then declaration order.
    func pickFreeAgent() -> Int {
        var best = -1
        for (index, agent) in agents.enumerated() where agent.isFree {
            guard best >= 0 else { best = index; continue }
            let current = agents[best]
            let since = agent.freeSince ?? .start, bestSince = current.freeSince ?? .start
            let better = routing == .leastBusy
                ? (agent.openChats, since.milliseconds) < (current.openChats, bestSince.milliseconds)
                : since < bestSince
            if better { best = index }
        }
        precondition(best >= 0, "no free agent though \(freeCount) counted free")
        return best
    }
}

/// A waiting chat given to an agent by ``ChatDesk/assignWaiting(at:)``.
public struct ChatAssignment: Sendable, Equatable {
    public var chat: ThreadID
    /// The agent's index in declaration order.
    public var agent: Int

    public init(chat: ThreadID, agent: Int) {
        self.chat = chat
        self.agent = agent
    }
}
