/// One row of `--metrics` (contract v2, "Running, v2"): what one channel did in one interval of
/// virtual time `[start, start + interval)`.
///
/// Issue 23: in a run that measures live chat, each interval with chat activity also gets a row of
/// ``chats`` figures, whose `channel` is nil (its channel figures are 0).
public struct MetricsRow: Sendable, Equatable {
    public var start: SimInstant
    /// Nil on the row of chat figures.
    public var channel: ChannelKind?
    /// Sends that fell due in the interval (a retry is the same send, not a new one).
    public var due: Int
    /// Deliveries that arrived in the interval.
    public var delivered: Int
    /// The largest backlog (sends waiting for a rate window) once an instant of the interval was
    /// over, or as it stood through the interval.
    public var backlogMax: Int
    /// Likewise, the largest number of pending sends: due and not yet arrived (queued, waiting out a
    /// retry pause, or in flight), plus email batches not gone out.
    public var pendingMax: Int
    /// Nearest-rank p50 and p95, and the largest delay, of the deliveries that arrived in the
    /// interval; nil when none did.
    public var delayP50: SimDuration?
    public var delayP95: SimDuration?
    public var delayMax: SimDuration?
    /// Issue 23: the interval's live chat, on its own row (nil on a channel's row).
    public var chats: ChatFigures?

    public init(
        start: SimInstant, channel: ChannelKind?, due: Int = 0, delivered: Int = 0, backlogMax: Int = 0, pendingMax: Int = 0,
        delayP50: SimDuration? = nil, delayP95: SimDuration? = nil, delayMax: SimDuration? = nil
    ) {
        self.start = start
        self.channel = channel
        self.due = due
        self.delivered = delivered
        self.backlogMax = backlogMax
        self.pendingMax = pendingMax
        self.delayP50 = delayP50
        self.delayP95 = delayP95
        self.delayMax = delayMax
    }
}

/// Live chat in one interval of `--metrics` (issue 23).
public struct ChatFigures: Sendable, Equatable {
    /// Chats started, first taken or assigned, and abandoned in the interval.
    public var started = 0
    public var taken = 0
    public var abandoned = 0
    /// The most chats waiting once an instant of the interval was over (or as it stood through it).
    public var waitingMax = 0
    /// Nearest-rank p50 and p95, and the longest, of the waits of the chats taken in the interval;
    /// nil when none was.
    public var waitP50: SimDuration?
    public var waitP95: SimDuration?
    public var waitMax: SimDuration?

    public init() {}
}

/// Counts per channel and interval of virtual time as the run goes, and hands each interval's rows
/// (the channels with any activity) to `emit` once the clock has moved past it. Memory: the current
/// interval's delays only (sorted when it closes, for exact percentiles).
///
/// Backlog and pending are the run's mirrors of the channels' queues and of the sends in flight,
/// sampled once an instant is over (so a send that falls due and arrives in the same instant is
/// never pending); an interval the clock skips over gets a row only while something is waiting.
struct IntervalMetrics {
    private struct Channel {
        var due = 0
        var delivered = 0
        var backlog = 0
        var backlogMax = 0
        var pending = 0
        var pendingMax = 0
        var delays: [Int64] = []
    }

    let interval: Int64
    /// The most rows a run may emit (``Simulation/metricsRowsMax``).
    static let rowsMax = Simulation.metricsRowsMax
    /// Rows emitted so far.
    private(set) var rowCount = 0
    /// Whether more than ``rowsMax`` rows were emitted (nothing more is emitted for skipped intervals).
    var overflowed: Bool { rowCount > Self.rowsMax }
    /// The index of the interval being counted (`start / interval`).
    private var current: Int64 = 0
    private var channels = ChannelKind.allCases.map { _ in Channel() }
    /// Issue 23: live chat's counts, in a run that measures it.
    private var chat: (figures: ChatFigures, waits: [Int64], waiting: Int)?

    /// The run measures live chat: each interval with chat activity gets a row of chat figures.
    mutating func measureChats() { chat = (ChatFigures(), [], 0) }

    mutating func chatStarted() { chat?.figures.started += 1 }
    mutating func chatTaken(wait: SimDuration) {
        chat?.figures.taken += 1
        chat?.waits.append(wait.milliseconds)
    }
    mutating func chatAbandoned() { chat?.figures.abandoned += 1 }
    /// The chats waiting now (sampled once an instant is over).
    mutating func chatsWaiting(_ count: Int) { chat?.waiting = count }

    init(interval: SimDuration) {
        precondition(interval.milliseconds > 0, "an interval is positive")
        self.interval = interval.milliseconds
    }

    @inline(__always) mutating func due(_ channel: ChannelKind) {
        channels[channel.rawValue].due += 1
        channels[channel.rawValue].pending += 1
    }

    @inline(__always) mutating func delivered(_ delivery: Delivery) {
        let channel = delivery.channel.rawValue
        channels[channel].delivered += 1
        channels[channel].pending -= 1
        channels[channel].delays.append((delivery.time - delivery.due).milliseconds)
    }

    /// A send failed for good (bounced): it is no longer pending.
    mutating func settledWithoutDelivery(_ channel: ChannelKind) { channels[channel.rawValue].pending -= 1 }

    /// An email batch opened (+1) or went out (-1): a batch waiting counts as one pending email.
    mutating func batchWaiting(_ change: Int) { channels[ChannelKind.email.rawValue].pending += change }

    mutating func backlogChanged(_ channel: ChannelKind, by change: Int) { channels[channel.rawValue].backlog += change }

    /// An instant is over and the clock moves to `time`: the instant's end state is sampled, and
    /// every interval before `time`'s is closed and emitted.
    mutating func advance(to time: SimInstant, emit: ([MetricsRow]) -> Void) {
        sample()
        let target = time.milliseconds / interval
        guard target > current else { return }
        emit(close())
        // Intervals with no instant in them: rows only while something waits (carried as is).
        let waiting = channels.contains { $0.backlog > 0 || $0.pending > 0 } || (chat?.waiting ?? 0) > 0
        if waiting {
            for index in (current + 1)..<target {
                if overflowed { break }
                current = index
                emit(close())
            }
        }
        current = target
        // An instant at the interval's very start settles before any time of it passes: the state
        // carried from before never stands in it.
        if time.milliseconds == target * interval {
            for index in channels.indices {
                channels[index].backlogMax = 0
                channels[index].pendingMax = 0
            }
            chat?.figures.waitingMax = 0
        }
    }

    /// The run is over at `end`: the intervals up to it are emitted.
    mutating func finish(at end: SimInstant, emit: ([MetricsRow]) -> Void) {
        advance(to: end, emit: emit)
        emit(close())
    }

    private mutating func sample() {
        if let (figures, _, waiting) = chat, waiting > figures.waitingMax { chat?.figures.waitingMax = waiting }
        for index in channels.indices {
            channels[index].backlogMax = max(channels[index].backlogMax, channels[index].backlog)
            channels[index].pendingMax = max(channels[index].pendingMax, channels[index].pending)
        }
    }

    /// The current interval's rows, and the counts reset for the next (backlog and pending carry over).
    private mutating func close() -> [MetricsRow] {
        var rows: [MetricsRow] = []
        let start = SimInstant(milliseconds: current * interval)
        for kind in ChannelKind.allCases {
            var channel = channels[kind.rawValue]
            if channel.due > 0 || channel.delivered > 0 || channel.backlogMax > 0 || channel.pendingMax > 0 {
                channel.delays.sort()
                let n = channel.delays.count
                func rank(_ percent: Int) -> SimDuration? {
                    n == 0 ? nil : SimDuration(milliseconds: channel.delays[DelayHistogram.nearestRank(percent, count: n) - 1])
                }
                rows.append(MetricsRow(
                    start: start, channel: kind, due: channel.due, delivered: channel.delivered,
                    backlogMax: channel.backlogMax, pendingMax: channel.pendingMax, delayP50: rank(50), delayP95: rank(95),
                    delayMax: channel.delays.last.map { SimDuration(milliseconds: $0) }))
                rowCount += 1
            }
            channel.due = 0
            channel.delivered = 0
            channel.delays.removeAll(keepingCapacity: true)
            channel.backlogMax = channel.backlog
            channel.pendingMax = channel.pending
            channels[kind.rawValue] = channel
        }
        if let (figuresSoFar, waitsSoFar, waiting) = chat {
            var (figures, waits) = (figuresSoFar, waitsSoFar)
            if figures.started > 0 || figures.taken > 0 || figures.abandoned > 0 || figures.waitingMax > 0 {
                waits.sort()
                let n = waits.count
                func rank(_ percent: Int) -> SimDuration? {
                    n == 0 ? nil : SimDuration(milliseconds: waits[DelayHistogram.nearestRank(percent, count: n) - 1])
                }
                (figures.waitP50, figures.waitP95, figures.waitMax) = (rank(50), rank(95), waits.last.map { SimDuration(milliseconds: $0) })
                var row = MetricsRow(start: start, channel: nil)
                row.chats = figures
                rows.append(row)
                rowCount += 1
            }
            var next = ChatFigures()
            next.waitingMax = waiting
            chat = (next, [], waiting)
        }
        return rows
    }
}
