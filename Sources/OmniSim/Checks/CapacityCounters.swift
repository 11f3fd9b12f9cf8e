/// The v2 capacity checks, counted as deliveries stream past, in bounded memory: delays as a
/// histogram per channel (one entry per distinct delay in milliseconds, with the first delivery
/// that had it), so percentiles are exact; and, per `to each` check, one count and one window per
/// person, so the worst person is known at the end without keeping any delivery.
struct CapacityCounters {

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

    /// By channel: the delays, and the first delivery of each distinct delay (to name the one
    /// behind a percentile); only for channels a percentile check names.
    private(set) var delays: [DelayHistogram?] = Array(repeating: nil, count: ChannelKind.allCases.count)
    private var firstWithDelay: [[Int64: Delivery]] = Array(repeating: [:], count: ChannelKind.allCases.count)
    private(set) var perPerson: [PerPerson] = []

    init(checks: [PlannedCheck], cast: Cast) {
        for check in checks where check.time == nil {
            switch check.condition {
            case .delayPercentile(let channel, _, _): delays[channel.rawValue] = DelayHistogram()
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
            let delay = delivery.time - delivery.due
            delays[channel]?.record(delay)
            if firstWithDelay[channel][delay.milliseconds] == nil { firstWithDelay[channel][delay.milliseconds] = delivery }
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
        guard let histogram = delays[channel.rawValue], let value = histogram.percentile(percent),
              let first = firstWithDelay[channel.rawValue][value.milliseconds]
        else { return nil }
        return (value, first, histogram.total)
    }

    func counters(for id: Int) -> PerPerson? { perPerson.first { $0.id == id } }
}
