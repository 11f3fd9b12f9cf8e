/// The M/M/c queue's closed forms (Erlang C): c agents of capacity 1, Poisson arrivals at rate λ,
/// exponential handling at rate μ per agent, first come first served, nobody gives up. What a
/// simulation of chats routed `first-free` without `customers wait at most` must come close to.
///
///     let queue = ErlangC(agents: 2, utilisation: 0.8)   // offered load a = cρ = 1.6
///     queue.waitProbability                              // 0.7111…
///     queue.meanWait(handlingMean: 1)                    // 1.7777… (in handling times)
///
/// The probability is computed from the Erlang B recursion `B(0) = 1`, `B(k) = aB(k−1) / (k + aB(k−1))`,
/// then `C = cB / (c − a(1 − B))`: every step stays in [0, 1], so no factorial or power of `a`
/// overflows, for any number of agents.
///
/// - Complexity: O(c) at `init`.
public struct ErlangC: Sendable, Equatable {
    /// c, at least 1.
    public let agents: Int
    /// The offered load a = λ/μ (in agents' worth of work), below `agents` for a stable queue.
    public let offeredLoad: Double
    /// The Erlang B blocking probability with `agents` servers and no queue (B(c, a)).
    public let blockingProbability: Double
    /// P(wait > 0): the share of arrivals that find every agent busy (C(c, a)).
    public let waitProbability: Double

    /// The queue with `agents` agents and offered load `offeredLoad` = λ/μ < `agents`.
    public init(agents: Int, offeredLoad: Double) {
        precondition(agents >= 1, "an M/M/c queue needs at least one agent, not \(agents)")
        precondition(offeredLoad >= 0 && offeredLoad < Double(agents), "unstable: offered load \(offeredLoad) with \(agents) agents")
        self.agents = agents
        self.offeredLoad = offeredLoad
        var blocking = 1.0
        for k in 1...agents {
            blocking = offeredLoad * blocking / (Double(k) + offeredLoad * blocking)
        }
        blockingProbability = blocking
        waitProbability = Double(agents) * blocking / (Double(agents) - offeredLoad * (1 - blocking))
    }

    /// The queue with `agents` agents each busy a share `utilisation` (ρ = λ/(cμ), below 1) of the time.
    public init(agents: Int, utilisation: Double) {
        self.init(agents: agents, offeredLoad: Double(agents) * utilisation)
    }

    /// ρ = a/c: the share of time an agent is busy.
    public var utilisation: Double { offeredLoad / Double(agents) }

    /// The mean wait of all arrivals (those who wait none included), in the unit of
    /// `handlingMean` (1/μ): W = C / (cμ − λ) = C · handlingMean / (c − a).
    public func meanWait(handlingMean: Double) -> Double {
        waitProbability * handlingMean / (Double(agents) - offeredLoad)
    }

    /// The mean wait of the arrivals who wait at all: handlingMean / (c − a) (their wait is
    /// exponential with that mean).
    public func meanWaitOfThoseWaiting(handlingMean: Double) -> Double {
        handlingMean / (Double(agents) - offeredLoad)
    }
}
