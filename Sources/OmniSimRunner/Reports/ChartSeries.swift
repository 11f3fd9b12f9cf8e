public import OmniSim

/// A run's metrics at a round interval for the HTML page's charts: per channel and bucket, the
/// deliveries and the largest backlog. Bounded: a bucket per round step, about
/// ``bucketCountMax`` for the span the plan declares.
public struct ChartSeries: Sendable {
    /// The bucket width (milliseconds).
    public let interval: Int64
    /// By channel, by bucket index: deliveries, and the largest backlog.
    public private(set) var delivered: [[Int]] = ChannelKind.allCases.map { _ in [] }
    public private(set) var backlogMax: [[Int]] = ChannelKind.allCases.map { _ in [] }
    /// The first bucket with a row (the charts start there).
    public private(set) var firstBucket: Int?

    static let bucketCountMax = 120

    public init(interval: Int64) { self.interval = interval }

    /// A bucket width for `plan`: a round step (a multiple of `metricsInterval`) that cuts the
    /// span the plan declares (from its first event to its `end at`, last event or check, or over
    /// its loads) into at most about ``bucketCountMax`` buckets.
    public static func interval(for plan: ScenarioPlan, metricsInterval: SimDuration) -> Int64 {
        let (first, last) = (plan.plannedSpan.first.milliseconds, plan.plannedSpan.last.milliseconds)
        // Room for what follows the last event: fallbacks, retries.
        let span = max(last - first, 0) * 11 / 10 + 60_000
        return TimeAxis.step(span: span, atMost: bucketCountMax, multipleOf: max(metricsInterval.milliseconds, 1))
    }

    mutating func add(_ row: MetricsRow) {
        // Issue 23's row of chat figures is not a channel's.
        guard let channel = row.channel?.rawValue else { return }
        let bucket = Int(row.start.milliseconds / interval)
        firstBucket = min(firstBucket ?? bucket, bucket)
        while delivered[channel].count <= bucket {
            delivered[channel].append(0)
            backlogMax[channel].append(0)
        }
        delivered[channel][bucket] += row.delivered
        backlogMax[channel][bucket] = max(backlogMax[channel][bucket], row.backlogMax)
    }
}

/// Collects a run's metrics rows into a ``ChartSeries`` (for `--html`), on the run's thread, and
/// hands the series over when the run finishes.
public final class ChartCollector: RunObserver {
    private var series: ChartSeries
    private let handoff: Handoff<ChartSeries>

    public init(interval: Int64, handingTo handoff: Handoff<ChartSeries>) {
        series = ChartSeries(interval: interval)
        self.handoff = handoff
    }

    public func delivered(_ delivery: Delivery, messages: borrowing [Message], cast: Cast) {}
    public func intervalEnded(_ rows: [MetricsRow]) { for row in rows { series.add(row) } }
    public func finish() throws { handoff.put(series) }
}
