/// What a ``ChatDesk`` measures as chats come and go (issue 23): each taken chat's wait, each
/// first reply, abandonments, the longest queue once an instant is over, and each agent's takes
/// with their instants. Kept by the desk; read by checks and the report.
///
/// Wait percentiles are nearest-rank over taken chats only (abandoned and still-waiting chats left
/// out); with none taken there is no percentile (a check on it holds).
public struct ChatMeasures: Sendable, Equatable {
    /// Chats started.
    public internal(set) var chats = 0
    /// Each taken chat's wait (start to first take or assignment), in the order taken.
    public internal(set) var waits: [SimDuration] = []
    /// Each first reply's delay from the chat's start (a user message before any abandonment).
    public internal(set) var firstReplies: [SimDuration] = []
    public internal(set) var abandoned = 0
    /// The most chats waiting once an instant was over, up to the last instant the desk was told of
    /// (``ChatDesk/waitingMax`` includes the current one).
    var waitingMaxBefore = 0
    /// The instant the desk last changed at.
    var lastInstant: SimInstant?
    /// Per agent (declaration order): the instants of their takes and assignments, in time order.
    public internal(set) var takeTimes: [[SimInstant]]

    init(agents: Int) { takeTimes = Array(repeating: [], count: agents) }

    /// Chats taken (or assigned) at least once.
    public var taken: Int { waits.count }

    /// Moves to `now`: if an instant is over, the queue as it stood then (`waiting`, unchanged since)
    /// counts toward the largest.
    mutating func advance(to now: SimInstant, waiting: Int) {
        if let last = lastInstant {
            precondition(now >= last, "the chat desk went back in time: \(now) < \(last)")
            if now > last { waitingMaxBefore = max(waitingMaxBefore, waiting) }
        }
        lastInstant = now
    }

    /// The nearest-rank `percent` percentile of the taken chats' waits; nil when none was taken.
    public func waitPercentile(_ percent: Int) -> SimDuration? {
        Self.percentile(percent, of: waits)
    }

    /// The nearest-rank percentile of `values` (the ⌈percent·n/100⌉-th smallest); nil for none.
    static func percentile(_ percent: Int, of values: [SimDuration]) -> SimDuration? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted[DelayHistogram.nearestRank(percent, count: sorted.count) - 1]
    }

    /// `NAME handles at most N chats per D`: the most takes and assignments of `agent` in any
    /// half-open window `[x, x+D)` (two exactly D apart share none), and the window's start (the
    /// first take in it; the earliest such window on a tie). Without `per` (nil), all of them and
    /// the first's instant. (0, nil) for none.
    public func busiestWindow(of agent: Int, per window: SimDuration?) -> (count: Int, start: SimInstant?) {
        let times = takeTimes[agent]
        guard let first = times.first else { return (0, nil) }
        guard let window else { return (times.count, first) }
        precondition(window.milliseconds > 0, "a window of \(window)")
        var best = (count: 0, start: first as SimInstant?)
        var end = 0
        for (start, time) in times.enumerated() {
            while end < times.count, times[end] < time + window { end += 1 }
            if end - start > best.count { best = (end - start, time) }
        }
        return best
    }
}
