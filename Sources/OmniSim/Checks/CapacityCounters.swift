/// The v2 capacity checks, counted as deliveries stream past, in bounded memory: delays as a
/// histogram per channel (one entry per distinct delay in milliseconds, with the first delivery
/// that had it), so percentiles are exact; and, per `to each` check, one count and one window per
/// person, so the worst person is known at the end without keeping any delivery.
struct CapacityCounters {

    /// A `to each` check's counters. With `per D`, windows slide (contract v3): each person keeps
    /// the arrival times of the last D (a queue, oldest first), so the count on arrival at t is the
    /// count in `[s, s+D)` for the oldest s still held — the most in any window ending at t; the
    /// worst window starts at its first delivery. Without `per`, one count for the whole run.
    struct PerPerson {
        let id: Int
        let channel: ChannelKind
        let kind: PersonKind?
        let per: SimDuration?
        var recent: [FIFOQueue<Int64>]
        var count: [Int32]
        /// The highest count, the person declared first, then the earliest window (its start in ms).
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
                    recent: per == nil ? [] : Array(repeating: FIFOQueue(), count: people),
                    count: Array(repeating: 0, count: people)))
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
            let window = perPerson[index].slide(person, arrival: delivery.time.milliseconds)
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

extension CapacityCounters.PerPerson {
    /// Counts an arrival of `person`'s at `arrival` (ms; arrivals come in time order) and returns
    /// the start of the window it counts in: its first delivery (0 without `per`).
    mutating func slide(_ person: Int, arrival: Int64) -> Int64 {
        guard let per else {
            count[person] += 1
            return 0
        }
        recent[person].append(arrival)
        // Half-open: an arrival exactly D before this one shares no window with it.
        let span = per.milliseconds
        recent[person].removeFirst { $0 + span <= arrival }
        count[person] = Int32(recent[person].count)
        return recent[person].first ?? arrival
    }
}
