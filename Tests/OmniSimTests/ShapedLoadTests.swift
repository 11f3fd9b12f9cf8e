import Testing
@testable import OmniSim

/// Contract v2, "Load, shaped": `from`, `shape workday` (a working week, busy people, readers who
/// take their time) and existing users, each drawn the same on every machine.
@Suite("Shaped loads: from, a working week, heavy tails, existing users")
struct ShapedLoadTests {
    static let week = SimDuration.hours(24 * 7)

    func spec(seed: UInt64, shape: LoadShape = .workday, over: SimDuration = week, from: SimDuration = .zero) -> LoadSpec {
        var spec = LoadSpec(
            seed: seed, firstUser: PersonID(0), userCount: 60, firstCustomer: PersonID(60), customerCount: 15,
            firstThread: ThreadID(0), conversationCount: 40, messageCount: 3_000, over: over, sourceIndex: 0)
        spec.shape = shape
        spec.from = from
        return spec
    }

    func events(_ spec: LoadSpec) -> [(time: Int64, action: PlannedEvent.Action)] {
        var generator = LoadGenerator(spec: spec)
        var events: [(time: Int64, action: PlannedEvent.Action)] = []
        while let event = generator.next() { events.append(event) }
        return events
    }

    static func isMessage(_ action: PlannedEvent.Action) -> Bool {
        switch action {
        case .start, .write: true
        default: false
        }
    }

    @Test("over 7d, at least 75% of a workday load's messages fall on weekdays 9h–17h", arguments: 1...10)
    func workingHours(seed: UInt64) {
        let messages = events(spec(seed: seed)).filter { Self.isMessage($0.action) }
        let working = messages.filter { WorkdayCurve.isWorkingHour($0.time) }
        #expect(messages.count == 3_000)
        #expect(Double(working.count) >= 0.75 * Double(messages.count), "\(working.count) of \(messages.count)")
    }

    @Test("presence follows the curve: people log in mostly on weekdays in the day, and rarely at night")
    func presence() {
        let logIns = events(spec(seed: 3)).filter { if case .logIn = $0.action { true } else { false } }
        let day = logIns.filter { WorkdayCurve.weight(at: $0.time) >= 30 }
        #expect(logIns.count > 100)
        #expect(Double(day.count) >= 0.8 * Double(logIns.count), "\(day.count) of \(logIns.count) log-ins by day")
    }

    @Test("heavy tails: the busiest tenth of conversations carries about twice its share of the messages")
    func busyConversations() {
        var perThread = Array(repeating: 0, count: 40)
        for event in events(spec(seed: 5)) {
            switch event.action {
            case .start(_, .known(let thread), _, _, _, _), .write(_, .known(let thread), _, _): perThread[thread.int] += 1
            default: continue
            }
        }
        let busiest = perThread.sorted(by: >).prefix(4).reduce(0, +)
        #expect(busiest > 3_000 * 18 / 100, "the 4 busiest of 40 carry \(busiest) of 3000")
        var flat = Array(repeating: 0, count: 40)
        for event in events(spec(seed: 5, shape: .flat)) {
            if case .write(_, .known(let thread), _, _) = event.action { flat[thread.int] += 1 }
        }
        #expect(flat.sorted(by: >).prefix(4).reduce(0, +) < 3_000 * 15 / 100, "flat: about even")
    }

    @Test("readers take from 5 s to 30 min; a flat load's within 2 minutes")
    func readingDelays() {
        var random = SplitMix64(seed: 1)
        let delays = (0..<10_000).map { _ in WorkdayCurve.readingDelay(&random) }
        #expect(delays.min()! >= 5_000 && delays.max()! < 1_800_000)
        let late = delays.filter { $0 > 60_000 }.count
        #expect(late > 5_000 && late < 7_000, "about 6 in 10 after the 1-minute deadline: \(late)")
    }

    @Test("from T: every event of the load falls at T or later; without it, the same events earlier")
    func from() {
        let shifted = events(spec(seed: 2, shape: .flat, over: .hours(2), from: .hours(9)))
        let plain = events(spec(seed: 2, shape: .flat, over: .hours(2)))
        #expect(shifted.count == plain.count)
        #expect(zip(shifted, plain).allSatisfy { $0.time == $1.time + 9 * 3_600_000 && $0.action == $1.action })
    }

    @Test("existing users: the load uses them (no presence of theirs) and its own customers start the chats")
    func existingUsers() {
        var spec = LoadSpec(
            seed: 9, firstUser: PersonID(3), userCount: 0, firstCustomer: PersonID(3), customerCount: 50,
            firstThread: ThreadID(0), conversationCount: 50, messageCount: 50, over: .minutes(1), sourceIndex: 0)
        spec.existingUsers = [PersonID(0), PersonID(2)]
        for (_, action) in events(spec) {
            switch action {
            case .logIn, .logOut: Issue.record("no presence for existing users: \(action)")
            case .start(.known(let author), _, let isCustomer, let with, _, _):
                #expect(isCustomer && author.int >= 3)
                #expect(with.allSatisfy { $0 == .known(PersonID(0)) || $0 == .known(PersonID(2)) })
            case .view(.known(let viewer), _): #expect(viewer == PersonID(0) || viewer == PersonID(2))
            default: continue
            }
        }
    }

    @Test("the busy pick scatters a permutation: every index reachable, the busiest far busier than the median")
    func busyPick() {
        var random = SplitMix64(seed: 7)
        var counts = Array(repeating: 0, count: 100)
        for _ in 0..<70_000 { counts[WorkdayCurve.busyPick(100, &random)] += 1 }
        #expect(counts.allSatisfy { $0 > 0 })
        let sorted = counts.sorted(by: >)
        #expect(sorted[0] > 4 * sorted[50], "the busiest is far busier than the median: \(sorted[0]) and \(sorted[50])")
    }
}
