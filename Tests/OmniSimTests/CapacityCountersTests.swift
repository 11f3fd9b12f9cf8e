import Testing
@testable import OmniSim

/// The v2 capacity checks' counters: exact nearest-rank percentiles from a histogram, and
/// per-person counts in sliding windows (v3), worst person by count, then declaration, then window.
@Suite("CapacityCounters: percentiles and per-person windows in bounded memory")
struct CapacityCountersTests {
    let cast = Cast(personNames: ["a", "b", "c"], personKinds: [.user, .user, .customer], threadNames: ["t"])

    func delivery(to person: Int, at time: Int64, due: Int64 = 0, channel: ChannelKind = .email) -> Delivery {
        Delivery(time: SimInstant(milliseconds: time), channel: channel, recipient: PersonID(person), message: MessageID(0), due: SimInstant(milliseconds: due))
    }

    @Test("percentiles equal the nearest rank of the sorted delays, on random data", arguments: 0..<10)
    func percentilesMatchSorting(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let checks = [PlannedCheck(id: 0, time: nil, condition: .delayPercentile(.email, percent: 95, atMost: .zero))]
        var counters = CapacityCounters(checks: checks, cast: cast)
        var delays: [Int64] = []
        let n = 1 + random.below(500)
        var time: Int64 = 0
        for _ in 0..<n {
            time += Int64(random.below(1000))
            let delay = Int64(random.below(random.below(2) == 0 ? 5 : 100_000))
            delays.append(delay)
            counters.observe(delivery(to: 0, at: time + delay, due: time), cast: cast)
        }
        delays.sort()
        for percent in [50, 90, 95, 99] {
            let rank = Int((Double(percent) * Double(n) / 100).rounded(.up))
            #expect(counters.percentile(percent, on: .email)?.value == SimDuration(milliseconds: delays[rank - 1]), "p\(percent) of \(n)")
        }
        #expect(counters.percentile(50, on: .chat) == nil)
    }

    @Test("per-person windows slide: the most arrivals in any [x, x+D), a delivery exactly D later in none with it")
    func windowsSlide() throws {
        let checks = [PlannedCheck(id: 7, time: nil, condition: .perPerson(.email, kind: .user, max: 1, per: .minutes(1)))]
        var counters = CapacityCounters(checks: checks, cast: cast)
        // Aligned to 0 (v2), no window [k·1m, (k+1)·1m) holds two of these; [50s, 1m50s) holds two.
        for time: Int64 in [50_000, 70_000, 110_000, 170_000] { counters.observe(delivery(to: 1, at: time), cast: cast) }
        counters.observe(delivery(to: 2, at: 61_000), cast: cast)  // a customer: not counted for users
        counters.observe(delivery(to: 1, at: 61_000, channel: .chat), cast: cast)  // another channel
        let worst = try #require(counters.counters(for: 7)?.worst)
        #expect(worst.count == 2)
        #expect(worst.person == 1)
        #expect(worst.window == 50_000, "the window [50s, 1m50s): 110s is exactly 1m after 50s, so not in it")
    }

    @Test("arrivals at one instant count together; the queue forgets what left the window")
    func sameInstant() throws {
        let checks = [PlannedCheck(id: 3, time: nil, condition: .perPerson(.email, kind: nil, max: 2, per: .seconds(10)))]
        var counters = CapacityCounters(checks: checks, cast: cast)
        for time: Int64 in [0, 5_000, 20_000, 20_000, 20_000, 29_999, 30_000] { counters.observe(delivery(to: 0, at: time), cast: cast) }
        let worst = try #require(counters.counters(for: 3)?.worst)
        #expect((worst.count, worst.person, worst.window) == (4, 0, 20_000))
        #expect(counters.counters(for: 3)?.count[0] == 2, "at 30s, the last 10s hold 29.999s and 30s (20s is exactly 10s before)")
    }

    @Test("the worst person: the highest count, then the person declared first, then the earliest window")
    func ties() throws {
        let checks = [PlannedCheck(id: 1, time: nil, condition: .perPerson(.email, kind: nil, max: 0, per: .minutes(1)))]
        var counters = CapacityCounters(checks: checks, cast: cast)
        counters.observe(delivery(to: 2, at: 1_000), cast: cast)
        counters.observe(delivery(to: 1, at: 2_000), cast: cast)
        counters.observe(delivery(to: 1, at: 70_000), cast: cast)
        counters.observe(delivery(to: 0, at: 80_000), cast: cast)
        let worst = try #require(counters.counters(for: 1)?.worst)
        #expect((worst.count, worst.person, worst.window) == (1, 0, 80_000), "a (declared first) in [1m20s, 2m20s)")
    }
}
