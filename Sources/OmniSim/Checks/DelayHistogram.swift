/// Delays counted per distinct value (milliseconds), for exact nearest-rank percentiles in memory
/// that grows with the number of distinct delays, not with deliveries. Used by the capacity checks
/// and by `compare`.
///
///     var histogram = DelayHistogram()
///     histogram.record(.seconds(2)); histogram.record(.zero)
///     histogram.percentile(50)   // 0s: the ⌈50·2/100⌉ = 1st smallest
public struct DelayHistogram: Sendable {
    private var counts: [Int64: Int] = [:]
    /// How many delays were recorded.
    public private(set) var total = 0

    public init() {}

    public mutating func record(_ delay: SimDuration) {
        counts[delay.milliseconds, default: 0] += 1
        total += 1
    }

    /// The nearest-rank percentile: the ⌈percent·n/100⌉-th smallest of the n delays; nil when none.
    public func percentile(_ percent: Int) -> SimDuration? {
        guard total > 0 else { return nil }
        let rank = max(1, (percent * total + 99) / 100)
        var seen = 0
        for delay in counts.keys.sorted() {
            seen += counts[delay] ?? 0
            if seen >= rank { return SimDuration(milliseconds: delay) }
        }
        return nil
    }
}
