/// Live chat in figures, for the report and `compare` (issue 23): chats, taken, abandoned, wait
/// percentiles (nearest rank over taken chats), the longest queue, and each agent's takes and
/// utilisation (the share of their logged-in time with at least one open chat).
public struct StaffingSummary: Sendable, Equatable {
    /// One agent's figures, in declaration order.
    public struct Agent: Sendable, Equatable {
        /// Takes and assignments.
        public var takes: Int
        /// Nil when never logged in.
        public var utilisation: Double?

        public init(takes: Int, utilisation: Double?) {
            self.takes = takes
            self.utilisation = utilisation
        }
    }

    public var chats = 0
    public var taken = 0
    public var abandoned = 0
    /// Chats waiting at the end.
    public var waiting = 0
    /// The most chats waiting once an instant was over.
    public var waitingMax = 0
    /// Nil when no chat was taken.
    public var waitP50: SimDuration?
    public var waitP95: SimDuration?
    public var waitP99: SimDuration?
    public var waitMax: SimDuration?
    /// Nil when no chat had a reply.
    public var firstReplyP50: SimDuration?
    public var firstReplyP95: SimDuration?
    public var agents: [Agent] = []

    public init() {}
}

extension ChatDesk {
    /// The figures at `end` (the run's last instant): open spans of logged-in and busy time are
    /// counted up to it.
    public func summary(at end: SimInstant) -> StaffingSummary {
        var summary = StaffingSummary()
        summary.chats = measures.chats
        summary.taken = measures.taken
        summary.abandoned = measures.abandoned
        summary.waiting = waitingCount
        summary.waitingMax = waitingMax
        let waits = measures.waits.sorted()
        if !waits.isEmpty {
            let rank = { (percent: Int) in waits[DelayHistogram.nearestRank(percent, count: waits.count) - 1] }
            (summary.waitP50, summary.waitP95, summary.waitP99, summary.waitMax) = (rank(50), rank(95), rank(99), waits.last)
        }
        summary.firstReplyP50 = ChatMeasures.percentile(50, of: measures.firstReplies)
        summary.firstReplyP95 = ChatMeasures.percentile(95, of: measures.firstReplies)
        summary.agents = agents.indices.map { index in
            StaffingSummary.Agent(takes: measures.takeTimes[index].count, utilisation: agents[index].utilisation(until: end))
        }
        return summary
    }
}
