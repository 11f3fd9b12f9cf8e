public import OmniSim
import ScenarioLanguage

/// How many `--metrics` rows a run could write at an interval, estimated from the plan before it
/// runs: a row per channel and interval over the span the plan names (``ScenarioPlan/plannedSpan``),
/// stretched to the end of its last outage and by its longest latency and jitter (a send waits
/// them out, and a waiting send writes a row every interval), with room for what follows (the
/// HTML charts' tenth and a minute: fallbacks, retries). Rows are written only for intervals with
/// activity or while something waits, so this is an upper estimate: a run estimated past
/// ``Simulation/metricsRowsMax`` is refused up front, with an interval that fits.
public struct MetricsEstimate: Sendable, Equatable {
    public var rows: Int
    /// The span the estimate covers (milliseconds).
    public var span: Int64

    public init(plan: ScenarioPlan, interval: SimDuration) {
        let (first, planned) = (plan.plannedSpan.first.milliseconds, plan.plannedSpan.last.milliseconds)
        var configs = plan.channels
        var (last, wait) = (planned, Int64(0))
        func include(_ config: ChannelConfig) {
            for window in config.downWindows { last = max(last, window.until.milliseconds) }
            wait = max(wait, config.latency.milliseconds + config.jitter.milliseconds)
        }
        configs.forEach(include)
        for event in plan.events {
            if case .channel(let kind, let change) = event.action, let index = configs.firstIndex(where: { $0.kind == kind }) {
                configs[index].apply(change)
                include(configs[index])
            }
        }
        // Every input is at most 1,000 years, so no sum here overflows.
        span = (last - first) / 10 * 11 + wait + 60_000
        let intervals = span / max(interval.milliseconds, 1) + 1
        let (product, overflow) = intervals.multipliedReportingOverflow(by: Int64(ChannelKind.allCases.count))
        rows = overflow || product > Int64(Int.max / 2) ? Int.max / 2 : Int(product)
    }

    /// Whether the estimate is within ``Simulation/metricsRowsMax``.
    public var isWithinLimit: Bool { rows <= Simulation.metricsRowsMax }

    /// The shortest round interval whose estimate fits.
    public var intervalThatFits: SimDuration {
        SimDuration(milliseconds: TimeAxis.step(span: span, atMost: Simulation.metricsRowsMax / ChannelKind.allCases.count - 1))
    }

    /// Why the run is refused, in one line.
    public func refusal(interval: SimDuration) -> String {
        "'--metrics' at an interval of \(interval) could write about \(rows.withThousandsSeparators) rows over this scenario's "
            + "\(SimDuration(milliseconds: span)) (a row per channel and interval), over the limit of "
            + "\(Simulation.metricsRowsMax.withThousandsSeparators); use '--interval \(intervalThatFits)' or longer"
    }
}
