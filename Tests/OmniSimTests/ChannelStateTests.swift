import Testing
@testable import OmniSim

@Suite("ChannelState: latency, outages and retries, rate windows and backlog")
struct ChannelStateTests {
    func send(_ n: Int, due: SimInstant = .start) -> Send {
        Send(message: MessageID(n), recipient: PersonID(n), channel: .email, due: due)
    }

    @Test("a send arrives after the latency in force when it succeeds")
    func latency() {
        var channel = ChannelState(config: .init(kind: .email, latency: .seconds(2)))
        #expect(channel.submit(send(0), at: .start + .seconds(1)) == .attempted(.arrives(send(0), at: .start + .seconds(3))))
    }

    @Test("a batch arrives at once only when nothing could hold a send back, and counts as that many sends")
    func deliverAtOnce() {
        let now = SimInstant.start + .milliseconds(2_500)
        var batch = ChannelState(config: .init(kind: .messenger))
        var oneByOne = batch
        let batched = batch.deliverAtOnce(count: 3, at: now)
        #expect(batched)
        for n in 0..<3 { #expect(oneByOne.submit(send(n, due: now), at: now) == .attempted(.arrives(send(n, due: now), at: now))) }
        #expect(batch.statistics == oneByOne.statistics)
        #expect(batch.statistics.deliveries == 3)

        var bouncing = ChannelConfig(kind: .messenger)
        bouncing.bouncing = [PersonID(1)]
        var jittery = ChannelConfig(kind: .messenger)
        jittery.jitter = .milliseconds(5)
        let holdsBack: [ChannelConfig] = [
            .init(kind: .messenger, latency: .seconds(1)),
            .init(kind: .messenger, rate: Rate(count: 10, window: .seconds(1))),
            .init(kind: .messenger, downWindows: [DownWindow(from: .start, until: .start + .seconds(3))]),
            bouncing, jittery,
        ]
        for config in holdsBack {
            var channel = ChannelState(config: config)
            let batched = channel.deliverAtOnce(count: 3, at: now)
            #expect(!batched)
            #expect(channel.statistics == ChannelStatistics(channel: .messenger))
        }
        // After the outage, the same channel delivers at once again.
        var recovered = ChannelState(config: holdsBack[2])
        let afterOutage = recovered.deliverAtOnce(count: 2, at: .start + .seconds(3))
        #expect(afterOutage)
    }

    @Test("retries wait 30s, 1m, 2m, 4m, 8m, then 10m each")
    func retryPauses() {
        let pauses = (1...8).map { ChannelState.retryPause(afterFailures: Int32($0)) }
        #expect(pauses == [.seconds(30), .minutes(1), .minutes(2), .minutes(4), .minutes(8), .minutes(10), .minutes(10), .minutes(10)])
    }

    @Test("a down window A..B is [A, B): a send at A fails, one at B succeeds")
    func downWindowIsHalfOpen() {
        let window = DownWindow(from: .start + .minutes(1), until: .start + .minutes(5))
        var channel = ChannelState(config: .init(kind: .email, downWindows: [window]))
        var failed = send(0)
        failed.failures = 1
        #expect(channel.submit(send(0), at: .start + .minutes(1)) == .attempted(.failed(failed, retryAt: .start + .seconds(90))))
        #expect(channel.submit(send(1), at: .start + .minutes(5)) == .attempted(.arrives(send(1), at: .start + .minutes(5))))
        #expect(channel.statistics.failedAttempts == 1)
    }

    @Test("a full window queues sends first come first served; the next window releases them in order")
    func rateWindow() {
        var channel = ChannelState(config: .init(kind: .email, rate: Rate(count: 2, window: .seconds(1))))
        let now = SimInstant.start + .milliseconds(10_500)
        #expect(channel.submit(send(0), at: now) == .attempted(.arrives(send(0), at: now)))
        #expect(channel.submit(send(1), at: now) == .attempted(.arrives(send(1), at: now)))
        #expect(channel.submit(send(2), at: now) == .queued(windowOpensAt: .start + .seconds(11)))
        #expect(channel.submit(send(3), at: now) == .queued(windowOpensAt: nil))
        #expect(channel.submit(send(4), at: now) == .queued(windowOpensAt: nil))
        #expect(channel.backlog == 3)
        let (attempts, next) = channel.windowOpens(at: .start + .seconds(11))
        #expect(attempts == [.arrives(send(2), at: .start + .seconds(11)), .arrives(send(3), at: .start + .seconds(11))])
        #expect(next == .start + .seconds(12))
        #expect(channel.statistics.backlogMax == 3)
    }

    @Test("while sends wait, a new send queues behind them even if the window has room")
    func waitingSendsKeepTheirPlace() {
        var channel = ChannelState(config: .init(kind: .email, rate: Rate(count: 1, window: .seconds(1))))
        _ = channel.submit(send(0), at: .start)
        _ = channel.submit(send(1), at: .start)
        _ = channel.apply(.rate(Rate(count: 5, window: .seconds(1))), at: .start + .milliseconds(500))
        #expect(channel.submit(send(2), at: .start + .milliseconds(500)) == .queued(windowOpensAt: nil))
    }

    @Test("a bouncing recipient's send fails for good, without a retry; others go through")
    func bounce() {
        var channel = ChannelState(config: .init(kind: .email))
        _ = channel.apply(.bounce(PersonID(1)), at: .start)
        #expect(channel.submit(send(1), at: .start) == .attempted(.bounced(send(1))))
        #expect(channel.submit(send(2), at: .start) == .attempted(.arrives(send(2), at: .start)))
        #expect(channel.statistics.bounced == 1)
    }

    @Test("jitter adds a seeded delay within 0...jitter: the same seed, the same delays")
    func jitter() {
        func delays(seed: UInt64) -> [Int64] {
            var config = ChannelConfig(kind: .chat, latency: .seconds(1))
            config.jitter = .seconds(2)
            config.jitterSeed = seed
            var channel = ChannelState(config: config)
            return (0..<50).map { n -> Int64 in
                guard case .attempted(.arrives(_, let at)) = channel.submit(send(n), at: .start) else { return -1 }
                return at.milliseconds
            }
        }
        #expect(delays(seed: 7) == delays(seed: 7))
        #expect(delays(seed: 7) != delays(seed: 8))
        #expect(delays(seed: 7).allSatisfy { (1_000...3_000).contains($0) })
    }

    @Test("busiest second and largest delay are tracked per channel")
    func statistics() {
        var channel = ChannelState(config: .init(kind: .email))
        channel.recordArrival(of: send(0), at: .start + .seconds(1))
        channel.recordArrival(of: send(1, due: .start), at: .start + .milliseconds(2_100))
        channel.recordArrival(of: send(2, due: .start), at: .start + .milliseconds(2_900))
        #expect(channel.statistics.busiestSecond == .start + .seconds(2))
        #expect(channel.statistics.busiestSecondCount == 2)
        #expect(channel.statistics.delayMax == .milliseconds(2_900))
        #expect(channel.statistics.deliveries == 3)
    }

    /// The same retries one by one, as the contract states them: the reference for the count-ahead.
    private static func retriedOneByOne(
        from start: SimInstant, windows: [DownWindow], horizon: SimInstant
    ) -> (arrival: SimInstant?, failures: Int) {
        var now = start
        var failures: Int32 = 0
        while now <= horizon {
            guard windows.contains(where: { $0.contains(now) }) else { return (now, Int(failures)) }
            failures += 1
            now = now + ChannelState.retryPause(afterFailures: failures)
        }
        return (nil, Int(failures))
    }

    @Test("a long outage: the failures counted ahead and the arrival are those of retrying one by one", arguments: 0..<40)
    func countedAheadMatchesOneByOne(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var windows: [DownWindow] = []
        var from: Int64 = 0
        for _ in 0..<(1 + random.below(4)) {
            from += Int64(random.below(3 * 3_600_000))
            let length = Int64(1 + random.below(20 * 3_600_000))
            windows.append(DownWindow(from: SimInstant(milliseconds: from), until: SimInstant(milliseconds: from + length)))
            from += Int64(random.below(2)) == 0 ? length : length / 2
        }
        let start = SimInstant(milliseconds: Int64(random.below(60_000)))
        let endAt: SimInstant? = random.below(2) == 0 ? nil : SimInstant(milliseconds: from + Int64(random.below(3_600_000)))
        var channel = ChannelState(config: .init(kind: .email, downWindows: windows), endAt: endAt)
        var now = start, steps = 0
        var arrival: SimInstant?
        var submission = channel.submit(send(0), at: now)
        while steps < 1_000 {
            steps += 1
            guard case .attempted(let attempt) = submission else { break }
            if case .arrives(_, let at) = attempt { arrival = at; break }
            guard case .failed(let failed, let retryAt) = attempt else { break }
            if let endAt, retryAt > endAt { break }
            now = retryAt
            submission = channel.submit(failed, at: now)
        }
        let reference = Self.retriedOneByOne(from: start, windows: windows, horizon: endAt ?? SimInstant(milliseconds: .max / 2))
        #expect(arrival == reference.arrival)
        #expect(channel.statistics.failedAttempts == reference.failures)
        #expect(steps < 60, "a send waits out hours of outage in a few steps, not one per retry")
    }

    @Test("no counting ahead past a change to the channel: a retry falls due at the change")
    func noCountingPastAChange() {
        let window = DownWindow(from: .start, until: .start + .hours(10))
        var channel = ChannelState(config: .init(kind: .email, downWindows: [window]), changeTimes: [.start + .hours(1)])
        var failed = send(0)
        failed.failures = 5
        let submission = channel.submit(failed, at: .start + .minutes(30))
        guard case .attempted(.failed(let retried, let retryAt)) = submission else {
            Issue.record("the send should fail, not \(submission)")
            return
        }
        // Fails at 30m; the attempts at 40m and 50m are sure to fail and are counted; the one at 1h,
        // the instant of the change, runs for real (the change runs first).
        #expect(retryAt == .start + .hours(1))
        #expect(retried.failures == 8)
        #expect(channel.statistics.failedAttempts == 3)
    }
}
