/// The v2 capacity checks, counted as deliveries stream past, in bounded memory: delays as a
/// histogram per channel (one entry per distinct delay in milliseconds, with the first delivery
/// that had it), so percentiles are exact; and, per `to each` check, one count and one window per
/// person, so the worst person is known at the end without keeping any delivery.
struct CapacityCounters {
    /// A distinct delay: how many deliveries had it, and the first of them.
    struct DelayBucket {
        var count: Int
        var first: Delivery
    }

    /// A `to each` check's counters.
    struct PerPerson {
        let id: Int
        let channel: ChannelKind
        let kind: PersonKind?
        let per: SimDuration?
        var window: [Int64]
        var count: [Int32]
        var worst: (count: Int32, person: Int32, window: Int64)?
    }

    /// By channel: delays (ms) → bucket; only for channels a percentile check names.
    private(set) var delays: [[Int64: DelayBucket]?] = Array(repeating: nil, count: ChannelKind.allCases.count)
    private(set) var delayCounts = Array(repeating: 0, count: ChannelKind.allCases.count)
    private(set) var perPerson: [PerPerson] = []

    init(checks: [PlannedCheck], cast: Cast) {
        for check in checks where check.time == nil {
            switch check.condition {
            case .delayPercentile(let channel, _, _): delays[channel.rawValue] = [:]
            case .perPerson(let channel, let kind, _, let per):
                let people = cast.personKinds.count
                perPerson.append(PerPerson(
                    id: check.id, channel: channel, kind: kind, per: per,
                    window: Array(repeating: -1, count: people), count: Array(repeating: 0, count: people)))
            default: continue
            }
        }
    }

    var isWatching: Bool { !perPerson.isEmpty || delays.contains { $0 != nil } }

    mutating func observe(_ delivery: Delivery, cast: Cast) {
        let channel = delivery.channel.rawValue
        if delays[channel] != nil {
            let delay = (delivery.time - delivery.due).milliseconds
            delays[channel]?[delay, default: DelayBucket(count: 0, first: delivery)].count += 1
            delayCounts[channel] += 1
        }
        for index in perPerson.indices where perPerson[index].channel == delivery.channel {
            let person = delivery.recipient.int
            if let kind = perPerson[index].kind, cast.personKinds[person] != kind { continue }
            let window = perPerson[index].per.map { delivery.time.milliseconds / $0.milliseconds } ?? 0
            if perPerson[index].window[person] != window {
                perPerson[index].window[person] = window
                perPerson[index].count[person] = 0
            }
            perPerson[index].count[person] += 1
            let candidate = (count: perPerson[index].count[person], person: Int32(person), window: window)
            if let worst = perPerson[index].worst {
                if (-candidate.count, candidate.person, candidate.window) < (-worst.count, worst.person, worst.window) {
                    perPerson[index].worst = candidate
                }
            } else {
                perPerson[index].worst = candidate
            }
        }
    }

    /// The nearest-rank percentile (the ⌈percent·n/100⌉-th smallest of n) of `channel`'s delays, and
    /// the first delivery that had it; nil when there was no delivery.
    func percentile(_ percent: Int, on channel: ChannelKind) -> (value: SimDuration, first: Delivery, of: Int)? {
        let n = delayCounts[channel.rawValue]
        guard n > 0, let buckets = delays[channel.rawValue] else { return nil }
        let rank = (percent * n + 99) / 100
        var seen = 0
        for delay in buckets.keys.sorted() {
            guard let bucket = buckets[delay] else { continue }
            seen += bucket.count
            if seen >= rank { return (SimDuration(milliseconds: delay), bucket.first, n) }
        }
        return nil
    }

    func counters(for id: Int) -> PerPerson? { perPerson.first { $0.id == id } }
}
