/// An M/M/c experiment on a ``ChatDesk`` (issue 23's acceptance): `agents` agents of chat-capacity
/// 1, all logged in from the start, routing `first-free`, no `customers wait at most`; chats from a
/// seeded ``ChatArrivals`` stream, each closed by its agent its handling time after the assignment.
/// The desk decides every assignment; the loop here only moves time, as the engine would.
///
///     let outcome = QueueExperiment(agents: 2, utilisation: 0.8, chats: 200_000, seed: 1).run()
///     outcome.formula.waitProbability       // 0.7111…
///     outcome.waitProbability.mean          // the simulation's share of chats that waited
///     outcome.waitProbability.halfWidth     // its 99% batch-means half-width
///
/// Same-instant order: the chats closed at an instant close first (in the order assigned), then a
/// chat starting then starts; assignments follow each. The first ``warmUp`` chats (1% by default)
/// are left out of the measures, the queue starting empty; waits are in handling means (1/μ).
public struct QueueExperiment: Sendable {
    public let agents: Int
    public let utilisation: Double
    public let chats: Int
    public let seed: UInt64
    /// Chats left out at the start.
    public let warmUp: Int
    public let batches: Int
    /// The mean handling time (1/μ); any value gives the same result up to the millisecond's rounding.
    public let handlingMean: SimDuration

    public init(
        agents: Int, utilisation: Double, chats: Int, seed: UInt64, warmUp: Int? = nil, batches: Int = 20,
        handlingMean: SimDuration = .minutes(5)
    ) {
        precondition(utilisation > 0 && utilisation < 1, "utilisation \(utilisation)")
        self.agents = agents
        self.utilisation = utilisation
        self.chats = chats
        self.seed = seed
        self.warmUp = warmUp ?? chats / 100
        self.batches = batches
        self.handlingMean = handlingMean
    }

    /// What the experiment found beside what Erlang C says.
    public struct Outcome: Sendable {
        public var formula: ErlangC
        /// The share of chats that waited at all, with its 99% batch-means interval.
        public var waitProbability: BatchMeans
        /// The mean wait in handling means, with its 99% batch-means interval.
        public var meanWait: BatchMeans
        /// Chats measured (after the warm-up).
        public var measured: Int
        public var summary: StaffingSummary
    }

    /// The arrival stream: mean gap (1/μ)/(cρ), exponential handling of mean 1/μ.
    public var arrivals: ChatArrivals {
        let meanGap = Double(handlingMean.milliseconds) / (Double(agents) * utilisation)
        return ChatArrivals(seed: seed, meanGap: meanGap, handling: .exponential(mean: handlingMean))
    }

    /// Runs it: a few hundred nanoseconds per chat in release.
    public func run() -> Outcome {
        var desk = ChatDesk(agents: agents)
        desk.routing = .firstFree
        for agent in 0..<agents {
            desk.setCapacity(1, of: agent, at: .start)
            desk.logIn(agent, at: .start)
        }
        var stream = arrivals
        var starts: [SimInstant] = []
        var handling: [SimDuration] = []
        var waits = [Double](repeating: 0, count: chats)
        var closes = BinaryHeap<Closing>()
        var closeOrder: Int64 = 0
        var upcoming = stream.next()
        var now = SimInstant.start
        while starts.count < chats || !closes.isEmpty {
            if let closing = closes.min, starts.count == chats || closing.time <= upcoming.start {
                _ = closes.popMin()
                now = closing.time
                desk.close(ThreadID(closing.chat), at: now)
            } else {
                now = upcoming.start
                let deadline = desk.start(ThreadID(starts.count), at: now)
                precondition(deadline == nil, "an M/M/c chat never gives up")
                starts.append(upcoming.start)
                handling.append(upcoming.handling)
                upcoming = stream.next()
            }
            for assignment in desk.assignWaiting(at: now) {
                let chat = assignment.chat.int
                waits[chat] = Double((now - starts[chat]).milliseconds)
                closes.insert(Closing(time: now + handling[chat], order: closeOrder, chat: chat))
                closeOrder += 1
            }
        }
        let kept = Array(waits[min(warmUp, chats)...])
        let mean = Double(handlingMean.milliseconds)
        return Outcome(
            formula: ErlangC(agents: agents, utilisation: utilisation),
            waitProbability: BatchMeans(kept.map { $0 > 0 ? 1 : 0 }, batches: batches, confidence: .percent99)!,
            meanWait: BatchMeans(kept.map { $0 / mean }, batches: batches, confidence: .percent99)!,
            measured: kept.count,
            summary: desk.summary(at: now))
    }

    /// A chat's close, due at `time`; at one instant, in the order assigned.
    private struct Closing: Comparable, Sendable {
        var time: SimInstant
        var order: Int64
        var chat: Int
        static func < (a: Self, b: Self) -> Bool { (a.time, a.order) < (b.time, b.order) }
        static func == (a: Self, b: Self) -> Bool { a.order == b.order }
    }
}
