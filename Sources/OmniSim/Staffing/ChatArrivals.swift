/// A stream of chats from a seed (issue 23's chat load, `chats R per D`, `handled in D`): starts
/// as a Poisson process (exponential gaps of mean D/R) and, for each, how long its agent will take
/// to handle it, exponential with the given mean or fixed. The same seed gives the same stream on
/// every machine (``Exponential`` computes its own logarithm).
///
///     var arrivals = ChatArrivals(seed: 7, chats: 12, per: .hours(1), handling: .exponential(mean: .minutes(4)))
///     let first = arrivals.next()   // ChatArrival(start: …, handling: …)
///
/// Starts are kept exact (in fractional milliseconds) and rounded only when handed out, so that
/// rounding each gap to the engine's millisecond does not drift the rate. Draws alternate gap,
/// handling time, gap, … from one ``SplitMix64``.
public struct ChatArrivals: Sendable {
    /// How long an agent takes over a chat.
    public enum Handling: Sendable, Equatable {
        case exponential(mean: SimDuration)
        case fixed(SimDuration)
    }

    public let handling: Handling
    /// The mean gap between starts, in milliseconds.
    public let meanGap: Double
    private var random: SplitMix64
    private var clock: Double

    /// `chats` per `window` on average (both positive), starting after `from`.
    public init(seed: UInt64, chats: Int, per window: SimDuration, handling: Handling, from: SimInstant = .start) {
        precondition(chats > 0 && window.milliseconds > 0, "a chat load of \(chats) per \(window)")
        self.init(seed: seed, meanGap: Double(window.milliseconds) / Double(chats), handling: handling, from: from)
    }

    /// Starts `meanGap` milliseconds apart on average (positive).
    public init(seed: UInt64, meanGap: Double, handling: Handling, from: SimInstant = .start) {
        precondition(meanGap > 0 && meanGap.isFinite, "a mean gap of \(meanGap) ms")
        self.handling = handling
        self.meanGap = meanGap
        random = SplitMix64(seed: seed)
        clock = Double(from.milliseconds)
    }

    /// The next chat: its start (never before the previous one) and its handling time.
    public mutating func next() -> ChatArrival {
        clock += Exponential.draw(mean: meanGap, &random)
        let start = SimInstant(milliseconds: Int64(clock.rounded()))
        let time: SimDuration
        switch handling {
        case .fixed(let duration):
            time = duration
        case .exponential(let mean):
            time = .milliseconds(Int64(Exponential.draw(mean: Double(mean.milliseconds), &random).rounded()))
        }
        return ChatArrival(start: start, handling: time)
    }
}

/// One chat of a ``ChatArrivals`` stream.
public struct ChatArrival: Sendable, Equatable {
    public var start: SimInstant
    /// How long the agent who gets it keeps it open.
    public var handling: SimDuration

    public init(start: SimInstant, handling: SimDuration) {
        self.start = start
        self.handling = handling
    }
}
