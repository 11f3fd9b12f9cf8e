import Testing
@testable import OmniSim

/// The report's per-channel figures (v2): exact nearest-rank p50/p95/p99 and the person with the
/// most deliveries, ties to the person declared first.
@Suite("DeliveryTotals: the report's percentiles and busiest person")
struct DeliveryTotalsTests {
    func delivery(to person: Int, at time: Int64, due: Int64, channel: ChannelKind = .email) -> Delivery {
        Delivery(
            time: SimInstant(milliseconds: time), channel: channel, recipient: PersonID(person), message: MessageID(0),
            due: SimInstant(milliseconds: due))
    }

    @Test("p50/p95/p99 equal the nearest rank of the sorted delays, across short and long delays", arguments: 0..<10)
    func percentiles(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var totals = DeliveryTotals(people: 5)
        var delays: [Int64] = []
        let n = 1 + random.below(2_000)
        for _ in 0..<n {
            // Both sides of the histogram's dense limit (16,384 ms), and its edges.
            let delay = [Int64(random.below(20)), Int64(random.below(40_000)), 16_383, 16_384][random.below(4)]
            delays.append(delay)
            totals.observe(delivery(to: random.below(5), at: 1_000_000 + delay, due: 1_000_000))
        }
        delays.sort()
        var statistics = ChannelStatistics(channel: .email)
        totals.complete(&statistics)
        let expected = [50, 95, 99].map { percent in
            SimDuration(milliseconds: delays[Int((Double(percent) * Double(n) / 100).rounded(.up)) - 1])
        }
        #expect(statistics.delayPercentiles == expected, "\(n) delays")
    }

    @Test("the busiest person has the most deliveries on that channel; a tie goes to the person declared first")
    func busiest() throws {
        var totals = DeliveryTotals(people: 4)
        for person in [3, 1, 3, 1, 2] { totals.observe(delivery(to: person, at: 0, due: 0)) }
        totals.observe(delivery(to: 2, at: 0, due: 0, channel: .chat))
        var email = ChannelStatistics(channel: .email), push = ChannelStatistics(channel: .push)
        totals.complete(&email)
        totals.complete(&push)
        let most = try #require(email.mostDeliveries)
        #expect((most.person, most.count) == (PersonID(1), 2))
        #expect(push.mostDeliveries == nil && push.delayPercentiles.isEmpty, "no delivery: no figures")
        #expect(email.topRecipients.map(\.person) == [PersonID(1), PersonID(3), PersonID(2)], "most first, ties declared first")
    }

    @Test("the ten people with the most deliveries, against a sort of the counts", arguments: 0..<5)
    func topTen(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let people = 40
        var totals = DeliveryTotals(people: people)
        var counts = Array(repeating: 0, count: people)
        for _ in 0..<(200 + random.below(800)) {
            let person = random.below(people)
            counts[person] += 1
            totals.observe(delivery(to: person, at: 0, due: 0))
        }
        var email = ChannelStatistics(channel: .email)
        totals.complete(&email)
        let expected = counts.indices.filter { counts[$0] > 0 }.sorted { (counts[$0], -$0) > (counts[$1], -$1) }.prefix(10)
        #expect(email.topRecipients.map(\.person.int) == Array(expected))
        #expect(email.topRecipients.map(\.count) == expected.map { counts[$0] })
    }
}
