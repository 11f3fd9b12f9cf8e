/// Delays counted per distinct value (milliseconds), for exact nearest-rank percentiles in memory
/// that grows with the number of distinct delays, not with deliveries. Used by the report, the
/// capacity checks and `compare`.
///
/// Delays under ``denseLimit`` (the common case: at once, or a latency of a few seconds) are
/// counted in an array indexed by the delay, allocated at the first record; longer ones in a
/// dictionary. Either way every delay is counted exactly.
///
///     var histogram = DelayHistogram()
///     histogram.record(.seconds(2)); histogram.record(.zero)
///     histogram.percentile(50)   // 0s: the ⌈50·2/100⌉ = 1st smallest
public struct DelayHistogram: Sendable {
    /// Delays below this many milliseconds are counted in ``dense``.
    public static let denseLimit: Int64 = 16_384
    private var dense: [Int] = []
    private var sparse: [Int64: Int] = [:]
    /// How many delays were recorded.
    public private(set) var total = 0

    public init() {}

    @inline(__always)
    public mutating func record(_ delay: SimDuration) {
        let milliseconds = delay.milliseconds
        total += 1
        if milliseconds >= 0 && milliseconds < Self.denseLimit {
            if dense.isEmpty { dense = Array(repeating: 0, count: Int(Self.denseLimit)) }
            dense[Int(milliseconds)] += 1
        } else {
            sparse[milliseconds, default: 0] += 1
        }
    }

    /// The nearest rank of `percent` among `count` values (`count` > 0): ⌈percent·count/100⌉, at
    /// least 1 — the one statement of it, for the report, the capacity checks, `--metrics` and
    /// `compare`. The percentile is the rank-th smallest value.
    public static func nearestRank(_ percent: Int, count: Int) -> Int { max(1, (percent * count + 99) / 100) }

    /// The nearest-rank percentile: the ⌈percent·n/100⌉-th smallest of the n delays; nil when none.
    public func percentile(_ percent: Int) -> SimDuration? {
        guard total > 0 else { return nil }
        let rank = Self.nearestRank(percent, count: total)
        var seen = 0
        let negatives = sparse.keys.filter { $0 < 0 }.sorted()
        for delay in negatives {
            seen += sparse[delay] ?? 0
            if seen >= rank { return SimDuration(milliseconds: delay) }
        }
        for (delay, count) in dense.enumerated() where count > 0 {
            seen += count
            if seen >= rank { return SimDuration(milliseconds: Int64(delay)) }
        }
        for delay in sparse.keys.filter({ $0 >= 0 }).sorted() {
            seen += sparse[delay] ?? 0
            if seen >= rank { return SimDuration(milliseconds: delay) }
        }
        return nil
    }
}
