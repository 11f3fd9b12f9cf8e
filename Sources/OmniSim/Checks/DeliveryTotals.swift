/// What every run's report adds per channel (contract v2, "The report of a run adds, per channel,
/// the delay p50/p95/p99 and the person with the most deliveries on it"): each channel's delays,
/// counted exactly in a ``DelayHistogram``, and each person's deliveries on it. Always on: one
/// array increment and one histogram count per delivery; the per-person counts (four bytes per
/// person and channel) are allocated at the run's first delivery.
struct DeliveryTotals {
    private var delays: [DelayHistogram]
    /// By channel, then by person (`channel * people + person`): deliveries received (empty until
    /// the first delivery). One flat array, so that reading a count never copies a channel's array.
    private var received: [Int32] = []
    private let people: Int

    init(people: Int) {
        self.people = people
        delays = ChannelKind.allCases.map { _ in DelayHistogram() }
    }

    @inline(__always)
    mutating func observe(_ delivery: Delivery) {
        let channel = delivery.channel.rawValue
        delays[channel].record(delivery.time - delivery.due)
        if received.isEmpty { received = Array(repeating: 0, count: ChannelKind.allCases.count * people) }
        received[channel * people + delivery.recipient.int] += 1
    }

    /// Fills in `statistics`' percentiles and the ten people with the most deliveries (ties: the
    /// person declared first).
    func complete(_ statistics: inout ChannelStatistics) {
        let channel = statistics.channel.rawValue
        let histogram = delays[channel]
        statistics.delayPercentiles = [50, 95, 99].compactMap { histogram.percentile($0) }
        var top: [(person: PersonID, count: Int)] = []
        let counts = received.isEmpty ? [] : received[(channel * people)..<((channel + 1) * people)]
        for (person, count) in counts.enumerated() where count > 0 {
            guard top.count < ChannelStatistics.topRecipientCount || Int(count) > top[top.count - 1].count else { continue }
            // After the last with at least as many: an earlier-declared person keeps a tie.
            let place = top.firstIndex { $0.count < Int(count) } ?? top.count
            top.insert((PersonID(person), Int(count)), at: place)
            if top.count > ChannelStatistics.topRecipientCount { top.removeLast() }
        }
        statistics.topRecipients = top
    }
}
