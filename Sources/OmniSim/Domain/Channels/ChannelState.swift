/// One channel of the delivery service: latency, outages with retries, and a rate window with its
/// backlog queue. The logic behind ``ChannelActor``.
public struct ChannelState: Sendable {
    public private(set) var config: ChannelConfig
    public private(set) var statistics: ChannelStatistics
    /// Sends waiting for a rate window with room, first come first served.
    private var waiting = FIFOQueue<Send>()
    private var windowIndex: Int64 = -1
    private var sendsInWindow = 0
    /// Whether a `windowOpens` timer is set for this channel.
    private var windowOpenSet = false
    /// Draws each send's jitter, in send order (seeded: the same run draws the same delays).
    private var jitterRandom: SplitMix64

    /// Instants at which a scenario event changes this channel, in order, and the run's `end at`:
    /// a send's failed attempts are counted ahead (see ``attempt(_:at:)``) only up to the first of
    /// them, because a change or the end could alter what those attempts would do.
    private let changeTimes: [SimInstant]
    private var changeCursor = 0
    private let endAt: SimInstant?

    public init(config: ChannelConfig, changeTimes: [SimInstant] = [], endAt: SimInstant? = nil) {
        self.config = config
        self.statistics = ChannelStatistics(channel: config.kind)
        self.jitterRandom = SplitMix64(seed: config.jitterSeed)
        self.changeTimes = changeTimes
        self.endAt = endAt
    }

    public var kind: ChannelKind { config.kind }
    /// Sends waiting for a window (not retries waiting out their pause, nor sends in flight).
    public var backlog: Int { waiting.count }
    public var waitingSends: ArraySlice<Send> { waiting.elements }

    /// What one attempt to send led to.
    public enum Attempt: Sendable, Equatable {
        /// The send succeeded and arrives at `at` (now plus the latency in force now).
        case arrives(Send, at: SimInstant)
        /// The channel is down: the send falls due again at `retryAt`.
        case failed(Send, retryAt: SimInstant)
        /// The recipient bounces on this channel: the send fails for good and is not retried.
        case bounced(Send)
    }

    /// What happened to a send that fell due.
    public enum Submission: Sendable, Equatable {
        case attempted(Attempt)
        /// It waits for a window; `windowOpensAt` is set when the caller must schedule the next window.
        case queued(windowOpensAt: SimInstant?)
    }

    /// `count` sends fall due at `now` and, if nothing in force could hold one back, all arrive at
    /// once: they are counted and the result is true. Otherwise nothing changes and the result is
    /// false: submit them one by one. ``submit(_:at:)``'s first branch taken `count` times, in one
    /// step (the same rule, ``nothingHoldsBack(at:)``, decides both).
    public mutating func deliverAtOnce(count: Int, at now: SimInstant) -> Bool {
        guard nothingHoldsBack(at: now) else { return false }
        for _ in 0..<count { statistics.recordDelivery(arrival: now, due: now) }
        return true
    }

    /// The rule a send that arrives at once rests on, stated once: with no rate, latency, jitter
    /// or bounce in force and the channel up at `now`, a send that falls due at `now` arrives at
    /// `now` (what ``attempt(_:at:)`` would find, without a window slot or a jitter draw to take).
    @inline(__always)
    public func nothingHoldsBack(at now: SimInstant) -> Bool {
        config.rate == nil && config.latency == .zero && config.jitter == .zero && config.bouncing.isEmpty
            && (config.downWindows.isEmpty || !isDown(at: now))
    }

    /// A send falls due at `now`: it arrives at once when nothing holds it back; otherwise it goes
    /// out if the window has room and nobody waits, else it queues.
    public mutating func submit(_ send: Send, at now: SimInstant) -> Submission {
        if nothingHoldsBack(at: now) {
            statistics.recordDelivery(arrival: now, due: send.due)
            return .attempted(.arrives(send, at: now))
        }
        return submitted(send, at: now)
    }

    private mutating func submitted(_ send: Send, at now: SimInstant) -> Submission {
        if let rate = config.rate {
            if !waiting.isEmpty || !takeSlot(at: now, rate: rate) {
                waiting.append(send)
                statistics.recordBacklog(waiting.count)
                if windowOpenSet { return .queued(windowOpensAt: nil) }
                windowOpenSet = true
                return .queued(windowOpensAt: nextWindow(after: now, rate: rate))
            }
        }
        return .attempted(attempt(send, at: now))
    }

    /// A window opens at `now`: waiting sends go out while it has room. Returns the attempts, and the
    /// next window to schedule if sends still wait.
    public mutating func windowOpens(at now: SimInstant) -> (attempts: [Attempt], next: SimInstant?) {
        windowOpenSet = false
        var attempts: [Attempt] = []
        while let rate = config.rate, !waiting.isEmpty, takeSlot(at: now, rate: rate) {
            if let send = waiting.popFirst() { attempts.append(attempt(send, at: now)) }
        }
        if config.rate == nil {
            while let send = waiting.popFirst() { attempts.append(attempt(send, at: now)) }
        }
        guard let rate = config.rate, !waiting.isEmpty else { return (attempts, nil) }
        windowOpenSet = true
        return (attempts, nextWindow(after: now, rate: rate))
    }

    /// A delivery on this channel that was in flight arrived (one that arrives at once is counted
    /// when it is attempted).
    public mutating func recordArrival(of send: Send, at now: SimInstant) {
        statistics.recordDelivery(arrival: now, due: send.due)
    }

    /// Applies a configuration change. Returns a window to schedule if sends wait and none is set
    /// (for example after the rate was removed or changed).
    public mutating func apply(_ change: ChannelChange, at now: SimInstant) -> SimInstant? {
        config.apply(change)
        // What a change does to the channel's running state besides its settings.
        switch change {
        case .rate:
            windowIndex = -1
            sendsInWindow = 0
        case .jitter(_, let seed): jitterRandom = SplitMix64(seed: seed)
        case .latency, .down, .bounce: break
        }
        guard !waiting.isEmpty, !windowOpenSet else { return nil }
        windowOpenSet = true
        guard let rate = config.rate else { return now }
        return nextWindow(after: now, rate: rate)
    }

    public func isDown(at now: SimInstant) -> Bool {
        config.downWindows.contains { $0.contains(now) }
    }

    /// The pause after the n-th failed attempt: 30s, 1m, 2m, 4m, 8m, then 10m each.
    public static func retryPause(afterFailures failures: Int32) -> SimDuration {
        let pauses: [Int64] = [30, 60, 120, 240, 480]
        let index = Int(failures) - 1
        return .seconds(index < pauses.count ? pauses[max(index, 0)] : 600)
    }

    private mutating func attempt(_ send: Send, at now: SimInstant) -> Attempt {
        if !config.bouncing.isEmpty, config.bouncing.contains(send.recipient) {
            statistics.bounced += 1
            return .bounced(send)
        }
        if isDown(at: now) {
            var failed = send
            failed.failures += 1
            statistics.failedAttempts += 1
            let retryAt = skipFailingRetries(&failed, from: now + Self.retryPause(afterFailures: failed.failures), now: now)
            return .failed(failed, retryAt: retryAt)
        }
        var arrival = now + config.latency
        if config.jitter > .zero {
            arrival = arrival + SimDuration(milliseconds: Int64(jitterRandom.below(Int(config.jitter.milliseconds) + 1)))
        }
        // A delivery that arrives at once is counted here; a later one by `recordArrival` when it lands.
        if arrival == now { statistics.recordDelivery(arrival: now, due: send.due) }
        return .arrives(send, at: arrival)
    }

    /// A long outage in bounded work: once a send's pause has reached its 10-minute cap, the retries
    /// that are sure to fail — all before the end of the down stretch that holds them, before the
    /// next change to this channel and not after `end at` — are counted here at once, and the send
    /// falls due next at the first retry past them. Every figure comes out as if each retry had run
    /// (the same failures counted, the same arrival), but a send waits out a 100-year outage in a
    /// few steps instead of five million. Only without a rate: with one, a failed attempt takes a
    /// slot from the sends behind it, so each retry must run.
    private mutating func skipFailingRetries(_ send: inout Send, from retryAt: SimInstant, now: SimInstant) -> SimInstant {
        guard config.rate == nil, send.failures >= Self.cappedAfterFailures else { return retryAt }
        while changeCursor < changeTimes.count, changeTimes[changeCursor] < now { changeCursor += 1 }
        var horizon = changeCursor < changeTimes.count ? changeTimes[changeCursor] : SimInstant(milliseconds: .max)
        if let endAt { horizon = min(horizon, endAt + .milliseconds(1)) }
        let pause = Self.retryPause(afterFailures: Self.cappedAfterFailures + 1).milliseconds
        var next = retryAt
        while next < horizon, let stretchEnd = downStretchEnd(containing: next) {
            // Attempts at next, next + pause, … before the stretch ends (and before the horizon) fail.
            let limit = min(stretchEnd, horizon)
            let count = (limit.milliseconds - next.milliseconds + pause - 1) / pause
            send.failures = Int32(clamping: Int64(send.failures) + count)
            statistics.failedAttempts += Int(count)
            next = next + .milliseconds(count * pause)
        }
        return next
    }

    /// Failures from which every later pause is the cap (10 minutes): the pause after the 6th on.
    static let cappedAfterFailures: Int32 = 5

    /// The end of the run of down windows that holds `instant` (overlapping or touching windows
    /// joined), or nil when the channel is up then.
    private func downStretchEnd(containing instant: SimInstant) -> SimInstant? {
        var end = instant
        while let window = config.downWindows.first(where: { $0.contains(end) }) { end = window.until }
        return end > instant ? end : nil
    }

    /// Uses a slot of the window that holds `now`, if it has one left.
    private mutating func takeSlot(at now: SimInstant, rate: Rate) -> Bool {
        let index = now.milliseconds / rate.window.milliseconds
        if index != windowIndex {
            windowIndex = index
            sendsInWindow = 0
        }
        guard sendsInWindow < rate.count else { return false }
        sendsInWindow += 1
        return true
    }

    private func nextWindow(after now: SimInstant, rate: Rate) -> SimInstant {
        let size = rate.window.milliseconds
        return SimInstant(milliseconds: (now.milliseconds / size + 1) * size)
    }
}
