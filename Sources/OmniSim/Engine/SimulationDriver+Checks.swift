extension SimulationDriver {
    /// Evaluates a check: an `at T` one after everything at T has run, an untimed one at the end.
    func evaluate(_ run: inout RunState, _ check: PlannedCheck) {
        let passed: Bool
        let observed: Observation
        switch check.condition {
        case .delivery(let delivery):
            let count = check.time == nil ? runCount(&run, of: check.id) : run.ledger.countAtInstant(delivery, messages: run.messages)
            passed = delivery.count.admits(count)
            // An `at T` check's nearest deliveries are looked up once, at the end (``nearestOfTimedFailures``).
            let nearest = passed || check.time != nil ? nil : run.ledger.nearest(for: delivery, around: nil, messages: run.messages)
            observed = .deliveries(matching: count, nearest: nearest)
        case .error(let text):
            var matched = false
            for index in run.instantRejectionsStart..<run.rejections.count where run.rejections[index].message.contains(text) {
                run.rejections[index].matched = true
                matched = true
            }
            passed = matched
            observed = .errors(at: run.now, run.rejections[run.instantRejectionsStart...].map(\.message))
        default:
            (passed, observed) = evaluateState(&run, check.condition, id: check.id, timed: check.time != nil)
        }
        run.checkResults[check.id] = CheckResult(id: check.id, passed: passed, observed: observed)
    }

    private func runCount(_ run: inout RunState, of id: Int) -> Int {
        guard let index = run.ledger.runChecks.firstIndex(where: { $0.id == id }) else { return 0 }
        return run.ledger.runCounts[index]
    }

    /// A state check against the actors' state now.
    private func evaluateState(
        _ run: inout RunState, _ condition: PlannedCheck.Condition, id: Int, timed: Bool
    ) -> (Bool, Observation) {
        let everyone = run.everyone
        switch condition {
        case .bubble(let person, let n):
            let bubble = users.withState(person.int) { $0.bubble(everyone: everyone) } ?? 0
            return (bubble == n, .bubble(bubble))
        case .unread(let person, let n):
            let unread = users.withState(person.int) { $0.unread } ?? 0
            return (unread == n, .unread(unread))
        case .bubbleBound(let person, let bound):
            let bubble = users.withState(person.int) { $0.bubble(everyone: everyone) } ?? 0
            return (bound.admits(bubble), .bubble(bubble))
        case .unreadBound(let person, let bound):
            let unread = users.withState(person.int) { $0.unread } ?? 0
            return (bound.admits(unread), .unread(unread))
        case .inbox(let person, let view, let thread, let lists):
            let listed = threads.withPresentState(thread.int) { $0.isListed(for: person, in: view) }
            return (listed == lists, .listed(listed))
        case .canSee(let person, let thread, let can):
            let (cast, seesAll) = (cast, cast.isUser(person) && run.customerMessages.isAll(person, everyone: everyone))
            let sees = threads.withPresentState(thread.int) { $0.canBeSeen(by: person, cast: cast, seesAllCustomerThreads: seesAll) }
            return (sees == can, .visible(sees))
        case .seesText(let person, let text, let expected):
            return seesText(run, person, text, expected)
        case .participants(let thread, let people):
            let members = threads.withPresentState(thread.int) { $0.isLive ? $0.members : [] }
            return (Set(members) == Set(run.teams.resolve(people)), .members(members))
        case .backlog(let channel, let n):
            let backlog = channels.withPresentState(channel.rawValue) { $0.backlog }
            return (backlog == n, .backlog(backlog))
        case .pending(let channel, let n):
            let pending = pendingCount(&run, on: channel)
            return (pending == n, .pending(pending))
        case .delayAtMost(let channel, let limit):
            let delay = channels.withPresentState(channel.rawValue) { $0.statistics.delayMax }
            return (delay <= limit, .delayMax(delay))
        case .backlogBound(let channel, let bound):
            let backlog = channels.withPresentState(channel.rawValue) { timed ? $0.backlog : $0.statistics.backlogMax }
            return (bound.admits(backlog), .backlog(backlog))
        case .delayPercentile(let channel, let percent, let limit):
            guard let found = run.capacity.percentile(percent, on: channel) else { return (true, .percentile(nil, of: 0, behind: nil)) }
            let sample = DelaySample(
                recipient: found.first.recipient, message: run.messages[found.first.message.int], due: found.first.due,
                arrival: found.first.time)
            return (found.value <= limit, .percentile(found.value, of: found.of, behind: sample))
        case .perPerson(_, _, let max, _):
            guard let counters = run.capacity.counters(for: id), let worst = counters.worst else {
                return (true, .perPerson(nil, count: 0, windowStart: nil))
            }
            let start = counters.per.map { _ in SimInstant(milliseconds: worst.window) }
            return (Int(worst.count) <= max, .perPerson(PersonID(Int(worst.person)), count: Int(worst.count), windowStart: start))
        case .chatWait, .chatsWaiting, .chatsAbandoned, .chatsHandled:
            return evaluateChat(run, condition, timed: timed)
        case .delivery, .error:
            preconditionFailure("delivery and error checks are evaluated by evaluate(_:_:)")
        }
    }

    /// Sends on `channel` that have not arrived: waiting for a window, waiting out a retry pause, or in flight.
    private func pendingCount(_ run: inout RunState, on channel: ChannelKind) -> Int {
        var count = channels.withPresentState(channel.rawValue) { $0.backlog }
        for entry in run.agenda.pendingTimers {
            switch entry.event {
            case .arrival(let send), .retry(let send): if send.channel == channel { count += 1 }
            // A batch that has not gone out is one email pending (v2).
            case .batchDue: if channel == .email { count += 1 }
            case .windowOpens, .fallbackDeadline, .fallbackSeen, .viewEnds, .chatAbandons, .chatHandled: break
            }
        }
        return count
    }

    /// A failed `at T` delivery check was judged at T, when later deliveries were not known: its
    /// nearest deliveries are looked up at the end, over the whole run, so that `expected email to
    /// lea at 9h1m` shows the email that came at 9h3m rather than "no email to lea at all".
    private func nearestOfTimedFailures(_ run: inout RunState) {
        for check in plan.checks where check.time != nil {
            guard case .delivery(let delivery) = check.condition, let result = run.checkResults[check.id], !result.passed,
                  case .deliveries(let count, _) = result.observed
            else { continue }
            let nearest = run.ledger.nearest(for: delivery, around: check.time, messages: run.messages)
            run.checkResults[check.id]?.observed = .deliveries(matching: count, nearest: nearest)
        }
    }

    /// Evaluates the untimed checks against the final state and gathers the result.
    func finish(_ run: inout RunState) throws -> RunResult {
        for check in plan.checks where check.time == nil { evaluate(&run, check) }
        nearestOfTimedFailures(&run)
        var statistics = ChannelKind.allCases.map { kind in channels.withPresentState(kind.rawValue) { $0.statistics } }
        var pending: [Send] = []
        for entry in run.agenda.pendingTimers {
            if case .arrival(let send) = entry.event { pending.append(send) }
            if case .retry(let send) = entry.event { pending.append(send) }
        }
        for kind in ChannelKind.allCases { pending += channels.withPresentState(kind.rawValue) { Array($0.waitingSends) } }
        let books = run.books.finish(pending: pending)
        for channel in ChannelKind.allCases {
            statistics[channel.rawValue].pending = pendingCount(&run, on: channel)
            books.totals.complete(&statistics[channel.rawValue])
        }
        let checks = run.checkResults.enumerated().map { index, result in
            result ?? CheckResult(id: index, passed: false, observed: .notEvaluated)
        }
        if metering {
            run.metrics?.finish(at: max(plan.endAt ?? run.lastActivity, run.now), emit: emitMetrics)
            try checkMetricsBound(run)
        }
        for observer in observers {
            do { try observer.finish() } catch { throw SimulationError.observerFailed("\(error)") }
        }
        var result = RunResult(
            checks: checks, rejections: run.rejections, channels: statistics, deliveries: run.deliveryCount,
            messages: run.messages.count, events: run.eventCount, endTime: plan.endAt ?? run.lastActivity,
            violations: books.oracle.violations, violationCount: books.oracle.violationCount, journal: run.journal)
        result.staffing = staffingSummary(run, at: result.endTime)
        result.chatWaits = run.chat?.desk.measures.waits ?? []
        return result
    }
}
